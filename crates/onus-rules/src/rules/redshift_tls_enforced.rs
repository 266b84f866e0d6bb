//! # redshift.tls-enforced: Redshift clusters require SSL connections
//!
//! ## Why this is your duty
//! Redshift is a container service: AWS installs ACM certificates on every
//! cluster, but whether it refuses plaintext clients is the `require_ssl`
//! parameter of the parameter group you choose. Protecting data in transit is
//! the customer's side of the model.
//!
//! ## What AWS already does
//! Gives a cluster that names no group the default group of the default
//! family, `default.redshift-2.0`, whose `require_ssl` is true "as of
//! January 10, 2025" (Management Guide, "Amazon Redshift parameter groups");
//! a custom group starts with its family's default values. The guide
//! documented the `redshift-1.0` family (the only one before `redshift-2.0`)
//! with `require_ssl` false, and documents no change for it.
//!
//! ## Verdicts
//! The group is the cluster's `ClusterParameterGroupName` /
//! `cluster_parameter_group_name`, found by reference or by its literal
//! `ParameterGroupName` / `name` among the groups in the code.
//! - met: no group named (the current default), `default.redshift-2.0`, or a
//!   group that sets `require_ssl` true (or leaves it unset in family
//!   `redshift-2.0`);
//! - not met: `default.redshift-1.0`, or a group that sets it false or leaves
//!   it unset in family `redshift-1.0`;
//! - unknown: a group named but not in the code, or an unresolved value.
//!
//! A parameter group that no cluster in the scan uses is judged on its own.
//!
//! ## Examples
//! ```yaml Warehouse=met
//! Resources:
//!   Params:
//!     Type: AWS::Redshift::ClusterParameterGroup
//!     Properties:
//!       Description: require SSL
//!       ParameterGroupFamily: redshift-1.0
//!       Parameters:
//!         - ParameterName: require_ssl
//!           ParameterValue: "true"
//!   Warehouse:
//!     Type: AWS::Redshift::Cluster
//!     Properties:
//!       ClusterType: single-node
//!       NodeType: ra3.xlplus
//!       DBName: analytics
//!       MasterUsername: analytics_owner
//!       ManageMasterPassword: true
//!       ClusterParameterGroupName: !Ref Params
//! ```
//! ```yaml fail
//! Resources:
//!   Params:
//!     Type: AWS::Redshift::ClusterParameterGroup
//!     Properties:
//!       Description: shared
//!       ParameterGroupFamily: redshift-1.0
//!       Parameters:
//!         - ParameterName: enable_user_activity_logging
//!           ParameterValue: "true"
//! ```
//! ```hcl pass
//! resource "aws_redshift_cluster" "warehouse" {
//!   cluster_identifier     = "warehouse"
//!   node_type              = "ra3.xlplus"
//!   master_username        = "analytics_owner"
//!   manage_master_password = true
//! }
//! ```
//! ```hcl aws_redshift_cluster.warehouse=not-met
//! resource "aws_redshift_parameter_group" "params" {
//!   name   = "warehouse"
//!   family = "redshift-1.0"
//!   parameter {
//!     name  = "require_ssl"
//!     value = "false"
//!   }
//! }
//! resource "aws_redshift_cluster" "warehouse" {
//!   cluster_identifier           = "warehouse"
//!   node_type                    = "ra3.xlplus"
//!   master_username              = "analytics_owner"
//!   manage_master_password       = true
//!   cluster_parameter_group_name = aws_redshift_parameter_group.params.name
//! }
//! ```

use crate::check::{Judgement, get, is_null, judge, prop, spelling, verdict_of};
use crate::context::Context;
use crate::context::local_id;
use crate::params::{Group, Groups, find, is_on, judge_parameter, parameter, users};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "redshift.tls-enforced",
    title: "Redshift clusters require SSL connections",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: &[
        "AWS::Redshift::Cluster",
        "AWS::Redshift::ClusterParameterGroup",
    ],
    tf_types: &["aws_redshift_cluster", "aws_redshift_parameter_group"],
    reads: &[],
    controls: Controls {
        fsbp: &["Redshift.2"],
        config: &["REDSHIFT_REQUIRE_TLS_SSL"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_105", Same)],
    check,
    file: file!(),
};

const GROUPS: Groups = Groups {
    types: &[
        "AWS::Redshift::ClusterParameterGroup",
        "aws_redshift_parameter_group",
    ],
    name: ("ParameterGroupName", "name"),
};

/// Whether a group of this family requires SSL when it leaves `require_ssl` unset.
fn family_default(group: &Resource) -> Option<bool> {
    let family = get(group, spelling(group, "ParameterGroupFamily", "family"))?.as_str()?;
    Some(family.eq_ignore_ascii_case("redshift-2.0"))
}

fn check(resource: &Resource, cx: &Context) -> Verdict {
    if GROUPS.types.contains(&resource.resource_type.as_str()) {
        let parents = [
            ("AWS::Redshift::Cluster", "ClusterParameterGroupName"),
            ("aws_redshift_cluster", "cluster_parameter_group_name"),
        ];
        if let Some(user) = users(resource, cx, &parents, GROUPS.name).first() {
            return Verdict::not_applicable(
                resource,
                format!("judged on {}, which uses this group", user.id),
            );
        }
        let default = family_default(resource).unwrap_or(false);
        return judge_parameter(resource, "require_ssl", default, is_on, "SSL required");
    }
    let (node, path) = prop(
        resource,
        "ClusterParameterGroupName",
        "cluster_parameter_group_name",
    );
    let Some(node) = node else {
        return Verdict::met_by_default(
            resource,
            path,
            "no parameter group named: new clusters use default.redshift-2.0, which requires SSL",
        );
    };
    let j = judge(node, &mut |n| match find(resource, cx, n, &GROUPS) {
        Err(j) => j,
        Ok(Group::Default(None)) => Judgement::Yes,
        Ok(Group::Default(Some(name))) => Judgement::from_bool(
            !name.eq_ignore_ascii_case("default.redshift-1.0"),
            n,
            || format!("{name} does not require SSL"),
        ),
        Ok(Group::InCode(group)) => match parameter(group, "require_ssl") {
            None => Judgement::from_bool(family_default(group).unwrap_or(false), n, || {
                format!(
                    "parameter group {} leaves require_ssl false",
                    local_id(group)
                )
            }),
            Some(v) => judge(v, &mut |v| {
                Judgement::from_bool(!is_null(v) && is_on(v), v, || {
                    format!("parameter group {} does not require SSL", local_id(group))
                })
            }),
        },
    });
    verdict_of(
        resource,
        node,
        path,
        j,
        format!("the parameter group in {path} requires SSL"),
    )
}
