//! # rds.iam-authentication: RDS databases accept IAM database authentication
//!
//! ## Why this is your duty
//! RDS is a container service: AWS runs the engine, but who may log in to
//! *your* database is access control, which the model leaves to the
//! customer in every category. With IAM database authentication, clients
//! connect with short-lived tokens granted by IAM policy instead of
//! long-lived passwords stored in applications.
//!
//! ## What AWS already does
//! Creates the database with password authentication only. IAM database
//! authentication (MySQL since April 2017, PostgreSQL since September 2017,
//! later MariaDB and Aurora) is off unless you turn it on; the default has
//! not changed since.
//!
//! ## Verdicts
//! - met: `EnableIAMDatabaseAuthentication` /
//!   `iam_database_authentication_enabled` is true;
//! - not met: false or absent (the default is false);
//! - not applicable: an Aurora cluster member (the cluster's setting
//!   applies), and engines without IAM authentication (Oracle, SQL Server,
//!   Db2, RDS Custom);
//! - unknown: the value or the engine comes from a value onus cannot resolve.
//!
//! Fix: set `EnableIAMDatabaseAuthentication: true` and grant
//! `rds-db:connect` to the roles that should log in.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.m6g.large
//!       EnableIAMDatabaseAuthentication: true
//! ```
//! ```yaml fail
//! Resources:
//!   Cluster:
//!     Type: AWS::RDS::DBCluster
//!     Properties:
//!       Engine: aurora-mysql
//! ```
//! ```yaml Db=not-applicable
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: sqlserver-se
//!       DBInstanceClass: db.m5.large
//! ```
//! ```hcl pass
//! resource "aws_rds_cluster" "orders" {
//!   engine                              = "aurora-postgresql"
//!   iam_database_authentication_enabled = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_db_instance" "db" {
//!   engine         = "mysql"
//!   instance_class = "db.t3.micro"
//! }
//! ```

use crate::check::{require_bool, static_text};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "rds.iam-authentication",
    title: "RDS databases have IAM database authentication enabled",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"],
    tf_types: &["aws_db_instance", "aws_rds_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &["RDS.10", "RDS.12"],
        config: &[
            "RDS_INSTANCE_IAM_AUTHENTICATION_ENABLED",
            "RDS_CLUSTER_IAM_AUTHENTICATION_ENABLED",
        ],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_161", Same), checkov("CKV_AWS_162", Same)],
    check,
    file: file!(),
};

/// Engines whose databases cannot use IAM authentication.
const WITHOUT_IAM_AUTH: &[&str] = &["oracle", "sqlserver", "db2", "custom-"];

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    if let Some(na) = crate::rds::cluster_member(resource, "the cluster's setting applies") {
        return na;
    }
    match static_text(resource, "Engine", "engine") {
        Err(unknown) => return unknown,
        Ok(Some(e)) if WITHOUT_IAM_AUTH.iter().any(|p| e.starts_with(p)) => {
            return Verdict::not_applicable(
                resource,
                format!("engine {e} does not support IAM database authentication"),
            );
        }
        Ok(_) => {}
    }
    require_bool(
        resource,
        "EnableIAMDatabaseAuthentication",
        "iam_database_authentication_enabled",
        true,
        false,
        "IAM database authentication",
    )
}
