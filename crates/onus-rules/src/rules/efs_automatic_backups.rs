//! # efs.automatic-backups: EFS file systems have automatic backups enabled
//!
//! ## Why this is your duty
//! EFS is an abstracted service: AWS stores files redundantly across zones,
//! but that protects against hardware, not against a deleted directory or
//! ransomware. Backups of customer data are the customer's duty; automatic
//! backups put the file system in AWS Backup's default daily plan.
//!
//! ## What AWS already does
//! Turns automatic backups on for file systems created in the console (since
//! July 2020), but not for those created through the API, CloudFormation or
//! Terraform unless `BackupPolicy.Status` is `ENABLED` (Terraform: an
//! `aws_efs_backup_policy`).
//!
//! ## Verdicts
//! - met: `BackupPolicy.Status: ENABLED`, or an `aws_efs_backup_policy` whose
//!   `file_system_id` names the file system with `status = "ENABLED"`;
//! - not met: absent, or `DISABLED`;
//! - unknown: a value onus cannot resolve, or a backup policy whose file
//!   system cannot be resolved.
//!
//! A file system can also be covered by a backup plan of your own
//! (`backup.resource-covered`).
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Files:
//!     Type: AWS::EFS::FileSystem
//!     Properties:
//!       Encrypted: true
//!       BackupPolicy:
//!         Status: ENABLED
//! ```
//! ```yaml fail
//! Resources:
//!   Files:
//!     Type: AWS::EFS::FileSystem
//!     Properties:
//!       Encrypted: true
//! ```
//! ```hcl aws_efs_file_system.files=met
//! resource "aws_efs_file_system" "files" {
//!   encrypted = true
//! }
//! resource "aws_efs_backup_policy" "files" {
//!   file_system_id = aws_efs_file_system.files.id
//!   backup_policy {
//!     status = "ENABLED"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_efs_file_system" "files" {
//!   encrypted = true
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::lists::companion;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "efs.automatic-backups",
    title: "EFS file systems have automatic backups enabled",
    duty: Duty::Backups,
    severity: Severity::Medium,
    cfn_types: &["AWS::EFS::FileSystem"],
    tf_types: &["aws_efs_file_system"],
    reads: &["aws_efs_backup_policy"],
    controls: Controls {
        fsbp: &["EFS.7"],
        config: &["EFS_AUTOMATIC_BACKUPS_ENABLED"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    if !resource.format.is_terraform() {
        return require_one_of(
            resource,
            "BackupPolicy.Status",
            "",
            &["ENABLED"],
            Some("DISABLED"),
            "automatic backups",
        );
    }
    match companion(
        resource,
        cx,
        &["aws_efs_backup_policy"],
        "file_system_id",
        None,
    ) {
        Err(what) => Verdict::unknown(resource, resource.name_span, "", what),
        Ok(policies) => match policies.first() {
            Some(policy) => require_one_of(
                policy,
                "",
                "backup_policy.status",
                &["ENABLED"],
                None,
                "automatic backups",
            )
            .restated_on(resource),
            None => Verdict::missing(
                resource,
                "aws_efs_backup_policy",
                "no aws_efs_backup_policy enables automatic backups for this file system",
            ),
        },
    }
}
