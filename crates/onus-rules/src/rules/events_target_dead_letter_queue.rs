//! # events.target-dead-letter-queue: EventBridge keeps the events it cannot deliver
//!
//! ## Why this is your duty
//! EventBridge is abstracted: AWS matches events and delivers them to your
//! targets, retrying when a target is unavailable, throttled or denies
//! access. When it gives up, the event (your data, or the record of a
//! change in your account) is dropped unless the target names a dead-letter
//! queue. Keeping what could not be delivered is a durability choice that
//! is yours (resilience, shared), the same as for Lambda's failed
//! asynchronous events (`lambda.failed-event-destination`).
//!
//! ## What AWS already does
//! Retries delivery for up to 24 hours and 185 times by default
//! (`RetryPolicy`), then drops the event, unless the target has a
//! `DeadLetterConfig` (an SQS queue, since October 2020).
//!
//! ## Verdicts
//! Only rules that match events (`EventPattern` / `event_pattern`) carry
//! data worth keeping; a rule that only fires on a schedule sends a timer
//! tick, whose loss the next tick makes good.
//! - met: every target of the rule (`Targets` of `AWS::Events::Rule`; each
//!   `aws_cloudwatch_event_target`) sets `DeadLetterConfig.Arn`
//!   (`dead_letter_config { arn }`);
//! - not met: a target without one;
//! - unknown: the targets are not static, or a Terraform target's rule is
//!   not in the scan;
//! - not applicable: schedule-only rules, rules without targets.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Changes:
//!     Type: AWS::Events::Rule
//!     Properties:
//!       EventPattern:
//!         source: [aws.s3]
//!       Targets:
//!         - Id: handler
//!           Arn: arn:aws:lambda:eu-west-1:111122223333:function:handler
//!           DeadLetterConfig:
//!             Arn: arn:aws:sqs:eu-west-1:111122223333:undelivered
//! ```
//! ```yaml fail
//! Resources:
//!   Changes:
//!     Type: AWS::Events::Rule
//!     Properties:
//!       EventPattern:
//!         source: [aws.s3]
//!       Targets:
//!         - Id: handler
//!           Arn: arn:aws:lambda:eu-west-1:111122223333:function:handler
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Nightly:
//!     Type: AWS::Events::Rule
//!     Properties:
//!       ScheduleExpression: rate(1 day)
//!       Targets:
//!         - Id: report
//!           Arn: arn:aws:lambda:eu-west-1:111122223333:function:report
//! ```
//! ```hcl pass
//! resource "aws_cloudwatch_event_rule" "changes" {
//!   name          = "changes"
//!   event_pattern = jsonencode({ source = ["aws.s3"] })
//! }
//! resource "aws_cloudwatch_event_target" "handler" {
//!   rule = aws_cloudwatch_event_rule.changes.name
//!   arn  = "arn:aws:lambda:eu-west-1:111122223333:function:handler"
//!   dead_letter_config {
//!     arn = "arn:aws:sqs:eu-west-1:111122223333:undelivered"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_cloudwatch_event_rule" "changes" {
//!   name          = "changes"
//!   event_pattern = jsonencode({ source = ["aws.s3"] })
//! }
//! resource "aws_cloudwatch_event_target" "handler" {
//!   rule = aws_cloudwatch_event_rule.changes.name
//!   arn  = "arn:aws:lambda:eu-west-1:111122223333:function:handler"
//! }
//! ```
//! ```hcl not-applicable
//! resource "aws_cloudwatch_event_rule" "nightly" {
//!   name                = "nightly"
//!   schedule_expression = "rate(1 day)"
//! }
//! resource "aws_cloudwatch_event_target" "report" {
//!   rule = aws_cloudwatch_event_rule.nightly.name
//!   arn  = "arn:aws:lambda:eu-west-1:111122223333:function:report"
//! }
//! ```

use crate::check::{Judgement, every_item, get_in, is_empty, prop, spelling};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "events.target-dead-letter-queue",
    title: "EventBridge rule targets keep undeliverable events in a dead-letter queue",
    duty: Duty::Resilience,
    severity: Severity::Low,
    cfn_types: &["AWS::Events::Rule"],
    tf_types: &["aws_cloudwatch_event_target"],
    reads: &["aws_cloudwatch_event_rule"],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

const SCHEDULE_ONLY: &str = "a schedule-only rule sends timer ticks, not events worth keeping";

/// True when a rule matches events (rather than only firing on a schedule).
fn matches_events(rule: &Resource) -> bool {
    prop(rule, "EventPattern", "event_pattern").0.is_some()
        || prop(rule, "ScheduleExpression", "schedule_expression")
            .0
            .is_none()
}

fn judge_target(target: &Node, key: &str) -> Judgement {
    match get_in(target, key) {
        Some(arn) if !is_empty(arn) => Judgement::Yes,
        _ => Judgement::no(
            target,
            format!("no {key}: events EventBridge cannot deliver are dropped after its retries"),
        ),
    }
}

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let key = spelling(resource, "DeadLetterConfig.Arn", "dead_letter_config.arn");
    if !resource.format.is_terraform() {
        if !matches_events(resource) {
            return Verdict::not_applicable(resource, SCHEDULE_ONLY);
        }
        return every_item(
            resource,
            "Targets",
            "",
            &mut |target| Some(judge_target(target, key)),
            "every target keeps undeliverable events in a dead-letter queue",
            "the rule has no targets",
        );
    }
    let (rule_ref, rule_path) = prop(resource, "", "rule");
    let rule = rule_ref.and_then(|r| {
        cx.resolve(resource, r).or_else(|| {
            let name = r.as_str()?;
            cx.in_scope(resource, &["aws_cloudwatch_event_rule"])
                .find(|rule| rule.properties.get("name").and_then(Node::as_str) == Some(name))
        })
    });
    if rule.is_some_and(|r| !matches_events(r)) {
        return Verdict::not_applicable(resource, SCHEDULE_ONLY);
    }
    match judge_target(&resource.properties, key) {
        Judgement::Yes => Verdict::met(
            resource,
            resource.name_span,
            key,
            "undeliverable events go to the dead-letter queue",
        ),
        _ if rule.is_none() => Verdict::unknown(
            resource,
            rule_ref.map_or(resource.name_span, |r| r.span),
            rule_path,
            "whether the target's rule, not in the scan, matches events or only runs on a schedule",
        ),
        _ => Verdict::missing(
            resource,
            key,
            format!("no {key}: events EventBridge cannot deliver are dropped after its retries"),
        ),
    }
}
