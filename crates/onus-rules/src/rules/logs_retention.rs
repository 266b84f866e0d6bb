//! # logs.retention: CloudWatch log groups keep logs for at least a year
//!
//! ## Why this is your duty
//! CloudWatch Logs is an abstracted service: AWS stores and encrypts the
//! events, but how long they are kept is your setting. Audit and incident
//! work needs logs from months back; a short retention deletes the evidence
//! before anyone looks for it.
//!
//! ## What AWS already does
//! Keeps events forever unless you set a retention period (`RetentionInDays`
//! absent in CloudFormation, `retention_in_days = 0` in Terraform: never expire).
//!
//! ## Verdicts
//! Follows the AWS Config rule `cw-loggroup-retention-period-check` (365 days).
//! - met: no retention set (never expire), 0 in Terraform, or 365 days or more;
//! - not met: a retention shorter than 365 days;
//! - unknown: the value is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Logs:
//!     Type: AWS::Logs::LogGroup
//!     Properties:
//!       RetentionInDays: 400
//! ```
//! ```yaml fail
//! Resources:
//!   Logs:
//!     Type: AWS::Logs::LogGroup
//!     Properties:
//!       RetentionInDays: 7
//! ```
//! ```hcl pass
//! resource "aws_cloudwatch_log_group" "logs" {
//!   name              = "app"
//!   retention_in_days = 731
//! }
//! ```
//! ```hcl fail
//! resource "aws_cloudwatch_log_group" "logs" {
//!   name              = "app"
//!   retention_in_days = 30
//! }
//! ```

use crate::check::require_number;
use crate::context::Context;
use crate::rule::{Controls, Relation::Related, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "logs.retention",
    title: "CloudWatch log groups keep events for at least 365 days",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::Logs::LogGroup"],
    tf_types: &["aws_cloudwatch_log_group"],
    reads: &[],
    controls: Controls {
        fsbp: &["CloudWatch.16"],
        config: &["CW_LOGGROUP_RETENTION_PERIOD_CHECK"],
        cis: &[],
    },
    // Both also fail an absent retention, which keeps events forever.
    peers: &[
        checkov("CKV_AWS_338", Related),
        checkov("CKV_AWS_66", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_number(
        resource,
        "RetentionInDays",
        "retention_in_days",
        Some(0.0),
        |days| days == 0.0 || days >= 365.0,
        "retention of at least 365 days (0 or absent: never expire)",
    )
}
