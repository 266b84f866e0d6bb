//! # docdb.global-cluster-encryption: DocumentDB global clusters are encrypted at rest
//!
//! ## Why this is your duty
//! DocumentDB is a container service: AWS replicates a global cluster to
//! every Region you add, but encrypting the data at rest is the customer's
//! side of the model, and a global cluster created on its own sets whether
//! its member clusters are encrypted.
//!
//! ## What AWS already does
//! Leaves a new global cluster unencrypted unless `storage_encrypted` is
//! true (the default has been false since global clusters launched in
//! 2021); one created from an existing cluster
//! (`source_db_cluster_identifier`) takes that cluster's encryption.
//!
//! ## Verdicts
//! - met: `storage_encrypted` is true;
//! - not met: false or absent;
//! - not applicable: created from an existing cluster, whose encryption
//!   `docdb.encryption-at-rest` judges;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_docdb_global_cluster" "docs" {
//!   global_cluster_identifier = "docs"
//!   engine                    = "docdb"
//!   storage_encrypted         = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_docdb_global_cluster" "docs" {
//!   global_cluster_identifier = "docs"
//!   engine                    = "docdb"
//! }
//! ```

use crate::check::global_cluster_encryption;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "docdb.global-cluster-encryption",
    title: "DocumentDB global clusters are encrypted at rest",
    duty: Duty::EncryptionAtRest,
    severity: Severity::Medium,
    cfn_types: &[],
    tf_types: &["aws_docdb_global_cluster"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_292", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    global_cluster_encryption(resource)
}
