//! # iam.permissions-management-constrained: IAM policies do not allow permissions management on every resource
//!
//! ## Why this is your duty
//! IAM is a global, abstracted service: AWS enforces every policy exactly as
//! written, and which permissions you grant is yours to decide.
//! Permissions-management actions (`iam:PutRolePolicy`, `s3:PutBucketPolicy`,
//! `kms:CreateGrant`, `iam:PassRole`...) change who may do what. Allowed on
//! `Resource: "*"`, they let the holder open any bucket, key or role of the
//! account to anyone.
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
//! Permissions-management actions are those at the `Permissions management`
//! access level of the AWS Service Authorization Reference that can be limited to
//! resource ARNs.
//! - met: no `Allow` statement grants a permissions-management action without a condition;
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
//!             Action: s3:PutBucketPolicy
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
//!             Action: s3:PutBucketPolicy
//!             Resource: arn:aws:s3:::reports
//! ```
//! ```hcl fail
//! resource "aws_iam_role_policy" "app" {
//!   role = "app"
//!   policy = jsonencode({
//!     Version   = "2012-10-17"
//!     Statement = [{ Effect = "Allow", Action = ["iam:Put*"], Resource = "*" }]
//!   })
//! }
//! ```
//! ```hcl pass
//! resource "aws_iam_policy" "app" {
//!   name = "app"
//!   policy = jsonencode({
//!     Version   = "2012-10-17"
//!     Statement = [{ Effect = "Allow", Action = ["iam:PutRolePolicy"], Resource = "arn:aws:iam::111122223333:role/app-*" }]
//!   })
//! }
//! ```

use crate::context::Context;
use crate::policy::{actions, identity};
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "iam.permissions-management-constrained",
    title: "IAM policies do not allow permissions management on every resource",
    duty: Duty::AccessControl,
    severity: Severity::High,
    cfn_types: identity::CFN_TYPES,
    tf_types: identity::TF_TYPES,
    reads: identity::READS,
    controls: Controls::NONE,
    peers: &[
        checkov("CKV_AWS_109", Same),
        checkov("CKV_AWS_289", Same),
        checkov("CKV2_AWS_40", Related),
        guard("IAM_POLICY_NO_WILDCARD_RESOURCE_ON_PASSROLE", Related),
        guard("IAM_ROLE_NO_WILDCARD_RESOURCE_ON_PASSROLE", Related),
        cfn_nag("F39", Related),
        cfn_nag("F40", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    identity::judge_set(
        resource,
        cx,
        &actions::PERMISSIONS_MANAGEMENT,
        true,
        "a permissions-management action",
        "it can change who may do what on any such resource (resource exposure)",
    )
}
