//! # rds.tls-enforced: RDS databases refuse connections without TLS
//!
//! ## Why this is your duty
//! RDS is a container service: AWS installs a TLS certificate on every
//! database, but whether the engine *requires* clients to use it is a
//! parameter you set. Until you do, a client can connect in plaintext, so
//! protecting data in transit to the database is yours.
//!
//! ## What AWS already does
//! Creates the server certificate and accepts TLS connections on every
//! engine; the default parameter groups do not force it (onus treats a
//! database without its own parameter group as using the default group).
//!
//! ## Verdicts
//! The parameter group is the instance's `DBParameterGroupName` /
//! `parameter_group_name`, or the cluster's `DBClusterParameterGroupName` /
//! `db_cluster_parameter_group_name`, found by reference or by its literal
//! name (`DBParameterGroupName` / `name`) among the groups in the code. The
//! engine (`Engine`, else the group's family) decides the parameter:
//! `rds.force_ssl` = 1 for PostgreSQL, Aurora PostgreSQL and SQL Server,
//! `require_secure_transport` = ON / 1 for MySQL, MariaDB and Aurora MySQL.
//! - met: the group sets that parameter to 1 / ON;
//! - not met: the group leaves it unset or sets it off, no parameter group is
//!   given, or the name is a `default.*` group;
//! - not applicable: an Aurora instance (`DBClusterIdentifier`; Terraform's
//!   are `aws_rds_cluster_instance`, not judged here): TLS is enforced by the cluster's group, evaluated
//!   on the cluster; engines without such a parameter (Oracle, Db2);
//! - unknown: a group named but not in the code, an unresolved name or
//!   parameter value, or an engine onus cannot tell.
//!
//! A parameter group that no database in the scan uses (its databases live
//! in another stack or module) is judged on its own, by its `Family`: met
//! when it sets the parameter on, not met otherwise; a group some database
//! in the scan uses is not applicable (judged on that database).
//!
//! Fix: give the database a parameter group with `rds.force_ssl: "1"` (or
//! `require_secure_transport: "ON"`).
//!
//! ## Examples
//! ```yaml Db=met
//! Resources:
//!   Tls:
//!     Type: AWS::RDS::DBParameterGroup
//!     Properties:
//!       Description: Require TLS
//!       Family: postgres16
//!       Parameters:
//!         rds.force_ssl: "1"
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.t3.micro
//!       DBParameterGroupName: !Ref Tls
//! ```
//! ```yaml fail
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.t3.micro
//! ```
//! ```yaml Cluster=not-met Member=not-applicable
//! Resources:
//!   Params:
//!     Type: AWS::RDS::DBClusterParameterGroup
//!     Properties:
//!       Description: cluster
//!       Family: aurora-mysql8.0
//!       Parameters:
//!         require_secure_transport: "OFF"
//!   Cluster:
//!     Type: AWS::RDS::DBCluster
//!     Properties:
//!       Engine: aurora-mysql
//!       DBClusterParameterGroupName: !Ref Params
//!   Member:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: aurora-mysql
//!       DBInstanceClass: db.r6g.large
//!       DBClusterIdentifier: !Ref Cluster
//! ```
//! A group whose databases are outside the scan:
//! ```hcl fail
//! resource "aws_db_parameter_group" "shared" {
//!   name   = "shared-postgres"
//!   family = "postgres16"
//!   parameter {
//!     name  = "log_connections"
//!     value = "1"
//!   }
//! }
//! ```
//! A group named but not in the template:
//! ```yaml unknown
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: mysql
//!       DBInstanceClass: db.t3.micro
//!       DBParameterGroupName: shared-mysql-tls
//! ```
//! ```hcl aws_db_instance.db=met
//! resource "aws_db_parameter_group" "tls" {
//!   family = "postgres16"
//!   parameter {
//!     name  = "rds.force_ssl"
//!     value = "1"
//!   }
//! }
//! resource "aws_db_instance" "db" {
//!   engine               = "postgres"
//!   instance_class       = "db.t3.micro"
//!   parameter_group_name = aws_db_parameter_group.tls.name
//! }
//! ```
//! ```hcl fail
//! resource "aws_db_instance" "db" {
//!   engine         = "postgres"
//!   instance_class = "db.t3.micro"
//! }
//! ```
//! By literal name, MySQL:
//! ```hcl aws_db_instance.db=met
//! resource "aws_db_parameter_group" "tls" {
//!   name   = "mysql-tls"
//!   family = "mysql8.0"
//!   parameter {
//!     name  = "require_secure_transport"
//!     value = "ON"
//!   }
//! }
//! resource "aws_db_instance" "db" {
//!   engine               = "mysql"
//!   instance_class       = "db.t3.micro"
//!   parameter_group_name = "mysql-tls"
//! }
//! ```
//! ```hcl aws_rds_cluster.db=not-met
//! resource "aws_rds_cluster_parameter_group" "params" {
//!   family = "aurora-postgresql15"
//! }
//! resource "aws_rds_cluster" "db" {
//!   engine                          = "aurora-postgresql"
//!   db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.params.name
//! }
//! ```

