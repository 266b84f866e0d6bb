//! # fsx.windows-audit-logs: FSx for Windows File Server audits file access
//!
//! ## Why this is your duty
//! FSx is a container service: AWS runs the Windows file servers, but a
//! record of who opened, changed or deleted files and shares on *your* file
//! system exists only when you turn on file access auditing. Logging of
//! customer resources is the customer's duty.
//!
//! ## What AWS already does
//! Can deliver Windows audit events to CloudWatch Logs or Firehose; both
//! audit levels are `DISABLED` by default.
//!
//! ## Verdicts
//! Reads `WindowsConfiguration.AuditLogConfiguration`
//! (`audit_log_configuration { ... }`):
//! - met: `FileAccessAuditLogLevel` or `FileShareAccessAuditLogLevel`
//!   (`file_access_audit_log_level`, `file_share_access_audit_log_level`) is
//!   `SUCCESS_ONLY`, `FAILURE_ONLY` or `SUCCESS_AND_FAILURE`;
//! - not met: both `DISABLED` or absent;
//! - not applicable: Lustre, ONTAP and OpenZFS file systems;
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
//!         AuditLogConfiguration:
//!           FileAccessAuditLogLevel: SUCCESS_AND_FAILURE
//!           FileShareAccessAuditLogLevel: FAILURE_ONLY
//!           AuditLogDestination: arn:aws:logs:eu-west-1:111122223333:log-group:/aws/fsx/files
//! ```
//! ```yaml fail
//! Resources:
//!   Files:
//!     Type: AWS::FSx::FileSystem
//!     Properties:
//!       FileSystemType: WINDOWS
//!       StorageCapacity: 300
//!       SubnetIds: [subnet-1]
//!       WindowsConfiguration:
//!         ThroughputCapacity: 32
//! ```
//! ```hcl pass
//! resource "aws_fsx_windows_file_system" "files" {
//!   storage_capacity    = 300
//!   subnet_ids          = ["subnet-1"]
//!   throughput_capacity = 32
//!   audit_log_configuration {
//!     file_access_audit_log_level       = "SUCCESS_AND_FAILURE"
//!     file_share_access_audit_log_level = "SUCCESS_AND_FAILURE"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_fsx_windows_file_system" "files" {
//!   storage_capacity    = 300
//!   subnet_ids          = ["subnet-1"]
//!   throughput_capacity = 32
//!   audit_log_configuration {
//!     file_access_audit_log_level       = "DISABLED"
//!     file_share_access_audit_log_level = "DISABLED"
//!   }
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::fsx::{Kind, kind};
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::{Status, Verdict};
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "fsx.windows-audit-logs",
    title: "FSx for Windows File Server audits file and share access",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::FSx::FileSystem"],
    tf_types: &["aws_fsx_windows_file_system"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

const ON: &[&str] = &["SUCCESS_ONLY", "FAILURE_ONLY", "SUCCESS_AND_FAILURE"];

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    match kind(resource) {
        Ok(Kind::Windows) => {}
        Ok(_) => {
            return Verdict::not_applicable(
                resource,
                "audit logs exist only for Windows File Server",
            );
        }
        Err(v) => return v,
    }
    let files = require_one_of(
        resource,
        "WindowsConfiguration.AuditLogConfiguration.FileAccessAuditLogLevel",
        "audit_log_configuration.file_access_audit_log_level",
        ON,
        Some("DISABLED"),
        "file access auditing",
    );
    if files.status == Status::Met {
        return files;
    }
    let shares = require_one_of(
        resource,
        "WindowsConfiguration.AuditLogConfiguration.FileShareAccessAuditLogLevel",
        "audit_log_configuration.file_share_access_audit_log_level",
        ON,
        Some("DISABLED"),
        "file share access auditing",
    );
    match (files.status, shares.status) {
        (_, Status::Met) => shares,
        (Status::Unknown, _) => files,
        (_, Status::Unknown) => shares,
        _ => Verdict {
            message: format!(
                "neither file nor file share access is audited ({}; {})",
                files.message, shares.message
            )
            .into(),
            ..files
        },
    }
}
