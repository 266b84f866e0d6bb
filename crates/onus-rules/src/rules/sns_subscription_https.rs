//! # sns.subscription-https: SNS delivers to HTTP endpoints over HTTPS only
//!
//! ## Why this is your duty
//! SNS is abstracted: AWS delivers your messages, but to the endpoint you
//! subscribe. An `http` subscription sends every message, and the signed
//! confirmation that can subscribe more endpoints, across the internet in
//! the clear. Protecting data in transit is always the customer's duty.
//!
//! ## What AWS already does
//! Delivers to `https` endpoints over TLS, and to AWS endpoints (SQS,
//! Lambda, Firehose, mobile push) within AWS. It delivers to `http`
//! endpoints unencrypted, as subscribed.
//!
//! ## Verdicts
//! - met: `Protocol` / `protocol` is `https`;
//! - not met: `http`;
//! - unknown: the protocol is not static;
//! - not applicable: deliveries to AWS services (`sqs`, `lambda`,
//!   `firehose`, `application`), and email and SMS, whose transport SNS does
//!   not let you choose.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Hook:
//!     Type: AWS::SNS::Subscription
//!     Properties:
//!       TopicArn: arn:aws:sns:eu-west-1:111122223333:alerts
//!       Protocol: https
//!       Endpoint: https://hooks.example.com/sns
//! ```
//! ```yaml fail
//! Resources:
//!   Hook:
//!     Type: AWS::SNS::Subscription
//!     Properties:
//!       TopicArn: arn:aws:sns:eu-west-1:111122223333:alerts
//!       Protocol: http
//!       Endpoint: http://hooks.example.com/sns
//! ```
//! ```hcl pass
//! resource "aws_sns_topic_subscription" "hook" {
//!   topic_arn = "arn:aws:sns:eu-west-1:111122223333:alerts"
//!   protocol  = "https"
//!   endpoint  = "https://hooks.example.com/sns"
//! }
//! ```
//! ```hcl fail
//! resource "aws_sns_topic_subscription" "hook" {
//!   topic_arn = "arn:aws:sns:eu-west-1:111122223333:alerts"
//!   protocol  = "http"
//!   endpoint  = "http://hooks.example.com/sns"
//! }
//! ```
//! ```hcl not-applicable
//! resource "aws_sns_topic_subscription" "queue" {
//!   topic_arn = "arn:aws:sns:eu-west-1:111122223333:alerts"
//!   protocol  = "sqs"
//!   endpoint  = "arn:aws:sqs:eu-west-1:111122223333:alerts"
//! }
//! ```

use crate::check::{Judgement, judge, prop, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "sns.subscription-https",
    title: "SNS subscriptions to web endpoints use HTTPS",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: &["AWS::SNS::Subscription"],
    tf_types: &["aws_sns_topic_subscription"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let (protocol, path) = prop(resource, "Protocol", "protocol");
    let Some(protocol) = protocol else {
        return Verdict::missing(resource, path, format!("{path} is not set (required)"));
    };
    let mut web = false;
    let j = judge(protocol, &mut |n| match n.scalar_text() {
        Some(p) if p.eq_ignore_ascii_case("https") => {
            web = true;
            Judgement::Yes
        }
        Some(p) if p.eq_ignore_ascii_case("http") => Judgement::no(
            n,
            format!("{path} is http: messages cross the internet unencrypted"),
        ),
        Some(_) => Judgement::Yes,
        None => Judgement::no(n, format!("{path} is not a plain value")),
    });
    if j == Judgement::Yes && !web {
        return Verdict::not_applicable(
            resource,
            "not a web endpoint: SNS delivers to AWS services itself, and chooses the transport of email and SMS",
        );
    }
    verdict_of(
        resource,
        protocol,
        path,
        j,
        "messages are delivered over HTTPS",
    )
}
