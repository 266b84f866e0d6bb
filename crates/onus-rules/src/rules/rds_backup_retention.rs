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
//! default of 1 applies as well. A read replica is the exception: it is
//! created with automated backups off (retention 0) unless you set one.
//!
//! ## Verdicts
//! - met: `BackupRetentionPeriod` / `backup_retention_period` is 1 or more;
//! - met by default: absent (the API default of 1 day);
//! - not met: 0 (automated backups off); a read replica
//!   (`SourceDBInstanceIdentifier` / `replicate_source_db`) without a
//!   retention, since a replica is created with automated backups off unless
//!   one is set; a value AWS does not accept (an instance takes 0 to 35 days,
//!   a cluster 1 to 35), said to be invalid;
//! - not applicable: an Aurora instance (`DBClusterIdentifier`; Terraform's
//!   are `aws_rds_cluster_instance`, not judged here): retention is a cluster setting;
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
//! ```hcl aws_db_instance.primary=met aws_db_instance.replica=not-met
//! resource "aws_db_instance" "primary" {
//!   identifier              = "orders"
//!   engine                  = "postgres"
//!   instance_class          = "db.t3.micro"
//!   backup_retention_period = 7
//! }
//! resource "aws_db_instance" "replica" {
//!   replicate_source_db = aws_db_instance.primary.identifier
//!   instance_class      = "db.t3.micro"
//! }
//! ```
//! ```hcl fail
//! resource "aws_db_instance" "db" {
//!   engine                  = "postgres"
//!   instance_class          = "db.t3.micro"
//!   backup_retention_period = 36
//! }
//! ```
//! ```yaml Replica=not-met
//! Resources:
//!   Replica:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       SourceDBInstanceIdentifier: arn:aws:rds:eu-west-1:111122223333:db:orders
//!       DBInstanceClass: db.t3.micro
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

use crate::check::{prop, require_number_in};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
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
        guard("DB_INSTANCE_BACKUP_ENABLED", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    if let Some(na) = crate::rds::cluster_member(resource, "backup retention is set on the cluster")
    {
        return na;
    }
    let (days, path) = prop(resource, "BackupRetentionPeriod", "backup_retention_period");
    if let (None, Some((_, source))) = (days, crate::rds::replica_source(resource)) {
        return Verdict::missing(
            resource,
            path,
            format!(
                "a read replica ({source}) is created with automated backups off unless {path} is set"
            ),
        );
    }
    let cluster = matches!(
        resource.resource_type.as_str(),
        "AWS::RDS::DBCluster" | "aws_rds_cluster"
    );
    require_number_in(
        resource,
        "BackupRetentionPeriod",
        "backup_retention_period",
        &[(if cluster { 1.0 } else { 0.0 }, 35.0)],
        Some(1.0),
        |days| days >= 1.0,
        "automated backups need a retention of at least 1 day",
    )
}
