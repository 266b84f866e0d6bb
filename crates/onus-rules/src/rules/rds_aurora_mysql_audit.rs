//! # rds.aurora-mysql-audit: Aurora MySQL clusters turn on Advanced Auditing
//!
//! ## Why this is your duty
//! Aurora is a container service: AWS runs the engine, but whether *your*
//! cluster records logins, queries and table access is the
//! `server_audit_logging` parameter of the cluster parameter group you
//! choose. Exporting the `audit` log (`rds.log-exports`) carries nothing until
//! it is on. Logging of customer resources is the customer's duty.
//!
//! ## What AWS already does
//! Leaves Advanced Auditing off: `server_audit_logging` is 0 in the default
//! cluster parameter groups (as it has been since Advanced Auditing launched
//! in 2017), and `server_audit_events` chooses what is recorded.
//!
//! ## Verdicts
//! The group is the cluster's `DBClusterParameterGroupName` /
//! `db_cluster_parameter_group_name`, found by reference or by its literal
//! name among the groups in the code.
//! - met: the group sets `server_audit_logging` to 1 / ON and
//!   `server_audit_events` to a non-empty list;
//! - not met: no group or a `default.*` group, or either parameter unset or
//!   off;
//! - not applicable: engines other than Aurora MySQL;
//! - unknown: a group named but not in the code, or an unresolved value.
//!
//! ## Examples
//! ```yaml Cluster=met
//! Resources:
//!   Audit:
//!     Type: AWS::RDS::DBClusterParameterGroup
//!     Properties:
//!       Description: audit
//!       Family: aurora-mysql8.0
//!       Parameters:
//!         server_audit_logging: "1"
//!         server_audit_events: CONNECT,QUERY_DCL,QUERY_DDL
//!   Cluster:
//!     Type: AWS::RDS::DBCluster
//!     Properties:
//!       Engine: aurora-mysql
//!       DBClusterParameterGroupName: !Ref Audit
//! ```
//! ```yaml fail
//! Resources:
//!   Cluster:
//!     Type: AWS::RDS::DBCluster
//!     Properties:
//!       Engine: aurora-mysql
//! ```
//! ```hcl aws_rds_cluster.orders=met
//! resource "aws_rds_cluster_parameter_group" "audit" {
//!   name   = "orders-audit"
//!   family = "aurora-mysql8.0"
//!   parameter {
//!     name  = "server_audit_logging"
//!     value = "1"
//!   }
//!   parameter {
//!     name  = "server_audit_events"
//!     value = "CONNECT,QUERY_DCL"
//!   }
//! }
//! resource "aws_rds_cluster" "orders" {
//!   engine                          = "aurora-mysql"
//!   db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.audit.name
//! }
//! ```
//! ```hcl aws_rds_cluster.orders=not-met
//! resource "aws_rds_cluster_parameter_group" "audit" {
//!   name   = "orders-audit"
//!   family = "aurora-mysql8.0"
//!   parameter {
//!     name  = "server_audit_logging"
//!     value = "0"
//!   }
//! }
//! resource "aws_rds_cluster" "orders" {
//!   engine                          = "aurora-mysql"
//!   db_cluster_parameter_group_name = "orders-audit"
//! }
//! ```

use crate::check::{Judgement, is_empty, judge, prop, static_text, verdict_of};
use crate::context::Context;
use crate::context::local_id;
use crate::params::{Group, Groups, find, is_on, parameter};
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "rds.aurora-mysql-audit",
    title: "Aurora MySQL clusters turn on Advanced Auditing",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::RDS::DBCluster"],
    tf_types: &["aws_rds_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &["RDS.45"],
        config: &["AURORA_MYSQL_CLUSTER_AUDIT_LOGGING"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

const GROUPS: Groups = Groups {
    types: &[
        "AWS::RDS::DBClusterParameterGroup",
        "aws_rds_cluster_parameter_group",
    ],
    name: ("DBClusterParameterGroupName", "name"),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    match static_text(resource, "Engine", "engine") {
        Err(unknown) => return unknown,
        Ok(Some(e)) if matches!(e.to_ascii_lowercase().as_str(), "aurora-mysql" | "aurora") => {}
        Ok(e) => {
            return Verdict::not_applicable(
                resource,
                format!(
                    "Advanced Auditing is an Aurora MySQL feature, not {}",
                    e.unwrap_or("(no engine)")
                ),
            );
        }
    }
    let (node, path) = prop(
        resource,
        "DBClusterParameterGroupName",
        "db_cluster_parameter_group_name",
    );
    let Some(node) = node else {
        return Verdict::missing(
            resource,
            path,
            format!("{path} is not set: the default group leaves server_audit_logging off"),
        );
    };
    let j = judge(node, &mut |n| match find(resource, cx, n, &GROUPS) {
        Err(j) => j,
        Ok(Group::Default(_)) => {
            Judgement::no(n, "a default group leaves server_audit_logging off")
        }
        Ok(Group::InCode(group)) => {
            let gid = local_id(group);
            let logging = parameter(group, "server_audit_logging");
            if !logging.is_some_and(is_on) {
                return Judgement::no(n, format!("{gid} does not turn server_audit_logging on"));
            }
            Judgement::from_bool(
                parameter(group, "server_audit_events").is_some_and(|e| !is_empty(e)),
                n,
                || format!("{gid} sets no server_audit_events: nothing is recorded"),
            )
        }
    });
    verdict_of(resource, node, path, j, "Advanced Auditing records events")
}
