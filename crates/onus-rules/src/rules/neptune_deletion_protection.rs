//! # neptune.deletion-protection: Neptune clusters have deletion protection
//!
//! ## Why this is your duty
//! Neptune is a container service: AWS keeps the cluster running, but a
//! delete call made with your credentials (or a stack update that drops the
//! resource) removes the cluster, and with it its automated backups.
//! Guarding against your own mistakes is part of the backup duty the model
//! leaves to you.
//!
//! ## What AWS already does
//! Deletes the cluster on request: deletion protection (since 2019) is off
//! unless `DeletionProtection` is true, as it has been by default since.
//!
//! ## Verdicts
//! - met: `DeletionProtection` / `deletion_protection` is true;
//! - not met: false or absent (the default);
//! - unknown: the value comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Graph:
//!     Type: AWS::Neptune::DBCluster
//!     Properties:
//!       DeletionProtection: true
//! ```
//! ```yaml fail
//! Resources:
//!   Graph:
//!     Type: AWS::Neptune::DBCluster
//!     Properties:
//!       StorageEncrypted: true
//! ```
//! ```hcl pass
//! resource "aws_neptune_cluster" "graph" {
//!   cluster_identifier  = "graph"
//!   deletion_protection = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_neptune_cluster" "graph" {
//!   cluster_identifier = "graph"
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "neptune.deletion-protection",
    title: "Neptune cluster has deletion protection",
    duty: Duty::Backups,
    severity: Severity::Low,
    cfn_types: &["AWS::Neptune::DBCluster"],
    tf_types: &["aws_neptune_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &["Neptune.4"],
        config: &["NEPTUNE_CLUSTER_DELETION_PROTECTION_ENABLED"],
        cis: &[],
    },
    peers: &[checkov("CKV2_AWS_58", Same)],
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
