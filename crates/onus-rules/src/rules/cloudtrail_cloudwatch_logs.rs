//! # cloudtrail.cloudwatch-logs: CloudTrail trails deliver to CloudWatch Logs
//!
//! ## Why this is your duty
//! CloudTrail is an abstracted service: AWS records and delivers events, but
//! alerting on them (root sign-in, policy changes, failed console logins) is
//! yours. Sending the trail to a CloudWatch Logs log group is what lets metric
//! filters and alarms see events within minutes.
//!
//! ## What AWS already does
//! Delivers log files to S3 only. CloudWatch Logs delivery needs both a log
//! group and a role CloudTrail can assume to write to it.
//!
//! ## Verdicts
//! - met: both `CloudWatchLogsLogGroupArn` and `CloudWatchLogsRoleArn`
//!   (`cloud_watch_logs_group_arn`, `cloud_watch_logs_role_arn`) are set;
//! - not met: either is absent or empty;
//! - unknown: either comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   TrailLogs:
//!     Type: AWS::Logs::LogGroup
//!   TrailRole:
//!     Type: AWS::IAM::Role
//!     Properties:
//!       AssumeRolePolicyDocument:
//!         Statement:
//!           - Effect: Allow
//!             Principal:
//!               Service: cloudtrail.amazonaws.com
//!             Action: sts:AssumeRole
//!   Trail:
//!     Type: AWS::CloudTrail::Trail
//!     Properties:
//!       IsLogging: true
//!       S3BucketName: audit-logs
//!       CloudWatchLogsLogGroupArn: !GetAtt TrailLogs.Arn
//!       CloudWatchLogsRoleArn: !GetAtt TrailRole.Arn
//! ```
//! ```yaml fail
//! Resources:
//!   TrailLogs:
//!     Type: AWS::Logs::LogGroup
//!   Trail:
//!     Type: AWS::CloudTrail::Trail
//!     Properties:
//!       IsLogging: true
//!       S3BucketName: audit-logs
//!       CloudWatchLogsLogGroupArn: !GetAtt TrailLogs.Arn
//! ```
//! ```hcl pass
//! resource "aws_cloudwatch_log_group" "trail" {
//!   name = "trail"
//! }
//! resource "aws_cloudtrail" "trail" {
//!   name                       = "trail"
//!   s3_bucket_name             = "audit-logs"
//!   cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
//!   cloud_watch_logs_role_arn  = "arn:aws:iam::111122223333:role/trail-to-logs"
//! }
//! ```
//! ```hcl fail
//! resource "aws_cloudtrail" "trail" {
//!   name           = "trail"
//!   s3_bucket_name = "audit-logs"
//! }
//! ```

use crate::check::{all_of, prop, require_set};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "cloudtrail.cloudwatch-logs",
    title: "CloudTrail trail delivers events to CloudWatch Logs",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::CloudTrail::Trail"],
    tf_types: &["aws_cloudtrail"],
    reads: &[],
    controls: Controls {
        fsbp: &["CloudTrail.5"],
        config: &["CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED"],
        cis: &["3.4"],
    },
    peers: &[
        checkov("CKV2_AWS_10", Same),
        trivy("AVD-AWS-0162", Same),
        guard("CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let what = "events are not delivered to CloudWatch Logs";
    all_of(vec![
        set(
            resource,
            "CloudWatchLogsLogGroupArn",
            "cloud_watch_logs_group_arn",
            what,
        ),
        set(
            resource,
            "CloudWatchLogsRoleArn",
            "cloud_watch_logs_role_arn",
            what,
        ),
    ])
    .unwrap_or_else(|| Verdict::missing(resource, "", what))
}

/// `require_set`, where a Terraform string built only from resource
/// references (`"${aws_cloudwatch_log_group.trail.arn}:*"`) counts as set.
fn set(resource: &Resource, cfn: &str, tf: &str, what: &str) -> Verdict {
    let (node, path) = prop(resource, cfn, tf);
    if let Some(node) = node
        && let Value::Unknown(w) = &node.value
        && crate::policy::is_template_of_refs(w)
    {
        return Verdict::met(resource, node.span, path, format!("{path} is set"));
    }
    require_set(resource, cfn, tf, what)
}
