//! # iam.write-access-constrained: IAM policies do not allow write actions on every resource
//!
//! ## Why this is your duty
//! IAM is a global, abstracted service: AWS enforces every policy exactly as
//! written, and which permissions you grant is yours to decide.
//! A statement that allows a write action (`s3:PutObject`, `dynamodb:DeleteTable`,
//! `ec2:TerminateInstances`...) on `Resource: "*"` lets whoever holds the policy
//! change every resource of that kind in the account, not the few it needs.
//!
//! ## What AWS already does
//! Denies everything not explicitly allowed, and evaluates every request
//! against the policies you attach. It does not narrow what you allow.
//!
//! ## Verdicts
//! Policies read: every identity policy, as for `iam.no-admin-policy` (IAM
//! policies, inline policies of roles, users and groups, SSO permission sets,
//! and, when attached, the AWS managed policies onus holds: `AdministratorAccess`,
//! `IAMFullAccess`, `PowerUserAccess` and the common service policies listed
//! in `crates/onus-rules/data/aws-managed-policies.tsv`).
//! Write actions are those at the `Write` access level of the AWS Service
//! Authorization Reference that can be limited to resource ARNs (an action that
//! only exists on `*`, such as `ec2:CreateVpc`... is not "without constraints").
//! - met: no `Allow` statement grants a write action without a condition;
//! - not met: a statement does: `Resource: "*"` or a `NotResource` (which
//!   applies to every other resource), `Action` patterns matched ignoring
//!   case with their wildcards (`iam:Put*`, `*`), and `NotAction` granting
//!   every action it does not name; an unconditional `Deny` on every resource
//!   takes an action back;
//! - unknown: an action, resource or policy onus cannot resolve;
//! - not applicable: an attachment of a policy declared elsewhere (judged
//!   there) or of an AWS managed policy onus does not hold.
//!
//! ## Examples
//! ```yaml fail
//! Resources:
//!   AppPolicy:
//!     Type: AWS::IAM::ManagedPolicy
//!     Properties:
//!       PolicyDocument:
//!         Version: "2012-10-17"
//!         Statement:
//!           - Effect: Allow
//!             Action:
//!               - s3:PutObject
//!               - s3:DeleteObject
//!             Resource: "*"
//! ```
//! ```yaml pass
//! Parameters:
//!   DbSecret:
//!     Type: String
//!     Default: arn:aws:secretsmanager:eu-west-1:111122223333:secret:db
//! Resources:
//!   DataKey:
//!     Type: AWS::KMS::Key
//!   DeployRole:
//!     Type: AWS::IAM::Role
//!     Properties:
//!       AssumeRolePolicyDocument:
//!         Statement:
//!           - Effect: Allow
//!             Principal:
//!               Service: codebuild.amazonaws.com
//!             Action: sts:AssumeRole
//!   AppPolicy:
//!     Type: AWS::IAM::Policy
//!     Properties:
//!       PolicyName: app
//!       Roles: [app]
//!       PolicyDocument:
//!         Version: "2012-10-17"
//!         Statement:
//!           - Effect: Allow
//!             Action:
//!               - s3:PutObject
//!             Resource: arn:aws:s3:::reports/*
//! ```
//! ```hcl fail
//! resource "aws_iam_role_policy" "app" {
//!   role = "app"
//!   policy = jsonencode({
//!     Version   = "2012-10-17"
//!     Statement = [{ Effect = "Allow", Action = ["dynamodb:PutItem"], Resource = "*" }]
//!   })
//! }
//! ```
//! ```hcl pass
//! resource "aws_iam_policy" "app" {
//!   name = "app"
//!   policy = jsonencode({
//!     Version   = "2012-10-17"
//!     Statement = [{ Effect = "Allow", Action = ["dynamodb:PutItem"], Resource = "arn:aws:dynamodb:eu-west-1:111122223333:table/orders" }]
//!   })
//! }
//! ```
//! ```yaml pass
//! Resources:
//!   ReadMostly:
//!     Type: AWS::IAM::ManagedPolicy
//!     Properties:
//!       PolicyDocument:
//!         Statement:
//!           - Effect: Allow
//!             Action: [s3:GetObject, s3:PutObject]
//!             Resource: "*"
//!           - Effect: Deny
//!             Action: s3:Put*
//!             Resource: "*"
//! ```
//! ```hcl fail
//! data "aws_iam_policy_document" "most" {
//!   statement {
//!     not_actions = ["iam:*", "organizations:*"]
//!     resources   = ["*"]
//!   }
//! }
//! resource "aws_iam_policy" "most" {
//!   name   = "most"
//!   policy = data.aws_iam_policy_document.most.json
//! }
//! ```

use crate::context::Context;
use crate::policy::{actions, identity};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "iam.write-access-constrained",
    title: "IAM policies do not allow write actions on every resource",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: identity::CFN_TYPES,
    tf_types: identity::TF_TYPES,
    reads: identity::READS,
    controls: Controls::NONE,
    peers: &[
        checkov("CKV_AWS_111", Same),
        checkov("CKV_AWS_290", Same),
        checkov("CKV_AWS_355", Related),
        checkov("CKV_AWS_356", Related),
        guard("IAM_POLICYDOCUMENT_NO_WILDCARD_RESOURCE", Related),
        guard("IAM_ROLE_OR_POLICY_NO_ALLOW_PLUS_NOT_RESOURCE", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    identity::judge_set(
        resource,
        cx,
        &actions::WRITE,
        true,
        "a write action",
        "it can change or delete any resource of that type in the account",
    )
}
