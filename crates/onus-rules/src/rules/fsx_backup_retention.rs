//! # fsx.backup-retention: FSx file systems keep automatic backups
//!
//! ## Why this is your duty
//! FSx is a container service: AWS takes the daily automatic backups, but
//! whether they are taken and how long they are kept is a setting you own.
//! The model leaves configuring the provided backup tools to the customer.
//!
//! ## What AWS already does
//! Takes a daily automatic backup and keeps it for the retention you set
//! (0 turns backups off, at most 90 days). When the retention is absent:
//! - Windows File Server: 30 days through the API and CloudFormation, 7 days
//!   with the Terraform provider's default;
//! - ONTAP: 30 days through the API and CloudFormation; the Terraform
//!   provider defaults `automatic_backup_retention_days` to 0 and sends it,
//!   so none;
//! - OpenZFS: 30 days through the API and CloudFormation (the API's default,
//!   which earlier API versions documented as 0); the Terraform provider
//!   sends 0, so none;
//! - Lustre: none (the create API's default is 0), and scratch file systems
//!   (`SCRATCH_1`, the default deployment type, and `SCRATCH_2`) cannot be
//!   backed up at all.
//!
//! ## Verdicts
//! Reads `WindowsConfiguration`, `OntapConfiguration`, `LustreConfiguration`
//! or `OpenZFSConfiguration` `.AutomaticBackupRetentionDays`
//! (`automatic_backup_retention_days`):
//! - met: 1 to 90, or absent where the default above keeps backups;
//! - not met: `0` (automatic backups off), absent where the default is 0, or
//!   a value outside 0 to 90 (invalid: AWS rejects it);
//! - not applicable: a Lustre scratch file system;
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
//!   storage_capacity                = 1024
//!   subnet_ids                      = ["subnet-1"]
//!   deployment_type                 = "SINGLE_AZ_1"
//!   throughput_capacity             = 128
//!   preferred_subnet_id             = "subnet-1"
//!   automatic_backup_retention_days = 14
//! }
//! ```
//! ```hcl fail
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
//! ```hcl fail
//! resource "aws_fsx_lustre_file_system" "hpc" {
//!   storage_capacity            = 1200
//!   subnet_ids                  = ["subnet-1"]
//!   deployment_type             = "PERSISTENT_2"
//!   per_unit_storage_throughput = 125
//! }
//! ```
//! ```hcl pass
//! resource "aws_fsx_openzfs_file_system" "files" {
//!   storage_capacity                = 64
//!   subnet_ids                      = ["subnet-1"]
//!   deployment_type                 = "SINGLE_AZ_1"
//!   throughput_capacity             = 64
//!   automatic_backup_retention_days = 14
//! }
//! ```
//! ```yaml pass
//! Resources:
//!   Files:
//!     Type: AWS::FSx::FileSystem
//!     Properties:
//!       FileSystemType: LUSTRE
//!       StorageCapacity: 1200
//!       SubnetIds: [subnet-1]
//!       LustreConfiguration:
//!         DeploymentType: PERSISTENT_2
//!         PerUnitStorageThroughput: 125
//!         AutomaticBackupRetentionDays: 7
//! ```
//! ```yaml fail
//! Resources:
//!   Files:
//!     Type: AWS::FSx::FileSystem
//!     Properties:
//!       FileSystemType: OPENZFS
//!       StorageCapacity: 64
//!       SubnetIds: [subnet-1]
//!       OpenZFSConfiguration:
//!         DeploymentType: SINGLE_AZ_1
//!         ThroughputCapacity: 64
//!         AutomaticBackupRetentionDays: 91
//! ```

use crate::check::{get, require_number_in, spelling};
use crate::context::Context;
use crate::fsx::{Kind, kind};
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "fsx.backup-retention",
    title: "FSx file system keeps automatic backups",
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
    let tf = resource.format.is_terraform();
    let default = match kind {
        Kind::Windows if tf => 7.0,
        // The provider sends its own default, 0, for both.
        Kind::OpenZfs | Kind::Ontap if tf => 0.0,
        Kind::Windows | Kind::Ontap | Kind::OpenZfs => 30.0,
        Kind::Lustre => {
            let cfn = format!("{}.DeploymentType", kind.cfn_config());
            let path = spelling(resource, &cfn, "deployment_type");
            let scratch = match get(resource, path) {
                None => Some("SCRATCH_1"),
                Some(Node {
                    value: Value::Unknown(what),
                    span,
                }) => return Verdict::unknown(resource, *span, path, what.clone()),
                Some(n) => n
                    .as_str()
                    .filter(|t| t.to_ascii_uppercase().starts_with("SCRATCH")),
            };
            if let Some(t) = scratch {
                return Verdict::not_applicable(
                    resource,
                    format!("a Lustre {t} file system cannot be backed up"),
                );
            }
            0.0
        }
    };
    let cfn = format!("{}.AutomaticBackupRetentionDays", kind.cfn_config());
    require_number_in(
        resource,
        &cfn,
        "automatic_backup_retention_days",
        &[(0.0, 90.0)],
        Some(default),
        |days| days >= 1.0,
        "automatic backups need a retention of at least 1 day",
    )
}
