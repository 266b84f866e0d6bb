//! # cloudfront.tls-version: CloudFront viewers need TLS 1.2 with the recommended ciphers
//!
//! ## Why this is your duty
//! CloudFront is an abstracted, global service: AWS maintains the edge's TLS
//! stack and its security policies, but which policy a distribution uses is
//! your choice. Policies that accept TLS 1.0/1.1 let an attacker on the
//! network downgrade viewers to protocols with known weaknesses; the 2018
//! and 2019 TLS 1.2 policies still offer CBC-mode ciphers that the 2021 and
//! later policies drop.
//!
//! ## What AWS already does
//! Offers security policies from `SSLv3`/`TLSv1` up to `TLSv1.2_2021`,
//! `TLSv1.2_2025` and `TLSv1.3_2025`. With the default `*.cloudfront.net`
//! certificate, CloudFront always uses `TLSv1`, whatever the template says.
//! A custom certificate without `MinimumProtocolVersion` gets `TLSv1`.
//! AWS (and Security Hub control CloudFront.15) recommend `TLSv1.2_2021` or
//! later.
//!
//! ## Verdicts
//! Reads `DistributionConfig.ViewerCertificate` of
//! `AWS::CloudFront::Distribution` and `viewer_certificate` of Terraform
//! `aws_cloudfront_distribution`:
//! - met: a custom certificate (`AcmCertificateArn` / `IamCertificateId`,
//!   `acm_certificate_arn` / `iam_certificate_id`) with
//!   `MinimumProtocolVersion` / `minimum_protocol_version` `TLSv1.2_2021`,
//!   `TLSv1.2_2025` or `TLSv1.3_*`;
//! - not met: the default CloudFront certificate
//!   (`CloudFrontDefaultCertificate: true`, or no viewer certificate at all),
//!   which pins `TLSv1`; or a custom certificate with an older policy
//!   (including `TLSv1.2_2018` and `TLSv1.2_2019`) or none (the default is
//!   `TLSv1`);
//! - unknown: a value onus cannot resolve.
//!
//! Serve the distribution under your own domain with an ACM certificate and
//! `TLSv1.2_2021` or later.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Cdn:
//!     Type: AWS::CloudFront::Distribution
//!     Properties:
//!       DistributionConfig:
//!         Enabled: true
//!         Aliases: [www.example.com]
//!         Origins:
//!           - Id: web
//!             DomainName: web.example.com
//!             CustomOriginConfig:
//!               OriginProtocolPolicy: https-only
//!         DefaultCacheBehavior:
//!           TargetOriginId: web
//!           ViewerProtocolPolicy: redirect-to-https
//!           CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6
//!         ViewerCertificate:
//!           AcmCertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/abc
//!           SslSupportMethod: sni-only
//!           MinimumProtocolVersion: TLSv1.2_2021
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
//!         ViewerCertificate:
//!           CloudFrontDefaultCertificate: true
//! ```
//! ```yaml fail
//! Resources:
//!   Cdn:
//!     Type: AWS::CloudFront::Distribution
//!     Properties:
//!       DistributionConfig:
//!         Enabled: true
//!         Aliases: [www.example.com]
//!         Origins:
//!           - Id: web
//!             DomainName: web.example.com
//!             CustomOriginConfig:
//!               OriginProtocolPolicy: https-only
//!         DefaultCacheBehavior:
//!           TargetOriginId: web
//!           ViewerProtocolPolicy: redirect-to-https
//!           CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6
//!         ViewerCertificate:
//!           AcmCertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/abc
//!           SslSupportMethod: sni-only
//!           MinimumProtocolVersion: TLSv1.2_2019
//! ```
//! ```hcl pass
//! resource "aws_cloudfront_distribution" "cdn" {
//!   enabled = true
//!   aliases = ["www.example.com"]
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
//!   viewer_certificate {
//!     acm_certificate_arn      = "arn:aws:acm:us-east-1:111122223333:certificate/abc"
//!     ssl_support_method       = "sni-only"
//!     minimum_protocol_version = "TLSv1.2_2021"
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
//!     viewer_protocol_policy = "redirect-to-https"
//!     allowed_methods        = ["GET", "HEAD"]
//!     cached_methods         = ["GET", "HEAD"]
//!   }
//!   viewer_certificate {
//!     cloudfront_default_certificate = true
//!   }
//! }
//! ```

