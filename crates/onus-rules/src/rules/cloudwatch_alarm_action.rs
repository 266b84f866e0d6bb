//! # cloudwatch.alarm-action: CloudWatch alarms act when they fire
//!
//! ## Why this is your duty
//! CloudWatch is an abstracted service: AWS collects the metrics and
//! evaluates every alarm, but who hears about it is yours to decide. An alarm
//! without an action for the `ALARM` state changes colour on a console nobody
//! watches: the monitoring half of your logging duty is not done.
//!
//! ## What AWS already does
//! Evaluates the alarm and records its state history. With no `AlarmActions`
//! (the default) it notifies no one, scales nothing and opens no incident.
//!
//! ## Verdicts
//! Follows the AWS Config rule `cloudwatch-alarm-action-check` (Security Hub
//! CloudWatch.15) with its default parameters (an action for `ALARM`
//! required, none for `OK` or `INSUFFICIENT_DATA`).
//! - met: `AlarmActions` / `alarm_actions` names at least one action, or the
//!   alarm feeds something that acts on it in the same template or module: a
//!   composite alarm's rule, a CodeDeploy deployment group's alarm
//!   configuration (automatic rollback) or a Route 53 health check;
//! - not met: no action for the `ALARM` state, and nothing else uses the
//!   alarm;
//! - unknown: the actions come from a value onus cannot resolve.
//!
//! Whether the actions run at all is `cloudwatch.alarm-actions-enabled`.
//!
//! Fix: add an SNS topic (or an Auto Scaling, EC2 or Systems Manager action)
//! to `AlarmActions`.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Topic:
//!     Type: AWS::SNS::Topic
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
//!       AlarmActions:
//!         - !Ref Topic
//! ```
//! ```yaml Errors=met Composite=not-met
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
//!   Composite:
//!     Type: AWS::CloudWatch::CompositeAlarm
//!     Properties:
//!       AlarmRule: !Sub "ALARM(${Errors})"
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
//!       OKActions:
//!         - arn:aws:sns:eu-west-1:123456789012:ops
//! ```
//! ```hcl pass
//! resource "aws_sns_topic" "ops" {
//!   name = "ops"
//! }
//! resource "aws_cloudwatch_metric_alarm" "errors" {
//!   alarm_name          = "errors"
//!   metric_name         = "Errors"
//!   namespace           = "AWS/Lambda"
//!   statistic           = "Sum"
//!   period              = 60
//!   evaluation_periods  = 1
//!   threshold           = 1
//!   comparison_operator = "GreaterThanOrEqualToThreshold"
//!   alarm_actions       = [aws_sns_topic.ops.arn]
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
//!   alarm_actions       = []
//! }
//! ```

use crate::check::require_set;
use crate::context::{Context, local_id};
use crate::rule::{Controls, Relation::*, Rule, Severity, guard};
use crate::verdict::{Status, Verdict};
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "cloudwatch.alarm-action",
    title: "CloudWatch alarms have an action for the ALARM state",
    duty: Duty::Logging,
    severity: Severity::Low,
    cfn_types: &["AWS::CloudWatch::Alarm", "AWS::CloudWatch::CompositeAlarm"],
    tf_types: &[
        "aws_cloudwatch_metric_alarm",
        "aws_cloudwatch_composite_alarm",
    ],
    reads: &[
        "AWS::CodeDeploy::DeploymentGroup",
        "AWS::Route53::HealthCheck",
        "aws_codedeploy_deployment_group",
        "aws_route53_health_check",
    ],
    controls: Controls {
        fsbp: &[],
        config: &["CLOUDWATCH_ALARM_ACTION_CHECK"],
        cis: &[],
    },
    peers: &[guard("CLOUDWATCH_ALARM_ACTION_CHECK", Same)],
    check,
    file: file!(),
};

/// Resources that act on an alarm they name, and the property naming it.
const CONSUMERS: [(&str, &str); 6] = [
    ("AWS::CloudWatch::CompositeAlarm", "AlarmRule"),
    ("AWS::CodeDeploy::DeploymentGroup", "AlarmConfiguration"),
    ("AWS::Route53::HealthCheck", "HealthCheckConfig"),
    ("aws_cloudwatch_composite_alarm", "alarm_rule"),
    ("aws_codedeploy_deployment_group", "alarm_configuration"),
    ("aws_route53_health_check", "cloudwatch_alarm_name"),
];

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let v = require_set(
        resource,
        "AlarmActions",
        "alarm_actions",
        "the alarm notifies no one when it fires",
    );
    if v.status != Status::NotMet {
        return v;
    }
    match consumer(resource, cx) {
        Some(user) => Verdict::met_by_default(
            resource,
            "",
            format!("no action of its own, but {} acts on this alarm", user.id),
        ),
        None => v,
    }
}

/// A resource in scope that uses this alarm: by reference (also inside a
/// `Fn::Sub` or template string) or by its literal name.
fn consumer<'w>(alarm: &Resource, cx: &Context<'w>) -> Option<&'w Resource> {
    let name_attr = if alarm.format.is_terraform() {
        "alarm_name"
    } else {
        "AlarmName"
    };
    let name = alarm
        .properties
        .get(name_attr)
        .and_then(|n| n.as_str())
        .filter(|n| !n.is_empty());
    let id = local_id(alarm);
    CONSUMERS.iter().find_map(|(ty, attr)| {
        if let Some(hit) = cx.linked(alarm, &[ty], attr, Some(name_attr)).first() {
            return Some(*hit);
        }
        cx.in_scope(alarm, &[ty]).find(|user| {
            user.references
                .iter()
                .any(|r| r.target == id && under(&r.path, attr))
                || name.is_some_and(|name| {
                    user.properties
                        .get(attr)
                        .and_then(|n| n.as_str())
                        .is_some_and(|rule| rule.contains(name))
                })
        })
    })
}

/// True when a reference's property path (`Properties.AlarmRule` in
/// CloudFormation, `alarm_rule` in Terraform) lies under `attr`.
fn under(path: &str, attr: &str) -> bool {
    path.strip_prefix("Properties.")
        .unwrap_or(path)
        .strip_prefix(attr)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}
