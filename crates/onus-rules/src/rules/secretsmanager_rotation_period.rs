//! # secretsmanager.rotation-period: secrets rotate at least every 90 days
//!
//! ## Why this is your duty
//! Secrets Manager is an abstracted service: AWS stores your secrets and runs
//! the rotation you schedule, but how long a credential stays valid is your
//! decision. The longer a secret lives, the longer a leaked copy works.
//!
//! ## What AWS already does
//! Rotates a secret only on the schedule of its rotation configuration;
//! without one it never rotates (`secretsmanager.rotation`).
//!
//! ## Verdicts
//! Judged on each rotation schedule (`AWS::SecretsManager::RotationSchedule`,
//! `aws_secretsmanager_secret_rotation`). Follows the AWS Config rule
//! `secretsmanager-secret-periodic-rotation` with its default of 90 days
//! (Security Hub SecretsManager.4).
//! - met: `RotationRules.AutomaticallyAfterDays`
//!   (`rotation_rules { automatically_after_days }`) at most 90, or a
//!   `ScheduleExpression` of `rate(N days)` / `rate(N hours)` within 90 days,
//!   or a `cron(...)` expression that runs every month (month field `*`);
//! - not met: a longer interval, or no interval at all;
//! - unknown: a value onus cannot resolve, or a cron expression limited to
//!   some months.
//!
//! A value AWS rejects (a rotation interval outside 1 to 1000 days) is not met
//! and said to be invalid.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   DbSecret:
//!     Type: AWS::SecretsManager::Secret
//!   Rotation:
//!     Type: AWS::SecretsManager::RotationSchedule
//!     Properties:
//!       SecretId: !Ref DbSecret
//!       RotationLambdaARN: arn:aws:lambda:eu-west-1:123456789012:function:rotate
//!       RotationRules:
//!         AutomaticallyAfterDays: 30
//! ```
//! ```yaml fail
//! Resources:
//!   DbSecret:
//!     Type: AWS::SecretsManager::Secret
//!   Rotation:
//!     Type: AWS::SecretsManager::RotationSchedule
//!     Properties:
//!       SecretId: !Ref DbSecret
//!       RotationLambdaARN: arn:aws:lambda:eu-west-1:123456789012:function:rotate
//!       RotationRules:
//!         ScheduleExpression: rate(180 days)
//! ```
//! ```hcl pass
//! resource "aws_secretsmanager_secret_rotation" "db" {
//!   secret_id           = "db"
//!   rotation_lambda_arn = "arn:aws:lambda:eu-west-1:123456789012:function:rotate"
//!   rotation_rules {
//!     schedule_expression = "cron(0 4 1 * ? *)"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_secretsmanager_secret_rotation" "db" {
//!   secret_id           = "db"
//!   rotation_lambda_arn = "arn:aws:lambda:eu-west-1:123456789012:function:rotate"
//!   rotation_rules {
//!     automatically_after_days = 365
//!   }
//! }
//! ```

use crate::check::{Judgement, judge, prop, require_number_in, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "secretsmanager.rotation-period",
    title: "Secrets Manager secrets rotate at least every 90 days",
    duty: Duty::SecretsHandling,
    severity: Severity::Medium,
    cfn_types: &["AWS::SecretsManager::RotationSchedule"],
    tf_types: &["aws_secretsmanager_secret_rotation"],
    reads: &[],
    controls: Controls {
        fsbp: &["SecretsManager.4"],
        config: &["SECRETSMANAGER_SECRET_PERIODIC_ROTATION"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_304", Same)],
    check,
    file: file!(),
};

const MAX_DAYS: f64 = 90.0;

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let (days, _) = prop(
        resource,
        "RotationRules.AutomaticallyAfterDays",
        "rotation_rules.automatically_after_days",
    );
    if days.is_some() {
        return require_number_in(
            resource,
            "RotationRules.AutomaticallyAfterDays",
            "rotation_rules.automatically_after_days",
            &[(1.0, 1000.0)],
            None,
            |d| d <= MAX_DAYS,
            "rotation at least every 90 days",
        );
    }
    let (expr, path) = prop(
        resource,
        "RotationRules.ScheduleExpression",
        "rotation_rules.schedule_expression",
    );
    let Some(expr) = expr else {
        return Verdict::missing(
            resource,
            path,
            "no rotation interval (AutomaticallyAfterDays or ScheduleExpression)",
        );
    };
    let j = judge(expr, &mut |n| match n.as_str() {
        Some(text) => schedule_within(text, n),
        None => Judgement::no(n, format!("{path} is not a schedule expression")),
    });
    verdict_of(resource, expr, path, j, "rotation at least every 90 days")
}

/// Whether a `rate(...)` or `cron(...)` schedule runs at least every 90 days.
fn schedule_within(text: &str, node: &onus_ingest::Node) -> Judgement {
    let text = text.trim();
    if let Some(rate) = text.strip_prefix("rate(").and_then(|r| r.strip_suffix(')')) {
        let mut words = rate.split_whitespace();
        let n: Option<f64> = words.next().and_then(|n| n.parse().ok());
        let days = match (n, words.next()) {
            (Some(n), Some(u)) if u.starts_with("day") => Some(n),
            (Some(n), Some(u)) if u.starts_with("hour") => Some(n / 24.0),
            _ => None,
        };
        return match days {
            Some(d) => Judgement::from_bool(d <= MAX_DAYS, node, || {
                format!("{text}: rotation every {d} days, more than 90")
            }),
            None => Judgement::no(node, format!("{text:?} is not a valid rate expression")),
        };
    }
    if let Some(cron) = text.strip_prefix("cron(").and_then(|r| r.strip_suffix(')')) {
        let fields: Vec<&str> = cron.split_whitespace().collect();
        return match fields.get(3) {
            Some(&"*") => Judgement::Yes,
            Some(_) => Judgement::Unknown(
                node.span,
                format!("how often {text} runs (limited to some months)"),
            ),
            None => Judgement::no(node, format!("{text:?} is not a valid cron expression")),
        };
    }
    Judgement::no(node, format!("{text:?} is not a rate or cron expression"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use onus_ingest::{Node, Span, Value};

    fn at(text: &str) -> Judgement {
        let node = Node::new(Value::String(text.into()), Span::new(0, 0));
        schedule_within(text, &node)
    }

    #[test]
    fn schedules() {
        assert_eq!(at("rate(30 days)"), Judgement::Yes);
        assert_eq!(at("rate(4 hours)"), Judgement::Yes);
        assert!(matches!(at("rate(91 days)"), Judgement::No(..)));
        assert_eq!(at("cron(0 4 1 * ? *)"), Judgement::Yes);
        assert!(matches!(at("cron(0 4 1 1 ? *)"), Judgement::Unknown(..)));
        assert!(matches!(at("every day"), Judgement::No(..)));
    }
}
