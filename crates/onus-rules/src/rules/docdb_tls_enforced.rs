//! # docdb.tls-enforced: DocumentDB clusters require TLS connections
//!
//! ## Why this is your duty
//! DocumentDB is a container service: AWS installs the certificates, but
//! whether the cluster refuses plaintext clients is the `tls` parameter of
//! the cluster parameter group you choose. Protecting data in transit is
//! the customer's side of the model.
//!
//! ## What AWS already does
//! Requires TLS on every new cluster: `tls` has been `enabled` in the
//! default cluster parameter groups since DocumentDB launched in January
//! 2019, and a custom group keeps that value unless you change it.
//!
//! ## Verdicts
//! The group is the cluster's `DBClusterParameterGroupName` /
//! `db_cluster_parameter_group_name`, found by reference or by its literal
//! `Name` / `name` among the groups in the code.
//! - met: no group named or a `default.*` group (TLS on), or the group
//!   leaves `tls` unset or sets `enabled`, `tls1.2+`, `tls1.3+` or
//!   `fips-140-3`;
//! - not met: the group sets `tls` to `disabled`;
//! - unknown: a group named but not in the code, or an unresolved value.
//!
//! A parameter group that no cluster in the scan uses is judged on its own
//! (not met when it disables TLS); one a cluster uses is judged there.
//!
//! ## Examples
//! ```yaml Docs=met
//! Resources:
//!   Params:
//!     Type: AWS::DocDB::DBClusterParameterGroup
//!     Properties:
//!       Description: docs
//!       Family: docdb5.0
//!       Parameters:
//!         tls: tls1.2+
//!   Docs:
//!     Type: AWS::DocDB::DBCluster
//!     Properties:
//!       DBClusterParameterGroupName: !Ref Params
//! ```
//! ```yaml fail
//! Resources:
//!   Params:
//!     Type: AWS::DocDB::DBClusterParameterGroup
//!     Properties:
//!       Description: docs
//!       Family: docdb5.0
//!       Parameters:
//!         tls: disabled
//! ```
//! ```hcl pass
//! resource "aws_docdb_cluster" "docs" {
//!   cluster_identifier = "docs"
//! }
//! ```
//! ```hcl aws_docdb_cluster.docs=not-met
//! resource "aws_docdb_cluster_parameter_group" "params" {
//!   name   = "docs"
//!   family = "docdb5.0"
//!   parameter {
//!     name  = "tls"
//!     value = "disabled"
//!   }
//! }
//! resource "aws_docdb_cluster" "docs" {
//!   cluster_identifier              = "docs"
//!   db_cluster_parameter_group_name = "docs"
//! }
//! ```

use crate::check::{Judgement, is_null, judge, prop, verdict_of};
use crate::context::{Context, local_id};
use crate::params::{Group, Groups, find, judge_parameter, parameter, users};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "docdb.tls-enforced",
    title: "DocumentDB clusters require TLS connections",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: &[
        "AWS::DocDB::DBCluster",
        "AWS::DocDB::DBClusterParameterGroup",
    ],
    tf_types: &["aws_docdb_cluster", "aws_docdb_cluster_parameter_group"],
    reads: &[],
    controls: Controls {
        fsbp: &["DocumentDB.6"],
        config: &["DOCDB_CLUSTER_ENCRYPTED_IN_TRANSIT"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_90", Same)],
    check,
    file: file!(),
};

const GROUPS: Groups = Groups {
    types: &[
        "AWS::DocDB::DBClusterParameterGroup",
        "aws_docdb_cluster_parameter_group",
    ],
    name: ("Name", "name"),
};

fn tls_on(n: &Node) -> bool {
    n.scalar_text()
        .is_some_and(|s| !s.eq_ignore_ascii_case("disabled"))
}

fn check(resource: &Resource, cx: &Context) -> Verdict {
    if GROUPS.types.contains(&resource.resource_type.as_str()) {
        let parents = [
            ("AWS::DocDB::DBCluster", "DBClusterParameterGroupName"),
            ("aws_docdb_cluster", "db_cluster_parameter_group_name"),
        ];
        if let Some(user) = users(resource, cx, &parents, GROUPS.name).first() {
            return Verdict::not_applicable(
                resource,
                format!("judged on {}, which uses this group", user.id),
            );
        }
        return judge_parameter(resource, "tls", true, tls_on, "TLS required");
    }
    let (node, path) = prop(
        resource,
        "DBClusterParameterGroupName",
        "db_cluster_parameter_group_name",
    );
    let Some(node) = node else {
        return Verdict::met_by_default(
            resource,
            path,
            "the default cluster parameter group requires TLS",
        );
    };
    let j = judge(node, &mut |n| match find(resource, cx, n, &GROUPS) {
        Err(j) => j,
        Ok(Group::Default(_)) => Judgement::Yes,
        Ok(Group::InCode(group)) => match parameter(group, "tls") {
            None => Judgement::Yes,
            Some(v) => judge(v, &mut |v| {
                Judgement::from_bool(is_null(v) || tls_on(v), v, || {
                    format!("parameter group {} sets tls to disabled", local_id(group))
                })
            }),
        },
    });
    verdict_of(
        resource,
        node,
        path,
        j,
        format!("the parameter group in {path} requires TLS"),
    )
}
