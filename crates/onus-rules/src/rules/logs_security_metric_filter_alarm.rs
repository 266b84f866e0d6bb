//! # logs.security-metric-filter-alarm: security metric filters on CloudTrail logs raise an alarm
//!
//! ## Why this is your duty
//! CloudWatch Logs is an abstracted service: AWS stores the CloudTrail events
//! you send it and counts the ones your metric filter matches, but turning
//! that count into an alert is yours. The CIS AWS Foundations Benchmark asks
//! for a metric filter *and an alarm* for each security-relevant event (root
//! use, console sign-in without MFA, IAM policy, CloudTrail, KMS, S3 policy,
//! Config, security group, NACL, gateway, route table, VPC and Organizations
//! changes, unauthorised API calls). A filter that no alarm watches records
//! the event and tells no one.
//!
//! ## What AWS already does
//! Publishes the metric whenever the pattern matches. No alarm exists until
//! you declare one.
//!
//! ## Verdicts
//! Judged on each `AWS::Logs::MetricFilter` /
//! `aws_cloudwatch_log_metric_filter` whose pattern is one of the CIS
//! monitoring patterns (recognised by the events it matches, e.g.
//! `userIdentity.type = "Root"`, `ConsoleLogin` with `MFAUsed`,
//! `StopLogging`, `ScheduleKeyDeletion`, `AuthorizeSecurityGroupIngress`).
//! - met: an alarm in the same template or module watches the filter's metric
//!   (same metric name and namespace, directly or in a metric query);
//! - not met: no alarm there watches it;
//! - unknown: the metric name or namespace of the filter, or of an alarm that
//!   could match it, is not static;
//! - not applicable: any other metric filter (application metrics carry no
//!   duty), and a pattern that is not static.
//!
//! The alarm's own actions are judged by `cloudwatch.alarm-action`. Security
//! Hub reports these as CloudWatch.1 to CloudWatch.14 (CIS standard).
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   RootUse:
//!     Type: AWS::Logs::MetricFilter
//!     Properties:
//!       LogGroupName: cloudtrail
//!       FilterPattern: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }'
//!       MetricTransformations:
//!         - MetricName: RootAccountUsage
//!           MetricNamespace: CISBenchmark
//!           MetricValue: "1"
//!   RootUseAlarm:
//!     Type: AWS::CloudWatch::Alarm
//!     Properties:
//!       MetricName: RootAccountUsage
//!       Namespace: CISBenchmark
//!       Statistic: Sum
//!       Period: 300
//!       EvaluationPeriods: 1
//!       Threshold: 1
//!       ComparisonOperator: GreaterThanOrEqualToThreshold
//!       AlarmActions:
//!         - arn:aws:sns:eu-west-1:123456789012:security
//! ```
//! ```yaml fail
//! Resources:
//!   NoMfa:
//!     Type: AWS::Logs::MetricFilter
//!     Properties:
//!       LogGroupName: cloudtrail
//!       FilterPattern: '{($.eventName="ConsoleLogin") && ($.additionalEventData.MFAUsed !="Yes")}'
//!       MetricTransformations:
//!         - MetricName: ConsoleSigninWithoutMFA
//!           MetricNamespace: CISBenchmark
//!           MetricValue: "1"
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Errors:
//!     Type: AWS::Logs::MetricFilter
//!     Properties:
//!       LogGroupName: app
//!       FilterPattern: ERROR
//!       MetricTransformations:
//!         - MetricName: AppErrors
//!           MetricNamespace: App
//!           MetricValue: "1"
//! ```
//! ```hcl pass
//! resource "aws_cloudwatch_log_metric_filter" "trail_changes" {
//!   name           = "cloudtrail-changes"
//!   log_group_name = "cloudtrail"
//!   pattern        = "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }"
//!   metric_transformation {
//!     name      = "CloudTrailChanges"
//!     namespace = "CISBenchmark"
//!     value     = "1"
//!   }
//! }
//! resource "aws_cloudwatch_metric_alarm" "trail_changes" {
//!   alarm_name          = "cloudtrail-changes"
//!   comparison_operator = "GreaterThanOrEqualToThreshold"
//!   evaluation_periods  = 1
//!   threshold           = 1
//!   metric_query {
//!     id          = "m1"
//!     return_data = true
//!     metric {
//!       metric_name = "CloudTrailChanges"
//!       namespace   = "CISBenchmark"
//!       period      = 300
//!       stat        = "Sum"
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_cloudwatch_log_metric_filter" "key_deletion" {
//!   name           = "cmk-deletion"
//!   log_group_name = "cloudtrail"
//!   pattern        = "{($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion))}"
//!   metric_transformation {
//!     name      = "CMKDeletion"
//!     namespace = "CISBenchmark"
//!     value     = "1"
//!   }
//! }
//! resource "aws_cloudwatch_metric_alarm" "other" {
//!   alarm_name          = "other"
//!   metric_name         = "CMKDeletion"
//!   namespace           = "Other"
//!   statistic           = "Sum"
//!   period              = 300
//!   evaluation_periods  = 1
//!   threshold           = 1
//!   comparison_operator = "GreaterThanOrEqualToThreshold"
//! }
//! ```

