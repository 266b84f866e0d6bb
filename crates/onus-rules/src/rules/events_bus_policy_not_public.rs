//! # events.bus-policy-not-public: EventBridge event bus policies do not allow everyone
//!
//! ## Why this is your duty
//! EventBridge is an abstracted service: AWS runs the buses and enforces the
//! resource policy you attach. A statement allowing the principal `*` lets
//! every AWS account put events on your bus, and so trigger every rule and
//! target behind it.
//!
//! ## What AWS already does
//! A bus accepts events only from its own account until a policy allows
//! others.
//!
//! ## Verdicts
//! Judged on each policy: CloudFormation `AWS::Events::EventBus` (`Policy`)
//! and `AWS::Events::EventBusPolicy` (`Statement`, or the older `Principal`
//! with `Condition` `Type`/`Key`/`Value`); Terraform
//! `aws_cloudwatch_event_bus_policy` (`policy`) and
//! `aws_cloudwatch_event_permission` (`principal` with a `condition` block).
//! - met: no policy, or no `Allow` statement to everyone;
//! - not met: an `Allow` to `*` (or with `NotPrincipal`) with no condition
//!   limiting the caller to fixed values (`aws:PrincipalOrgID`,
//!   `aws:PrincipalAccount`, `aws:SourceAccount`...);
//! - unknown: the policy or a statement is something onus cannot resolve.
//!
//! ## Examples
//! ```yaml fail
//! Resources:
//!   Open:
//!     Type: AWS::Events::EventBusPolicy
//!     Properties:
//!       StatementId: open
//!       Statement:
//!         Effect: Allow
//!         Principal: "*"
//!         Action: events:PutEvents
//!         Resource: arn:aws:events:eu-west-1:111122223333:event-bus/default
//! ```
//! ```yaml pass
//! Resources:
//!   Org:
//!     Type: AWS::Events::EventBusPolicy
//!     Properties:
//!       StatementId: org
//!       Action: events:PutEvents
//!       Principal: "*"
//!       Condition:
//!         Type: StringEquals
//!         Key: aws:PrincipalOrgID
//!         Value: o-abc123
//! ```
//! ```yaml fail
//! Resources:
//!   Bus:
//!     Type: AWS::Events::EventBus
//!     Properties:
//!       Name: orders
//!       Policy:
//!         Statement:
//!           - Effect: Allow
//!             Principal: "*"
//!             Action: events:PutEvents
//!             Resource: "*"
//! ```
//! ```hcl fail
//! resource "aws_cloudwatch_event_permission" "anyone" {
//!   principal    = "*"
//!   statement_id = "anyone"
//! }
//! ```
//! ```hcl pass
//! resource "aws_cloudwatch_event_permission" "org" {
//!   principal    = "*"
//!   statement_id = "org"
//!   condition {
//!     key   = "aws:PrincipalOrgID"
//!     type  = "StringEquals"
//!     value = "o-abc123"
//!   }
//! }
//! resource "aws_cloudwatch_event_bus_policy" "partner" {
//!   policy = jsonencode({
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = { AWS = "arn:aws:iam::444455556666:root" }
//!       Action    = "events:PutEvents"
//!       Resource  = "*"
//!     }]
//!   })
//! }
//! ```

use crate::check::{get, get_in, spelling};
use crate::context::Context;
use crate::policy::no_public_grant;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::{Entry, Node, Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "events.bus-policy-not-public",
    title: "EventBridge event bus policies do not allow everyone",
    duty: Duty::AccessControl,
    severity: Severity::High,
    cfn_types: &["AWS::Events::EventBus", "AWS::Events::EventBusPolicy"],
    tf_types: &[
        "aws_cloudwatch_event_bus_policy",
        "aws_cloudwatch_event_permission",
    ],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn entry(key: &str, node: Node) -> Entry {
    Entry {
        key: key.to_owned(),
        key_span: node.span,
        node,
    }
}

/// The older one-statement form (`Principal`, `Action`, `Condition` with
/// `Type`/`Key`/`Value`) as a policy document.
fn one_statement(resource: &Resource, principal: &Node) -> Node {
    let span = resource.name_span;
    let mut st = vec![
        entry("Effect", Node::new(Value::String("Allow".into()), span)),
        entry("Principal", principal.clone()),
    ];
    let cond = get(resource, spelling(resource, "Condition", "condition"));
    if let Some(c) = cond {
        let part = |k: &str| {
            get_in(c, k)
                .or_else(|| get_in(c, &k.to_ascii_lowercase()))
                .cloned()
        };
        st.push(entry(
            "Condition",
            match (part("Type"), part("Key"), part("Value")) {
                (
                    Some(Node {
                        value: Value::String(t),
                        ..
                    }),
                    Some(Node {
                        value: Value::String(k),
                        ..
                    }),
                    Some(v),
                ) => Node::new(
                    Value::Map(vec![entry(
                        &t,
                        Node::new(Value::Map(vec![entry(&k, v)]), c.span),
                    )]),
                    c.span,
                ),
                _ => Node::new(Value::Unknown("the condition's type or key".into()), c.span),
            },
        ));
    }
    let statement = Node::new(Value::Map(st), principal.span);
    Node::new(
        Value::Map(vec![entry("Statement", statement)]),
        principal.span,
    )
}

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let built;
    let (node, path) = match resource.resource_type.as_str() {
        "AWS::Events::EventBus" => (get(resource, "Policy"), "Policy"),
        "aws_cloudwatch_event_bus_policy" => (get(resource, "policy"), "policy"),
        "AWS::Events::EventBusPolicy" if get(resource, "Statement").is_some() => {
            let st = get(resource, "Statement")
                .cloned()
                .unwrap_or_else(|| resource.properties.clone());
            built = Node::new(Value::Map(vec![entry("Statement", st)]), resource.name_span);
            (Some(&built), "Statement")
        }
        _ => {
            let path = spelling(resource, "Principal", "principal");
            match get(resource, path) {
                Some(p) => {
                    built = one_statement(resource, p);
                    (Some(&built), path)
                }
                None => (None, path),
            }
        }
    };
    let policies: Vec<(&Resource, &Node, &str)> =
        node.map(|n| (resource, n, path)).into_iter().collect();
    no_public_grant(
        resource,
        &policies,
        cx,
        "event bus",
        "no bus policy: only the owning account can put events",
    )
}
