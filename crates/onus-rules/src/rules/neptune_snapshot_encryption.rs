//! # neptune.snapshot-encryption: Neptune cluster snapshots are encrypted
//!
//! ## Why this is your duty
//! Neptune is a container service: AWS stores snapshots durably, but a
//! snapshot is encrypted only if its cluster is, and with the cluster's
//! key. Encrypting your data at rest, and choosing the key, are the
//! customer's side of the model; a snapshot carries the whole graph.
//!
//! ## What AWS already does
//! Encrypts a snapshot with its cluster's key, and leaves the snapshot of
//! an unencrypted cluster unencrypted (a snapshot has no setting of its own).
//!
//! ## Verdicts
//! The source is the `aws_neptune_cluster` named by `db_cluster_identifier`
//! (by reference or literal identifier), judged by
//! `neptune.encryption-at-rest`:
//! - met: the cluster is encrypted;
//! - not met: it is not;
//! - unknown: the cluster is not in the code or cannot be resolved.
//!
//! CloudFormation has no snapshot resources.
//!
//! ## Examples
//! ```hcl aws_neptune_cluster_snapshot.backup=met
//! resource "aws_neptune_cluster" "graph" {
//!   cluster_identifier = "graph"
//!   storage_encrypted  = true
//! }
//! resource "aws_neptune_cluster_snapshot" "backup" {
//!   db_cluster_identifier          = aws_neptune_cluster.graph.id
//!   db_cluster_snapshot_identifier = "graph-backup"
//! }
//! ```
//! ```hcl aws_neptune_cluster_snapshot.backup=not-met
//! resource "aws_neptune_cluster" "graph" {
//!   cluster_identifier = "graph"
//! }
//! resource "aws_neptune_cluster_snapshot" "backup" {
//!   db_cluster_identifier          = "graph"
//!   db_cluster_snapshot_identifier = "graph-backup"
//! }
//! ```

use crate::context::Context;
use crate::lists::inherit;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "neptune.snapshot-encryption",
    title: "Neptune cluster snapshots are encrypted at rest",
    duty: Duty::EncryptionAtRest,
    severity: Severity::Medium,
    cfn_types: &[],
    tf_types: &["aws_neptune_cluster_snapshot"],
    reads: &["aws_neptune_cluster"],
    controls: Controls {
        fsbp: &["Neptune.6"],
        config: &["NEPTUNE_CLUSTER_SNAPSHOT_ENCRYPTED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_279", Same),
        checkov("CKV_AWS_280", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    inherit(
        resource,
        cx,
        ("", "db_cluster_identifier"),
        &["aws_neptune_cluster"],
        ("", "cluster_identifier"),
        "neptune.encryption-at-rest",
    )
}
