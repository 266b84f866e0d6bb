//! # rds.cluster-multi-az: RDS DB clusters have instances in more than one Availability Zone
//!
//! ## Why this is your duty
//! Aurora is a container service: AWS keeps six copies of the storage in
//! three zones, but compute fails over only to an instance you created. A
//! cluster with a single instance is down until AWS builds a new one in a
//! healthy zone (often ten minutes or more); a reader in another zone takes
//! over in about a minute. Choosing that topology is yours.
//!
//! ## What AWS already does
//! Creates no instances for an Aurora cluster: each is a separate resource
//! you declare, and RDS spreads readers over zones unless you pin them. A
//! Multi-AZ DB cluster (`DBClusterInstanceClass`, since March 2022) always
//! runs a writer and two readers in three zones.
//!
//! ## Verdicts
//! The cluster's instances are the `AWS::RDS::DBInstance` resources whose
//! `DBClusterIdentifier` (Terraform `aws_rds_cluster_instance` whose
//! `cluster_identifier`) names it, by reference or literal identifier.
//! - met: a Multi-AZ DB cluster (`DBClusterInstanceClass` /
//!   `db_cluster_instance_class`), or two or more instances not all pinned
//!   to the same `AvailabilityZone`;
//! - not met: one instance, or every instance pinned to one zone;
//! - not applicable: Aurora Serverless v1 (`EngineMode: serverless`), which
//!   has no instances to place;
//! - unknown: no instance in the code joins the cluster, or an instance's
//!   `count` / `for_each` is not static.
//!
//! ## Examples
//! ```yaml Cluster=met
//! Resources:
//!   Cluster:
//!     Type: AWS::RDS::DBCluster
//!     Properties:
//!       Engine: aurora-postgresql
//!   Writer:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: aurora-postgresql
//!       DBInstanceClass: db.r6g.large
//!       DBClusterIdentifier: !Ref Cluster
//!   Reader:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: aurora-postgresql
//!       DBInstanceClass: db.r6g.large
//!       DBClusterIdentifier: !Ref Cluster
//! ```
//! ```yaml Cluster=not-met
//! Resources:
//!   Cluster:
//!     Type: AWS::RDS::DBCluster
//!     Properties:
//!       Engine: aurora-postgresql
//!   Writer:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: aurora-postgresql
//!       DBInstanceClass: db.r6g.large
//!       DBClusterIdentifier: !Ref Cluster
//! ```
//! ```hcl aws_rds_cluster.orders=met
//! resource "aws_rds_cluster" "orders" {
//!   cluster_identifier = "orders"
//!   engine             = "aurora-mysql"
//! }
//! resource "aws_rds_cluster_instance" "member" {
//!   count              = 2
//!   cluster_identifier = aws_rds_cluster.orders.id
//!   engine             = "aurora-mysql"
//!   instance_class     = "db.r6g.large"
//! }
//! ```
//! ```hcl aws_rds_cluster.orders=not-met
//! resource "aws_rds_cluster" "orders" {
//!   cluster_identifier = "orders"
//!   engine             = "aurora-mysql"
//! }
//! resource "aws_rds_cluster_instance" "a" {
//!   cluster_identifier = "orders"
//!   engine             = "aurora-mysql"
//!   instance_class     = "db.r6g.large"
//!   availability_zone  = "eu-west-1a"
//! }
//! resource "aws_rds_cluster_instance" "b" {
//!   cluster_identifier = "orders"
//!   engine             = "aurora-mysql"
//!   instance_class     = "db.r6g.large"
//!   availability_zone  = "eu-west-1a"
//! }
//! ```

use crate::check::{get, spelling, static_text};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "rds.cluster-multi-az",
    title: "RDS DB clusters have instances in more than one Availability Zone",
    duty: Duty::Resilience,
    severity: Severity::Medium,
    cfn_types: &["AWS::RDS::DBCluster"],
    tf_types: &["aws_rds_cluster"],
    reads: &["AWS::RDS::DBInstance", "aws_rds_cluster_instance"],
    controls: Controls {
        fsbp: &["RDS.15"],
        config: &["RDS_CLUSTER_MULTI_AZ_ENABLED"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let class = spelling(
        resource,
        "DBClusterInstanceClass",
        "db_cluster_instance_class",
    );
    if let Some(node) = get(resource, class) {
        return Verdict::met(
            resource,
            node.span,
            class,
            "a Multi-AZ DB cluster: a writer and two readers in three zones",
        );
    }
    match static_text(resource, "EngineMode", "engine_mode") {
        Err(unknown) => return unknown,
        Ok(Some(m)) if m.eq_ignore_ascii_case("serverless") => {
            return Verdict::not_applicable(
                resource,
                "Aurora Serverless v1 has no instances to place in zones",
            );
        }
        Ok(_) => {}
    }
    let (types, attr): (&[&str], &str) = if resource.format.is_terraform() {
        (&["aws_rds_cluster_instance"], "cluster_identifier")
    } else {
        (&["AWS::RDS::DBInstance"], "DBClusterIdentifier")
    };
    let name = spelling(resource, "DBClusterIdentifier", "cluster_identifier");
    let members = cx.linked(resource, types, attr, Some(name));
    if let Some(m) = members.iter().find(|m| m.id.ends_with("[*]")) {
        return Verdict::unknown(
            resource,
            resource.name_span,
            "",
            format!(
                "how many instances {} creates (its count is not static)",
                m.id
            ),
        );
    }
    match members.len() {
        0 => Verdict::unknown(
            resource,
            resource.name_span,
            "",
            "the cluster's instances: none in the code names this cluster",
        ),
        1 => Verdict::not_met(
            resource,
            resource.name_span,
            "",
            format!(
                "one instance ({}): no standby in another zone",
                members[0].id
            ),
        ),
        n => {
            let zone = |m: &Resource| {
                get(m, spelling(m, "AvailabilityZone", "availability_zone"))
                    .and_then(Node::as_str)
                    .map(str::to_owned)
            };
            let zones: Vec<Option<String>> = members.iter().map(|m| zone(m)).collect();
            match &zones[0] {
                Some(z) if zones.iter().all(|o| o.as_deref() == Some(z)) => Verdict::not_met(
                    resource,
                    resource.name_span,
                    "",
                    format!("all {n} instances are pinned to {z}"),
                ),
                _ => Verdict::met(
                    resource,
                    resource.name_span,
                    "",
                    format!("{n} instances, not pinned to one zone"),
                ),
            }
        }
    }
}
