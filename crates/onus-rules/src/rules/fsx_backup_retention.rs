//! # fsx.backup-retention: FSx for Windows and ONTAP keep automatic backups
//!
//! ## Why this is your duty
//! FSx is a container service: AWS takes the daily automatic backups, but
//! whether they are taken and how long they are kept is a setting you own.
//! The model leaves configuring the provided backup tools to the customer.
//!
//! ## What AWS already does
//! Takes daily automatic backups of Windows File Server and ONTAP file
//! systems by default (the API keeps them 30 days; Terraform's Windows
//! resource defaults to 7); `0` turns them off.
//!
//! ## Verdicts
//! Reads `WindowsConfiguration.AutomaticBackupRetentionDays` /
//! `OntapConfiguration.AutomaticBackupRetentionDays`
//! (`automatic_backup_retention_days`):
//! - met: 1 or more, or absent (the default keeps backups);
//! - not met: `0` (automatic backups disabled);
//! - not applicable: Lustre and OpenZFS file systems;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Files:
//!     Type: AWS::FSx::FileSystem
//!     Properties:
//!       FileSystemType: WINDOWS
//!       StorageCapacity: 300
//!       SubnetIds: [subnet-1]
//!       WindowsConfiguration:
//!         ThroughputCapacity: 32
//!         AutomaticBackupRetentionDays: 14
//! ```
//! ```yaml fail
//! Resources:
//!   Files:
//!     Type: AWS::FSx::FileSystem
//!     Properties:
//!       FileSystemType: ONTAP
//!       StorageCapacity: 1024
//!       SubnetIds: [subnet-1]
//!       OntapConfiguration:
//!         DeploymentType: SINGLE_AZ_1
//!         AutomaticBackupRetentionDays: 0
//! ```
//! ```hcl pass
//! resource "aws_fsx_ontap_file_system" "files" {
//!   storage_capacity    = 1024
//!   subnet_ids          = ["subnet-1"]
//!   deployment_type     = "SINGLE_AZ_1"
//!   throughput_capacity = 128
//!   preferred_subnet_id = "subnet-1"
//! }
//! ```
//! ```hcl fail
//! resource "aws_fsx_windows_file_system" "files" {
//!   storage_capacity                = 300
//!   subnet_ids                      = ["subnet-1"]
//!   throughput_capacity             = 32
//!   automatic_backup_retention_days = 0
//! }
//! ```
//! ```hcl not-applicable
//! resource "aws_fsx_lustre_file_system" "hpc" {
//!   storage_capacity = 1200
//!   subnet_ids       = ["subnet-1"]
//! }
//! ```

use crate::check::require_number;
use crate::context::Context;
use crate::fsx::{Kind, kind};
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "fsx.backup-retention",
    title: "FSx for Windows or ONTAP file system keeps automatic backups",
    duty: Duty::Backups,
    severity: Severity::Medium,
    cfn_types: &["AWS::FSx::FileSystem"],
    tf_types: &[
        "aws_fsx_windows_file_system",
        "aws_fsx_lustre_file_system",
        "aws_fsx_ontap_file_system",
        "aws_fsx_openzfs_file_system",
    ],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let kind = match kind(resource) {
        Ok(k) => k,
        Err(v) => return v,
    };
    let default = match kind {
        Kind::Windows if resource.format.is_terraform() => 7.0,
        Kind::Windows | Kind::Ontap => 30.0,
        Kind::Lustre | Kind::OpenZfs => {
            return Verdict::not_applicable(
                resource,
                "automatic backup retention is checked for Windows and ONTAP file systems",
            );
        }
    };
    let cfn = format!("{}.AutomaticBackupRetentionDays", kind.cfn_config());
    require_number(
        resource,
        &cfn,
        "automatic_backup_retention_days",
        Some(default),
        |days| days >= 1.0,
        "automatic backups are disabled",
    )
}
