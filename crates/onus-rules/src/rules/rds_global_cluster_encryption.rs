//! # rds.global-cluster-encryption: Aurora global databases are encrypted at rest
//!
//! ## Why this is your duty
//! Aurora is a container service: AWS replicates a global database to
//! every Region you add, but encrypting the data at rest is the customer's
//! side of the model, and a global cluster created on its own sets whether
//! every member cluster must be encrypted.
//!
//! ## What AWS already does
//! Leaves a new global cluster unencrypted unless `StorageEncrypted` /
//! `storage_encrypted` is true (the default has always been false); one
//! created from an existing cluster (`SourceDBClusterIdentifier` /
//! `source_db_cluster_identifier`) takes that cluster's encryption.
//!
//! ## Verdicts
//! - met: `StorageEncrypted` / `storage_encrypted` is true;
//! - not met: false or absent;
//! - not applicable: created from an existing cluster, whose encryption
//!   `rds.encryption-at-rest` judges;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Global:
//!     Type: AWS::RDS::GlobalCluster
//!     Properties:
//!       Engine: aurora-postgresql
//!       StorageEncrypted: true
//! ```
//! ```yaml fail
//! Resources:
//!   Global:
//!     Type: AWS::RDS::GlobalCluster
//!     Properties:
//!       Engine: aurora-postgresql
//! ```
//! ```hcl pass
//! resource "aws_rds_global_cluster" "orders" {
//!   global_cluster_identifier = "orders"
//!   engine                    = "aurora-mysql"
//!   storage_encrypted         = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_rds_global_cluster" "orders" {
//!   global_cluster_identifier = "orders"
//!   engine                    = "aurora-mysql"
//! }
//! ```

use crate::check::global_cluster_encryption;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "rds.global-cluster-encryption",
    title: "Aurora global databases are encrypted at rest",
    duty: Duty::EncryptionAtRest,
    severity: Severity::Medium,
    cfn_types: &["AWS::RDS::GlobalCluster"],
    tf_types: &["aws_rds_global_cluster"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_140", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    global_cluster_encryption(resource)
}
