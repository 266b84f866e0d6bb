//! # msk.broker-logging: MSK clusters deliver broker logs
//!
//! ## Why this is your duty
//! MSK is a container service: AWS monitors the brokers' health, but the
//! broker logs — authentication failures, ACL denials, client connections to
//! *your* cluster — are delivered only where you tell MSK to send them.
//! Logging of customer resources is the customer's duty.
//!
//! ## What AWS already does
//! Publishes cluster metrics to CloudWatch; broker logs are off until you
//! enable a destination.
//!
//! ## Verdicts
//! Reads `LoggingInfo.BrokerLogs` (`logging_info { broker_logs { ... } }`):
//! - met: at least one of `CloudWatchLogs`, `Firehose`, `S3`
//!   (`cloudwatch_logs`, `firehose`, `s3`) has `Enabled` / `enabled` true;
//! - not met: no broker log destination, or all disabled;
//! - unknown: an `Enabled` value onus cannot resolve and none is true.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Kafka:
//!     Type: AWS::MSK::Cluster
//!     Properties:
//!       ClusterName: events
//!       LoggingInfo:
//!         BrokerLogs:
//!           CloudWatchLogs:
//!             Enabled: true
//!             LogGroup: /msk/events
//! ```
//! ```yaml fail
//! Resources:
//!   Kafka:
//!     Type: AWS::MSK::Cluster
//!     Properties:
//!       ClusterName: events
//!       LoggingInfo:
//!         BrokerLogs:
//!           S3:
//!             Enabled: false
//! ```
//! ```hcl pass
//! resource "aws_msk_cluster" "events" {
//!   cluster_name = "events"
//!   logging_info {
//!     broker_logs {
//!       s3 {
//!         enabled = true
//!         bucket  = "msk-logs"
//!       }
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_msk_cluster" "events" {
//!   cluster_name = "events"
//! }
//! ```

use crate::check::{Judgement, get, judge, spelling};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "msk.broker-logging",
    title: "MSK cluster delivers broker logs",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::MSK::Cluster"],
    tf_types: &["aws_msk_cluster"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_80", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let base = spelling(
        resource,
        "LoggingInfo.BrokerLogs",
        "logging_info.broker_logs",
    );
    let dests: &[&str] = if resource.format.is_terraform() {
        &["cloudwatch_logs", "firehose", "s3"]
    } else {
        &["CloudWatchLogs", "Firehose", "S3"]
    };
    let enabled = spelling(resource, "Enabled", "enabled");
    let mut unknown = None;
    let mut last_no = None;
    for d in dests {
        let path = format!("{base}.{d}.{enabled}");
        let Some(node) = get(resource, &path) else {
            continue;
        };
        let j = judge(node, &mut |n| match n.as_bool() {
            Some(true) => Judgement::Yes,
            _ => Judgement::no(n, format!("{path} is not true")),
        });
        match j {
            Judgement::Yes => {
                return Verdict::met(resource, node.span, &path, format!("broker logs go to {d}"));
            }
            Judgement::Unknown(span, what) => {
                unknown.get_or_insert((span, path, what));
            }
            Judgement::No(span, why) => last_no = Some((span, path, why)),
        }
    }
    if let Some((span, path, what)) = unknown {
        return Verdict::unknown(resource, span, &path, what);
    }
    match last_no {
        Some((span, path, why)) => Verdict::not_met(
            resource,
            span,
            &path,
            format!("{why}: no broker log destination is enabled"),
        ),
        None => Verdict::missing(
            resource,
            base,
            format!("{base} is not set: broker logs are not delivered"),
        ),
    }
}