use crate::check::{get, get_in, items, spelling};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "logs.security-metric-filter-alarm",
    title: "CIS security metric filters on CloudTrail logs feed a CloudWatch alarm",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::Logs::MetricFilter"],
    tf_types: &["aws_cloudwatch_log_metric_filter"],
    reads: &["AWS::CloudWatch::Alarm", "aws_cloudwatch_metric_alarm"],
    controls: Controls {
        fsbp: &[],
        config: &[],
        cis: &[
            "4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8", "4.9", "4.10", "4.11", "4.12",
            "4.13", "4.14", "4.15",
        ],
    },
    peers: &[],
    check,
    file: file!(),
};

/// The CIS v1.4 monitoring recommendations, each recognised by all of the
/// words of one of its alternatives, in a pattern stripped of spaces and quotes.
const PATTERNS: &[(&str, &str, &[&[&str]])] = &[
    (
        "4.2",
        "console sign-in without MFA",
        &[&["ConsoleLogin", "MFAUsed"]],
    ),
    (
        "4.6",
        "console authentication failures",
        &[&["ConsoleLogin", "Failedauthentication"]],
    ),
    (
        "4.1",
        "unauthorised API calls",
        &[
            &["errorCode", "UnauthorizedOperation"],
            &["errorCode", "AccessDenied"],
        ],
    ),
    ("4.3", "root account usage", &[&["userIdentity.type=Root"]]),
    (
        "4.4",
        "IAM policy changes",
        &[
            &["DeleteGroupPolicy"],
            &["PutRolePolicy"],
            &["CreatePolicyVersion"],
            &["AttachRolePolicy"],
        ],
    ),
    (
        "4.5",
        "CloudTrail configuration changes",
        &[&["StopLogging"], &["UpdateTrail"], &["DeleteTrail"]],
    ),
    (
        "4.7",
        "disabling or scheduled deletion of KMS keys",
        &[&["ScheduleKeyDeletion"], &["DisableKey"]],
    ),
    (
        "4.8",
        "S3 bucket policy changes",
        &[&["PutBucketPolicy"], &["PutBucketAcl"]],
    ),
    (
        "4.9",
        "AWS Config configuration changes",
        &[&["StopConfigurationRecorder"], &["DeleteDeliveryChannel"]],
    ),
    (
        "4.10",
        "security group changes",
        &[&["AuthorizeSecurityGroupIngress"], &["CreateSecurityGroup"]],
    ),
    (
        "4.11",
        "network ACL changes",
        &[&["CreateNetworkAcl"], &["ReplaceNetworkAclEntry"]],
    ),
    (
        "4.12",
        "network gateway changes",
        &[&["CreateCustomerGateway"], &["AttachInternetGateway"]],
    ),
    (
        "4.13",
        "route table changes",
        &[&["CreateRoute"], &["ReplaceRouteTableAssociation"]],
    ),
    (
        "4.14",
        "VPC changes",
        &[&["CreateVpc"], &["ModifyVpcAttribute"]],
    ),
    (
        "4.15",
        "AWS Organizations changes",
        &[&["organizations.amazonaws.com"]],
    ),
];

