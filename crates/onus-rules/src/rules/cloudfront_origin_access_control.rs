//! # cloudfront.origin-access-control: S3 and Lambda URL origins are reached with origin access control
//!
//! ## Why this is your duty
//! CloudFront is an abstracted service: who can reach your origin around
//! the CDN — skipping its WAF, geo restrictions and signed URLs — is access
//! control on your side of the model. Origin access control (OAC) makes
//! CloudFront sign its requests so the bucket policy or function URL can
//! accept CloudFront alone. Without it, an S3 origin must be public to be
//! served, and a function URL must accept anyone.
//!
//! ## What AWS already does
//! Sends unsigned requests to S3 and Lambda URL origins unless an origin
//! access control is attached. The older origin access identity (OAI) works
//! for S3 only and lacks SSE-KMS, PUT/POST and newer Regions; AWS recommends
//! OAC (introduced in August 2022) instead.
//!
//! ## Verdicts
//! Reads the origins of `AWS::CloudFront::Distribution` and Terraform
//! `aws_cloudfront_distribution`. An S3 origin has `S3OriginConfig` /
//! `s3_origin_config`, a `*.s3.*amazonaws.com` domain, or a domain taken from
//! a bucket in the code; a Lambda URL origin has a `*.lambda-url.*.on.aws`
//! domain.
//! - met: every such origin names `OriginAccessControlId` /
//!   `origin_access_control_id`;
//! - not met: one names none (an origin access identity only is not
//!   enough: Security Hub and AWS recommend OAC);
//! - not applicable: no S3 or Lambda URL origin (S3 website endpoints are
//!   custom origins and cannot use OAC);
//! - unknown: the access control is a value onus cannot resolve.
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
//!             DomainName: site.s3.eu-west-1.amazonaws.com
//!             OriginAccessControlId: !GetAtt Oac.Id
//!             S3OriginConfig:
//!               OriginAccessIdentity: ""
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
//!             DomainName: site.s3.amazonaws.com
//!             S3OriginConfig:
//!               OriginAccessIdentity: origin-access-identity/cloudfront/E1234567890
//! ```
//! ```hcl pass
//! resource "aws_cloudfront_distribution" "api" {
//!   enabled = true
//!   origin {
//!     origin_id                = "fn"
//!     domain_name              = "abc123.lambda-url.eu-west-1.on.aws"
//!     origin_access_control_id = "E2QWRUHEXAMPLE"
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
//! resource "aws_s3_bucket" "site" {
//!   bucket = "site"
//! }
//! resource "aws_cloudfront_distribution" "site" {
//!   enabled = true
//!   origin {
//!     origin_id   = "site"
//!     domain_name = aws_s3_bucket.site.bucket_regional_domain_name
//!   }
//! }
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Site:
//!     Type: AWS::CloudFront::Distribution
//!     Properties:
//!       DistributionConfig:
//!         Enabled: true
//!         DefaultCacheBehavior:
//!           TargetOriginId: app
//!           ViewerProtocolPolicy: redirect-to-https
//!         Origins:
//!           - Id: app
//!             DomainName: app.example.com
//!             CustomOriginConfig:
//!               OriginProtocolPolicy: https-only
//! ```

use crate::check::{Every, Judgement, is_empty, judge};
use crate::cloudfront::{DISTRIBUTION_CFN, DISTRIBUTION_TF, field, origins};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "cloudfront.origin-access-control",
    title: "CloudFront reaches S3 and Lambda URL origins with origin access control",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: DISTRIBUTION_CFN,
    tf_types: DISTRIBUTION_TF,
    reads: &["AWS::S3::Bucket", "aws_s3_bucket"],
    controls: Controls {
        fsbp: &["CloudFront.13", "CloudFront.16"],
        config: &[
            "CLOUDFRONT_S3_ORIGIN_ACCESS_CONTROL_ENABLED",
            "CLOUDFRONT_ORIGIN_LAMBDA_URL_OAC_ENABLED",
        ],
        cis: &[],
    },
    peers: &[
        checkov("CKV2_AWS_46", Related),
        guard("CLOUDFRONT_ORIGIN_ACCESS_IDENTITY_ENABLED", Related),
    ],
    check,
    file: file!(),
};

/// What kind of origin needs access control: `Some("S3")`, `Some("Lambda URL")`.
fn kind(resource: &Resource, cx: &Context, origin: &Node) -> Option<&'static str> {
    if field(resource, origin, "S3OriginConfig", "s3_origin_config").is_some() {
        return Some("S3");
    }
    let domain = field(resource, origin, "DomainName", "domain_name")?;
    if let Some(d) = domain.as_str() {
        let d = d.to_ascii_lowercase();
        if d.contains(".lambda-url.") && d.ends_with(".on.aws") {
            return Some("Lambda URL");
        }
        let website = d.contains(".s3-website");
        return (!website && d.contains(".s3.") && d.ends_with("amazonaws.com")).then_some("S3");
    }
    let target = cx.resolve(resource, domain)?;
    matches!(
        target.resource_type.as_str(),
        "AWS::S3::Bucket" | "aws_s3_bucket"
    )
    .then_some("S3")
}

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let mut judged = 0;
    let mut every = Every::default();
    for (path, origin) in origins(resource) {
        let Some(kind) = kind(resource, cx, origin) else {
            continue;
        };
        judged += 1;
        let key = if resource.format.is_terraform() {
            "origin_access_control_id"
        } else {
            "OriginAccessControlId"
        };
        let at = format!("{path}.{key}");
        let Some(oac) = field(
            resource,
            origin,
            "OriginAccessControlId",
            "origin_access_control_id",
        ) else {
            let oai = field(resource, origin, "S3OriginConfig", "s3_origin_config")
                .and_then(|c| {
                    field(
                        resource,
                        c,
                        "OriginAccessIdentity",
                        "origin_access_identity",
                    )
                })
                .is_some_and(|n| !is_empty(n));
            let why = if oai {
                format!(
                    "the {kind} origin uses a legacy origin access identity, not origin access control"
                )
            } else {
                format!(
                    "the {kind} origin has no origin access control: it must accept unsigned requests from anyone"
                )
            };
            return Verdict::not_met(resource, origin.span, &at, why);
        };
        let j = judge(oac, &mut |n| {
            Judgement::from_bool(!is_empty(n), n, || format!("{at} is empty"))
        });
        if let Some(v) = every.add(resource, &at, j) {
            return v;
        }
    }
    if judged == 0 {
        return Verdict::not_applicable(resource, "no S3 or Lambda URL origin");
    }
    every.finish(|| {
        Verdict::met(
            resource,
            resource.name_span,
            "",
            "S3 and Lambda URL origins accept CloudFront's signed requests only",
        )
    })
}
