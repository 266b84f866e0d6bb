//! # cloudfront.access-logging: CloudFront distributions write access logs
//!
//! ## Why this is your duty
//! Logging of your own resources is yours under the Shared Responsibility
//! Model, for abstracted services too. CloudFront access logs are the record
//! of every viewer request at the edge; without them, scraping, abuse and
//! data exfiltration through the CDN leave no trace.
//!
//! ## What AWS already does
//! Delivers standard logs to an S3 bucket you name (legacy) or, with standard
//! logging v2, to CloudWatch Logs, S3 or Firehose through CloudWatch Logs
//! delivery resources. Nothing is logged by default.
//!
//! ## Verdicts
//! Reads `DistributionConfig.Logging` of `AWS::CloudFront::Distribution` and
//! `logging_config` of Terraform `aws_cloudfront_distribution`:
//! - met: a logging configuration with a `Bucket` / `bucket`;
//! - not met: none (or one without a bucket);
//! - unknown: no legacy logging, but a CloudWatch Logs delivery source
//!   (`AWS::Logs::DeliverySource` / `aws_cloudwatch_log_delivery_source`)
//!   refers to the distribution: standard logging v2 is out of this rule's
//!   scope, so whether its delivery reaches a destination is not checked;
//!   or the bucket is unresolved.
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
//!         Logging:
//!           Bucket: cdn-logs.s3.amazonaws.com
//!           Prefix: cdn/
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
//! ```
//! ```yaml Cdn=unknown
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
//!   CdnLogs:
//!     Type: AWS::Logs::DeliverySource
//!     Properties:
//!       Name: cdn
//!       LogType: ACCESS_LOGS
//!       ResourceArn: !Sub "arn:aws:cloudfront::${AWS::AccountId}:distribution/${Cdn}"
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
//!   logging_config {
//!     bucket = "cdn-logs.s3.amazonaws.com"
//!     prefix = "cdn/"
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
//! }
//! ```
//! ```hcl aws_cloudfront_distribution.cdn=unknown
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
//! }
//! resource "aws_cloudwatch_log_delivery_source" "cdn" {
//!   name         = "cdn"
//!   log_type     = "ACCESS_LOGS"
//!   resource_arn = aws_cloudfront_distribution.cdn.arn
//! }
//! ```

use crate::check::{get_in, require_set};
use crate::context::{Context, local_id};
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "cloudfront.access-logging",
    title: "CloudFront distributions write access logs",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::CloudFront::Distribution"],
    tf_types: &["aws_cloudfront_distribution"],
    reads: &[
        "AWS::Logs::DeliverySource",
        "aws_cloudwatch_log_delivery_source",
    ],
    controls: Controls {
        fsbp: &["CloudFront.5"],
        config: &["CLOUDFRONT_ACCESSLOGS_ENABLED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_86", Same),
        cfn_nag("W10", Same),
        trivy("AVD-AWS-0010", Same),
        guard("CLOUDFRONT_ACCESSLOGS_ENABLED", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let tf = resource.format.is_terraform();
    let (logging, bucket) = if tf {
        ("logging_config", "logging_config.bucket")
    } else {
        (
            "DistributionConfig.Logging",
            "DistributionConfig.Logging.Bucket",
        )
    };
    if get_in(&resource.properties, logging).is_none() {
        let (source_type, attr) = if tf {
            ("aws_cloudwatch_log_delivery_source", "resource_arn")
        } else {
            ("AWS::Logs::DeliverySource", "ResourceArn")
        };
        // A direct reference, or one inside a string the reader could not
        // resolve (`!Sub "arn:...:distribution/${Cdn}"`), recorded as a reference.
        let id = local_id(resource);
        let source = cx
            .linked(resource, &[source_type], attr, None)
            .first()
            .copied()
            .or_else(|| {
                cx.in_scope(resource, &[source_type]).find(|r| {
                    r.references
                        .iter()
                        .any(|x| x.target == id && x.path.ends_with(attr))
                })
            });
        if let Some(source) = source {
            return Verdict::unknown(
                resource,
                resource.name_span,
                logging,
                format!(
                    "standard logging v2 through delivery source {}: its delivery to a destination is not checked",
                    source.id
                ),
            );
        }
    }
    require_set(
        resource,
        bucket,
        bucket,
        "access logs need a bucket to be written to",
    )
}
