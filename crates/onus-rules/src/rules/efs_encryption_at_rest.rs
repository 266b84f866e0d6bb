//! # efs.encryption-at-rest: EFS file systems encrypt data at rest
//!
//! ## Why this is your duty
//! EFS is a managed file system: AWS runs the servers and the storage, but unlike S3 it does not encrypt a file
//! system unless you ask when you create it. Encrypting the data is left to you, and it can only be
//! chosen at creation time.
//!
//! ## What AWS already does
//! Offers AES-256 encryption with a KMS key (the AWS-managed `aws/elasticfilesystem` key or yours) and
//! encrypts data in transit when clients mount with TLS. Absent, `Encrypted`
//! is false through the API, CloudFormation and Terraform (only the console
//! defaults to encrypted).
//!
//! ## Verdicts
//! - met: `Encrypted: true` / `encrypted = true`;
//! - not met: false or absent (the default is unencrypted);
//! - unknown: the flag comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Files:
//!     Type: AWS::EFS::FileSystem
//!     Properties:
//!       Encrypted: true
//! ```
//! ```yaml fail
//! Resources:
//!   Files:
//!     Type: AWS::EFS::FileSystem
//!     Properties:
//!       PerformanceMode: generalPurpose
//! ```
//! ```hcl pass
//! resource "aws_efs_file_system" "files" {
//!   encrypted = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_efs_file_system" "files" {
//!   performance_mode = "generalPurpose"
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "efs.encryption-at-rest",
    title: "EFS file systems encrypt data at rest",
    duty: Duty::EncryptionAtRest,
    severity: Severity::High,
    cfn_types: &["AWS::EFS::FileSystem"],
    tf_types: &["aws_efs_file_system"],
    reads: &[],
    controls: Controls {
        fsbp: &["EFS.1", "EFS.8"],
        config: &["EFS_ENCRYPTED_CHECK", "EFS_FILESYSTEM_CT_ENCRYPTED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_42", Same),
        cfn_nag("F32", Same),
        trivy("AVD-AWS-0037", Same),
        guard("EFS_ENCRYPTED_CHECK", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "Encrypted",
        "encrypted",
        true,
        false,
        "encryption at rest",
    )
}
