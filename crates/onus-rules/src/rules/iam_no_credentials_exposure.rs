//! # iam.no-credentials-exposure: IAM policies do not allow actions that return credentials without constraints
//!
//! ## Why this is your duty
//! IAM is a global, abstracted service: AWS enforces every policy exactly as
//! written, and which permissions you grant is yours to decide.
//! Some actions return credentials in their response: `iam:CreateAccessKey`,
//! `sts:AssumeRole`, `ecr:GetAuthorizationToken`, `redshift:GetClusterCredentials`,
//! `ec2:GetPasswordData`... Allowed without constraints, they hand the holder the
//! keys of other identities.
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
//! The actions are cloudsplaining's credentials-exposure list, as Checkov uses
//! it. Actions that only exist on `*` (`ecr:GetAuthorizationToken`,
//! `sts:GetSessionToken`...) fail whatever the `Resource`, unless a condition
//! limits them; that is how Checkov judges them too.
//! - met: no `Allow` statement grants an action that returns credentials without a condition;
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
//!             Action: iam:CreateAccessKey
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
//!             Action: sts:AssumeRole
//!             Resource: !GetAtt DeployRole.Arn
//! ```
//! ```hcl fail
//! resource "aws_iam_role_policy" "app" {
//!   role = "app"
//!   policy = jsonencode({
//!     Version   = "2012-10-17"
//!     Statement = [{ Effect = "Allow", Action = ["ecr:GetAuthorizationToken"], Resource = "*" }]
//!   })
//! }
//! ```
//! ```hcl pass
//! resource "aws_iam_policy" "app" {
//!   name = "app"
//!   policy = jsonencode({
//!     Version   = "2012-10-17"
//!     Statement = [{ Effect = "Allow", Action = ["sts:AssumeRole"], Resource = "arn:aws:iam::111122223333:role/deploy" }]
//!   })
//! }
//! ```

use crate::context::Context;
use crate::policy::{actions, identity};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "iam.no-credentials-exposure",
    title: "IAM policies do not allow actions that return credentials without constraints",
    duty: Duty::AccessControl,
    severity: Severity::High,
    cfn_types: identity::CFN_TYPES,
    tf_types: identity::TF_TYPES,
    reads: identity::READS,
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_107", Same), checkov("CKV_AWS_287", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    identity::judge_set(
        resource,
        cx,
        &actions::CREDENTIALS,
        true,
        "an action that returns credentials",
        "its response holds credentials (access keys, tokens, passwords) for other identities",
    )
}
