//! # rds.event-subscription: RDS event subscriptions include the critical events
//!
//! ## Why this is your duty
//! RDS is a container service: AWS fails over, patches and reconfigures
//! your databases and announces each of these as an event, but whether
//! anyone hears about it is up to the subscriptions you create. Monitoring
//! your resources is part of the logging duty the model leaves to you.
//!
//! ## What AWS already does
//! Records events for 14 days whether or not you subscribe; a subscription
//! sends them to your SNS topic. A subscription without `EventCategories`
//! receives every category of its source type, and one without
//! `SourceType` every source type (unchanged since event notifications
//! launched in 2012).
//!
//! ## Verdicts
//! The critical categories per source type are those Security Hub names:
//! `db-instance`: failure, maintenance, configuration change; `db-cluster`:
//! failure, maintenance; `db-parameter-group`: maintenance, configuration
//! change; `db-security-group`: failure, configuration change (all three
//! when no source type is given).
//! - met: the subscription is enabled and `EventCategories` /
//!   `event_categories` is absent (all) or lists every critical category;
//! - not met: `Enabled` / `enabled` is false, or a critical category is
//!   missing;
//! - not applicable: other source types (snapshots, proxies, deployments);
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Events:
//!     Type: AWS::RDS::EventSubscription
//!     Properties:
//!       SnsTopicArn: arn:aws:sns:us-east-1:123456789012:db-events
//!       SourceType: db-instance
//!       EventCategories: [failure, maintenance, configuration change]
//! ```
//! ```yaml fail
//! Resources:
//!   Events:
//!     Type: AWS::RDS::EventSubscription
//!     Properties:
//!       SnsTopicArn: arn:aws:sns:us-east-1:123456789012:db-events
//!       SourceType: db-cluster
//!       EventCategories: [failure]
//! ```
//! ```hcl pass
//! resource "aws_db_event_subscription" "events" {
//!   name        = "db-events"
//!   sns_topic   = "arn:aws:sns:us-east-1:123456789012:db-events"
//!   source_type = "db-parameter-group"
//! }
//! ```
//! ```hcl fail
//! resource "aws_db_event_subscription" "events" {
//!   name        = "db-events"
//!   sns_topic   = "arn:aws:sns:us-east-1:123456789012:db-events"
//!   source_type = "db-instance"
//!   enabled     = false
//! }
//! ```

use crate::check::{all_of, get, require_bool, spelling, static_text};
use crate::context::Context;
use crate::lists::require_item;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "rds.event-subscription",
    title: "RDS event subscriptions include the critical event categories",
    duty: Duty::Logging,
    severity: Severity::Low,
    cfn_types: &["AWS::RDS::EventSubscription"],
    tf_types: &["aws_db_event_subscription"],
    reads: &[],
    controls: Controls {
        fsbp: &["RDS.19", "RDS.20", "RDS.21", "RDS.22"],
        config: &[],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn critical(source: Option<&str>) -> Option<&'static [&'static str]> {
    Some(match source.map(str::to_ascii_lowercase).as_deref() {
        None => &["failure", "maintenance", "configuration change"],
        Some("db-instance") => &["failure", "maintenance", "configuration change"],
        Some("db-cluster") => &["failure", "maintenance"],
        Some("db-parameter-group") => &["maintenance", "configuration change"],
        Some("db-security-group") => &["failure", "configuration change"],
        Some(_) => return None,
    })
}

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let source = match static_text(resource, "SourceType", "source_type") {
        Err(unknown) => return unknown,
        Ok(s) => s,
    };
    let Some(categories) = critical(source) else {
        return Verdict::not_applicable(
            resource,
            format!(
                "source type {} has no critical categories",
                source.unwrap_or_default()
            ),
        );
    };
    let mut verdicts = vec![require_bool(
        resource,
        "Enabled",
        "enabled",
        true,
        true,
        "the subscription",
    )];
    if get(
        resource,
        spelling(resource, "EventCategories", "event_categories"),
    )
    .is_some()
    {
        verdicts.extend(categories.iter().map(|c| {
            require_item(
                resource,
                "EventCategories",
                "event_categories",
                &[c],
                &format!("{c} events are not sent"),
            )
        }));
    }
    all_of(verdicts).unwrap_or_else(|| Verdict::not_applicable(resource, "nothing to check"))
}
