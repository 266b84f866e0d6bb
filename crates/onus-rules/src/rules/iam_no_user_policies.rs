//! # iam.no-user-policies: IAM users get permissions only through groups or roles
//!
//! ## Why this is your duty
//! IAM is a global, abstracted service: every identity and every grant in it
//! is the customer's. Policies attached straight to users scatter
//! permissions across individuals, so they are hard to review and are left
//! behind when people change jobs; granting through groups (or roles) keeps
//! access manageable.
//!
//! ## What AWS already does
//! Evaluates whatever policies reach a user. A new user has none.
//!
//! ## Verdicts
//! Judged on the user, and on every policy or attachment that targets users.
//! - met: a user with no inline `Policies` and no `ManagedPolicyArns`, and no
//!   `AWS::IAM::Policy` / `AWS::IAM::ManagedPolicy` listing it in `Users`
//!   (Terraform: no `aws_iam_user_policy`, `aws_iam_user_policy_attachment`
//!   or `aws_iam_policy_attachment` for it); a policy or
//!   `aws_iam_policy_attachment` with no `Users` / `users`;
//! - not met: any of those attachments (a Terraform `aws_iam_user_policy` or
//!   `aws_iam_user_policy_attachment` is one by existing);
//! - unknown: a `Users` list onus cannot resolve.
//!
//! ## Examples
//! ```yaml Alice=not-met Readers=not-met
//! Resources:
//!   Alice:
//!     Type: AWS::IAM::User
//!   Readers:
//!     Type: AWS::IAM::ManagedPolicy
//!     Properties:
//!       Users:
//!         - !Ref Alice
//!       PolicyDocument:
//!         Statement:
//!           - Effect: Allow
//!             Action: s3:GetObject
//!             Resource: "*"
//! ```
//! ```yaml pass
//! Resources:
//!   Team:
//!     Type: AWS::IAM::Group
//!   Alice:
//!     Type: AWS::IAM::User
//!     Properties:
//!       Groups:
//!         - !Ref Team
//!   Readers:
//!     Type: AWS::IAM::ManagedPolicy
//!     Properties:
//!       Groups:
//!         - !Ref Team
//!       PolicyDocument:
//!         Statement:
//!           - Effect: Allow
//!             Action: s3:GetObject
//!             Resource: "*"
//! ```
//! ```yaml fail
//! Resources:
//!   Alice:
//!     Type: AWS::IAM::User
//!     Properties:
//!       ManagedPolicyArns:
//!         - arn:aws:iam::aws:policy/ReadOnlyAccess
//! ```
//! ```hcl aws_iam_user.alice=not-met aws_iam_user_policy_attachment.alice=not-met
//! resource "aws_iam_user" "alice" {
//!   name = "alice"
//! }
//! resource "aws_iam_user_policy_attachment" "alice" {
//!   user       = aws_iam_user.alice.name
//!   policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
//! }
//! ```
//! ```hcl pass
//! resource "aws_iam_group" "team" {
//!   name = "team"
//! }
//! resource "aws_iam_user" "alice" {
//!   name = "alice"
//! }
//! resource "aws_iam_user_group_membership" "alice" {
//!   user   = aws_iam_user.alice.name
//!   groups = [aws_iam_group.team.name]
//! }
//! resource "aws_iam_group_policy_attachment" "team" {
//!   group      = aws_iam_group.team.name
//!   policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
//! }
//! ```
//! ```hcl aws_iam_user.alice=not-met aws_iam_policy_attachment.readers=not-met
//! resource "aws_iam_user" "alice" {
//!   name = "alice"
//! }
//! resource "aws_iam_policy_attachment" "readers" {
//!   name       = "readers"
//!   users      = [aws_iam_user.alice.name]
//!   policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
//! }
//! ```

use crate::check::{get, is_empty};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "iam.no-user-policies",
    title: "IAM users get permissions only through groups or roles",
    duty: Duty::AccessControl,
    severity: Severity::Low,
    cfn_types: &[
        "AWS::IAM::ManagedPolicy",
        "AWS::IAM::Policy",
        "AWS::IAM::User",
    ],
    tf_types: &[
        "aws_iam_policy_attachment",
        "aws_iam_user",
        "aws_iam_user_policy",
        "aws_iam_user_policy_attachment",
    ],
    reads: &[],
    controls: Controls {
        fsbp: &["IAM.2"],
        config: &["IAM_USER_NO_POLICIES_CHECK"],
        cis: &["1.15"],
    },
    peers: &[
        checkov("CKV_AWS_40", Same),
        cfn_nag("F10", Related),
        cfn_nag("F11", Related),
        cfn_nag("F12", Related),
        trivy("AVD-AWS-0143", Same),
        guard("IAM_USER_NO_POLICIES_CHECK", Same),
    ],
    check,
    file: file!(),
};

/// A `Users` / `users` list: not met when it names anyone.
fn users_list(resource: &Resource, path: &str) -> Verdict {
    match get(resource, path) {
        None => Verdict::met(
            resource,
            resource.name_span,
            "",
            format!("not attached to users ({path} not set)"),
        ),
        Some(n) if is_empty(n) => Verdict::met(resource, n.span, path, format!("{path} is empty")),
        Some(n) => match &n.value {
            Value::Unknown(w) => Verdict::unknown(resource, n.span, path, w.clone()),
            _ => Verdict::not_met(
                resource,
                n.span,
                path,
                "the policy is attached directly to users",
            ),
        },
    }
}

fn check(resource: &Resource, cx: &Context) -> Verdict {
    match resource.resource_type.as_str() {
        "AWS::IAM::Policy" | "AWS::IAM::ManagedPolicy" => users_list(resource, "Users"),
        "aws_iam_policy_attachment" => users_list(resource, "users"),
        "aws_iam_user_policy" => Verdict::not_met(
            resource,
            resource.name_span,
            "",
            "an inline policy on a user",
        ),
        "aws_iam_user_policy_attachment" => Verdict::not_met(
            resource,
            resource.name_span,
            "",
            "a managed policy attached directly to a user",
        ),
        "aws_iam_user" => {
            for (types, attr) in [
                (
                    &["aws_iam_user_policy", "aws_iam_user_policy_attachment"][..],
                    "user",
                ),
                (&["aws_iam_policy_attachment"][..], "users"),
            ] {
                if let Some(r) = cx.linked(resource, types, attr, Some("name")).first() {
                    return Verdict::not_met(
                        r,
                        r.name_span,
                        "",
                        format!("{} attaches a policy directly to this user", r.id),
                    );
                }
            }
            Verdict::met(
                resource,
                resource.name_span,
                "",
                "no policy attached directly to the user",
            )
        }
        _ => {
            for path in ["Policies", "ManagedPolicyArns"] {
                if let Some(n) = get(resource, path)
                    && !is_empty(n)
                {
                    return match &n.value {
                        Value::Unknown(w) => Verdict::unknown(resource, n.span, path, w.clone()),
                        _ => Verdict::not_met(
                            resource,
                            n.span,
                            path,
                            format!("{path} attaches policies directly to the user"),
                        ),
                    };
                }
            }
            let linked = cx.linked(
                resource,
                &["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"],
                "Users",
                None,
            );
            if let Some(p) = linked.first() {
                let span = get(p, "Users").map_or(p.name_span, |n| n.span);
                return Verdict::not_met(
                    p,
                    span,
                    "Users",
                    format!("{} is attached directly to this user", p.id),
                );
            }
            Verdict::met(
                resource,
                resource.name_span,
                "",
                "no policy attached directly to the user",
            )
        }
    }
}