use crate::check::{Judgement, get_in, judge, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "cloudfront.tls-version",
    title: "CloudFront viewer connections use TLS 1.2 with the recommended security policy",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: &["AWS::CloudFront::Distribution"],
    tf_types: &["aws_cloudfront_distribution"],
    reads: &[],
    controls: Controls {
        fsbp: &["CloudFront.7", "CloudFront.15"],
        config: &[
            "CLOUDFRONT_CUSTOM_SSL_CERTIFICATE",
            "CLOUDFRONT_SSL_POLICY_CHECK",
        ],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_174", Related),
        cfn_nag("W70", Related),
        trivy("AVD-AWS-0013", Same),
        guard("CLOUDFRONT_MINIMUM_PROTOCOL_VERSION_RULE", Related),
        checkov("CKV2_AWS_42", Related),
        guard("CLOUDFRONT_CUSTOM_SSL_CERTIFICATE", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let tf = resource.format.is_terraform();
    let (cert_path, default_key, custom_keys, version_key) = if tf {
        (
            "viewer_certificate",
            "cloudfront_default_certificate",
            ["acm_certificate_arn", "iam_certificate_id"],
            "minimum_protocol_version",
        )
    } else {
        (
            "DistributionConfig.ViewerCertificate",
            "CloudFrontDefaultCertificate",
            ["AcmCertificateArn", "IamCertificateId"],
            "MinimumProtocolVersion",
        )
    };
    let Some(cert) = get_in(&resource.properties, cert_path) else {
        return Verdict::missing(
            resource,
            cert_path,
            format!("{cert_path} is not set: the default CloudFront certificate pins TLSv1"),
        );
    };
    let custom = custom_keys.iter().find_map(|k| get_in(cert, k));
    if custom.is_none() {
        let span = get_in(cert, default_key)
            .map(|n| n.span)
            .unwrap_or(cert.span);
        return Verdict::not_met(
            resource,
            span,
            &format!("{cert_path}.{default_key}"),
            "the default CloudFront certificate pins the TLSv1 security policy",
        );
    }
    let path = format!("{cert_path}.{version_key}");
    let Some(version) = get_in(cert, version_key) else {
        return Verdict::not_met(
            resource,
            cert.span,
            &path,
            format!("{path} is not set and defaults to TLSv1"),
        );
    };
    let j = judge(version, &mut |n| match n.as_str() {
        Some(v) => Judgement::from_bool(recommended(v), n, || {
            if v.starts_with("TLSv1.2_") {
                format!(
                    "{path} is {v:?}: TLS 1.2 with ciphers AWS no longer recommends (use TLSv1.2_2021 or later)"
                )
            } else {
                format!("{path} is {v:?}: viewers can connect below TLS 1.2")
            }
        }),
        None => Judgement::no(n, format!("{path} is not a string")),
    });
    verdict_of(
        resource,
        version,
        &path,
        j,
        "viewers need TLS 1.2 or later with the recommended ciphers",
    )
}

/// `TLSv1.2_2021` and later policies (2025 and TLS 1.3 ones included).
fn recommended(policy: &str) -> bool {
    let p = policy.trim();
    p.starts_with("TLSv1.3")
        || p.strip_prefix("TLSv1.2_")
            .and_then(|year| year.get(..4))
            .and_then(|year| year.parse::<u32>().ok())
            .is_some_and(|year| year >= 2021)
}
