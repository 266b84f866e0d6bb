//! # waf.logging: WAF web ACLs log the requests they inspect
//!
//! ## Why this is your duty
//! AWS WAF is an abstracted service: AWS evaluates every request against your
//! rules, but the record of which requests were blocked, allowed or counted —
//! what you need to tune rules and investigate attacks — is kept only if you
//! give the web ACL a logging configuration. Logging of customer resources is
//! the customer's duty.
//!
//! ## What AWS already does
//! Publishes CloudWatch metrics and a sample of requests; full request logs
//! go to CloudWatch Logs, S3 or Firehose only with a logging configuration.
//!
//! ## Verdicts
//! - met: an `AWS::WAFv2::LoggingConfiguration`
//!   (`aws_wafv2_web_acl_logging_configuration`) has a `ResourceArn`
//!   (`resource_arn`) referring to the web ACL;
//! - not met: none does;
//! - unknown: none found, but one in the same template or module targets a
//!   web ACL onus cannot resolve.
//!
//! ## Examples
//! ```yaml Acl=met
//! Resources:
//!   Acl:
//!     Type: AWS::WAFv2::WebACL
//!     Properties:
//!       Scope: REGIONAL
//!       DefaultAction:
//!         Allow: {}
//!       VisibilityConfig:
//!         SampledRequestsEnabled: true
//!         CloudWatchMetricsEnabled: true
//!         MetricName: acl
//!   AclLogging:
//!     Type: AWS::WAFv2::LoggingConfiguration
//!     Properties:
//!       ResourceArn: !GetAtt Acl.Arn
//!       LogDestinationConfigs:
//!         - arn:aws:logs:eu-west-1:111122223333:log-group:aws-waf-logs-acl
//! ```
//! ```yaml fail
//! Resources:
//!   Acl:
//!     Type: AWS::WAFv2::WebACL
//!     Properties:
//!       Scope: REGIONAL
//!       DefaultAction:
//!         Allow: {}
//!       VisibilityConfig:
//!         SampledRequestsEnabled: true
//!         CloudWatchMetricsEnabled: true
//!         MetricName: acl
//! ```
//! ```hcl aws_wafv2_web_acl.acl=met
//! resource "aws_wafv2_web_acl" "acl" {
//!   name  = "acl"
//!   scope = "REGIONAL"
//!   default_action {
//!     allow {}
//!   }
//!   visibility_config {
//!     cloudwatch_metrics_enabled = true
//!     metric_name                = "acl"
//!     sampled_requests_enabled   = true
//!   }
//! }
//! resource "aws_wafv2_web_acl_logging_configuration" "acl" {
//!   resource_arn            = aws_wafv2_web_acl.acl.arn
//!   log_destination_configs = ["arn:aws:logs:eu-west-1:111122223333:log-group:aws-waf-logs-acl"]
//! }
//! ```
//! ```hcl fail
//! resource "aws_wafv2_web_acl" "acl" {
//!   name  = "acl"
//!   scope = "REGIONAL"
//!   default_action {
//!     allow {}
//!   }
//!   visibility_config {
//!     cloudwatch_metrics_enabled = true
//!     metric_name                = "acl"
//!     sampled_requests_enabled   = true
//!   }
//! }
//! ```

use crate::context::Context;
use crate::lists::companion;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "waf.logging",
    title: "WAF web ACL has a logging configuration",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::WAFv2::WebACL"],
    tf_types: &["aws_wafv2_web_acl"],
    reads: &[
        "AWS::WAFv2::LoggingConfiguration",
        "aws_wafv2_web_acl_logging_configuration",
    ],
    controls: Controls {
        fsbp: &[],
        config: &["WAFV2_LOGGING_ENABLED"],
        cis: &[],
    },
    peers: &[checkov("CKV2_AWS_31", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let (types, attr): (&[&str], &str) = if resource.format.is_terraform() {
        (&["aws_wafv2_web_acl_logging_configuration"], "resource_arn")
    } else {
        (&["AWS::WAFv2::LoggingConfiguration"], "ResourceArn")
    };
    match companion(resource, cx, types, attr, None) {
        Ok(found) if !found.is_empty() => Verdict::met(
            resource,
            resource.name_span,
            "",
            format!(
                "logging configuration {} records this web ACL's requests",
                found[0].id
            ),
        ),
        Ok(_) => Verdict::missing(
            resource,
            "",
            format!(
                "no {} refers to this web ACL: its requests are not logged",
                types[0]
            ),
        ),
        Err(what) => Verdict::unknown(resource, resource.name_span, "", what),
    }
}
