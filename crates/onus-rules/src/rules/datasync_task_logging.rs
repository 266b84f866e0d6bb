//! # datasync.task-logging: DataSync tasks log to CloudWatch
//!
//! ## Why this is your duty
//! DataSync is an abstracted service: AWS moves your data between locations,
//! but the record of what was copied, skipped or failed verification is kept
//! only if you ask for it. Transfer logs are the evidence that a migration or
//! a recurring copy of your data did what it should.
//!
//! ## What AWS already does
//! Basic-mode tasks publish no logs unless `CloudWatchLogGroupArn` /
//! `cloudwatch_log_group_arn` names a log group and `Options.LogLevel`
//! (`options { log_level }`) is `BASIC` or `TRANSFER`. The Terraform
//! provider defaults `log_level` to `OFF`; the DataSync API and
//! CloudFormation references list `OFF`, `BASIC` and `TRANSFER` but state
//! no default. Enhanced-mode tasks (`TaskMode: ENHANCED`) always log to
//! `/aws/datasync`.
//!
//! ## Verdicts
//! Follows the AWS Config rule `datasync-task-logging-enabled` (Security Hub
//! DataSync.1).
//! - met: an Enhanced-mode task, or a log group with `LogLevel` `BASIC` or
//!   `TRANSFER`;
//! - not met: no log group, or `LogLevel` `OFF`, or `log_level` absent in
//!   Terraform;
//! - unknown: a log group with no `LogLevel` in CloudFormation (the default
//!   is undocumented), or a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Copy:
//!     Type: AWS::DataSync::Task
//!     Properties:
//!       SourceLocationArn: arn:aws:datasync:eu-west-1:123456789012:location/loc-1111111111111111a
//!       DestinationLocationArn: arn:aws:datasync:eu-west-1:123456789012:location/loc-2222222222222222b
//!       CloudWatchLogGroupArn: arn:aws:logs:eu-west-1:123456789012:log-group:/datasync
//!       Options:
//!         LogLevel: TRANSFER
//! ```
//! ```yaml fail
//! Resources:
//!   Copy:
//!     Type: AWS::DataSync::Task
//!     Properties:
//!       SourceLocationArn: arn:aws:datasync:eu-west-1:123456789012:location/loc-1111111111111111a
//!       DestinationLocationArn: arn:aws:datasync:eu-west-1:123456789012:location/loc-2222222222222222b
//!       CloudWatchLogGroupArn: arn:aws:logs:eu-west-1:123456789012:log-group:/datasync
//!       Options:
//!         LogLevel: "OFF"
//! ```
//! ```yaml unknown
//! Resources:
//!   Copy:
//!     Type: AWS::DataSync::Task
//!     Properties:
//!       SourceLocationArn: arn:aws:datasync:eu-west-1:123456789012:location/loc-1111111111111111a
//!       DestinationLocationArn: arn:aws:datasync:eu-west-1:123456789012:location/loc-2222222222222222b
//!       CloudWatchLogGroupArn: arn:aws:logs:eu-west-1:123456789012:log-group:/datasync
//! ```
//! ```hcl pass
//! resource "aws_datasync_task" "copy" {
//!   source_location_arn      = "arn:aws:datasync:eu-west-1:123456789012:location/loc-1111111111111111a"
//!   destination_location_arn = "arn:aws:datasync:eu-west-1:123456789012:location/loc-2222222222222222b"
//!   task_mode                = "ENHANCED"
//! }
//! ```
//! ```hcl fail
//! resource "aws_datasync_task" "copy" {
//!   source_location_arn      = "arn:aws:datasync:eu-west-1:123456789012:location/loc-1111111111111111a"
//!   destination_location_arn = "arn:aws:datasync:eu-west-1:123456789012:location/loc-2222222222222222b"
//! }
//! ```

use crate::check::{all_of, get, prop, require_one_of, require_set, undocumented_default};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::{Status, Verdict};
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "datasync.task-logging",
    title: "DataSync tasks publish logs to CloudWatch",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::DataSync::Task"],
    tf_types: &["aws_datasync_task"],
    reads: &[],
    controls: Controls {
        fsbp: &["DataSync.1"],
        config: &["DATASYNC_TASK_LOGGING_ENABLED"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    if prop(resource, "TaskMode", "task_mode").0.is_some() {
        let enhanced = require_one_of(
            resource,
            "TaskMode",
            "task_mode",
            &["ENHANCED"],
            None,
            "automatic logging",
        );
        if enhanced.status == Status::Met {
            return Verdict {
                message: "an Enhanced-mode task logs to /aws/datasync".into(),
                ..enhanced
            };
        }
    }
    all_of(vec![
        require_set(
            resource,
            "CloudWatchLogGroupArn",
            "cloudwatch_log_group_arn",
            "the task publishes no logs",
        ),
        level(resource),
    ])
    .unwrap_or_else(|| Verdict::missing(resource, "", "no logging"))
}

/// The log level: `OFF` when absent in Terraform (the provider's default),
/// unknown when absent in CloudFormation (no documented default).
fn level(resource: &Resource) -> Verdict {
    let terraform = resource.format.is_terraform();
    if !terraform && get(resource, "Options.LogLevel").is_none() {
        return undocumented_default(resource, "Options.LogLevel", "publishing logs");
    }
    require_one_of(
        resource,
        "Options.LogLevel",
        "options.log_level",
        &["BASIC", "TRANSFER"],
        Some("OFF"),
        "publishing logs",
    )
}
