//! # docdb.encryption-at-rest: DocumentDB clusters encrypt their storage
//!
//! ## Why this is your duty
//! DocumentDB is a container service: AWS runs the engine, the instances and
//! the storage layer, but whether the cluster's storage volume, backups and
//! snapshots are encrypted is a flag you set at creation. Encrypting your
//! data is the customer's side of the model for container services.
//!
//! ## What AWS already does
//! Encrypts with AES-256 through KMS when asked; a cluster created through
//! CloudFormation or Terraform without the flag is unencrypted, and the flag
//! cannot be turned on later (restore into a new, encrypted cluster).
//!
//! ## Verdicts
//! - met: `StorageEncrypted` (`storage_encrypted`) is true;
//! - not met: false or absent (the default is false);
//! - unknown: the value comes from a parameter or variable onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Docs:
//!     Type: AWS::DocDB::DBCluster
//!     Properties:
//!       MasterUsername: admin
//!       MasterUserPassword: "{{resolve:secretsmanager:docdb}}"
//!       StorageEncrypted: true
//! ```
//! ```yaml fail
//! Resources:
//!   Docs:
//!     Type: AWS::DocDB::DBCluster
//!     Properties:
//!       MasterUsername: admin
//!       MasterUserPassword: "{{resolve:secretsmanager:docdb}}"
//! ```
//! ```yaml unknown
//! Parameters:
//!   Encrypt:
//!     Type: String
//! Resources:
//!   Docs:
//!     Type: AWS::DocDB::DBCluster
//!     Properties:
//!       StorageEncrypted: !Ref Encrypt
//! ```
//! ```hcl pass
//! resource "aws_docdb_cluster" "docs" {
//!   cluster_identifier = "docs"
//!   storage_encrypted  = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_docdb_cluster" "docs" {
//!   cluster_identifier = "docs"
//!   storage_encrypted  = false
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "docdb.encryption-at-rest",
    title: "DocumentDB cluster storage is encrypted",
    duty: Duty::EncryptionAtRest,
    severity: Severity::High,
    cfn_types: &["AWS::DocDB::DBCluster"],
    tf_types: &["aws_docdb_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &["DocumentDB.1"],
        config: &["DOCDB_CLUSTER_ENCRYPTED"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_74", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "StorageEncrypted",
        "storage_encrypted",
        true,
        false,
        "storage encryption",
    )
}
