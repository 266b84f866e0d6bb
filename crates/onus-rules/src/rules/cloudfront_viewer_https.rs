//! # cloudfront.viewer-https: CloudFront serves viewers over HTTPS only
//!
//! ## Why this is your duty
//! CloudFront is an abstracted, global service: AWS runs the edge, but the
//! protocol policy between viewers and the edge is your configuration. A
//! cache behavior with `allow-all` serves content, cookies and signed URLs
//! over plain HTTP to anyone on the path.
//!
//! ## What AWS already does
//! Provides TLS at every edge location (with the `*.cloudfront.net`
//! certificate or yours) and the `redirect-to-https` and `https-only`
//! policies.
//!
//! ## Verdicts
//! Reads `ViewerProtocolPolicy` of the default cache behavior and of every
//! ordered cache behavior: `AWS::CloudFront::Distribution`
//! `DistributionConfig.DefaultCacheBehavior` / `DistributionConfig.CacheBehaviors[]`,
//! Terraform `aws_cloudfront_distribution` `default_cache_behavior` /
//! `ordered_cache_behavior`:
//! - met: every behavior is `redirect-to-https` or `https-only`;
//! - not met: a behavior is `allow-all` (the finding points at it), or sets
//!   no policy;
//! - unknown: a policy onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Cdn:
//!     Type: AWS::CloudFront::Distribution
//!     Properties:
//!       DistributionConfig:
//!         Enabled: true
//!         Origins:
//!           - Id: web
//!             DomainName: web.example.com
//!             CustomOriginConfig:
//!               OriginProtocolPolicy: https-only
//!         DefaultCacheBehavior:
//!           TargetOriginId: web
//!           ViewerProtocolPolicy: redirect-to-https
//!           CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6
//!         CacheBehaviors:
//!           - PathPattern: /api/*
//!             TargetOriginId: web
//!             ViewerProtocolPolicy: https-only
//!             CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
//! ```
//! ```yaml fail
//! Resources:
//!   Cdn:
//!     Type: AWS::CloudFront::Distribution
//!     Properties:
//!       DistributionConfig:
//!         Enabled: true
//!         Origins:
//!           - Id: web
//!             DomainName: web.example.com
//!             CustomOriginConfig:
//!               OriginProtocolPolicy: https-only
//!         DefaultCacheBehavior:
//!           TargetOriginId: web
//!           ViewerProtocolPolicy: redirect-to-https
//!           CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6
//!         CacheBehaviors:
//!           - PathPattern: /legacy/*
//!             TargetOriginId: web
//!             ViewerProtocolPolicy: allow-all
//!             CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6
//! ```
//! ```hcl pass
//! resource "aws_cloudfront_distribution" "cdn" {
//!   enabled = true
//!   origin {
//!     origin_id   = "web"
//!     domain_name = "web.example.com"
//!   }
//!   default_cache_behavior {
//!     target_origin_id       = "web"
//!     viewer_protocol_policy = "redirect-to-https"
//!     allowed_methods        = ["GET", "HEAD"]
//!     cached_methods         = ["GET", "HEAD"]
//!   }
//!   ordered_cache_behavior {
//!     path_pattern           = "/api/*"
//!     target_origin_id       = "web"
//!     viewer_protocol_policy = "https-only"
//!     allowed_methods        = ["GET", "HEAD"]
//!     cached_methods         = ["GET", "HEAD"]
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_cloudfront_distribution" "cdn" {
//!   enabled = true
//!   origin {
//!     origin_id   = "web"
//!     domain_name = "web.example.com"
//!   }
//!   default_cache_behavior {
//!     target_origin_id       = "web"
//!     viewer_protocol_policy = "allow-all"
//!     allowed_methods        = ["GET", "HEAD"]
//!     cached_methods         = ["GET", "HEAD"]
//!   }
//! }
//! ```

use crate::check::{Judgement, get_in, judge, spelling, verdict_of};
use crate::cloudfront::behaviors;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "cloudfront.viewer-https",
    title: "CloudFront cache behaviors require HTTPS from viewers",
    duty: Duty::EncryptionInTransit,
    severity: Severity::High,
    cfn_types: &["AWS::CloudFront::Distribution"],
    tf_types: &["aws_cloudfront_distribution"],
    reads: &[],
    controls: Controls {
        fsbp: &["CloudFront.3"],
        config: &["CLOUDFRONT_VIEWER_POLICY_HTTPS"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_34", Same),
        trivy("AVD-AWS-0012", Same),
        guard("CLOUDFRONT_VIEWER_POLICY_HTTPS", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let key = spelling(resource, "ViewerProtocolPolicy", "viewer_protocol_policy");
    let behaviors = behaviors(resource);
    if behaviors.is_empty() {
        let path = spelling(
            resource,
            "DistributionConfig.DefaultCacheBehavior",
            "default_cache_behavior",
        );
        return Verdict::missing(resource, path, format!("{path} is not set"));
    }
    let mut unknown = None;
    for (at, behavior) in &behaviors {
        let path = format!("{at}.{key}");
        let Some(policy) = get_in(behavior, key) else {
            return Verdict::not_met(resource, behavior.span, &path, format!("{path} is not set"));
        };
        let j = judge(policy, &mut |n| match n.as_str() {
            Some(p) => Judgement::from_bool(
                matches!(p.trim(), "redirect-to-https" | "https-only"),
                n,
                || format!("{path} is {p:?}: viewers can use plain HTTP"),
            ),
            None => Judgement::no(n, format!("{path} is not a string")),
        });
        match j {
            Judgement::Yes => {}
            Judgement::No(..) => return verdict_of(resource, policy, &path, j, ""),
            Judgement::Unknown(..) => {
                unknown.get_or_insert_with(|| verdict_of(resource, policy, &path, j, ""));
            }
        }
    }
    unknown.unwrap_or_else(|| {
        Verdict::met(
            resource,
            resource.name_span,
            behaviors[0].0.as_str(),
            "every cache behavior requires HTTPS from viewers",
        )
    })
}
