//! # rds.custom-admin-username: RDS databases do not use a well-known administrator name
//!
//! ## Why this is your duty
//! RDS is a container service: AWS creates the master user you ask for,
//! and who may log in as it is access control, the customer's side of the
//! model. A default name such as `admin` or `postgres` leaves an attacker
//! who reaches the endpoint only the password to guess.
//!
//! ## What AWS already does
//! Requires a master user name when a database is created (not when it is
//! restored or replicated); the console has always proposed `admin`
//! (`postgres` for PostgreSQL), while the API and templates have no default.
//!
//! ## Verdicts
//! - met: `MasterUsername` / `username` (`master_username` on clusters) is
//!   not one of `admin`, `administrator`, `awsuser`, `master`, `postgres`,
//!   `root`, `sa` (ignoring case), or comes from a reference;
//! - not met: it is one of them;
//! - not applicable: an Aurora cluster member; a database that names no
//!   master user (a replica or a restore keeps its source's);
//! - unknown: the name comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.m6g.large
//!       MasterUsername: orders_owner
//!       ManageMasterUserPassword: true
//! ```
//! ```yaml fail
//! Resources:
//!   Cluster:
//!     Type: AWS::RDS::DBCluster
//!     Properties:
//!       Engine: aurora-mysql
//!       MasterUsername: admin
//!       ManageMasterUserPassword: true
//! ```
//! ```hcl pass
//! resource "aws_rds_cluster" "orders" {
//!   engine                      = "aurora-postgresql"
//!   master_username             = "orders_owner"
//!   manage_master_user_password = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_db_instance" "db" {
//!   engine                      = "postgres"
//!   instance_class              = "db.t3.micro"
//!   username                    = "postgres"
//!   manage_master_user_password = true
//! }
//! ```

use crate::check::{DEFAULT_ADMIN_NAMES, require_not_in};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "rds.custom-admin-username",
    title: "RDS databases do not use a well-known administrator user name",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"],
    tf_types: &["aws_db_instance", "aws_rds_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &["RDS.24", "RDS.25"],
        config: &[
            "RDS_CLUSTER_DEFAULT_ADMIN_CHECK",
            "RDS_INSTANCE_DEFAULT_ADMIN_CHECK",
        ],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    if let Some(na) = crate::rds::cluster_member(resource, "the cluster's master user applies") {
        return na;
    }
    let tf = if resource.resource_type == "aws_rds_cluster" {
        "master_username"
    } else {
        "username"
    };
    require_not_in(
        resource,
        "MasterUsername",
        tf,
        DEFAULT_ADMIN_NAMES,
        "a well-known administrator name",
        |path| {
            Verdict::not_applicable(
                resource,
                format!("{path} is not set: a replica or a restore keeps its source's master user"),
            )
        },
    )
}
