//! # rds.snapshot-encryption: RDS snapshots are encrypted
//!
//! ## Why this is your duty
//! RDS is a container service: AWS stores snapshots durably, but a
//! snapshot is encrypted only if the database it was taken from is:
//! encrypting your data at rest is the customer's side of the model, and a
//! snapshot carries all of it.
//!
//! ## What AWS already does
//! Encrypts a snapshot with the key of its encrypted source, and leaves the
//! snapshot of an unencrypted database unencrypted (a snapshot has no
//! encryption setting of its own; only a copy can add a key).
//!
//! ## Verdicts
//! The source is the `aws_db_instance` named by `db_instance_identifier` or
//! the `aws_rds_cluster` named by `db_cluster_identifier` (by reference or
//! literal identifier), judged by `rds.encryption-at-rest`:
//! - met: the source is encrypted;
//! - not met: it is not;
//! - unknown: the source is not in the code, or its encryption cannot be
//!   resolved.
//!
//! CloudFormation has no snapshot resources.
//!
//! ## Examples
//! ```hcl aws_db_snapshot.backup=met
//! resource "aws_db_instance" "orders" {
//!   identifier        = "orders"
//!   engine            = "postgres"
//!   instance_class    = "db.t3.micro"
//!   storage_encrypted = true
//! }
//! resource "aws_db_snapshot" "backup" {
//!   db_instance_identifier = aws_db_instance.orders.identifier
//!   db_snapshot_identifier = "orders-backup"
//! }
//! ```
//! ```hcl aws_db_cluster_snapshot.backup=not-met
//! resource "aws_rds_cluster" "orders" {
//!   cluster_identifier = "orders"
//!   engine             = "aurora-mysql"
//! }
//! resource "aws_db_cluster_snapshot" "backup" {
//!   db_cluster_identifier          = "orders"
//!   db_cluster_snapshot_identifier = "orders-backup"
//! }
//! ```

use crate::context::Context;
use crate::lists::inherit;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "rds.snapshot-encryption",
    title: "RDS snapshots are encrypted at rest",
    duty: Duty::EncryptionAtRest,
    severity: Severity::Medium,
    cfn_types: &[],
    tf_types: &["aws_db_snapshot", "aws_db_cluster_snapshot"],
    reads: &["aws_db_instance", "aws_rds_cluster"],
    controls: Controls {
        fsbp: &["RDS.4"],
        config: &["RDS_SNAPSHOT_ENCRYPTED"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_146", Related)],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let (attr, types, name): (&str, &[&str], &str) = if resource.resource_type == "aws_db_snapshot"
    {
        ("db_instance_identifier", &["aws_db_instance"], "identifier")
    } else {
        (
            "db_cluster_identifier",
            &["aws_rds_cluster"],
            "cluster_identifier",
        )
    };
    inherit(
        resource,
        cx,
        ("", attr),
        types,
        ("", name),
        "rds.encryption-at-rest",
    )
}
