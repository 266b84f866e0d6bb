//! # redshift.automated-snapshots: Redshift clusters keep automated snapshots for at least 7 days
//!
//! ## Why this is your duty
//! Redshift is a container service: AWS takes automated snapshots, but for
//! as long as you ask. Recovering from a bad load or a dropped table needs a
//! snapshot from before it: the backup duty is the customer's.
//!
//! ## What AWS already does
//! Keeps automated snapshots for 1 day when
//! `AutomatedSnapshotRetentionPeriod` / `automated_snapshot_retention_period`
//! is absent (the default since launch); 0 turns them off; at most 35.
//!
//! ## Verdicts
//! - met: 7 to 35 days;
//! - not met: absent (1 day), fewer than 7 days, 0 (off), or more than 35
//!   (invalid);
//! - unknown: the value comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Warehouse:
//!     Type: AWS::Redshift::Cluster
//!     Properties:
//!       ClusterType: multi-node
//!       NodeType: ra3.xlplus
//!       NumberOfNodes: 2
//!       DBName: analytics
//!       MasterUsername: analytics_owner
//!       ManageMasterPassword: true
//!       AutomatedSnapshotRetentionPeriod: 14
//! ```
//! ```yaml fail
//! Resources:
//!   Warehouse:
//!     Type: AWS::Redshift::Cluster
//!     Properties:
//!       ClusterType: multi-node
//!       NodeType: ra3.xlplus
//!       NumberOfNodes: 2
//!       DBName: analytics
//!       MasterUsername: analytics_owner
//!       ManageMasterPassword: true
//! ```
//! ```hcl pass
//! resource "aws_redshift_cluster" "warehouse" {
//!   cluster_identifier     = "warehouse"
//!   node_type              = "ra3.xlplus"
//!   number_of_nodes        = 2
//!   master_username        = "analytics_owner"
//!   manage_master_password = true
//!   automated_snapshot_retention_period = 7
//! }
//! ```
//! ```hcl fail
//! resource "aws_redshift_cluster" "warehouse" {
//!   cluster_identifier     = "warehouse"
//!   node_type              = "ra3.xlplus"
//!   number_of_nodes        = 2
//!   master_username        = "analytics_owner"
//!   manage_master_password = true
//!   automated_snapshot_retention_period = 0
//! }
//! ```

use crate::check::require_valid_number;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "redshift.automated-snapshots",
    title: "Redshift clusters keep automated snapshots for at least 7 days",
    duty: Duty::Backups,
    severity: Severity::Medium,
    cfn_types: &["AWS::Redshift::Cluster"],
    tf_types: &["aws_redshift_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &["Redshift.3"],
        config: &["REDSHIFT_BACKUP_ENABLED"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_343", Related)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_valid_number(
        resource,
        "AutomatedSnapshotRetentionPeriod",
        "automated_snapshot_retention_period",
        Some(1.0),
        |v| (0.0..=35.0).contains(&v),
        |v| v >= 7.0,
        "automated snapshots must be kept at least 7 days",
    )
}
