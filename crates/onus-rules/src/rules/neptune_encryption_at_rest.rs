//! # neptune.encryption-at-rest: Neptune clusters encrypt their storage
//!
//! ## Why this is your duty
//! Neptune is a container service: AWS runs the engine, the instances and
//! the storage layer, but whether the cluster's storage volume, backups and
//! snapshots are encrypted is a flag you set at creation. Encrypting your
//! data is the customer's side of the model for container services.
//!
//! ## What AWS already does
//! Encrypts with AES-256 through KMS when asked; a cluster created through
//! CloudFormation or Terraform without the flag is unencrypted, and the flag
//! cannot be turned on for an existing cluster.
//!
//! ## Verdicts
//! - met: `StorageEncrypted` (`storage_encrypted`) is true;
//! - not met: false or absent (the default is false);
//! - unknown: the value comes from a parameter or variable onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Graph:
//!     Type: AWS::Neptune::DBCluster
//!     Properties:
//!       StorageEncrypted: true
//! ```
//! ```yaml fail
//! Resources:
//!   Graph:
//!     Type: AWS::Neptune::DBCluster
//!     Properties:
//!       IamAuthEnabled: true
//! ```
//! ```yaml unknown
//! Parameters:
//!   Encrypt:
//!     Type: String
//! Resources:
//!   Graph:
//!     Type: AWS::Neptune::DBCluster
//!     Properties:
//!       StorageEncrypted: !Ref Encrypt
//! ```
//! ```hcl pass
//! resource "aws_neptune_cluster" "graph" {
//!   cluster_identifier = "graph"
//!   storage_encrypted  = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_neptune_cluster" "graph" {
//!   cluster_identifier = "graph"
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
    id: "neptune.encryption-at-rest",
    title: "Neptune cluster storage is encrypted",
    duty: Duty::EncryptionAtRest,
    severity: Severity::High,
    cfn_types: &["AWS::Neptune::DBCluster"],
    tf_types: &["aws_neptune_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &["Neptune.1"],
        config: &["NEPTUNE_CLUSTER_ENCRYPTED"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_44", Same)],
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
