//! # iam.no-admin-policy: IAM policies do not grant full administrator access
//!
//! ## Why this is your duty
//! IAM is a global, abstracted service: AWS enforces every policy exactly as
//! written, and every identity and permission in it is the customer's. A
//! statement allowing every action on every resource turns any principal it
//! reaches into an administrator; least privilege can only be applied by you.
//!
//! ## What AWS already does
//! Denies everything not explicitly allowed. Nothing is granted until you
//! attach a policy.
//!
//! ## Verdicts
//! Policies read: CloudFormation `AWS::IAM::Policy` and
//! `AWS::IAM::ManagedPolicy` (`PolicyDocument`), and the inline `Policies` and
//! `ManagedPolicyArns` of `AWS::IAM::Role`, `User` and `Group`; Terraform
//! `aws_iam_policy`, `aws_iam_role_policy`, `aws_iam_user_policy`,
//! `aws_iam_group_policy` (`policy`), and the `inline_policy` blocks and
//! `managed_policy_arns` of `aws_iam_role`. A Terraform role is also judged by
//! the `aws_iam_role_policy` and `aws_iam_role_policy_attachment` resources
//! whose `role` refers to it, so it gets the verdict a CloudFormation role
//! with the same inline policy gets.
//! - met: no `Allow` statement has `Action` `*` (or `*:*`) together with
//!   `Resource` `*`; a role, user or group without inline policies;
//! - not met: such a statement (conditions do not change this), or the AWS
//!   managed `AdministratorAccess` policy in `ManagedPolicyArns`;
//! - unknown: a policy, action or resource is a value onus cannot resolve.
//!
//! `NotAction` statements and service-wide wildcards (`s3:*`) are not flagged
//! by this rule. User and group attachment resources in Terraform
//! (`aws_iam_user_policy_attachment`, `aws_iam_group_policy_attachment`) are
//! not followed yet.
//!
//! ## Examples
//! ```yaml fail
//! Resources:
//!   Admin:
//!     Type: AWS::IAM::ManagedPolicy
//!     Properties:
//!       PolicyDocument:
//!         Version: "2012-10-17"
//!         Statement:
//!           - Effect: Allow
//!             Action: "*"
//!             Resource: "*"
//! ```
//! ```yaml pass
//! Resources:
//!   Reader:
//!     Type: AWS::IAM::ManagedPolicy
//!     Properties:
//!       PolicyDocument:
//!         Version: "2012-10-17"
//!         Statement:
//!           - Effect: Allow
//!             Action:
//!               - s3:GetObject
//!             Resource: "*"
//! ```
//! ```yaml fail
//! Resources:
//!   Ops:
//!     Type: AWS::IAM::Role
//!     Properties:
//!       AssumeRolePolicyDocument:
//!         Statement:
//!           - Effect: Allow
//!             Principal:
//!               Service: ec2.amazonaws.com
//!             Action: sts:AssumeRole
//!       ManagedPolicyArns:
//!         - arn:aws:iam::aws:policy/AdministratorAccess
//! ```
//! ```yaml fail
//! Resources:
//!   Ops:
//!     Type: AWS::IAM::Role
//!     Properties:
//!       AssumeRolePolicyDocument:
//!         Statement:
//!           - Effect: Allow
//!             Principal:
//!               Service: ec2.amazonaws.com
//!             Action: sts:AssumeRole
//!       Policies:
//!         - PolicyName: everything
//!           PolicyDocument:
//!             Statement:
//!               Effect: Allow
//!               Action: "*:*"
//!               Resource: ["*"]
//! ```
//! ```hcl fail
//! resource "aws_iam_policy" "admin" {
//!   name = "admin"
//!   policy = jsonencode({
//!     Version   = "2012-10-17"
//!     Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
//!   })
//! }
//! ```
//! ```hcl pass
//! resource "aws_iam_policy" "reader" {
//!   name = "reader"
//!   policy = jsonencode({
//!     Version   = "2012-10-17"
//!     Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "*" }]
//!   })
//! }
//! ```
//! ```hcl aws_iam_role.ops=not-met
//! resource "aws_iam_role" "ops" {
//!   name = "ops"
//!   assume_role_policy = jsonencode({
//!     Version = "2012-10-17"
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = { Service = "ec2.amazonaws.com" }
//!       Action    = "sts:AssumeRole"
//!     }]
//!   })
//! }
//! resource "aws_iam_role_policy_attachment" "ops_admin" {
//!   role       = aws_iam_role.ops.name
//!   policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
//! }
//! ```
//! ```hcl fail
//! resource "aws_iam_role" "ops" {
//!   name = "ops"
//!   assume_role_policy = jsonencode({
//!     Version = "2012-10-17"
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = { Service = "ec2.amazonaws.com" }
//!       Action    = "sts:AssumeRole"
//!     }]
//!   })
//!   inline_policy {
//!     name = "everything"
//!     policy = jsonencode({
//!       Statement = [{ Effect = "Allow", Action = "*:*", Resource = ["*"] }]
//!     })
//!   }
//! }
//! ```
//! ```yaml unknown
//! Parameters:
//!   Actions:
//!     Type: CommaDelimitedList
//! Resources:
//!   Custom:
//!     Type: AWS::IAM::ManagedPolicy
//!     Properties:
//!       PolicyDocument:
//!         Statement:
//!           - Effect: Allow
//!             Action: !Ref Actions
//!             Resource: "*"
//! ```

