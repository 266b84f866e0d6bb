//! # fsx.kms-encryption: FSx file systems encrypt with your KMS key
//!
//! ## Why this is your duty
//! FSx is a container service: AWS runs the file servers (Windows File
//! Server, Lustre, NetApp ONTAP, OpenZFS) and always encrypts their storage,
//! but with the AWS managed key `aws/fsx` unless you name your own. Holding
//! the key — its policy, its audit trail, the power to revoke it — is the
//! key-management part of the customer's side.
//!
//! ## What AWS already does
//! Encrypts every file system and backup at rest; uses `aws/fsx` when
//! `KmsKeyId` is absent. Lustre scratch file systems always use keys FSx
//! manages and accept no key.
//!
//! ## Verdicts
//! - met: `KmsKeyId` (`kms_key_id`) is set, literally or by reference;
//! - not met: absent (the AWS managed key);
//! - not applicable: a Lustre file system with a `SCRATCH_1` / `SCRATCH_2`
//!   deployment type (the default is `SCRATCH_1`);
//! - unknown: the key, the file system type or the Lustre deployment type
//!   comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Key:
//!     Type: AWS::KMS::Key
//!   Files:
//!     Type: AWS::FSx::FileSystem
//!     Properties:
//!       FileSystemType: WINDOWS
//!       StorageCapacity: 300
//!       SubnetIds: [subnet-1]
//!       KmsKeyId: !Ref Key
//!       WindowsConfiguration:
//!         ThroughputCapacity: 32
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
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Scratch:
//!     Type: AWS::FSx::FileSystem
//!     Properties:
//!       FileSystemType: LUSTRE
//!       StorageCapacity: 1200
//!       SubnetIds: [subnet-1]
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "fsx" {}
//! resource "aws_fsx_windows_file_system" "files" {
//!   storage_capacity    = 300
//!   subnet_ids          = ["subnet-1"]
//!   throughput_capacity = 32
//!   kms_key_id          = aws_kms_key.fsx.arn
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
//! ```yaml unknown
//! Parameters:
//!   Kind:
//!     Type: String
//! Resources:
//!   Files:
//!     Type: AWS::FSx::FileSystem
//!     Properties:
//!       FileSystemType: !Ref Kind
//!       StorageCapacity: 1200
//!       SubnetIds: [subnet-1]
//! ```

use crate::check::{get, require_set, spelling};
use crate::context::Context;
use crate::fsx::{Kind, kind};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "fsx.kms-encryption",
    title: "FSx file system uses a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::FSx::FileSystem"],
    tf_types: &[
        "aws_fsx_windows_file_system",
        "aws_fsx_lustre_file_system",
        "aws_fsx_ontap_file_system",
        "aws_fsx_openzfs_file_system",
    ],
    reads: &[],
    controls: Controls::NONE,
    peers: &[
        checkov("CKV_AWS_178", Same),
        checkov("CKV_AWS_179", Same),
        checkov("CKV_AWS_190", Same),
        checkov("CKV_AWS_203", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let kind = match kind(resource) {
        Ok(k) => k,
        Err(v) => return v,
    };
    if kind == Kind::Lustre {
        let path = spelling(
            resource,
            "LustreConfiguration.DeploymentType",
            "deployment_type",
        );
        match get(resource, path) {
            None => {
                return Verdict::not_applicable(
                    resource,
                    "a Lustre SCRATCH_1 file system (the default): FSx manages its keys",
                );
            }
            Some(node) => match (&node.value, node.as_str()) {
                (_, Some(s)) if s.to_ascii_uppercase().starts_with("SCRATCH") => {
                    return Verdict::not_applicable(
                        resource,
                        format!("a Lustre {s} file system: FSx manages its keys"),
                    );
                }
                (_, Some(_)) => {}
                (Value::Unknown(u), _) => {
                    return Verdict::unknown(resource, node.span, path, u.clone());
                }
                _ => {
                    return Verdict::unknown(
                        resource,
                        node.span,
                        path,
                        format!("{path}, which depends on a condition"),
                    );
                }
            },
        }
    }
    require_set(
        resource,
        "KmsKeyId",
        "kms_key_id",
        "the file system is encrypted with the AWS managed key aws/fsx",
    )
}
