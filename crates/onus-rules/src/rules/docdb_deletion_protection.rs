//! # docdb.deletion-protection: DocumentDB clusters have deletion protection
//!
//! ## Why this is your duty
//! DocumentDB is a container service: AWS keeps the cluster running, but a
//! delete call made with your credentials (or a stack that drops the
//! resource) removes the cluster and its automated backups. Guarding against
//! your own mistakes is part of the backup duty the model leaves to you.
//!
//! ## What AWS already does
//! Deletes the cluster on request; deletion protection is off by default.
//!
//! ## Verdicts
//! - met: `DeletionProtection` (`deletion_protection`) is true;
//! - not met: false or absent (default false);
//! - unknown: the value comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Docs:
//!     Type: AWS::DocDB::DBCluster
//!     Properties:
//!       DeletionProtection: true
//! ```
//! ```yaml fail
//! Resources:
//!   Docs:
//!     Type: AWS::DocDB::DBCluster
//!     Properties:
//!       DeletionProtection: false
//! ```
//! ```hcl pass
//! resource "aws_docdb_cluster" "docs" {
//!   cluster_identifier  = "docs"
//!   deletion_protection = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_docdb_cluster" "docs" {
//!   cluster_identifier = "docs"
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "docdb.deletion-protection",
    title: "DocumentDB cluster has deletion protection",
    duty: Duty::Backups,
    severity: Severity::Medium,
    cfn_types: &["AWS::DocDB::DBCluster"],
    tf_types: &["aws_docdb_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &["DocumentDB.5"],
        config: &["DOCDB_CLUSTER_DELETION_PROTECTION_ENABLED"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "DeletionProtection",
        "deletion_protection",
        true,
        false,
        "deletion protection",
    )
}
