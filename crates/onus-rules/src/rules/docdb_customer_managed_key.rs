//! # docdb.customer-managed-key: DocumentDB clusters encrypt storage with your KMS key
//!
//! ## Why this is your duty
//! DocumentDB is a container service: AWS encrypts the storage of an
//! encrypted cluster, but with the AWS managed key `aws/rds` unless you
//! name your own. Only a customer managed key lets you control its policy,
//! revoke it and audit its use: key management is the customer's.
//!
//! ## What AWS already does
//! Uses `aws/rds` for an encrypted cluster when no key is named (unchanged
//! since DocumentDB launched in 2019); a restore keeps the snapshot's key.
//!
//! ## Verdicts
//! - met: `KmsKeyId` / `kms_key_id` names a key that is not an AWS managed
//!   alias (a reference counts);
//! - not met: absent on an encrypted cluster, or `alias/aws/rds`;
//! - not applicable: storage not encrypted (`docdb.encryption-at-rest`
//!   fails it), or a restore without a key;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Key:
//!     Type: AWS::KMS::Key
//!   Docs:
//!     Type: AWS::DocDB::DBCluster
//!     Properties:
//!       StorageEncrypted: true
//!       KmsKeyId: !Ref Key
//! ```
//! ```yaml fail
//! Resources:
//!   Docs:
//!     Type: AWS::DocDB::DBCluster
//!     Properties:
//!       StorageEncrypted: true
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "docs" {}
//! resource "aws_docdb_cluster" "docs" {
//!   storage_encrypted = true
//!   kms_key_id        = aws_kms_key.docs.arn
//! }
//! ```
//! ```hcl fail
//! resource "aws_docdb_cluster" "docs" {
//!   storage_encrypted = true
//! }
//! ```

use crate::check::require_storage_key;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "docdb.customer-managed-key",
    title: "DocumentDB cluster is encrypted with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::DocDB::DBCluster"],
    tf_types: &["aws_docdb_cluster"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_182", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_storage_key(
        resource,
        ("KmsKeyId", "kms_key_id"),
        &[("SnapshotIdentifier", "snapshot_identifier")],
        ("StorageEncrypted", "storage_encrypted"),
        "the AWS managed key aws/rds",
    )
}
