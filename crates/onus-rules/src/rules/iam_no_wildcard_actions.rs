//! # iam.no-wildcard-actions: IAM policies do not allow every action of a service
//!
//! ## Why this is your duty
//! IAM is a global, abstracted service: AWS enforces every policy exactly as
//! written, and which permissions you grant is yours to decide. `s3:*` grants
//! every S3 action that exists and every one AWS adds later, including
//! deleting buckets and rewriting their policies; `*` grants every action of
//! every service. Listing the actions a task needs is the least-privilege
//! work only you can do.
//!
//! ## What AWS already does
//! Denies everything not explicitly allowed. It expands a wildcard to every
//! matching action at request time, new actions included.
//!
//! ## Verdicts
//! Policies read: every identity policy, as for `iam.no-admin-policy`.
//! - met: no `Allow` statement has `*` or `service:*` in `Action`, and none
//!   uses `NotAction`;
//! - not met: one does, whatever its `Resource` and `Condition` (as AWS
//!   Config's rule for FSBP IAM.21 judges it); an `Allow` with `NotAction`
//!   grants every action of every service but the listed ones, so it fails
//!   too; so does an attached AWS managed policy onus holds that grants one
//!   (`AdministratorAccess`, `IAMFullAccess`, `PowerUserAccess`, `AWSLambdaExecute`...);
//! - unknown: an action or policy onus cannot resolve;
//! - not applicable: an attachment of a policy judged where it is declared.
//!
//! Wildcards that name part of a service (`s3:Get*`) are not flagged here;
//! the write, permissions-management and data rules judge what they reach.
//!
//! ## Examples
//! ```yaml fail
//! Resources:
//!   Storage:
//!     Type: AWS::IAM::ManagedPolicy
//!     Properties:
//!       PolicyDocument:
//!         Version: "2012-10-17"
//!         Statement:
//!           - Effect: Allow
//!             Action: s3:*
//!             Resource: arn:aws:s3:::reports/*
//! ```
//! ```yaml fail
//! Resources:
//!   AllButIam:
//!     Type: AWS::IAM::ManagedPolicy
//!     Properties:
//!       PolicyDocument:
//!         Version: "2012-10-17"
//!         Statement:
//!           - Effect: Allow
//!             NotAction: iam:*
//!             Resource: "*"
//! ```
//! ```yaml pass
//! Resources:
//!   Storage:
//!     Type: AWS::IAM::ManagedPolicy
//!     Properties:
//!       PolicyDocument:
//!         Version: "2012-10-17"
//!         Statement:
//!           - Effect: Allow
//!             Action: [s3:GetObject, s3:PutObject]
//!             Resource: arn:aws:s3:::reports/*
//!           - Effect: Deny
//!             Action: s3:*
//!             Resource: arn:aws:s3:::audit/*
//! ```
//! ```hcl fail
//! data "aws_iam_policy_document" "queue" {
//!   statement {
//!     actions   = ["sqs:*"]
//!     resources = ["arn:aws:sqs:eu-west-1:111122223333:jobs"]
//!   }
//! }
//! resource "aws_iam_role_policy" "worker" {
//!   role   = "worker"
//!   policy = data.aws_iam_policy_document.queue.json
//! }
//! ```
//! ```hcl pass
//! resource "aws_iam_role_policy" "worker" {
//!   role = "worker"
//!   policy = jsonencode({
//!     Version   = "2012-10-17"
//!     Statement = [{ Effect = "Allow", Action = ["sqs:ReceiveMessage", "sqs:DeleteMessage"], Resource = "*" }]
//!   })
//! }
//! ```

use crate::context::Context;
use crate::policy::identity::{self, Held};
use crate::policy::{Effect, Item};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "iam.no-wildcard-actions",
    title: "IAM policies do not allow every action of a service",
    duty: Duty::AccessControl,
    severity: Severity::Low,
    cfn_types: identity::CFN_TYPES,
    tf_types: identity::TF_TYPES,
    reads: identity::READS,
    controls: Controls {
        fsbp: &["IAM.21"],
        config: &["IAM_POLICY_NO_STATEMENTS_WITH_FULL_ACCESS"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_63", Related),
        checkov("CKV_AWS_49", Related),
        checkov("CKV2_AWS_40", Related),
        guard("IAM_POLICY_NO_STATEMENTS_WITH_FULL_ACCESS", Same),
        guard("IAM_MANAGEDPOLICY_NO_STATEMENTS_WITH_FULL_ACCESS", Related),
        guard("IAM_ROLE_NO_WILDCARD_ACTIONS_ON_PERMISSIONS", Related),
        guard("IAM_ROLE_OR_POLICY_NO_ALLOW_PLUS_NOT_ACTION", Related),
    ],
    check,
    file: file!(),
};

/// `*`, `*:*` or `service:*`.
fn whole_service(pattern: &str) -> bool {
    let p = pattern.trim();
    p.chars().all(|c| c == '*') && !p.is_empty()
        || p.split_once(':')
            .is_some_and(|(s, a)| !s.is_empty() && a == "*")
}

fn judge(h: &Held) -> Option<Result<Verdict, Verdict>> {
    let st = &h.statement;
    if st.effect == Effect::Deny {
        return None;
    }
    let why = |what: String| match h.managed {
        Some(name) => format!("the attached AWS managed policy {name} allows {what}"),
        None => format!("allows {what}"),
    };
    if let Some(first) = st.not_action.as_ref().and_then(|l| l.first()) {
        return Some(Ok(h.verdict(
            first.span(),
            why("every action but those in NotAction, of every service, including any AWS adds later".into()),
        )));
    }
    let mut unknown = None;
    for item in st.action.iter().flatten() {
        match item {
            Item::Text(t, span) if whole_service(t) => {
                if let Effect::Unknown(w) = &st.effect {
                    return Some(Err(h.unknown(st.effect_span, w.clone())));
                }
                let what = if t.contains(':') && !t.starts_with('*') {
                    format!("{t}: every action of the service, including any AWS adds later")
                } else {
                    format!("{t}: every action of every service")
                };
                return Some(Ok(h.verdict(*span, why(what))));
            }
            Item::Text(..) | Item::Ref(_) => {}
            Item::Unknown(w, s) => {
                unknown.get_or_insert_with(|| h.unknown(*s, w.clone()));
            }
        }
    }
    unknown.map(Err)
}

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let g = identity::grants(resource, cx);
    let mut unknown = None;
    for h in &g.statements {
        match judge(h) {
            Some(Ok(v)) => return v,
            Some(Err(u)) => {
                unknown.get_or_insert(u);
            }
            None => {}
        }
    }
    if let Some(u) = unknown {
        return u;
    }
    identity::finish(
        resource,
        g,
        "no statement allows every action of a service".to_owned(),
    )
}
