//! # rds.cluster-backup-retention: RDS DB clusters keep backups at least 7 days
//!
//! ## Why this is your duty
//! RDS is a container service: AWS takes the automated backups of an Aurora
//! or Multi-AZ DB cluster and keeps its transaction logs for point-in-time
//! restore, but how far back you can restore is a setting you choose to fit
//! your recovery objectives. The model leaves configuring the provided
//! backup tools to the customer.
//!
//! ## What AWS already does
//! Keeps a cluster's automated backups for 1 day when no retention is given
//! (the `CreateDBCluster` API default, used by CloudFormation when
//! `BackupRetentionPeriod` is absent and by Terraform, whose
//! `backup_retention_period` defaults to 1), up to 35 days. A cluster's
//! backups cannot be turned off. `rds.backup-retention` checks that automated
//! backups are on at all; this rule checks that they reach back a week.
//!
//! ## Verdicts
//! - met: `BackupRetentionPeriod` (`backup_retention_period`) is 7 or more;
//! - not met: below 7, or absent (the default of 1 day); outside 1 to 35
//!   days, which AWS rejects (said to be invalid);
//! - unknown: the value comes from a parameter or variable onus cannot resolve.
//!
//! Seven days is Security Hub's default for this control (RDS.50).
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Orders:
//!     Type: AWS::RDS::DBCluster
//!     Properties:
//!       Engine: aurora-postgresql
//!       BackupRetentionPeriod: 14
//! ```
//! ```yaml fail
//! Resources:
//!   Orders:
//!     Type: AWS::RDS::DBCluster
//!     Properties:
//!       Engine: aurora-mysql
//!       StorageEncrypted: true
//! ```
//! ```hcl pass
//! resource "aws_rds_cluster" "orders" {
//!   cluster_identifier      = "orders"
//!   engine                  = "aurora-postgresql"
//!   backup_retention_period = 7
//! }
//! ```
//! ```hcl fail
//! resource "aws_rds_cluster" "orders" {
//!   cluster_identifier      = "orders"
//!   engine                  = "aurora-mysql"
//!   backup_retention_period = 3
//! }
//! ```

use crate::check::require_week_of_backups;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "rds.cluster-backup-retention",
    title: "RDS DB cluster retains backups for at least 7 days",
    duty: Duty::Backups,
    severity: Severity::Medium,
    cfn_types: &["AWS::RDS::DBCluster"],
    tf_types: &["aws_rds_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &["RDS.50"],
        config: &["RDS_CLUSTER_BACKUP_RETENTION_CHECK"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_week_of_backups(resource)
}
