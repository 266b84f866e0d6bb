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
//! Policies read (the shared IAM policy analysis, the same for every IAM
//! rule): CloudFormation `AWS::IAM::Policy`, `ManagedPolicy`, `RolePolicy`,
//! `UserPolicy`, `GroupPolicy` (`PolicyDocument`), the inline `Policies` and
//! `ManagedPolicyArns` of `AWS::IAM::Role`, `User` and `Group`, and
//! `AWS::SSO::PermissionSet` (`InlinePolicy`, `ManagedPolicies`); Terraform
//! `aws_iam_policy`, `aws_iam_role_policy`, `aws_iam_user_policy`,
//! `aws_iam_group_policy` (`policy`, also through a
//! `data.aws_iam_policy_document`), the `inline_policy` blocks and
//! `managed_policy_arns` of `aws_iam_role`,
//! `aws_ssoadmin_permission_set_inline_policy`, and the policy attachments
//! (`aws_iam_role_policy_attachment`, `aws_iam_user_policy_attachment`,
//! `aws_iam_group_policy_attachment`, `aws_iam_policy_attachment`,
//! `aws_ssoadmin_managed_policy_attachment`). A Terraform role is also judged
//! by the `aws_iam_role_policy` and `aws_iam_role_policy_attachment`
//! resources whose `role` refers to it, so it gets the verdict a
//! CloudFormation role with the same inline policy gets. The AWS managed
//! policies `AdministratorAccess`, `IAMFullAccess` and `PowerUserAccess`, and
//! the common service policies in `crates/onus-rules/data/aws-managed-policies.tsv`
//! (each with the version and date of the document onus holds), are
//! read as their documents, also when the ARN's partition is not static or
//! comes from a `data "aws_iam_policy"` lookup by name or ARN; an attachment
//! of any other policy is judged where that policy is declared (not
//! applicable on the attachment); an attachment whose policy ARN is a value
//! onus cannot resolve (a variable, a loop over one) is unknown.
//! - met: no `Allow` statement has `Action` `*` (or `*:*`) together with
//!   `Resource` `*` (or a `NotResource`, which applies to every other
//!   resource); a role, user or group without inline policies;
//! - not met: such a statement (conditions do not change this), or the AWS
//!   managed `AdministratorAccess` policy attached;
//! - unknown: a policy, action or resource is a value onus cannot resolve.
//!
//! `NotAction` statements and service-wide wildcards (`s3:*`) are judged by
//! `iam.no-wildcard-actions`.
//!
//! ## Examples
//! ```hcl aws_iam_role_policy_attachment.extra=unknown
//! resource "aws_iam_role_policy_attachment" "extra" {
//!   role       = "deploy"
//!   policy_arn = var.extra_policy_arn
//! }
//! ```
//! ```hcl aws_iam_role_policy_attachment.deploy=not-met
//! data "aws_iam_policy" "admin" {
//!   name = "AdministratorAccess"
//! }
//! resource "aws_iam_role_policy_attachment" "deploy" {
//!   role       = "deploy"
//!   policy_arn = data.aws_iam_policy.admin.arn
//! }
//! ```
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
//! ```hcl aws_iam_user_policy_attachment.admin=not-met aws_iam_group_policy_attachment.ro=not-applicable
//! resource "aws_iam_user_policy_attachment" "admin" {
//!   user       = "alice"
//!   policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
//! }
//! resource "aws_iam_group_policy_attachment" "ro" {
//!   group      = "readers"
//!   policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
//! }
//! ```
//! ```yaml fail
//! Resources:
//!   Everything:
//!     Type: AWS::IAM::RolePolicy
//!     Properties:
//!       RoleName: ops
//!       PolicyName: everything
//!       PolicyDocument:
//!         Statement:
//!           - Effect: Allow
//!             Action: "*"
//!             NotResource: arn:aws:s3:::audit-logs/*
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

use crate::context::Context;
use crate::policy::identity::{self, Found, Held};
use crate::policy::{Effect, Item, Tri, any_is};
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "iam.no-admin-policy",
    title: "IAM policy does not grant full administrator access",
    duty: Duty::AccessControl,
    severity: Severity::Critical,
    cfn_types: identity::CFN_TYPES,
    tf_types: identity::TF_TYPES,
    reads: identity::READS,
    controls: Controls {
        fsbp: &["IAM.1"],
        config: &["IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS"],
        cis: &["1.16"],
    },
    peers: &[
        checkov("CKV_AWS_62", Same),
        checkov("CKV_AWS_1", Same),
        checkov("CKV_AWS_274", Same),
        checkov("CKV_AWS_275", Related),
        checkov("CKV_AWS_63", Related),
        checkov("CKV_AWS_355", Related),
        checkov("CKV_AWS_49", Related),
        checkov("CKV2_AWS_40", Related),
        cfn_nag("F3", Related),
        cfn_nag("F4", Related),
        cfn_nag("F5", Related),
        trivy("AVD-AWS-0057", Related),
        guard("IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS", Same),
        guard("IAM_ROLE_ADMINISTRATOR_ACCESS_POLICY_RULE", Related),
    ],
    check,
    file: file!(),
};

/// Does the statement allow every action on every resource?
fn full_admin<'h>(h: &'h Held<'h>) -> Found<'h> {
    let st = &h.statement;
    let effect = match &st.effect {
        Effect::Allow => Tri::Yes,
        Effect::Deny => Tri::No,
        Effect::Unknown(w) => Tri::Unknown(w.clone(), st.effect_span),
    };
    let action = st
        .action
        .as_deref()
        .map_or(Tri::No, |a| any_is(a, &["*", "*:*"]));
    let resource = if st.not_resource.is_some() {
        Tri::Yes
    } else {
        st.resource
            .as_deref()
            .map_or(Tri::No, |r| any_is(r, &["*"]))
    };
    let parts = [effect, action, resource];
    if parts.iter().all(|p| *p == Tri::Yes) {
        let span = st
            .action
            .iter()
            .flatten()
            .find(|i| matches!(i, Item::Text(t, _) if t.trim().starts_with('*')))
            .map_or(st.span, Item::span);
        return Found::Yes(h, span, String::new());
    }
    match parts.into_iter().find(|p| matches!(p, Tri::Unknown(..))) {
        Some(Tri::Unknown(w, s)) if !parts_has_no(h) => Found::Unknown(h.unknown(s, w)),
        _ => Found::No,
    }
}

/// True when some part of the statement is definitely not admin.
fn parts_has_no(h: &Held) -> bool {
    let st = &h.statement;
    st.effect == Effect::Deny
        || st
            .action
            .as_deref()
            .is_none_or(|a| any_is(a, &["*", "*:*"]) == Tri::No)
        || (st.not_resource.is_none()
            && st
                .resource
                .as_deref()
                .is_none_or(|r| any_is(r, &["*"]) == Tri::No))
}

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let g = identity::grants(resource, cx);
    let mut unknown = None;
    for h in &g.statements {
        match full_admin(h) {
            Found::Yes(h, span, _) => {
                let why = match h.managed {
                    Some(name) => format!(
                        "the AWS managed {name} policy is attached: every action on every resource, full administrator access"
                    ),
                    None => "a statement allows every action (*) on every resource: full administrator access".to_owned(),
                };
                return h.verdict(span, why);
            }
            Found::Unknown(v) => {
                unknown.get_or_insert(v);
            }
            Found::No => {}
        }
    }
    if let Some(u) = unknown {
        return u;
    }
    identity::finish(
        resource,
        g,
        "no statement allows every action on every resource".to_owned(),
    )
}
