//! # cloudfront.origin-tls-protocols: CloudFront negotiates TLS 1.2 with custom origins, never SSLv3
//!
//! ## Why this is your duty
//! CloudFront is an abstracted service: the connection from the edge to
//! your origin is yours to protect, and the protocols CloudFront may use for
//! it are your configuration. Allowing SSLv3 lets the connection fall back
//! to a protocol broken since 2014 (POODLE); a list without TLSv1.2 caps the
//! connection below what every current server supports.
//!
//! ## What AWS already does
//! Negotiates the highest protocol in your list that the origin supports.
//! Terraform requires the list; CloudFormation sends a default when
//! `OriginSSLProtocols` is left out, which the template does not show.
//!
//! ## Verdicts
//! Reads the custom origins of `AWS::CloudFront::Distribution`
//! (`Origins[].CustomOriginConfig.OriginSSLProtocols`) and Terraform
//! `aws_cloudfront_distribution` (`origin { custom_origin_config {
//! origin_ssl_protocols } }`), except `http-only` origins:
//! - met: every list includes `TLSv1.2` and not `SSLv3`;
//! - not met: a list with `SSLv3`, or without `TLSv1.2`;
//! - not applicable: no custom origin reached over HTTPS;
//! - unknown: the list is absent (CloudFormation's default) or not static.
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
//!           ViewerProtocolPolicy: https-only
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
//!           ViewerProtocolPolicy: https-only
//!         Origins:
//!           - Id: app
//!             DomainName: app.example.com
//!             CustomOriginConfig:
//!               OriginProtocolPolicy: https-only
//!               OriginSSLProtocols: [SSLv3, TLSv1, TLSv1.1, TLSv1.2]
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
//!       origin_protocol_policy = "https-only"
//!       origin_ssl_protocols   = ["TLSv1.2"]
//!     }
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
//!       origin_protocol_policy = "https-only"
//!       origin_ssl_protocols   = ["TLSv1", "TLSv1.1"]
//!     }
//!   }
//! }
//! ```

use crate::check::{Every, Judgement, get_in, items, judge, spelling};
use crate::cloudfront::{DISTRIBUTION_CFN, DISTRIBUTION_TF, custom_origins, field};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "cloudfront.origin-tls-protocols",
    title: "CloudFront negotiates TLS 1.2 with custom origins and never SSLv3",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: DISTRIBUTION_CFN,
    tf_types: DISTRIBUTION_TF,
    reads: &[],
    controls: Controls {
        fsbp: &["CloudFront.10"],
        config: &["CLOUDFRONT_NO_DEPRECATED_SSL_PROTOCOLS"],
        cis: &[],
    },
    peers: &[checkov("CKV2_AWS_54", Related)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let mut every = Every::default();
    let mut judged = 0;
    for (at, _, config) in custom_origins(resource) {
        let plain = field(
            resource,
            config,
            "OriginProtocolPolicy",
            "origin_protocol_policy",
        )
        .and_then(|n| n.as_str())
        .is_some_and(|p| p.trim() == "http-only");
        if plain {
            continue;
        }
        judged += 1;
        let key = spelling(resource, "OriginSSLProtocols", "origin_ssl_protocols");
        let path = format!("{at}.{key}");
        let Some(list) = get_in(config, key) else {
            every.unknown({
                Verdict::unknown(
                    resource,
                    config.span,
                    &path,
                    format!("{path}, which is not set: CloudFormation's default list applies"),
                )
            });
            continue;
        };
        let j = judge(list, &mut |l| {
            let protocols: Vec<String> = items(Some(l))
                .iter()
                .filter_map(|p| p.scalar_text())
                .collect();
            if protocols.iter().any(|p| p.eq_ignore_ascii_case("SSLv3")) {
                Judgement::no(l, "SSLv3 is allowed to the origin")
            } else if !protocols.iter().any(|p| p.eq_ignore_ascii_case("TLSv1.2")) {
                Judgement::no(
                    l,
                    "TLSv1.2 is not allowed to the origin: the connection stays below TLS 1.2",
                )
            } else {
                Judgement::Yes
            }
        });
        if let Some(v) = every.add(resource, &path, j) {
            return v;
        }
    }
    if judged == 0 {
        return Verdict::not_applicable(resource, "no custom origin reached over HTTPS");
    }
    every.finish(|| {
        Verdict::met(
            resource,
            resource.name_span,
            "",
            "custom origins are reached with TLS 1.2 and never SSLv3",
        )
    })
}
