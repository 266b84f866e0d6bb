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
//! - not met: a retention shorter than 365 days; a number of days CloudWatch
//!   Logs does not offer (e.g. 36: it takes 1, 3, 5, 7, 14, 30, 60, 90, 120,
//!   150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or
//!   3653), said to be invalid;
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

use crate::check::require_number_in;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
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
        fsbp: &[],
        config: &["CW_LOGGROUP_RETENTION_PERIOD_CHECK"],
        cis: &[],
    },
    // Both also fail an absent retention, which keeps events forever.
    peers: &[
        guard("CW_LOGGROUP_RETENTION_PERIOD_CHECK", Same),
        checkov("CKV_AWS_338", Related),
        checkov("CKV_AWS_66", Related),
    ],
    check,
    file: file!(),
};

/// The retentions CloudWatch Logs accepts, in days (0: Terraform's "never
/// expire").
const RETENTIONS: &[(f64, f64)] = &[
    (0.0, 0.0),
    (1.0, 1.0),
    (3.0, 3.0),
    (5.0, 5.0),
    (7.0, 7.0),
    (14.0, 14.0),
    (30.0, 30.0),
    (60.0, 60.0),
    (90.0, 90.0),
    (120.0, 120.0),
    (150.0, 150.0),
    (180.0, 180.0),
    (365.0, 365.0),
    (400.0, 400.0),
    (545.0, 545.0),
    (731.0, 731.0),
    (1096.0, 1096.0),
    (1827.0, 1827.0),
    (2192.0, 2192.0),
    (2557.0, 2557.0),
    (2922.0, 2922.0),
    (3288.0, 3288.0),
    (3653.0, 3653.0),
];

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_number_in(
        resource,
        "RetentionInDays",
        "retention_in_days",
        RETENTIONS,
        Some(0.0),
        |days| days == 0.0 || days >= 365.0,
        "retention of at least 365 days (0 or absent: never expire)",
    )
}
