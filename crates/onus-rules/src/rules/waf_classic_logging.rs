//! # waf.classic-logging: WAF Classic web ACLs log the requests they inspect
//!
//! ## Why this is your duty
//! AWS WAF Classic is an abstracted service: AWS evaluates every request
//! against your rules, but the record of what it blocked and allowed — what
//! you need to tune rules and investigate attacks — is kept only if you
//! configure logging. Logging of customer resources is the customer's duty.
//!
//! ## What AWS already does
//! Publishes CloudWatch metrics; full request logs go to a Kinesis Data
//! Firehose stream only when the web ACL has a logging configuration.
//! CloudFormation cannot declare one for WAF Classic. AWS has announced the
//! end of WAF Classic: migrate to AWS WAF (v2), judged by `waf.logging`.
//!
//! ## Verdicts
//! Reads Terraform `aws_waf_web_acl` and `aws_wafregional_web_acl`
//! (`logging_configuration { log_destination }`):
//! - met: a log destination is set;
//! - not met: no logging configuration;
//! - unknown: the destination is a value onus cannot resolve.
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_waf_web_acl" "acl" {
//!   name        = "acl"
//!   metric_name = "acl"
//!   default_action {
//!     type = "ALLOW"
//!   }
//!   logging_configuration {
//!     log_destination = "arn:aws:firehose:us-east-1:111122223333:deliverystream/aws-waf-logs-acl"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_wafregional_web_acl" "acl" {
//!   name        = "acl"
//!   metric_name = "acl"
//!   default_action {
//!     type = "ALLOW"
//!   }
//! }
//! ```

use crate::check::require_set;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "waf.classic-logging",
    title: "WAF Classic web ACLs log the requests they inspect",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &[],
    tf_types: &["aws_waf_web_acl", "aws_wafregional_web_acl"],
    reads: &[],
    controls: Controls {
        fsbp: &["WAF.1"],
        config: &["WAF_CLASSIC_LOGGING_ENABLED"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_176", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let path = "logging_configuration.log_destination";
    require_set(resource, path, path, "requests are not logged")
}
