//! # docdb.backup-retention: DocumentDB clusters keep backups at least 7 days
//!
//! ## Why this is your duty
//! DocumentDB is a container service: AWS provides continuous backups and
//! point-in-time restore, but how far back you can restore is a setting you
//! choose to fit your recovery objectives. The model leaves configuring the
//! provided backup tools to the customer.
//!
//! ## What AWS already does
//! Keeps automated backups for 1 day when no retention is given (the API,
//! CloudFormation and Terraform default), up to 35 days.
//!
//! ## Verdicts
//! - met: `BackupRetentionPeriod` (`backup_retention_period`) is 7 or more;
//! - not met: below 7, or absent (the default of 1 day); outside 1 to 35
//!   days, which AWS rejects (said to be invalid);
//! - unknown: the value comes from a parameter or variable onus cannot resolve.
//!
//! Seven days is Security Hub's default for this control.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Docs:
//!     Type: AWS::DocDB::DBCluster
//!     Properties:
//!       BackupRetentionPeriod: 14
//! ```
//! ```yaml fail
//! Resources:
//!   Docs:
//!     Type: AWS::DocDB::DBCluster
//!     Properties:
//!       StorageEncrypted: true
//! ```
//! ```hcl pass
//! resource "aws_docdb_cluster" "docs" {
//!   cluster_identifier      = "docs"
//!   backup_retention_period = 7
//! }
//! ```
//! ```hcl fail
//! resource "aws_docdb_cluster" "docs" {
//!   cluster_identifier      = "docs"
//!   backup_retention_period = 3
//! }
//! ```

use crate::check::require_week_of_backups;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "docdb.backup-retention",
    title: "DocumentDB cluster retains backups for at least 7 days",
    duty: Duty::Backups,
    severity: Severity::Medium,
    cfn_types: &["AWS::DocDB::DBCluster"],
    tf_types: &["aws_docdb_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &["DocumentDB.2"],
        config: &["DOCDB_CLUSTER_BACKUP_RETENTION_CHECK"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_360", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_week_of_backups(resource)
}
