//! # rds.customer-managed-key: RDS storage and replicated backups use your KMS key
//!
//! ## Why this is your duty
//! RDS is a container service: AWS encrypts the storage of an encrypted
//! database, but with the AWS managed key `aws/rds` unless you name your
//! own. Only a customer managed key lets you write its policy, disable it,
//! share snapshots across accounts and audit every use apart from other
//! databases: key management is the customer's side of the model.
//!
//! ## What AWS already does
//! Encrypts an encrypted instance or cluster, and automated backups
//! replicated to another Region, with `aws/rds` (of that Region) when no key
//! is named; this default has not changed since RDS encryption launched in
//! 2014. A replica or a restore without a key keeps its source's key.
//!
//! ## Verdicts
//! - met: `KmsKeyId` / `kms_key_id` names a key that is not an AWS managed
//!   alias (a reference to a key counts);
//! - not met: absent on encrypted storage, or `alias/aws/rds`;
//! - not applicable: an Aurora cluster member (the cluster's key applies);
//!   a snapshot copy (`aws_db_snapshot_copy`) without a key, which keeps
//!   its source snapshot's key;
//!   a read replica or a restore without a key (its source's key applies);
//!   storage that is not encrypted at all (`rds.encryption-at-rest` fails it);
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Key:
//!     Type: AWS::KMS::Key
//!   Cluster:
//!     Type: AWS::RDS::DBCluster
//!     Properties:
//!       Engine: aurora-postgresql
//!       StorageEncrypted: true
//!       KmsKeyId: !Ref Key
//! ```
//! ```yaml fail
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.m6g.large
//!       StorageEncrypted: true
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "db" {}
//! resource "aws_rds_cluster" "orders" {
//!   engine            = "aurora-mysql"
//!   storage_encrypted = true
//!   kms_key_id        = aws_kms_key.db.arn
//! }
//! ```
//! ```hcl fail
//! resource "aws_db_instance_automated_backups_replication" "dr" {
//!   source_db_instance_arn = "arn:aws:rds:us-east-1:123456789012:db:orders"
//! }
//! ```

use crate::check::{encrypted_without_key, get, require_customer_managed_key};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "rds.customer-managed-key",
    title: "RDS storage and replicated backups are encrypted with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"],
    tf_types: &[
        "aws_db_instance",
        "aws_rds_cluster",
        "aws_db_instance_automated_backups_replication",
        "aws_db_snapshot_copy",
    ],
    reads: &[],
    controls: Controls::NONE,
    peers: &[
        checkov("CKV_AWS_327", Same),
        checkov("CKV_AWS_245", Same),
        checkov("CKV_AWS_266", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    if let Some(na) = crate::rds::cluster_member(resource, "the cluster's key applies") {
        return na;
    }
    if resource.resource_type == "aws_db_snapshot_copy" && get(resource, "kms_key_id").is_none() {
        return Verdict::not_applicable(
            resource,
            "a copy without kms_key_id keeps its source snapshot's key",
        );
    }
    if resource.resource_type != "aws_db_instance_automated_backups_replication"
        && let Some(v) = encrypted_without_key(
            resource,
            ("KmsKeyId", "kms_key_id"),
            &[
                ("SourceDBInstanceIdentifier", "replicate_source_db"),
                ("DBSnapshotIdentifier", "snapshot_identifier"),
                ("SnapshotIdentifier", "snapshot_identifier"),
                ("SourceDBClusterIdentifier", "replication_source_identifier"),
            ],
            ("StorageEncrypted", "storage_encrypted"),
        )
    {
        return v;
    }
    require_customer_managed_key(
        resource,
        "KmsKeyId",
        "kms_key_id",
        "the AWS managed key aws/rds",
    )
}
