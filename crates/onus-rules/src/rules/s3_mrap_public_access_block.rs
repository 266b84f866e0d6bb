//! # s3.mrap-public-access-block: S3 Multi-Region Access Points block public access
//!
//! ## Why this is your duty
//! S3 is an abstracted service: AWS routes each request to the nearest
//! replica bucket, but who may reach your data through the global endpoint is
//! your access policy. A Multi-Region Access Point's Block Public Access
//! settings are fixed when it is created; turned off, a public access point
//! policy exposes every bucket behind it, in every Region.
//!
//! ## What AWS already does
//! Turns on all four Block Public Access settings for every new Multi-Region
//! Access Point (available since September 2021) unless you switch them off
//! at creation; they cannot be changed afterwards.
//!
//! ## Verdicts
//! Follows Security Hub S3.24.
//! - met: `PublicAccessBlockConfiguration` absent (all four on), or all four
//!   of `BlockPublicAcls`, `BlockPublicPolicy`, `IgnorePublicAcls` and
//!   `RestrictPublicBuckets` true; Terraform: `details.public_access_block`
//!   absent, or its four settings true or left at the provider's default
//!   (true);
//! - not met: any setting false (in CloudFormation also a setting left out of
//!   a declared configuration, which S3 reads as false);
//! - unknown: a setting comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Global:
//!     Type: AWS::S3::MultiRegionAccessPoint
//!     Properties:
//!       Regions:
//!         - Bucket: data-eu
//!         - Bucket: data-us
//! ```
//! ```yaml fail
//! Resources:
//!   Global:
//!     Type: AWS::S3::MultiRegionAccessPoint
//!     Properties:
//!       Regions:
//!         - Bucket: data-eu
//!         - Bucket: data-us
//!       PublicAccessBlockConfiguration:
//!         BlockPublicAcls: true
//!         BlockPublicPolicy: true
//! ```
//! ```hcl pass
//! resource "aws_s3control_multi_region_access_point" "global" {
//!   details {
//!     name = "global"
//!     region {
//!       bucket = "data-eu"
//!     }
//!     region {
//!       bucket = "data-us"
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_s3control_multi_region_access_point" "global" {
//!   details {
//!     name = "global"
//!     public_access_block {
//!       block_public_policy = false
//!     }
//!     region {
//!       bucket = "data-eu"
//!     }
//!   }
//! }
//! ```

use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::s3::require_block_public_access;
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "s3.mrap-public-access-block",
    title: "S3 Multi-Region Access Points keep all four Block Public Access settings on",
    duty: Duty::AccessControl,
    severity: Severity::High,
    cfn_types: &["AWS::S3::MultiRegionAccessPoint"],
    tf_types: &["aws_s3control_multi_region_access_point"],
    reads: &[],
    controls: Controls {
        fsbp: &["S3.24"],
        config: &[],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    // The provider fills a setting left out of the block with true.
    let omitted = resource.format.is_terraform();
    require_block_public_access(
        resource,
        "PublicAccessBlockConfiguration",
        "details.public_access_block",
        true,
        omitted,
    )
}
