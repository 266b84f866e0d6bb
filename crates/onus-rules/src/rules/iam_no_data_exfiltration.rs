//! # iam.no-data-exfiltration: IAM policies do not allow reading every object, parameter or secret
//!
//! ## Why this is your duty
//! IAM is a global, abstracted service: AWS enforces every policy exactly as
//! written, and which permissions you grant is yours to decide.
//! `s3:GetObject`, `ssm:GetParameter`, `ssm:GetParameters`,
//! `ssm:GetParametersByPath` and `secretsmanager:GetSecretValue` hand over data
//! and secrets. On `Resource: "*"` they reach every bucket, parameter and secret
//! of the account, including those of other applications.
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
//! The actions are cloudsplaining's data-exfiltration list, as Checkov uses it.
//! - met: no `Allow` statement grants a data-reading action on every resource without a condition;
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
//!             Action: secretsmanager:GetSecretValue
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
//!             Action: secretsmanager:GetSecretValue
//!             Resource: !Ref DbSecret
//! ```
//! ```hcl fail
//! resource "aws_iam_role_policy" "app" {
//!   role = "app"
//!   policy = jsonencode({
//!     Version   = "2012-10-17"
//!     Statement = [{ Effect = "Allow", Action = ["ssm:GetParameter*"], Resource = "*" }]
//!   })
//! }
//! ```
//! ```hcl pass
//! resource "aws_iam_policy" "app" {
//!   name = "app"
//!   policy = jsonencode({
//!     Version   = "2012-10-17"
//!     Statement = [{ Effect = "Allow", Action = ["ssm:GetParameter"], Resource = "arn:aws:ssm:eu-west-1:111122223333:parameter/app/*" }]
//!   })
//! }
//! ```
//! ```hcl fail
//! # The AWS managed policy grants ssm:GetParameter and ssm:GetParameters on *.
//! resource "aws_iam_role_policy_attachment" "ssm" {
//!   role       = var.instance_role
//!   policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore"
//! }
//! ```
//! ```hcl pass
//! resource "aws_iam_role_policy_attachment" "xray" {
//!   role       = var.instance_role
//!   policy_arn = "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"
//! }
//! ```

use crate::context::Context;
use crate::policy::{actions, identity};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "iam.no-data-exfiltration",
    title: "IAM policies do not allow reading every object, parameter or secret",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: identity::CFN_TYPES,
    tf_types: identity::TF_TYPES,
    reads: identity::READS,
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_108", Same), checkov("CKV_AWS_288", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    identity::judge_set(
        resource,
        cx,
        &actions::DATA_EXFILTRATION,
        true,
        "a data-reading action on every resource",
        "it can read every object, parameter or secret of the account",
    )
}
