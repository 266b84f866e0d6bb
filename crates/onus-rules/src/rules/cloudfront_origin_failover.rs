//! # cloudfront.origin-failover: distributions fail over to a second origin
//!
//! ## Why this is your duty
//! CloudFront is an abstracted service: AWS keeps the edge available, but
//! the origin behind it is yours. When a distribution has a single origin,
//! every cache miss fails while that origin (a bucket's Region, a load
//! balancer) is down. An origin group sends requests to a secondary origin
//! when the primary returns the error codes you choose.
//!
//! ## What AWS already does
//! Serves cached objects from the edge; retries and fails over only between
//! the origins of an origin group you define. None exists by default.
//!
//! ## Verdicts
//! Reads `AWS::CloudFront::Distribution` `DistributionConfig.OriginGroups.Items`
//! and Terraform `aws_cloudfront_distribution` `origin_group` blocks:
//! - met: an origin group has two members;
//! - not met: no origin group, or groups with fewer than two members;
//! - unknown: the groups are a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Site:
//!     Type: AWS::CloudFront::Distribution
//!     Properties:
//!       DistributionConfig:
//!         Enabled: true
//!         DefaultCacheBehavior:
//!           TargetOriginId: both
//!           ViewerProtocolPolicy: redirect-to-https
//!         Origins:
//!           - Id: primary
//!             DomainName: primary.example.com
//!           - Id: secondary
//!             DomainName: secondary.example.com
//!         OriginGroups:
//!           Quantity: 1
//!           Items:
//!             - Id: both
//!               FailoverCriteria:
//!                 StatusCodes:
//!                   Quantity: 2
//!                   Items: [500, 503]
//!               Members:
//!                 Quantity: 2
//!                 Items:
//!                   - OriginId: primary
//!                   - OriginId: secondary
//! ```
//! ```yaml fail
//! Resources:
//!   Site:
//!     Type: AWS::CloudFront::Distribution
//!     Properties:
//!       DistributionConfig:
//!         Enabled: true
//!         DefaultCacheBehavior:
//!           TargetOriginId: primary
//!           ViewerProtocolPolicy: redirect-to-https
//!         Origins:
//!           - Id: primary
//!             DomainName: primary.example.com
//! ```
//! ```hcl pass
//! resource "aws_cloudfront_distribution" "site" {
//!   enabled = true
//!   origin_group {
//!     origin_id = "both"
//!     failover_criteria {
//!       status_codes = [500, 503]
//!     }
//!     member {
//!       origin_id = "primary"
//!     }
//!     member {
//!       origin_id = "secondary"
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_cloudfront_distribution" "site" {
//!   enabled = true
//! }
//! ```

use crate::check::{get_in, items, prop};
use crate::cloudfront::{DISTRIBUTION_CFN, DISTRIBUTION_TF};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "cloudfront.origin-failover",
    title: "CloudFront distributions fail over between two origins",
    duty: Duty::Resilience,
    severity: Severity::Low,
    cfn_types: DISTRIBUTION_CFN,
    tf_types: DISTRIBUTION_TF,
    reads: &[],
    controls: Controls {
        fsbp: &["CloudFront.4"],
        config: &["CLOUDFRONT_ORIGIN_FAILOVER_ENABLED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_310", Same),
        guard("CLOUDFRONT_ORIGIN_FAILOVER_ENABLED", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let (groups, path) = prop(
        resource,
        "DistributionConfig.OriginGroups.Items",
        "origin_group",
    );
    let Some(groups) = groups else {
        return Verdict::missing(
            resource,
            path,
            format!("{path} is not set: no origin group fails over to a second origin"),
        );
    };
    if let Value::Unknown(what) = &groups.value {
        return Verdict::unknown(resource, groups.span, path, what.clone());
    }
    let members_path = if resource.format.is_terraform() {
        "member"
    } else {
        "Members.Items"
    };
    for group in items(Some(groups)) {
        if items(get_in(group, members_path)).len() >= 2 {
            return Verdict::met(
                resource,
                group.span,
                path,
                "an origin group fails over between two origins",
            );
        }
    }
    Verdict::not_met(
        resource,
        groups.span,
        path,
        "no origin group has two members to fail over between",
    )
}
