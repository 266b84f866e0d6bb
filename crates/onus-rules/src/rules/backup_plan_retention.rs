//! # backup.plan-retention: AWS Backup plan rules keep recovery points at least 7 days
//!
//! ## Why this is your duty
//! AWS Backup is an abstracted service: AWS runs the jobs on the schedule
//! you set and deletes recovery points when your lifecycle says. How far
//! back you can restore is your recovery objective, and configuring the
//! provided backup tools to meet it is the customer's duty.
//!
//! ## What AWS already does
//! Keeps recovery points indefinitely when a rule has no lifecycle; deletes
//! them `DeleteAfterDays` after creation when it has one.
//!
//! ## Verdicts
//! Reads every rule of `BackupPlan.BackupPlanRule` (`rule { ... }`):
//! - met: every rule keeps recovery points at least 7 days
//!   (`Lifecycle.DeleteAfterDays` / `lifecycle { delete_after }` ≥ 7, or no
//!   lifecycle: kept until deleted);
//! - not met: a rule deletes recovery points after fewer than 7 days, or the
//!   plan has no rule;
//! - unknown: a retention onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Plan:
//!     Type: AWS::Backup::BackupPlan
//!     Properties:
//!       BackupPlan:
//!         BackupPlanName: daily
//!         BackupPlanRule:
//!           - RuleName: daily
//!             TargetBackupVault: prod
//!             ScheduleExpression: cron(0 5 * * ? *)
//!             Lifecycle:
//!               DeleteAfterDays: 35
//! ```
//! ```yaml fail
//! Resources:
//!   Plan:
//!     Type: AWS::Backup::BackupPlan
//!     Properties:
//!       BackupPlan:
//!         BackupPlanName: daily
//!         BackupPlanRule:
//!           - RuleName: daily
//!             TargetBackupVault: prod
//!             ScheduleExpression: cron(0 5 * * ? *)
//!             Lifecycle:
//!               DeleteAfterDays: 35
//!           - RuleName: hourly
//!             TargetBackupVault: prod
//!             ScheduleExpression: cron(0 * * * ? *)
//!             Lifecycle:
//!               DeleteAfterDays: 1
//! ```
//! ```hcl pass
//! resource "aws_backup_plan" "daily" {
//!   name = "daily"
//!   rule {
//!     rule_name         = "daily"
//!     target_vault_name = "prod"
//!     schedule          = "cron(0 5 * * ? *)"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_backup_plan" "daily" {
//!   name = "daily"
//!   rule {
//!     rule_name         = "daily"
//!     target_vault_name = "prod"
//!     schedule          = "cron(0 5 * * ? *)"
//!     lifecycle {
//!       delete_after = 3
//!     }
//!   }
//! }
//! ```
//! ```hcl unknown
//! variable "days" {
//!   type = number
//! }
//! resource "aws_backup_plan" "daily" {
//!   name = "daily"
//!   rule {
//!     rule_name         = "daily"
//!     target_vault_name = "prod"
//!     schedule          = "cron(0 5 * * ? *)"
//!     lifecycle {
//!       delete_after = var.days
//!     }
//!   }
//! }
//! ```

use crate::check::{Judgement, get_in, is_null, items, judge, spelling, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "backup.plan-retention",
    title: "AWS Backup plan rules keep recovery points at least 7 days",
    duty: Duty::Backups,
    severity: Severity::Medium,
    cfn_types: &["AWS::Backup::BackupPlan"],
    tf_types: &["aws_backup_plan"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

const MIN_DAYS: f64 = 7.0;

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let rules_path = spelling(resource, "BackupPlan.BackupPlanRule", "rule");
    let after = spelling(
        resource,
        "Lifecycle.DeleteAfterDays",
        "lifecycle.delete_after",
    );
    let path = format!("{rules_path}.{after}");
    let rules = items(get_in(&resource.properties, rules_path));
    if rules.is_empty() {
        return Verdict::missing(resource, rules_path, "the plan has no backup rule");
    }
    let mut unknown = None;
    for rule in &rules {
        let Some(days) = get_in(rule, after) else {
            continue;
        };
        let j = judge(days, &mut |n| match n.as_f64() {
            Some(d) => Judgement::from_bool(d >= MIN_DAYS, n, || {
                format!("{path} is {d}: recovery points are deleted after fewer than 7 days")
            }),
            None if is_null(n) => Judgement::Yes,
            None => Judgement::no(n, format!("{path} is not a number")),
        });
        match j {
            Judgement::Yes => {}
            no @ Judgement::No(..) => return verdict_of(resource, days, &path, no, ""),
            Judgement::Unknown(span, what) => {
                unknown.get_or_insert((span, what));
            }
        }
    }
    if let Some((span, what)) = unknown {
        return Verdict::unknown(resource, span, &path, what);
    }
    Verdict::met(
        resource,
        resource.name_span,
        rules_path,
        "every backup rule keeps recovery points at least 7 days",
    )
}
