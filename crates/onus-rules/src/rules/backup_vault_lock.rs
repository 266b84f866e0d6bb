//! # backup.vault-lock: AWS Backup vaults are locked
//!
//! ## Why this is your duty
//! AWS Backup is an abstracted service: AWS stores recovery points durably,
//! but anyone holding the right permissions in your account — including an
//! attacker with your credentials — can delete them or shorten their
//! lifecycle. A vault lock makes the vault write-once-read-many; choosing it
//! is part of the backup duty the model leaves to you.
//!
//! ## What AWS already does
//! Keeps recovery points until their lifecycle or a user deletes them; a
//! vault has no lock unless you add one.
//!
//! ## Verdicts
//! - met: CloudFormation `LockConfiguration` is set on the vault; Terraform
//!   an `aws_backup_vault_lock_configuration` whose `backup_vault_name` refers
//!   to the vault (by reference or by the vault's literal name);
//! - not met: no lock;
//! - unknown: no lock found, but a lock configuration in the same module
//!   names a vault onus cannot resolve.
//!
//! A lock in governance mode (no `ChangeableForDays`) can still be removed
//! by users with the right IAM permission; compliance mode cannot.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Vault:
//!     Type: AWS::Backup::BackupVault
//!     Properties:
//!       BackupVaultName: prod
//!       LockConfiguration:
//!         MinRetentionDays: 7
//!         ChangeableForDays: 3
//! ```
//! ```yaml fail
//! Resources:
//!   Vault:
//!     Type: AWS::Backup::BackupVault
//!     Properties:
//!       BackupVaultName: prod
//! ```
//! ```hcl aws_backup_vault.prod=met
//! resource "aws_backup_vault" "prod" {
//!   name = "prod"
//! }
//! resource "aws_backup_vault_lock_configuration" "prod" {
//!   backup_vault_name   = aws_backup_vault.prod.name
//!   min_retention_days  = 7
//!   changeable_for_days = 3
//! }
//! ```
//! ```hcl fail
//! resource "aws_backup_vault" "prod" {
//!   name = "prod"
//! }
//! ```
//! ```hcl aws_backup_vault.prod=unknown
//! variable "vault" {
//!   type = string
//! }
//! resource "aws_backup_vault" "prod" {
//!   name = "prod"
//! }
//! resource "aws_backup_vault_lock_configuration" "other" {
//!   backup_vault_name  = var.vault
//!   min_retention_days = 7
//! }
//! ```

use crate::check::require_set;
use crate::context::Context;
use crate::lists::companion;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "backup.vault-lock",
    title: "AWS Backup vault has a vault lock",
    duty: Duty::Backups,
    severity: Severity::Medium,
    cfn_types: &["AWS::Backup::BackupVault"],
    tf_types: &["aws_backup_vault"],
    reads: &["aws_backup_vault_lock_configuration"],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    if !resource.format.is_terraform() {
        return require_set(
            resource,
            "LockConfiguration",
            "",
            "recovery points can be deleted by anyone with permission",
        );
    }
    match companion(
        resource,
        cx,
        &["aws_backup_vault_lock_configuration"],
        "backup_vault_name",
        Some("name"),
    ) {
        Ok(locks) if !locks.is_empty() => Verdict::met(
            resource,
            resource.name_span,
            "",
            format!("vault lock {} applies to this vault", locks[0].id),
        ),
        Ok(_) => Verdict::missing(
            resource,
            "aws_backup_vault_lock_configuration",
            "no aws_backup_vault_lock_configuration for this vault: recovery points can be deleted",
        ),
        Err(what) => Verdict::unknown(resource, resource.name_span, "", what),
    }
}
