//! # rds.non-default-port: RDS databases listen on a port other than the engine default
//!
//! ## Why this is your duty
//! RDS is a container service: AWS runs the engine, but the network
//! settings of *your* database, its security groups and its port, are the
//! customer's. Scanners sweep 3306, 5432, 1433 and 1521 first; a
//! non-default port keeps a database out of the cheapest sweeps (it is no
//! substitute for closed security groups).
//!
//! ## What AWS already does
//! Uses the engine's default port when none is given, as it always has:
//! 3306 (MySQL, MariaDB, Aurora MySQL), 5432 (PostgreSQL, Aurora
//! PostgreSQL), 1521 (Oracle), 1433 (SQL Server), 50000 (Db2).
//!
//! ## Verdicts
//! - met: `Port` / `port` is set to another port, or comes from a reference;
//! - not met: absent, or the engine's default;
//! - not applicable: an Aurora cluster member (the cluster's port applies),
//!   or an engine onus has no default port for;
//! - unknown: the port or the engine comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.m6g.large
//!       Port: "15432"
//! ```
//! ```yaml fail
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: mysql
//!       DBInstanceClass: db.m6g.large
//! ```
//! ```hcl pass
//! resource "aws_rds_cluster" "orders" {
//!   engine = "aurora-postgresql"
//!   port   = 15432
//! }
//! ```
//! ```hcl fail
//! resource "aws_db_instance" "db" {
//!   engine         = "postgres"
//!   instance_class = "db.t3.micro"
//!   port           = 5432
//! }
//! ```

use crate::check::{require_not_in, static_text};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "rds.non-default-port",
    title: "RDS databases do not listen on the engine's default port",
    duty: Duty::NetworkExposure,
    severity: Severity::Low,
    cfn_types: &["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"],
    tf_types: &["aws_db_instance", "aws_rds_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &["RDS.23"],
        config: &[],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn default_port(engine: &str) -> Option<&'static str> {
    let e = engine.to_ascii_lowercase();
    Some(
        if e.starts_with("aurora-postgresql") || e.starts_with("postgres") {
            "5432"
        } else if e.starts_with("aurora") || e.starts_with("mysql") || e.starts_with("mariadb") {
            "3306"
        } else if e.starts_with("oracle") || e.starts_with("custom-oracle") {
            "1521"
        } else if e.starts_with("sqlserver") || e.starts_with("custom-sqlserver") {
            "1433"
        } else if e.starts_with("db2") {
            "50000"
        } else {
            return None;
        },
    )
}

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    if let Some(na) = crate::rds::cluster_member(resource, "the cluster's port applies") {
        return na;
    }
    let engine = match static_text(resource, "Engine", "engine") {
        Err(unknown) => return unknown,
        Ok(e) => e,
    };
    let Some(port) = engine.and_then(default_port) else {
        return Verdict::not_applicable(
            resource,
            format!(
                "no default port known for engine {}",
                engine.unwrap_or("(not set)")
            ),
        );
    };
    require_not_in(
        resource,
        "Port",
        "port",
        &[port],
        "the engine's default port",
        |path| {
            Verdict::missing(
                resource,
                path,
                format!("{path} is not set: the database listens on the default port {port}"),
            )
        },
    )
}
