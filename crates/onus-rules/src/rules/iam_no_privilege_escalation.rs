//! # iam.no-privilege-escalation: IAM policies do not open a privilege escalation path
//!
//! ## Why this is your duty
//! IAM is a global, abstracted service: AWS enforces every policy exactly as
//! written, and which permissions you grant is yours to decide. Some
//! combinations of permissions let their holder give itself more: write a
//! new version of its own policy, attach `AdministratorAccess` to itself, or
//! pass a powerful role to a new Lambda function or EC2 instance it controls.
//! A least-privilege policy is only as narrow as its widest escalation path.
//!
//! ## What AWS already does
//! Evaluates every request against the policies attached at that moment. It
//! does not stop an identity from changing its own permissions when a policy
//! allows it.
//!
//! ## Verdicts
//! Policies read: every identity policy, as for `iam.no-admin-policy`; the
//! statements of one resource are read together (a role's inline policies,
//! and for a Terraform role its `aws_iam_role_policy` and attachments), so a
//! path split across two of its policies is found.
//! The paths are the ones published by Rhino Security Labs, as cloudsplaining
//! lists them for Checkov: `iam:CreateAccessKey`, `iam:CreateLoginProfile`,
//! `iam:UpdateLoginProfile`, `iam:AddUserToGroup`, `iam:CreatePolicyVersion`,
//! `iam:SetDefaultPolicyVersion`, `iam:AttachUserPolicy`,
//! `iam:AttachGroupPolicy`, `iam:PutUserPolicy`, `iam:PutGroupPolicy`,
//! `iam:AttachRolePolicy` / `iam:PutRolePolicy` / `iam:UpdateAssumeRolePolicy`
//! with `sts:AssumeRole`, `iam:PassRole` with `ec2:RunInstances`,
//! `lambda:CreateFunction` (and `lambda:InvokeFunction` or
//! `lambda:CreateEventSourceMapping`), `glue:CreateDevEndpoint`,
//! `cloudformation:CreateStack` or `datapipeline:CreatePipeline`,
//! `glue:UpdateDevEndpoint` and `lambda:UpdateFunctionCode`.
//! - met: no path has every one of its actions granted without constraints;
//! - not met: one has: each of its actions allowed with no `Condition` on
//!   every resource (`Resource: "*"` or a `NotResource`), action patterns
//!   matched ignoring case with their wildcards, `NotAction` granting what it
//!   does not name, an unconditional `Deny` on every resource taking an action
//!   back (the AWS managed `IAMFullAccess` policy opens several paths);
//! - unknown: an action, resource or policy onus cannot resolve;
//! - not applicable: an attachment of a policy judged where it is declared.
//!
//! A condition such as `iam:PassedToService` counts as a constraint, as in
//! Checkov.
//!
//! ## Examples
//! ```yaml fail
//! Resources:
//!   Deployer:
//!     Type: AWS::IAM::ManagedPolicy
//!     Properties:
//!       PolicyDocument:
//!         Version: "2012-10-17"
//!         Statement:
//!           - Effect: Allow
//!             Action:
//!               - iam:PassRole
//!               - lambda:CreateFunction
//!               - lambda:InvokeFunction
//!             Resource: "*"
//! ```
//! ```yaml pass
//! Resources:
//!   Deployer:
//!     Type: AWS::IAM::ManagedPolicy
//!     Properties:
//!       PolicyDocument:
//!         Version: "2012-10-17"
//!         Statement:
//!           - Effect: Allow
//!             Action: iam:PassRole
//!             Resource: arn:aws:iam::111122223333:role/app-lambda
//!           - Effect: Allow
//!             Action:
//!               - lambda:CreateFunction
//!               - lambda:InvokeFunction
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
//!         - arn:aws:iam::aws:policy/IAMFullAccess
//! ```
//! ```hcl fail
//! resource "aws_iam_policy" "self_service" {
//!   name = "self-service"
//!   policy = jsonencode({
//!     Version   = "2012-10-17"
//!     Statement = [{ Effect = "Allow", Action = ["iam:CreatePolicyVersion"], Resource = "*" }]
//!   })
//! }
//! ```
//! ```hcl pass
//! resource "aws_iam_policy" "self_service" {
//!   name = "self-service"
//!   policy = jsonencode({
//!     Version = "2012-10-17"
//!     Statement = [{
//!       Effect    = "Allow"
//!       Action    = ["iam:PassRole"]
//!       Resource  = "*"
//!       Condition = { StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" } }
//!     }]
//!   })
//! }
//! ```

use crate::context::Context;
use crate::policy::actions::{ESCALATIONS, UNLIMITABLE};
use crate::policy::identity::{self, Found};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "iam.no-privilege-escalation",
    title: "IAM policies do not open a privilege escalation path",
    duty: Duty::AccessControl,
    severity: Severity::High,
    cfn_types: identity::CFN_TYPES,
    tf_types: identity::TF_TYPES,
    reads: identity::READS,
    controls: Controls::NONE,
    peers: &[
        checkov("CKV_AWS_110", Same),
        checkov("CKV_AWS_286", Same),
        checkov("CKV2_AWS_56", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let g = identity::grants(resource, cx);
    let mut unknown = None;
    for (path, actions) in ESCALATIONS {
        let mut first = None;
        let mut open = true;
        for action in *actions {
            let limitable = !UNLIMITABLE.contains(action);
            match identity::granted(&g.statements, action, limitable, true) {
                Found::Yes(h, span, via) => {
                    first.get_or_insert((h, span, via));
                }
                Found::No => {
                    open = false;
                    break;
                }
                Found::Unknown(v) => {
                    open = false;
                    unknown.get_or_insert(v);
                }
            }
        }
        if let (true, Some((h, span, via))) = (open, first) {
            let why = format!("its holder can {path} and so gain any permission");
            let granted = actions.join(" + ");
            let msg = identity::grant_message(&granted, &via, h, true, &why);
            return h.verdict(span, msg);
        }
    }
    if let Some(u) = unknown {
        return u;
    }
    identity::finish(
        resource,
        g,
        "no privilege escalation path is granted without constraints".to_owned(),
    )
}
