//! # efs.customer-managed-key: EFS file systems are encrypted with your KMS key
//!
//! ## Why this is your duty
//! EFS is an abstracted service: AWS encrypts an encrypted file system with
//! the key you name, and with the AWS managed key `aws/elasticfilesystem`
//! when you name none, whose policy you cannot change. Key management is the
//! customer's side of the model.
//!
//! ## What AWS already does
//! Uses `aws/elasticfilesystem` for an encrypted file system when `KmsKeyId`
//! / `kms_key_id` is absent (since EFS encryption launched in 2017).
//!
//! ## Verdicts
//! - met: a key that is not an AWS managed alias (a reference counts);
//! - not met: absent on an encrypted file system, or an AWS managed alias;
//! - not applicable: `Encrypted` / `encrypted` is not true
//!   (`efs.encryption-at-rest` fails it);
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Files:
//!     Type: AWS::EFS::FileSystem
//!     Properties:
//!       Encrypted: true
//!       KmsKeyId: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
//! ```
//! ```yaml fail
//! Resources:
//!   Files:
//!     Type: AWS::EFS::FileSystem
//!     Properties:
//!       Encrypted: true
//! ```
//! ```hcl pass
//! resource "aws_efs_file_system" "files" {
//!   encrypted = true
//!   kms_key_id = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
//! }
//! ```
//! ```hcl fail
//! resource "aws_efs_file_system" "files" {
//!   encrypted = true
//! }
//! ```

use crate::check::require_storage_key;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "efs.customer-managed-key",
    title: "EFS file systems are encrypted with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::EFS::FileSystem"],
    tf_types: &["aws_efs_file_system"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_184", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_storage_key(
        resource,
        ("KmsKeyId", "kms_key_id"),
        &[],
        ("Encrypted", "encrypted"),
        "the AWS managed key aws/elasticfilesystem",
    )
}