use crate::check::{all_of, get};
use crate::context::Context;
use crate::policy::{Document, Effect, Tri, any_is, at};
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::{Status, Verdict};
use onus_ingest::{Node, Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "iam.no-admin-policy",
    title: "IAM policy does not grant full administrator access",
    duty: Duty::AccessControl,
    severity: Severity::Critical,
    cfn_types: &[
        "AWS::IAM::Group",
        "AWS::IAM::ManagedPolicy",
        "AWS::IAM::Policy",
        "AWS::IAM::Role",
        "AWS::IAM::User",
    ],
    tf_types: &[
        "aws_iam_group_policy",
        "aws_iam_policy",
        "aws_iam_role",
        "aws_iam_role_policy",
        "aws_iam_user_policy",
    ],
    reads: &["aws_iam_policy_document", "aws_iam_role_policy_attachment"],
    controls: Controls {
        fsbp: &["IAM.1"],
        config: &["IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS"],
        cis: &["1.16"],
    },
    peers: &[
        checkov("CKV_AWS_62", Same),
        checkov("CKV_AWS_63", Related),
        checkov("CKV_AWS_355", Related),
        checkov("CKV_AWS_49", Related),
        checkov("CKV2_AWS_40", Related),
        cfn_nag("F3", Related),
        cfn_nag("F4", Related),
        cfn_nag("F5", Related),
        trivy("AVD-AWS-0057", Related),
        guard("IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS", Same),
    ],
    check,
    file: file!(),
};

const ADMIN_ARN: &str = "arn:aws:iam::aws:policy/AdministratorAccess";

/// Every policy document of the resource, with its path.
fn documents(resource: &Resource) -> Vec<(&Node, String)> {
    let mut out = Vec::new();
    let t = resource.resource_type.as_str();
    match t {
        "AWS::IAM::Policy" | "AWS::IAM::ManagedPolicy" => {
            if let Some(d) = get(resource, "PolicyDocument") {
                out.push((d, "PolicyDocument".to_owned()));
            }
        }
        "AWS::IAM::Role" | "AWS::IAM::User" | "AWS::IAM::Group" => {
            if let Some(list) = get(resource, "Policies") {
                for (i, p) in list
                    .as_list()
                    .unwrap_or(std::slice::from_ref(list))
                    .iter()
                    .enumerate()
                {
                    match p.get("PolicyDocument") {
                        Some(d) => out.push((d, format!("Policies[{i}].PolicyDocument"))),
                        None => out.push((p, format!("Policies[{i}]"))),
                    }
                }
            }
        }
        "aws_iam_role" => {
            if let Some(list) = get(resource, "inline_policy") {
                for (i, p) in list
                    .as_list()
                    .unwrap_or(std::slice::from_ref(list))
                    .iter()
                    .enumerate()
                {
                    if let Some(d) = p.get("policy") {
                        out.push((d, format!("inline_policy[{i}].policy")));
                    }
                }
            }
        }
        _ => {
            if let Some(d) = get(resource, "policy") {
                out.push((d, "policy".to_owned()));
            }
        }
    }
    out
}

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let own = judge_own(resource, cx);
    if resource.resource_type != "aws_iam_role" {
        return own;
    }
    // The role's separate Terraform policies, so that a role gets the same
    // verdict as a CloudFormation role with the same inline policy.
    let mut verdicts = vec![own];
    for r in cx.linked(
        resource,
        &["aws_iam_role_policy", "aws_iam_role_policy_attachment"],
        "role",
        Some("name"),
    ) {
        verdicts.push(judge_own(r, cx));
    }
    let met = verdicts[0].clone();
    match all_of(verdicts) {
        Some(v) if v.status != Status::Met => v,
        _ => met,
    }
}

