//! # backup.vault-policy-not-public: AWS Backup vault access policies do not allow everyone
//!
//! ## Why this is your duty
//! AWS Backup is an abstracted service: AWS stores the recovery points, and
//! the vault access policy you attach decides who else may reach them.
//! A statement that allows the principal `*` (or uses `NotPrincipal` with
//! `Allow`) grants its actions to every AWS account, unless a condition
//! limits the caller. Writing the policy is yours alone.
//!
//! ## What AWS already does
//! A vault has no access policy until you attach one; only the owning
//! account's identities that IAM allows can use it.
//!
//! ## Verdicts
//! Judged on the vault, over every policy for it: CloudFormation `AccessPolicy`; Terraform `aws_backup_vault_policy` (`backup_vault_name`).
//! - met: no policy, or no `Allow` statement to everyone;
//! - not met: an `Allow` statement whose `Principal` is `"*"` or has `"*"` in
//!   `AWS`, or that uses `NotPrincipal`, with no condition that limits the
//!   caller to fixed values: `aws:SourceArn`, `aws:SourceAccount`,
//!   `aws:SourceOwner`, `aws:PrincipalOrgID`, `aws:PrincipalAccount`,
//!   `aws:PrincipalArn`, `aws:SourceVpce`, `aws:SourceVpc`, `aws:SourceIp`...
//!   tested with `StringEquals`, `ArnEquals`, or `StringLike`/`ArnLike`
//!   without a wildcard (a negated operator, `...IfExists` or
//!   `ForAllValues:` does not limit anyone, nor does `aws:SecureTransport`);
//! - unknown: the policy, a statement's principal, effect or a condition
//!   value is something onus cannot resolve.
//!
//! ## Examples
//! ```yaml fail
//! Resources:
//!   Vault:
//!     Type: AWS::Backup::BackupVault
//!     Properties:
//!       BackupVaultName: main
//!       AccessPolicy:
//!         Statement:
//!           - Effect: Allow
//!             Principal: "*"
//!             Action: backup:CopyIntoBackupVault
//!             Resource: "*"
//! ```
//! ```yaml pass
//! Resources:
//!   Vault:
//!     Type: AWS::Backup::BackupVault
//!     Properties:
//!       BackupVaultName: main
//!       AccessPolicy:
//!         Statement:
//!           - Effect: Allow
//!             Principal: "*"
//!             Action: backup:CopyIntoBackupVault
//!             Resource: "*"
//!             Condition:
//!               StringEquals:
//!                 aws:PrincipalOrgID: o-abc123
//! ```
//! ```hcl fail
//! resource "aws_backup_vault" "main" {
//!   name = "main"
//! }
//! resource "aws_backup_vault_policy" "main" {
//!   backup_vault_name = aws_backup_vault.main.name
//!   policy = jsonencode({
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = "*"
//!       Action    = "backup:CopyIntoBackupVault"
//!       Resource  = "*"
//!     }]
//!   })
//! }
//! ```
//! ```hcl pass
//! resource "aws_backup_vault" "main" {
//!   name = "main"
//! }
//! resource "aws_backup_vault_policy" "main" {
//!   backup_vault_name = aws_backup_vault.main.name
//!   policy = jsonencode({
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = "*"
//!       Action    = "backup:CopyIntoBackupVault"
//!       Resource  = "*"
//!       Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abc123" } }
//!     }]
//!   })
//! }
//! ```

use crate::context::Context;
use crate::policy::{Link, public_policy_verdict};
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "backup.vault-policy-not-public",
    title: "AWS Backup vault access policies do not allow everyone",
    duty: Duty::AccessControl,
    severity: Severity::Critical,
    cfn_types: &["AWS::Backup::BackupVault"],
    tf_types: &["aws_backup_vault"],
    reads: &["aws_backup_vault_policy"],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

const LINKS: &[Link] = &[Link {
    types: &["aws_backup_vault_policy"],
    attr: "backup_vault_name",
    name_attr: Some("name"),
    policy: "policy",
}];

fn check(resource: &Resource, cx: &Context) -> Verdict {
    public_policy_verdict(
        resource,
        cx,
        ("AccessPolicy", ""),
        LINKS,
        "vault access",
        "no access policy: only the owning account can use the vault",
    )
}
