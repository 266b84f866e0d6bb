//! # s3.access-point-public-access-block: S3 access points block public access
//!
//! ## Why this is your duty
//! S3 is an abstracted service: AWS serves every request, but who may reach
//! your data through an access point is your access policy. An access point
//! has its own Block Public Access settings, applied on top of the bucket's
//! and the account's; turning them off lets a public access point policy
//! expose the bucket's data.
//!
//! ## What AWS already does
//! Turns on all four Block Public Access settings for every new access point
//! (access points exist since December 2019); they must be switched off
//! explicitly, and cannot be changed after the access point is created.
//!
//! ## Verdicts
//! Follows the AWS Config rule `s3-access-point-public-access-blocks`
//! (Security Hub S3.19).
//! - met: `PublicAccessBlockConfiguration` absent (all four on), or all four
//!   of `BlockPublicAcls`, `BlockPublicPolicy`, `IgnorePublicAcls` and
//!   `RestrictPublicBuckets` true; Terraform: the
//!   `public_access_block_configuration` block absent, or its four settings
//!   true or left at the provider's default (true);
//! - not met: any setting false (in CloudFormation also a setting left out of
//!   a declared configuration, which S3 reads as false);
//! - unknown: a setting comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Reader:
//!     Type: AWS::S3::AccessPoint
//!     Properties:
//!       Bucket: data
//! ```
//! ```yaml fail
//! Resources:
//!   Reader:
//!     Type: AWS::S3::AccessPoint
//!     Properties:
//!       Bucket: data
//!       PublicAccessBlockConfiguration:
//!         BlockPublicAcls: true
//!         BlockPublicPolicy: false
//!         IgnorePublicAcls: true
//!         RestrictPublicBuckets: true
//! ```
//! ```hcl pass
//! resource "aws_s3_access_point" "reader" {
//!   bucket = "data"
//!   name   = "reader"
//!   public_access_block_configuration {
//!     block_public_acls = true
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_s3_access_point" "reader" {
//!   bucket = "data"
//!   name   = "reader"
//!   public_access_block_configuration {
//!     restrict_public_buckets = false
//!   }
//! }
//! ```

use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::s3::require_block_public_access;
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "s3.access-point-public-access-block",
    title: "S3 access points keep all four Block Public Access settings on",
    duty: Duty::AccessControl,
    severity: Severity::High,
    cfn_types: &["AWS::S3::AccessPoint"],
    tf_types: &["aws_s3_access_point"],
    reads: &[],
    controls: Controls {
        fsbp: &["S3.19"],
        config: &["S3_ACCESS_POINT_PUBLIC_ACCESS_BLOCKS"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_392", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    // The provider fills a setting left out of the block with true.
    let omitted = resource.format.is_terraform();
    require_block_public_access(
        resource,
        "PublicAccessBlockConfiguration",
        "public_access_block_configuration",
        true,
        omitted,
    )
}