fn judge_own(resource: &Resource, cx: &Context) -> Verdict {
    let (arns, arns_path) = match resource.resource_type.as_str() {
        "aws_iam_role_policy_attachment" => (get(resource, "policy_arn"), "policy_arn"),
        _ if resource.format.is_terraform() => {
            (get(resource, "managed_policy_arns"), "managed_policy_arns")
        }
        _ => (get(resource, "ManagedPolicyArns"), "ManagedPolicyArns"),
    };
    if let Some(arns) = arns {
        for item in crate::policy::items(arns) {
            if let crate::policy::Item::Text(a, span) = item
                && a.eq_ignore_ascii_case(ADMIN_ARN)
            {
                return Verdict::not_met(
                    resource,
                    span,
                    arns_path,
                    "the AWS managed AdministratorAccess policy is attached",
                );
            }
        }
    }
    let docs = documents(resource);
    let mut unknown = None;
    for (node, path) in &docs {
        if matches!(node.value, Value::Map(_))
            && node.get("PolicyDocument").is_none()
            && path.ends_with(']')
        {
            unknown.get_or_insert_with(|| {
                Verdict::unknown(resource, node.span, path, "policy without PolicyDocument")
            });
            continue;
        }
        let stmts = match Document::read(node, resource, cx) {
            Document::Statements(s) => s,
            Document::Unknown(w, s) | Document::Invalid(w, s) => {
                unknown.get_or_insert_with(|| Verdict::unknown(resource, s, path, w));
                continue;
            }
        };
        for st in &stmts {
            let effect = match &st.effect {
                Effect::Allow => Tri::Yes,
                Effect::Deny => Tri::No,
                Effect::Unknown(w) => Tri::Unknown(w.clone(), st.effect_span),
            };
            let action = st
                .action
                .as_deref()
                .map_or(Tri::No, |a| any_is(a, &["*", "*:*"]));
            let res = st
                .resource
                .as_deref()
                .map_or(Tri::No, |r| any_is(r, &["*"]));
            let parts = [effect, action, res];
            if parts.iter().all(|p| *p == Tri::Yes) {
                return at(
                    Verdict::not_met(
                        resource,
                        st.span,
                        path,
                        "a statement allows every action (*) on every resource (*): full administrator access",
                    ),
                    st.file,
                );
            }
            if !parts.contains(&Tri::No)
                && let Some(Tri::Unknown(w, s)) =
                    parts.into_iter().find(|p| matches!(p, Tri::Unknown(..)))
            {
                unknown.get_or_insert_with(|| at(Verdict::unknown(resource, s, path, w), st.file));
            }
        }
    }
    if let Some(u) = unknown {
        return u;
    }
    match docs.first() {
        Some((node, path)) => Verdict::met(
            resource,
            node.span,
            path,
            "no statement allows every action on every resource",
        ),
        None => Verdict::met(
            resource,
            resource.name_span,
            "",
            "no inline policy and no AdministratorAccess attachment",
        ),
    }
}