/// The CIS recommendation a filter pattern implements, if any.
fn recommendation(pattern: &str) -> Option<(&'static str, &'static str)> {
    let flat: String = pattern
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '"' && *c != '\'')
        .collect();
    PATTERNS
        .iter()
        .find(|(_, _, alternatives)| {
            alternatives
                .iter()
                .any(|words| words.iter().all(|w| flat.contains(w)))
        })
        .map(|(id, what, _)| (*id, *what))
}

/// A metric name and namespace read from a filter or an alarm.
enum Metric {
    Known(String, String),
    Unresolved(String),
}

fn metric(name: Option<&Node>, namespace: Option<&Node>) -> Option<Metric> {
    let text = |n: Option<&Node>| match n.map(|n| &n.value) {
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Unknown(why)) => Err(why.clone()),
        Some(Value::Ref(r)) => Err(format!("a reference to {}", r.target)),
        Some(Value::Either(_)) => Err("a conditional metric name".to_owned()),
        _ => Ok(None),
    };
    match (text(name), text(namespace)) {
        (Ok(Some(n)), Ok(Some(ns))) => Some(Metric::Known(n, ns)),
        (Err(why), _) | (_, Err(why)) => Some(Metric::Unresolved(why)),
        _ => None,
    }
}

/// Every metric an alarm watches: its own, and each in its metric queries.
fn watched(alarm: &Resource) -> Vec<Metric> {
    let tf = alarm.format.is_terraform();
    let (name, namespace) = if tf {
        ("metric_name", "namespace")
    } else {
        ("MetricName", "Namespace")
    };
    let mut out: Vec<Metric> = metric(get(alarm, name), get(alarm, namespace))
        .into_iter()
        .collect();
    let (queries, stat) = if tf {
        ("metric_query", "metric")
    } else {
        ("Metrics", "MetricStat.Metric")
    };
    for q in items(get(alarm, queries)) {
        if let Some(m) = get_in(q, stat) {
            out.extend(metric(get_in(m, name), get_in(m, namespace)));
        }
    }
    out
}

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let tf = resource.format.is_terraform();
    let pattern_path = spelling(resource, "FilterPattern", "pattern");
    let Some((cis, what)) = get(resource, pattern_path)
        .and_then(Node::as_str)
        .and_then(recommendation)
    else {
        return Verdict::not_applicable(
            resource,
            "not a CIS security metric filter (or its pattern is not static)",
        );
    };
    let (transform, name, namespace) = if tf {
        ("metric_transformation", "name", "namespace")
    } else {
        ("MetricTransformations", "MetricName", "MetricNamespace")
    };
    let t = items(get(resource, transform)).into_iter().next();
    let (metric_name, metric_ns) =
        match t.and_then(|t| metric(get_in(t, name), get_in(t, namespace))) {
            Some(Metric::Known(n, ns)) => (n, ns),
            Some(Metric::Unresolved(why)) => {
                return Verdict::unknown(resource, resource.name_span, transform, why);
            }
            None => {
                return Verdict::missing(
                    resource,
                    transform,
                    format!("the CIS {cis} filter ({what}) publishes no metric"),
                );
            }
        };
    let alarm_type = if tf {
        "aws_cloudwatch_metric_alarm"
    } else {
        "AWS::CloudWatch::Alarm"
    };
    let mut unresolved = None;
    for alarm in cx.in_scope(resource, &[alarm_type]) {
        for m in watched(alarm) {
            match m {
                Metric::Known(n, ns) if n == metric_name && ns == metric_ns => {
                    return Verdict::met_by_default(
                        resource,
                        "",
                        format!("CIS {cis} ({what}): {} alarms on {ns}/{n}", alarm.id),
                    );
                }
                Metric::Unresolved(why) => {
                    unresolved.get_or_insert((alarm.id.clone(), why));
                }
                Metric::Known(..) => {}
            }
        }
    }
    match unresolved {
        Some((alarm, why)) => Verdict::unknown(
            resource,
            resource.name_span,
            "",
            format!("whether {alarm} watches {metric_ns}/{metric_name}: {why}"),
        ),
        None => Verdict::missing(
            resource,
            alarm_type,
            format!(
                "the CIS {cis} filter ({what}) counts {metric_ns}/{metric_name}, \
                 but no alarm in this {} watches it",
                if tf { "module" } else { "template" }
            ),
        ),
    }
}
