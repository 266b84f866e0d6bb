//! # cloudfront.trusted-key-groups: signed URLs are verified with key groups, not root-account key pairs
//!
//! ## Why this is your duty
//! CloudFront is an abstracted service: who may fetch private content
//! through signed URLs and cookies is access control on your side of the
//! model. Trusted signers rely on CloudFront key pairs that only the AWS
//! account root user can create and manage, outside IAM; trusted key groups
//! use public keys you manage with IAM permissions, rotate per key group and
//! never require root credentials.
//!
//! ## What AWS already does
//! Verifies signed URLs against the trusted signers or key groups a cache
//! behavior names; requires no signature when neither is named. AWS
//! recommends key groups over trusted signers.
//!
//! ## Verdicts
//! Reads every cache behavior of `AWS::CloudFront::Distribution`
//! (`TrustedSigners`, `TrustedKeyGroups`) and Terraform
//! `aws_cloudfront_distribution` (`trusted_signers`, `trusted_key_groups`):
//! - met: behaviors that restrict viewers use trusted key groups only;
//! - not met: a behavior names trusted signers;
//! - not applicable: no behavior restricts viewer access with signatures;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Private:
//!     Type: AWS::CloudFront::Distribution
//!     Properties:
//!       DistributionConfig:
//!         Enabled: true
//!         DefaultCacheBehavior:
//!           TargetOriginId: site
//!           ViewerProtocolPolicy: https-only
//!           TrustedKeyGroups: [kg-123]
//!         Origins:
//!           - Id: site
//!             DomainName: example.com
//! ```
//! ```yaml fail
//! Resources:
//!   Private:
//!     Type: AWS::CloudFront::Distribution
//!     Properties:
//!       DistributionConfig:
//!         Enabled: true
//!         DefaultCacheBehavior:
//!           TargetOriginId: site
//!           ViewerProtocolPolicy: https-only
//!           TrustedSigners: [self]
//!         Origins:
//!           - Id: site
//!             DomainName: example.com
//! ```
//! ```hcl pass
//! resource "aws_cloudfront_distribution" "private" {
//!   enabled = true
//!   default_cache_behavior {
//!     target_origin_id       = "site"
//!     viewer_protocol_policy = "https-only"
//!     allowed_methods        = ["GET", "HEAD"]
//!     cached_methods         = ["GET", "HEAD"]
//!     trusted_key_groups     = ["kg-123"]
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_cloudfront_distribution" "private" {
//!   enabled = true
//!   default_cache_behavior {
//!     target_origin_id       = "site"
//!     viewer_protocol_policy = "https-only"
//!     allowed_methods        = ["GET", "HEAD"]
//!     cached_methods         = ["GET", "HEAD"]
//!     trusted_signers        = ["self"]
//!   }
//! }
//! ```

use crate::check::is_empty;
use crate::cloudfront::{DISTRIBUTION_CFN, DISTRIBUTION_TF, behaviors, field};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "cloudfront.trusted-key-groups",
    title: "CloudFront signed URLs are verified with key groups, not trusted signers",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: DISTRIBUTION_CFN,
    tf_types: DISTRIBUTION_TF,
    reads: &[],
    controls: Controls {
        fsbp: &["CloudFront.17"],
        config: &[],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let mut restricted = 0;
    for (path, behavior) in behaviors(resource) {
        if let Some(signers) = field(resource, behavior, "TrustedSigners", "trusted_signers") {
            if let Value::Unknown(what) = &signers.value {
                return Verdict::unknown(resource, signers.span, &path, what.clone());
            }
            if !is_empty(signers) {
                return Verdict::not_met(
                    resource,
                    signers.span,
                    &path,
                    "the behavior trusts signers (CloudFront key pairs managed by the root user), not key groups",
                );
            }
        }
        if field(resource, behavior, "TrustedKeyGroups", "trusted_key_groups")
            .is_some_and(|g| !is_empty(g))
        {
            restricted += 1;
        }
    }
    if restricted == 0 {
        return Verdict::not_applicable(resource, "no behavior requires signed URLs or cookies");
    }
    Verdict::met(
        resource,
        resource.name_span,
        "",
        "signed URLs and cookies are verified with trusted key groups",
    )
}
