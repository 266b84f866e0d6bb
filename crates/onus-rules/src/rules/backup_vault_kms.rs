//! # backup.vault-kms: AWS Backup vaults encrypt with your KMS key
//!
//! ## Why this is your duty
//! AWS Backup is an abstracted service: recovery points are always
//! encrypted, but for resources AWS Backup encrypts independently (EFS,
//! DynamoDB with advanced features, S3, VMware, Timestream...) the vault's
//! key is an AWS managed key unless you name one. Choosing and controlling
//! the key is the key-management part of the customer's side.
//!
//! ## What AWS already does
//! Encrypts with the AWS managed key `aws/backup` when the vault names no
//! key; other resources' backups keep their source key.
//!
//! ## Verdicts
//! - met: `EncryptionKeyArn` (`kms_key_arn`) is set, literally or by
//!   reference;
//! - not met: absent;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Key:
//!     Type: AWS::KMS::Key
//!   Vault:
//!     Type: AWS::Backup::BackupVault
//!     Properties:
//!       BackupVaultName: prod
//!       EncryptionKeyArn: !GetAtt Key.Arn
//! ```
//! ```yaml fail
//! Resources:
//!   Vault:
//!     Type: AWS::Backup::BackupVault
//!     Properties:
//!       BackupVaultName: prod
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "backup" {}
//! resource "aws_backup_vault" "prod" {
//!   name        = "prod"
//!   kms_key_arn = aws_kms_key.backup.arn
//! }
//! ```
//! ```hcl fail
//! resource "aws_backup_vault" "prod" {
//!   name = "prod"
//! }
//! ```

use crate::check::require_set;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "backup.vault-kms",
    title: "AWS Backup vault uses a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::Backup::BackupVault"],
    tf_types: &["aws_backup_vault"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_166", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_set(
        resource,
        "EncryptionKeyArn",
        "kms_key_arn",
        "the vault uses the AWS managed key aws/backup",
    )
}
