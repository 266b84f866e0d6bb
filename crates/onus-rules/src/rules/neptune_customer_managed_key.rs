//! # neptune.customer-managed-key: Neptune clusters encrypt storage with your KMS key
//!
//! ## Why this is your duty
//! Neptune is a container service: AWS encrypts the storage of an encrypted
//! cluster, but with the AWS managed key `aws/rds` unless you name your
//! own. Only a customer managed key lets you control its policy, revoke it
//! and audit its use for this graph alone: key management is yours.
//!
//! ## What AWS already does
//! Uses `aws/rds` for an encrypted cluster when no key is named (unchanged
//! since Neptune's launch in 2018); a cluster restored from a snapshot
//! keeps the snapshot's key.
//!
//! ## Verdicts
//! - met: `KmsKeyId` / `kms_key_arn` names a key that is not an AWS managed
//!   alias (a reference counts);
//! - not met: absent on an encrypted cluster, or `alias/aws/rds`;
//! - not applicable: storage not encrypted (`neptune.encryption-at-rest`
//!   fails it), or a restore without a key (the snapshot's key applies);
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Key:
//!     Type: AWS::KMS::Key
//!   Graph:
//!     Type: AWS::Neptune::DBCluster
//!     Properties:
//!       StorageEncrypted: true
//!       KmsKeyId: !GetAtt Key.Arn
//! ```
//! ```yaml fail
//! Resources:
//!   Graph:
//!     Type: AWS::Neptune::DBCluster
//!     Properties:
//!       StorageEncrypted: true
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "graph" {}
//! resource "aws_neptune_cluster" "graph" {
//!   storage_encrypted = true
//!   kms_key_arn       = aws_kms_key.graph.arn
//! }
//! ```
//! ```hcl fail
//! resource "aws_neptune_cluster" "graph" {
//!   storage_encrypted = true
//!   kms_key_arn       = "arn:aws:kms:us-east-1:123456789012:alias/aws/rds"
//! }
//! ```

use crate::check::require_storage_key;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "neptune.customer-managed-key",
    title: "Neptune cluster is encrypted with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::Neptune::DBCluster"],
    tf_types: &["aws_neptune_cluster"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_347", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_storage_key(
        resource,
        ("KmsKeyId", "kms_key_arn"),
        &[("SnapshotIdentifier", "snapshot_identifier")],
        ("StorageEncrypted", "storage_encrypted"),
        "the AWS managed key aws/rds",
    )
}