use crate::check::{Judgement, get, is_null, judge, prop, spelling, static_text, verdict_of};
use crate::context::{Context, local_id};
use crate::params::{Group, Groups, find, is_on, judge_parameter, parameter, users};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "rds.tls-enforced",
    title: "RDS databases require TLS connections",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: &[
        "AWS::RDS::DBInstance",
        "AWS::RDS::DBCluster",
        "AWS::RDS::DBParameterGroup",
        "AWS::RDS::DBClusterParameterGroup",
    ],
    tf_types: &[
        "aws_db_instance",
        "aws_rds_cluster",
        "aws_db_parameter_group",
        "aws_rds_cluster_parameter_group",
    ],
    reads: &[],
    controls: Controls {
        fsbp: &["RDS.38", "RDS.39", "RDS.41", "RDS.44"],
        config: &[
            "RDS_POSTGRES_INSTANCE_ENCRYPTED_IN_TRANSIT",
            "RDS_MYSQL_INSTANCE_ENCRYPTED_IN_TRANSIT",
            "RDS_SQLSERVER_ENCRYPTED_IN_TRANSIT",
            "RDS_MARIADB_INSTANCE_ENCRYPTED_IN_TRANSIT",
        ],
        cis: &[],
    },
    peers: &[checkov("CKV2_AWS_69", Same)],
    check,
    file: file!(),
};

/// The TLS parameter an engine (or parameter-group family) uses.
fn tls_parameter(engine: &str) -> Option<&'static str> {
    let e = engine.to_ascii_lowercase();
    if e.starts_with("aurora-postgresql") || e.starts_with("postgres") || e.starts_with("sqlserver")
    {
        Some("rds.force_ssl")
    } else if e.starts_with("aurora") || e.starts_with("mysql") || e.starts_with("mariadb") {
        Some("require_secure_transport")
    } else {
        None
    }
}

/// A parameter group no database in the scan uses is judged on its own.
fn check_group(group: &Resource, cx: &Context) -> Verdict {
    let parents: &[(&str, &str)] = match group.resource_type.as_str() {
        "AWS::RDS::DBParameterGroup" => &[("AWS::RDS::DBInstance", "DBParameterGroupName")],
        "AWS::RDS::DBClusterParameterGroup" => {
            &[("AWS::RDS::DBCluster", "DBClusterParameterGroupName")]
        }
        "aws_db_parameter_group" => &[
            ("aws_db_instance", "parameter_group_name"),
            ("aws_rds_cluster_instance", "db_parameter_group_name"),
        ],
        _ => &[("aws_rds_cluster", "db_cluster_parameter_group_name")],
    };
    let name = if group.resource_type == "AWS::RDS::DBClusterParameterGroup" {
        ("DBClusterParameterGroupName", "name")
    } else {
        ("DBParameterGroupName", "name")
    };
    if let Some(user) = users(group, cx, parents, name).first() {
        return Verdict::not_applicable(
            group,
            format!("judged on {}, which uses this group", user.id),
        );
    }
    let family = match static_text(group, "Family", "family") {
        Err(unknown) => return unknown,
        Ok(f) => f,
    };
    match family.and_then(tls_parameter) {
        Some(param) => judge_parameter(group, param, false, is_on, "TLS required"),
        None => Verdict::not_applicable(
            group,
            format!(
                "family {} has no TLS-enforcing parameter",
                family.unwrap_or("(not set)")
            ),
        ),
    }
}

