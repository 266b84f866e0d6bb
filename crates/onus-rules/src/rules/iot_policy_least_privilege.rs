//! # iot.policy-least-privilege: IoT policies do not allow every IoT action on every resource
//!
//! ## Why this is your duty
//! AWS IoT Core is an abstracted service: AWS runs the device gateway and
//! the message broker and enforces the IoT policies attached to device
//! certificates; what a device may do is the policy you write. A policy
//! allowing `iot:*` (or `*`) on every resource lets any device holding the
//! certificate connect as any client id, publish to and subscribe to every
//! topic, and read or change every thing's shadow: one leaked device key
//! reaches the whole fleet's messages.
//!
//! ## What AWS already does
//! Denies every IoT action a certificate's policies do not allow. AWS IoT
//! Device Defender's audit reports overly permissive policies when you turn
//! it on; nothing narrows a policy for you.
//!
//! ## Verdicts
//! Judged on `AWS::IoT::Policy` (`PolicyDocument`) and `aws_iot_policy`
//! (`policy`):
//! - met: no `Allow` statement grants every IoT action (`*`, `iot:*`, or a
//!   `NotAction`) on every resource (`*` or a `NotResource`) without a
//!   condition;
//! - not met: such a statement;
//! - unknown: the policy, an action or a resource is a value onus cannot
//!   resolve.
//!
//! Narrower grants that Device Defender also reports (`iot:Connect` on
//! `client/*`, `iot:Subscribe` on `topicfilter/*`) are not judged here.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   SensorPolicy:
//!     Type: AWS::IoT::Policy
//!     Properties:
//!       PolicyDocument:
//!         Statement:
//!           - Effect: Allow
//!             Action: iot:Connect
//!             Resource: !Sub arn:${AWS::Partition}:iot:${AWS::Region}:${AWS::AccountId}:client/${!iot:Connection.Thing.ThingName}
//!           - Effect: Allow
//!             Action: iot:Publish
//!             Resource: !Sub arn:${AWS::Partition}:iot:${AWS::Region}:${AWS::AccountId}:topic/sensors/*
//! ```
//! ```yaml fail
//! Resources:
//!   OpenPolicy:
//!     Type: AWS::IoT::Policy
//!     Properties:
//!       PolicyDocument:
//!         Statement:
//!           - Effect: Allow
//!             Action: iot:*
//!             Resource: "*"
//! ```
//! ```hcl pass
//! resource "aws_iot_policy" "sensor" {
//!   name = "sensor"
//!   policy = jsonencode({
//!     Statement = [{
//!       Effect   = "Allow"
//!       Action   = ["iot:Publish", "iot:Receive"]
//!       Resource = "arn:aws:iot:eu-west-1:111122223333:topic/sensors/*"
//!     }]
//!   })
//! }
//! ```
//! ```hcl fail
//! resource "aws_iot_policy" "open" {
//!   name = "open"
//!   policy = jsonencode({
//!     Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
//!   })
//! }
//! ```

use crate::check::{get, spelling};
use crate::context::Context;
use crate::policy::{Document, Effect, Statement, Tri, any_is, at};
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "iot.policy-least-privilege",
    title: "IoT policies do not allow every IoT action on every resource",
    duty: Duty::AccessControl,
    severity: Severity::High,
    cfn_types: &["AWS::IoT::Policy"],
    tf_types: &["aws_iot_policy"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let path = spelling(resource, "PolicyDocument", "policy");
    let Some(policy) = get(resource, path) else {
        return Verdict::missing(
            resource,
            path,
            format!("{path} is not set: the policy grants nothing"),
        );
    };
    let statements = match Document::read(policy, resource, cx) {
        Document::Statements(s) => s,
        Document::Unknown(w, span) | Document::Invalid(w, span) => {
            return Verdict::unknown(resource, span, path, w);
        }
    };
    let mut unknown = None;
    for st in &statements {
        match everything(st) {
            Tri::Yes => {
                let v = Verdict::not_met(
                    resource,
                    st.span,
                    path,
                    "a statement allows every IoT action on every resource: any device with this policy reaches every topic, client id and shadow",
                );
                return at(v, st.file);
            }
            Tri::Unknown(w, span) => {
                unknown
                    .get_or_insert_with(|| at(Verdict::unknown(resource, span, path, w), st.file));
            }
            Tri::No => {}
        }
    }
    unknown.unwrap_or_else(|| {
        Verdict::met(
            resource,
            policy.span,
            path,
            "no statement allows every IoT action on every resource",
        )
    })
}

/// Does an unconditional `Allow` grant every IoT action on every resource?
fn everything(st: &Statement) -> Tri {
    match &st.effect {
        Effect::Deny => return Tri::No,
        Effect::Unknown(w) => return Tri::Unknown(w.clone(), st.effect_span),
        Effect::Allow => {}
    }
    if st.condition.is_some() {
        return Tri::No;
    }
    let actions = match (&st.action, &st.not_action) {
        (_, Some(_)) => Tri::Yes,
        (Some(items), None) => any_is(items, &["*", "iot:*"]),
        (None, None) => Tri::No,
    };
    let resources = match (&st.resource, &st.not_resource) {
        (_, Some(_)) => Tri::Yes,
        (Some(items), None) => any_is(items, &["*"]),
        (None, None) => Tri::No,
    };
    actions.and(resources)
}
