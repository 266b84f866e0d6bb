//! # cloudfront.oac-signing: origin access controls sign CloudFront's requests
//!
//! ## Why this is your duty
//! CloudFront is an abstracted service: keeping your origins reachable
//! through the CDN only is access control on your side of the model. An
//! origin access control whose signing behavior is `never` attaches to the
//! origin but signs nothing, so the bucket or function URL behind it must
//! accept unsigned requests — from anyone, not only from CloudFront.
//!
//! ## What AWS already does
//! Signs every origin request with SigV4 when the signing behavior is
//! `always`, and requests without a viewer `Authorization` header when it is
//! `no-override`; the behavior is a required setting.
//!
//! ## Verdicts
//! Reads `AWS::CloudFront::OriginAccessControl`
//! (`OriginAccessControlConfig.SigningBehavior`) and Terraform
//! `aws_cloudfront_origin_access_control` (`signing_behavior`):
//! - met: `always` or `no-override`;
//! - not met: `never`, or another value (invalid);
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Oac:
//!     Type: AWS::CloudFront::OriginAccessControl
//!     Properties:
//!       OriginAccessControlConfig:
//!         Name: site
//!         OriginAccessControlOriginType: s3
//!         SigningBehavior: always
//!         SigningProtocol: sigv4
//! ```
//! ```yaml fail
//! Resources:
//!   Oac:
//!     Type: AWS::CloudFront::OriginAccessControl
//!     Properties:
//!       OriginAccessControlConfig:
//!         Name: site
//!         OriginAccessControlOriginType: s3
//!         SigningBehavior: never
//!         SigningProtocol: sigv4
//! ```
//! ```hcl pass
//! resource "aws_cloudfront_origin_access_control" "site" {
//!   name                              = "site"
//!   origin_access_control_origin_type = "s3"
//!   signing_behavior                  = "no-override"
//!   signing_protocol                  = "sigv4"
//! }
//! ```
//! ```hcl fail
//! resource "aws_cloudfront_origin_access_control" "site" {
//!   name                              = "site"
//!   origin_access_control_origin_type = "s3"
//!   signing_behavior                  = "never"
//!   signing_protocol                  = "sigv4"
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "cloudfront.oac-signing",
    title: "CloudFront origin access controls sign requests to the origin",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &["AWS::CloudFront::OriginAccessControl"],
    tf_types: &["aws_cloudfront_origin_access_control"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "OriginAccessControlConfig.SigningBehavior",
        "signing_behavior",
        &["always", "no-override"],
        None,
        "signed origin requests",
    )
}
