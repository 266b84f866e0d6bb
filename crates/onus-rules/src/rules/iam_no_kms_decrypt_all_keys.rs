//! # iam.no-kms-decrypt-all-keys: IAM policies do not allow decryption with every KMS key
//!
//! ## Why this is your duty
//! IAM is a global, abstracted service: AWS enforces every policy exactly as
//! written, and which permissions you grant is yours to decide.
//! `kms:Decrypt` and `kms:ReEncryptFrom` on `Resource: "*"` let the holder
//! decrypt with every key whose key policy delegates to IAM (the default key
//! policy does), so every encrypted bucket, volume or secret becomes readable.
//! Grant them on the keys the task needs.
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
//! As AWS Config's rules for FSBP KMS.1 (customer managed policies) and KMS.2
//! (inline policies) do, conditions are not read: a condition does not make the
//! grant pass.
//! - met: no `Allow` statement grants kms:Decrypt or kms:ReEncryptFrom on every key;
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
//!             Action: kms:Decrypt
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
//!             Action: kms:Decrypt
//!             Resource: !GetAtt DataKey.Arn
//! ```
//! ```hcl fail
//! resource "aws_iam_role_policy" "app" {
//!   role = "app"
//!   policy = jsonencode({
//!     Version   = "2012-10-17"
//!     Statement = [{ Effect = "Allow", Action = ["kms:*"], Resource = "*" }]
//!   })
//! }
//! ```
//! ```hcl pass
//! resource "aws_iam_policy" "app" {
//!   name = "app"
//!   policy = jsonencode({
//!     Version   = "2012-10-17"
//!     Statement = [{ Effect = "Allow", Action = ["kms:Decrypt"], Resource = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" }]
//!   })
//! }
//! ```

use crate::context::Context;
use crate::policy::{actions, identity};
use crate::rule::{Controls, Relation::*, Rule, Severity, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "iam.no-kms-decrypt-all-keys",
    title: "IAM policies do not allow decryption with every KMS key",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: identity::CFN_TYPES,
    tf_types: identity::TF_TYPES,
    reads: identity::READS,
    controls: Controls {
        fsbp: &["KMS.1", "KMS.2"],
        config: &[
            "IAM_CUSTOMER_POLICY_BLOCKED_KMS_ACTIONS",
            "IAM_INLINE_POLICY_BLOCKED_KMS_ACTIONS",
        ],
        cis: &[],
    },
    peers: &[
        guard("IAM_CUSTOMER_POLICY_BLOCKED_KMS_ACTIONS", Same),
        guard("IAM_INLINE_POLICY_BLOCKED_KMS_ACTIONS", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    identity::judge_set(
        resource,
        cx,
        &actions::KMS_DECRYPT,
        false,
        "kms:Decrypt or kms:ReEncryptFrom on every key",
        "it can decrypt data protected by any KMS key of the account whose key policy lets IAM decide",
    )
}
