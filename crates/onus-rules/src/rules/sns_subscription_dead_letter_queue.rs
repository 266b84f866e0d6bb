//! # sns.subscription-dead-letter-queue: SNS keeps the messages it cannot deliver
//!
//! ## Why this is your duty
//! SNS is abstracted: AWS stores your messages and retries delivery to each
//! subscriber. When the retries are exhausted (an endpoint down for too
//! long, a queue whose policy denies SNS, a deleted function) the message
//! is discarded unless the subscription names a dead-letter queue. Keeping
//! what could not be delivered is a durability choice that is yours
//! (resilience, shared), as for Lambda and EventBridge.
//!
//! ## What AWS already does
//! Retries by the delivery policy of the protocol (for AWS endpoints such as
//! SQS and Lambda up to 100,015 times over 23 days; for HTTP(S) three
//! times by default), then discards the message, unless `RedrivePolicy`
//! names an SQS dead-letter queue (since November 2019).
//!
//! ## Verdicts
//! - met: `RedrivePolicy` / `redrive_policy` names a
//!   `deadLetterTargetArn`;
//! - not met: no redrive policy, or one without a target;
//! - unknown: the policy is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   ToQueue:
//!     Type: AWS::SNS::Subscription
//!     Properties:
//!       TopicArn: arn:aws:sns:eu-west-1:111122223333:orders
//!       Protocol: sqs
//!       Endpoint: arn:aws:sqs:eu-west-1:111122223333:orders
//!       RedrivePolicy:
//!         deadLetterTargetArn: arn:aws:sqs:eu-west-1:111122223333:orders-undelivered
//! ```
//! ```yaml fail
//! Resources:
//!   ToQueue:
//!     Type: AWS::SNS::Subscription
//!     Properties:
//!       TopicArn: arn:aws:sns:eu-west-1:111122223333:orders
//!       Protocol: sqs
//!       Endpoint: arn:aws:sqs:eu-west-1:111122223333:orders
//! ```
//! ```hcl pass
//! resource "aws_sns_topic_subscription" "to_queue" {
//!   topic_arn = "arn:aws:sns:eu-west-1:111122223333:orders"
//!   protocol  = "sqs"
//!   endpoint  = "arn:aws:sqs:eu-west-1:111122223333:orders"
//!   redrive_policy = jsonencode({
//!     deadLetterTargetArn = "arn:aws:sqs:eu-west-1:111122223333:orders-undelivered"
//!   })
//! }
//! ```
//! ```hcl fail
//! resource "aws_sns_topic_subscription" "to_queue" {
//!   topic_arn = "arn:aws:sns:eu-west-1:111122223333:orders"
//!   protocol  = "sqs"
//!   endpoint  = "arn:aws:sqs:eu-west-1:111122223333:orders"
//! }
//! ```

use crate::check::{Judgement, get_in, is_empty, judge, prop, verdict_of};
use crate::context::Context;
use crate::policy::json_to_node;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "sns.subscription-dead-letter-queue",
    title: "SNS subscriptions keep undeliverable messages in a dead-letter queue",
    duty: Duty::Resilience,
    severity: Severity::Low,
    cfn_types: &["AWS::SNS::Subscription"],
    tf_types: &["aws_sns_topic_subscription"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let (policy, path) = prop(resource, "RedrivePolicy", "redrive_policy");
    let Some(policy) = policy else {
        return Verdict::missing(
            resource,
            path,
            format!(
                "{path} is not set: messages SNS cannot deliver are discarded after its retries"
            ),
        );
    };
    let j = judge(policy, &mut |n| {
        let parsed;
        let doc = match &n.value {
            Value::String(text) => match serde_json::from_str::<serde_json::Value>(text) {
                Ok(json) => {
                    parsed = json_to_node(&json, n.span);
                    &parsed
                }
                Err(_) => return Judgement::no(n, format!("{path} is not valid JSON")),
            },
            _ => n,
        };
        match get_in(doc, "deadLetterTargetArn") {
            Some(t) if matches!(t.value, Value::Unknown(_)) => {
                Judgement::Unknown(t.span, format!("{path}.deadLetterTargetArn"))
            }
            Some(t) if !is_empty(t) => Judgement::Yes,
            _ => Judgement::no(n, format!("{path} names no deadLetterTargetArn")),
        }
    });
    verdict_of(
        resource,
        policy,
        path,
        j,
        "undeliverable messages go to the dead-letter queue",
    )
}