fn check(resource: &Resource, cx: &Context) -> Verdict {
    if resource.resource_type.contains("arameter") {
        return check_group(resource, cx);
    }
    let tf = resource.format.is_terraform();
    let cluster = matches!(
        resource.resource_type.as_str(),
        "AWS::RDS::DBCluster" | "aws_rds_cluster"
    );
    if let Some(na) = crate::rds::cluster_member(
        resource,
        "TLS is enforced by the cluster parameter group, evaluated on the cluster",
    ) {
        return na;
    }
    let engine_node = get(resource, spelling(resource, "Engine", "engine"));
    let engine = engine_node.and_then(Node::as_str);
    if let Some(e) = engine.filter(|e| tls_parameter(e).is_none()) {
        return Verdict::not_applicable(
            resource,
            format!("engine {e} has no TLS-enforcing parameter in its parameter group"),
        );
    }
    let groups = match (cluster, tf) {
        (false, false) => Groups {
            types: &["AWS::RDS::DBParameterGroup"],
            name: ("DBParameterGroupName", ""),
        },
        (true, false) => Groups {
            types: &["AWS::RDS::DBClusterParameterGroup"],
            name: ("DBClusterParameterGroupName", ""),
        },
        (false, true) => Groups {
            types: &["aws_db_parameter_group"],
            name: ("", "name"),
        },
        (true, true) => Groups {
            types: &["aws_rds_cluster_parameter_group"],
            name: ("", "name"),
        },
    };
    let (node, path) = if cluster {
        prop(
            resource,
            "DBClusterParameterGroupName",
            "db_cluster_parameter_group_name",
        )
    } else {
        prop(resource, "DBParameterGroupName", "parameter_group_name")
    };
    let Some(node) = node else {
        return Verdict::missing(
            resource,
            path,
            format!("{path} is not set: the default parameter group does not require TLS"),
        );
    };
    let engine_unknown = engine_node.is_some() && engine.is_none();
    let j = judge(node, &mut |n| {
        let group = match find(resource, cx, n, &groups) {
            Ok(Group::InCode(g)) => g,
            Ok(Group::Default(None)) => {
                return Judgement::no(
                    n,
                    format!(
                        "{path} is left unset by a condition: the default group does not require TLS"
                    ),
                );
            }
            Ok(Group::Default(Some(name))) => {
                return Judgement::no(
                    n,
                    format!("{path} is the default group {name:?}, which does not require TLS"),
                );
            }
            Err(j) => return j,
        };
        let gid = local_id(group);
        let family = get(group, spelling(group, "Family", "family")).and_then(Node::as_str);
        let Some(param) = engine.or(family).and_then(tls_parameter) else {
            let what = if engine_unknown {
                "the engine is not known statically".to_owned()
            } else {
                format!("the engine of {gid} is not known")
            };
            return Judgement::Unknown(n.span, what);
        };
        let value = parameter(group, param);
        match value {
            None => Judgement::no(
                n,
                format!("parameter group {gid} does not set {param}: TLS is not required"),
            ),
            Some(v) => judge(v, &mut |v| {
                if is_null(v) {
                    Judgement::no(n, format!("{gid} leaves {param} unset under a condition"))
                } else {
                    Judgement::from_bool(is_on(v), n, || {
                        format!("parameter group {gid} sets {param} off: TLS is not required")
                    })
                }
            }),
        }
    });
    let j = match j {
        Judgement::Unknown(_, what) => Judgement::Unknown(node.span, what),
        other => other,
    };
    verdict_of(
        resource,
        node,
        path,
        j,
        format!("the parameter group in {path} requires TLS"),
    )
}
