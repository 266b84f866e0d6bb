//! # cloudwatch.alarm-actions-enabled: CloudWatch alarm actions are not switched off
//!
//! ## Why this is your duty
//! CloudWatch is an abstracted service: AWS evaluates the alarm, but whether
//! its actions run is your setting. An alarm whose actions are deactivated
//! still changes state, yet pages no one and triggers no remediation, which
//! silently ends the monitoring it was written for.
//!
//! ## What AWS already does
//! Runs the actions: `ActionsEnabled` / `actions_enabled` defaults to true
//! when absent.
//!
//! ## Verdicts
//! Follows the AWS Config rule `cloudwatch-alarm-action-enabled-check`
//! (Security Hub CloudWatch.17).
//! - met: `ActionsEnabled` / `actions_enabled` is true or absent;
//! - not met: false;
//! - unknown: the value is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Errors:
//!     Type: AWS::CloudWatch::Alarm
//!     Properties:
//!       MetricName: Errors
//!       Namespace: AWS/Lambda
//!       Statistic: Sum
//!       Period: 60
//!       EvaluationPeriods: 1
//!       Threshold: 1
//!       ComparisonOperator: GreaterThanOrEqualToThreshold
//!       ActionsEnabled: true
//!       AlarmActions:
//!         - arn:aws:sns:eu-west-1:123456789012:ops
//! ```
//! ```yaml fail
//! Resources:
//!   Errors:
//!     Type: AWS::CloudWatch::Alarm
//!     Properties:
//!       MetricName: Errors
//!       Namespace: AWS/Lambda
//!       Statistic: Sum
//!       Period: 60
//!       EvaluationPeriods: 1
//!       Threshold: 1
//!       ComparisonOperator: GreaterThanOrEqualToThreshold
//!       ActionsEnabled: false
//!       AlarmActions:
//!         - arn:aws:sns:eu-west-1:123456789012:ops
//! ```
//! ```hcl pass
//! resource "aws_cloudwatch_metric_alarm" "errors" {
//!   alarm_name          = "errors"
//!   metric_name         = "Errors"
//!   namespace           = "AWS/Lambda"
//!   statistic           = "Sum"
//!   period              = 60
//!   evaluation_periods  = 1
//!   threshold           = 1
//!   comparison_operator = "GreaterThanOrEqualToThreshold"
//! }
//! ```
//! ```hcl fail
//! resource "aws_cloudwatch_metric_alarm" "errors" {
//!   alarm_name          = "errors"
//!   metric_name         = "Errors"
//!   namespace           = "AWS/Lambda"
//!   statistic           = "Sum"
//!   period              = 60
//!   evaluation_periods  = 1
//!   threshold           = 1
//!   comparison_operator = "GreaterThanOrEqualToThreshold"
//!   actions_enabled     = false
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "cloudwatch.alarm-actions-enabled",
    title: "CloudWatch alarm actions are activated",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::CloudWatch::Alarm", "AWS::CloudWatch::CompositeAlarm"],
    tf_types: &[
        "aws_cloudwatch_metric_alarm",
        "aws_cloudwatch_composite_alarm",
    ],
    reads: &[],
    controls: Controls {
        fsbp: &[],
        config: &["CLOUDWATCH_ALARM_ACTION_ENABLED_CHECK"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_319", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "ActionsEnabled",
        "actions_enabled",
        true,
        true,
        "alarm actions",
    )
}
