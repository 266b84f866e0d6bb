//! # secretsmanager.kms-encryption: Secrets Manager secrets use a customer managed KMS key
//!
//! ## Why this is your duty
//! Secrets Manager is an abstracted service: AWS always encrypts secrets with
//! KMS. Which key is the customer's choice: with the default AWS managed key
//! `aws/secretsmanager` you cannot write its key policy, share the secret
//! across accounts, or separate who may decrypt from who may read the secret.
//!
//! ## What AWS already does
//! Encrypts every secret with the AWS managed key `aws/secretsmanager` when
//! `KmsKeyId` / `kms_key_id` is not set.
//!
//! ## Verdicts
//! - met: `KmsKeyId` (`kms_key_id`) names a key other than
//!   `alias/aws/secretsmanager` (literally or by reference);
//! - not met: absent (the AWS managed key is used), empty, or
//!   `alias/aws/secretsmanager`;
//! - unknown: the key comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   SecretsKey:
//!     Type: AWS::KMS::Key
//!     Properties:
//!       EnableKeyRotation: true
//!   DbSecret:
//!     Type: AWS::SecretsManager::Secret
//!     Properties:
//!       KmsKeyId: !Ref SecretsKey
//! ```
//! ```yaml fail
//! Resources:
//!   DbSecret:
//!     Type: AWS::SecretsManager::Secret
//! ```
//! ```yaml fail
//! Resources:
//!   DbSecret:
//!     Type: AWS::SecretsManager::Secret
//!     Properties:
//!       KmsKeyId: alias/aws/secretsmanager
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "secrets" {
//!   enable_key_rotation = true
//! }
//! resource "aws_secretsmanager_secret" "db" {
//!   name       = "db"
//!   kms_key_id = aws_kms_key.secrets.arn
//! }
//! ```
//! ```hcl fail
//! resource "aws_secretsmanager_secret" "db" {
//!   name = "db"
//! }
//! ```

use crate::check::{Judgement, is_empty, judge, prop, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "secretsmanager.kms-encryption",
    title: "Secrets Manager secret uses a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::SecretsManager::Secret"],
    tf_types: &["aws_secretsmanager_secret"],
    reads: &[],
    controls: Controls {
        fsbp: &[],
        config: &["SECRETSMANAGER_USING_CMK"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_149", Same),
        cfn_nag("W77", Same),
        trivy("AVD-AWS-0098", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let (node, path) = prop(resource, "KmsKeyId", "kms_key_id");
    let Some(node) = node else {
        return Verdict::missing(
            resource,
            path,
            format!("{path} is not set: the AWS managed key aws/secretsmanager is used"),
        );
    };
    let j = judge(node, &mut |n| {
        if is_empty(n) {
            return Judgement::no(n, format!("{path} is empty"));
        }
        match n.as_str() {
            Some(k) if k.eq_ignore_ascii_case("alias/aws/secretsmanager") => {
                Judgement::no(n, "the AWS managed key aws/secretsmanager is used")
            }
            _ => Judgement::Yes,
        }
    });
    verdict_of(
        resource,
        node,
        path,
        j,
        format!("{path} names a customer managed key"),
    )
}
