//! # cloudfront.origin-https: CloudFront reaches custom origins over HTTPS
//!
//! ## Why this is your duty
//! CloudFront is an abstracted service: AWS encrypts the viewer's connection
//! as you configure it, but the leg from the edge to your origin crosses the
//! internet and is yours to protect. With `http-only` — or `match-viewer`
//! behind a behavior that accepts plain HTTP — requests, cookies and
//! responses travel to and from the origin in clear text, even when the
//! viewer used HTTPS.
//!
//! ## What AWS already does
//! Connects to the origin with the protocol policy you set (a required
//! property); `match-viewer` uses whatever protocol the viewer used.
//!
//! ## Verdicts
//! Reads the custom origins of `AWS::CloudFront::Distribution`
//! (`Origins[].CustomOriginConfig.OriginProtocolPolicy`) and Terraform
//! `aws_cloudfront_distribution` (`origin { custom_origin_config {
//! origin_protocol_policy } }`):
//! - met: every custom origin is `https-only`, or `match-viewer` behind
//!   behaviors that require HTTPS (`redirect-to-https`, `https-only`);
//! - not met: `http-only`, or `match-viewer` with a behavior targeting the
//!   origin that allows plain HTTP (`allow-all`);
//! - not applicable: no custom origin (S3 REST origins and VPC origins are
//!   reached by other means);
//! - unknown: a value onus cannot resolve.
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
//!           TargetOriginId: app
//!           ViewerProtocolPolicy: allow-all
//!         Origins:
//!           - Id: app
//!             DomainName: app.example.com
//!             CustomOriginConfig:
//!               OriginProtocolPolicy: https-only
//!               OriginSSLProtocols: [TLSv1.2]
//! ```
//! ```yaml fail
//! Resources:
//!   Site:
//!     Type: AWS::CloudFront::Distribution
//!     Properties:
//!       DistributionConfig:
//!         Enabled: true
//!         DefaultCacheBehavior:
//!           TargetOriginId: app
//!           ViewerProtocolPolicy: allow-all
//!         Origins:
//!           - Id: app
//!             DomainName: app.example.com
//!             CustomOriginConfig:
//!               OriginProtocolPolicy: match-viewer
//! ```
//! ```hcl pass
//! resource "aws_cloudfront_distribution" "site" {
//!   enabled = true
//!   origin {
//!     origin_id   = "app"
//!     domain_name = "app.example.com"
//!     custom_origin_config {
//!       http_port              = 80
//!       https_port             = 443
//!       origin_protocol_policy = "match-viewer"
//!       origin_ssl_protocols   = ["TLSv1.2"]
//!     }
//!   }
//!   default_cache_behavior {
//!     target_origin_id       = "app"
//!     viewer_protocol_policy = "redirect-to-https"
//!     allowed_methods        = ["GET", "HEAD"]
//!     cached_methods         = ["GET", "HEAD"]
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_cloudfront_distribution" "site" {
//!   enabled = true
//!   origin {
//!     origin_id   = "app"
//!     domain_name = "app.example.com"
//!     custom_origin_config {
//!       http_port              = 80
//!       https_port             = 443
//!       origin_protocol_policy = "http-only"
//!       origin_ssl_protocols   = ["TLSv1.2"]
//!     }
//!   }
//! }
//! ```

use crate::check::{Every, Judgement, get_in, judge, spelling};
use crate::cloudfront::{DISTRIBUTION_CFN, DISTRIBUTION_TF, behaviors, custom_origins, field};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "cloudfront.origin-https",
    title: "CloudFront reaches custom origins over HTTPS",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: DISTRIBUTION_CFN,
    tf_types: DISTRIBUTION_TF,
    reads: &[],
    controls: Controls {
        fsbp: &["CloudFront.9"],
        config: &["CLOUDFRONT_TRAFFIC_TO_ORIGIN_ENCRYPTED"],
        cis: &[],
    },
    peers: &[checkov("CKV2_AWS_72", Same)],
    check,
    file: file!(),
};

/// The path of the first behavior routed to origin `id` that accepts plain HTTP.
fn plain_http_behavior(resource: &Resource, id: Option<String>) -> Option<String> {
    behaviors(resource).into_iter().find_map(|(path, b)| {
        let target = field(resource, b, "TargetOriginId", "target_origin_id")?.scalar_text();
        let policy = field(
            resource,
            b,
            "ViewerProtocolPolicy",
            "viewer_protocol_policy",
        )?;
        (target == id && policy.as_str() == Some("allow-all")).then_some(path)
    })
}

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let origins = custom_origins(resource);
    if origins.is_empty() {
        return Verdict::not_applicable(resource, "no custom origin");
    }
    let mut every = Every::default();
    for (at, origin, config) in origins {
        let key = spelling(resource, "OriginProtocolPolicy", "origin_protocol_policy");
        let path = format!("{at}.{key}");
        let Some(policy) = get_in(config, key) else {
            return Verdict::not_met(
                resource,
                config.span,
                &path,
                format!("{path} is not set (AWS requires it: invalid)"),
            );
        };
        let id = field(resource, origin, "Id", "origin_id").and_then(Node::scalar_text);
        let j = judge(policy, &mut |n| match n.as_str().map(str::trim) {
            Some("https-only") => Judgement::Yes,
            Some("http-only") => {
                Judgement::no(n, "http-only: CloudFront reaches the origin in clear text")
            }
            Some("match-viewer") => match plain_http_behavior(resource, id.clone()) {
                Some(b) => Judgement::no(
                    n,
                    format!(
                        "match-viewer while {b} allows plain HTTP: those requests reach the origin in clear text"
                    ),
                ),
                None => Judgement::Yes,
            },
            Some(other) => Judgement::no(
                n,
                format!("{other:?} is not a valid origin protocol policy"),
            ),
            None => Judgement::no(n, format!("{path} is not a string")),
        });
        if let Some(v) = every.add(resource, &path, j) {
            return v;
        }
    }
    every.finish(|| {
        Verdict::met(
            resource,
            resource.name_span,
            "",
            "every custom origin is reached over HTTPS",
        )
    })
}
