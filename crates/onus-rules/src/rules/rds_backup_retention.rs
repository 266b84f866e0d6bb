//! # rds.backup-retention: RDS databases keep automated backups
//!
//! ## Why this is your duty
//! RDS is a container service: AWS takes the automated backups and keeps the
//! transaction logs for point-in-time restore, but only for as many days as
//! you ask. A retention of 0 turns automated backups off, so keeping them on
//! is yours.
//!
//! ## What AWS already does
//! Takes daily snapshots and keeps transaction logs for 1 day when no
//! retention is given: the `CreateDBInstance` / `CreateDBCluster` API default
//! for `BackupRetentionPeriod` is 1, which CloudFormation uses when the
//! property is absent. The Terraform provider leaves `backup_retention_period`
//! optional and computed, so an absent value is sent as nothing and the API
//! default of 1 applies as well.
//!
//! ## Verdicts
//! - met: `BackupRetentionPeriod` / `backup_retention_period` is 1 or more;
//! - met by default: absent (the API default of 1 day);
//! - not met: 0 (automated backups off);
//! - not applicable: an Aurora instance (`DBClusterIdentifier` /
//!   `cluster_identifier`): retention is a cluster setting;
//! - unknown: the value comes from a parameter without a default or a
//!   variable without a value; the verdict names it.
//!
//! Fix: set a retention of at least 1 day (7 or more is common practice).
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.t3.micro
//!       BackupRetentionPeriod: 7
//! ```
//! ```yaml fail
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.t3.micro
//!       BackupRetentionPeriod: 0
//! ```
//! ```yaml unknown
//! Parameters:
//!   BackupDays:
//!     Type: Number
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.t3.micro
//!       BackupRetentionPeriod: !Ref BackupDays
//! ```
//! ```yaml Cluster=met Member=not-applicable
//! Resources:
//!   Cluster:
//!     Type: AWS::RDS::DBCluster
//!     Properties:
//!       Engine: aurora-postgresql
//!   Member:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: aurora-postgresql
//!       DBInstanceClass: db.r6g.large
//!       DBClusterIdentifier: !Ref Cluster
//! ```
//! ```hcl pass
//! resource "aws_db_instance" "db" {
//!   engine                  = "postgres"
//!   instance_class          = "db.t3.micro"
//!   backup_retention_period = 7
//! }
//! ```
//! ```hcl fail
//! resource "aws_db_instance" "db" {
//!   engine                  = "postgres"
//!   instance_class          = "db.t3.micro"
//!   backup_retention_period = 0
//! }
//! ```
//! ```hcl unknown
//! variable "backup_days" {
//!   type = number
//! }
//! resource "aws_db_instance" "db" {
//!   engine                  = "postgres"
//!   instance_class          = "db.t3.micro"
//!   backup_retention_period = var.backup_days
//! }
//! ```
//! ```hcl pass
//! resource "aws_rds_cluster" "db" {
//!   engine = "aurora-postgresql"
//! }
//! ```

use crate::check::require_number;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "rds.backup-retention",
    title: "RDS databases keep automated backups",
    duty: Duty::Backups,
    severity: Severity::Medium,
    cfn_types: &["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"],
    tf_types: &["aws_db_instance", "aws_rds_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &["RDS.11"],
        config: &["DB_INSTANCE_BACKUP_ENABLED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_133", Same),
        cfn_nag("W75", Related),
        trivy("AVD-AWS-0077", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    if let Some(na) = crate::rds::cluster_member(resource, "backup retention is set on the cluster")
    {
        return na;
    }
    require_number(
        resource,
        "BackupRetentionPeriod",
        "backup_retention_period",
        Some(1.0),
        |days| days >= 1.0,
        "automated backups need a retention of at least 1 day",
    )
}
