//! # rds.log-exports: RDS databases export their error and audit logs to CloudWatch Logs
//!
//! ## Why this is your duty
//! RDS is a container service: AWS runs the engine and keeps its logs on
//! the host for a few days, but a durable record of errors, failed logins
//! and audited statements in *your* database exists only if you export it.
//! Logging of customer resources is the customer's duty in every category.
//!
//! ## What AWS already does
//! Writes the engine's logs to the instance, where they rotate away (by
//! default after a few days). Publishing them to CloudWatch Logs (offered
//! since 2018) is off unless `EnableCloudwatchLogsExports` lists them; no
//! log type has ever been exported by default.
//!
//! ## Verdicts
//! The engine decides which logs must be exported:
//! - MySQL, MariaDB, Aurora MySQL: `error` and `audit` (the audit log also
//!   needs the MariaDB audit plugin option or `server_audit_logging`);
//! - PostgreSQL, Aurora PostgreSQL: `postgresql`;
//! - Oracle: `alert` and `audit`;
//! - SQL Server: `error`;
//! - Db2: `diag.log`.
//!
//! - met: `EnableCloudwatchLogsExports` / `enabled_cloudwatch_logs_exports`
//!   lists every log of the engine;
//! - not met: absent, or a log is missing (or listed only under a condition);
//! - not applicable: an Aurora cluster member (the cluster exports), RDS
//!   Custom;
//! - unknown: the engine or the list comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.m6g.large
//!       EnableCloudwatchLogsExports: [postgresql, upgrade]
//! ```
//! ```yaml fail
//! Resources:
//!   Cluster:
//!     Type: AWS::RDS::DBCluster
//!     Properties:
//!       Engine: aurora-mysql
//!       EnableCloudwatchLogsExports: [error, slowquery]
//! ```
//! ```hcl pass
//! resource "aws_rds_cluster" "orders" {
//!   engine                          = "aurora-mysql"
//!   enabled_cloudwatch_logs_exports = ["audit", "error", "slowquery"]
//! }
//! ```
//! ```hcl fail
//! resource "aws_db_instance" "db" {
//!   engine         = "sqlserver-se"
//!   instance_class = "db.m5.large"
//! }
//! ```

use crate::check::{all_of, static_text};
use crate::context::Context;
use crate::lists::require_item;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "rds.log-exports",
    title: "RDS databases export their error and audit logs to CloudWatch Logs",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"],
    tf_types: &["aws_db_instance", "aws_rds_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &["RDS.9", "RDS.34", "RDS.36", "RDS.37", "RDS.40", "RDS.42"],
        config: &[
            "RDS_LOGGING_ENABLED",
            "RDS_AURORA_MYSQL_AUDIT_LOGGING_ENABLED",
            "RDS_POSTGRESQL_LOGS_TO_CLOUDWATCH",
            "RDS_AURORA_POSTGRESQL_LOGS_TO_CLOUDWATCH",
            "RDS_SQL_SERVER_LOGS_TO_CLOUDWATCH",
            "MARIADB_PUBLISH_LOGS_TO_CLOUDWATCH_LOGS",
        ],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_129", Related),
        checkov("CKV_AWS_324", Related),
        checkov("CKV_AWS_325", Related),
    ],
    check,
    file: file!(),
};

/// The logs an engine must export, by engine-name prefix.
fn required_logs(engine: &str) -> Option<&'static [&'static str]> {
    let e = engine.to_ascii_lowercase();
    let logs: &[&str] = if e.starts_with("aurora-postgresql") || e.starts_with("postgres") {
        &["postgresql"]
    } else if e.starts_with("aurora") || e.starts_with("mysql") || e.starts_with("mariadb") {
        &["error", "audit"]
    } else if e.starts_with("oracle") {
        &["alert", "audit"]
    } else if e.starts_with("sqlserver") {
        &["error"]
    } else if e.starts_with("db2") {
        &["diag.log"]
    } else {
        return None;
    };
    Some(logs)
}

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    if let Some(na) = crate::rds::cluster_member(resource, "the cluster exports the logs") {
        return na;
    }
    let engine = match static_text(resource, "Engine", "engine") {
        Err(unknown) => return unknown,
        Ok(None) => {
            return Verdict::unknown(
                resource,
                resource.name_span,
                "Engine",
                "the engine, which is not set here (a replica or a restore inherits it)",
            );
        }
        Ok(Some(e)) => e,
    };
    let Some(logs) = required_logs(engine) else {
        return Verdict::not_applicable(
            resource,
            format!("engine {engine} does not publish logs to CloudWatch Logs"),
        );
    };
    let verdicts = logs
        .iter()
        .map(|log| {
            require_item(
                resource,
                "EnableCloudwatchLogsExports",
                "enabled_cloudwatch_logs_exports",
                &[log],
                &format!("the {log} log is not exported"),
            )
        })
        .collect();
    all_of(verdicts).unwrap_or_else(|| Verdict::not_applicable(resource, "no log to export"))
}
