//! # cloudfront.default-root-object: distributions serve a default root object
//!
//! ## Why this is your duty
//! CloudFront is an abstracted service: AWS runs the edge, and what a
//! request for the bare domain (`https://example.com/`) returns is your
//! configuration. Without a default root object, CloudFront forwards `/` to
//! the origin as is: an S3 origin that allows listing answers with the
//! bucket's object list, other origins with whatever their root serves —
//! content you did not mean to publish.
//!
//! ## What AWS already does
//! Forwards requests for `/` to the origin unchanged when no default root
//! object is set; it sets none by default.
//!
//! ## Verdicts
//! Reads `AWS::CloudFront::Distribution` `DistributionConfig.DefaultRootObject`
//! and Terraform `aws_cloudfront_distribution` `default_root_object`:
//! - met: an object is named;
//! - not met: absent or empty;
//! - unknown: a value onus cannot resolve.
//!
//! An API or application origin that handles `/` itself is a deliberate
//! exception: suppress this rule on it with a reason.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Site:
//!     Type: AWS::CloudFront::Distribution
//!     Properties:
//!       DistributionConfig:
//!         Enabled: true
//!         DefaultRootObject: index.html
//!         DefaultCacheBehavior:
//!           TargetOriginId: site
//!           ViewerProtocolPolicy: redirect-to-https
//!         Origins:
//!           - Id: site
//!             DomainName: example.com
//! ```
//! ```yaml fail
//! Resources:
//!   Site:
//!     Type: AWS::CloudFront::Distribution
//!     Properties:
//!       DistributionConfig:
//!         Enabled: true
//!         DefaultCacheBehavior:
//!           TargetOriginId: site
//!           ViewerProtocolPolicy: redirect-to-https
//!         Origins:
//!           - Id: site
//!             DomainName: example.com
//! ```
//! ```hcl pass
//! resource "aws_cloudfront_distribution" "site" {
//!   enabled             = true
//!   default_root_object = "index.html"
//! }
//! ```
//! ```hcl fail
//! resource "aws_cloudfront_distribution" "site" {
//!   enabled             = true
//!   default_root_object = ""
//! }
//! ```

use crate::check::require_set;
use crate::cloudfront::{DISTRIBUTION_CFN, DISTRIBUTION_TF};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "cloudfront.default-root-object",
    title: "CloudFront distributions serve a default root object",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: DISTRIBUTION_CFN,
    tf_types: DISTRIBUTION_TF,
    reads: &[],
    controls: Controls {
        fsbp: &["CloudFront.1"],
        config: &["CLOUDFRONT_DEFAULT_ROOT_OBJECT_CONFIGURED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_305", Same),
        guard("CLOUDFRONT_DEFAULT_ROOT_OBJECT_CONFIGURED", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_set(
        resource,
        "DistributionConfig.DefaultRootObject",
        "default_root_object",
        "requests for / reach the origin's root",
    )
}
