//! # redshift.not-public: Redshift clusters are not publicly accessible
//!
//! ## Why this is your duty
//! Redshift is a container service: AWS runs the cluster, but whether it
//! gets a public endpoint is your network configuration. A publicly
//! accessible cluster is reachable from the internet wherever its security
//! groups allow.
//!
//! ## What AWS already does
//! Places the cluster in your VPC with a private endpoint unless you ask for
//! a public one: the `CreateCluster` API default for `PubliclyAccessible` is
//! false (Redshift API reference; part of the secure-by-default change of
//! January 2025), and CloudFormation leaves an absent property to it. The
//! Terraform AWS provider defaults `publicly_accessible` to false since v6
//! (v6 upgrade guide); v5 and earlier defaulted it to true and sent it, so a
//! cluster created with them without the argument is public.
//!
//! ## Verdicts
//! - met: `PubliclyAccessible: false` / `publicly_accessible = false`; met by
//!   default when absent;
//! - not met: true;
//! - unknown: the flag comes from a value onus cannot resolve.
//!
//! Fix: set `PubliclyAccessible: false` and reach the cluster through the
//! VPC.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Warehouse:
//!     Type: AWS::Redshift::Cluster
//!     Properties:
//!       ClusterType: single-node
//!       NodeType: ra3.large
//!       DBName: analytics
//!       MasterUsername: admin
//!       ManageMasterPassword: true
//! ```
//! ```yaml fail
//! Resources:
//!   Warehouse:
//!     Type: AWS::Redshift::Cluster
//!     Properties:
//!       ClusterType: single-node
//!       NodeType: ra3.large
//!       DBName: analytics
//!       MasterUsername: admin
//!       ManageMasterPassword: true
//!       PubliclyAccessible: true
//! ```
//! ```hcl pass
//! resource "aws_redshift_cluster" "warehouse" {
//!   cluster_identifier     = "warehouse"
//!   cluster_type           = "single-node"
//!   node_type              = "ra3.large"
//!   master_username        = "admin"
//!   manage_master_password = true
//!   publicly_accessible    = false
//! }
//! ```
//! ```hcl fail
//! resource "aws_redshift_cluster" "warehouse" {
//!   cluster_identifier     = "warehouse"
//!   cluster_type           = "single-node"
//!   node_type              = "ra3.large"
//!   master_username        = "admin"
//!   manage_master_password = true
//!   publicly_accessible    = true
//! }
//! ```

use crate::check::{Judgement, is_null, judge, prop, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "redshift.not-public",
    title: "Redshift clusters are not publicly accessible",
    duty: Duty::NetworkExposure,
    severity: Severity::High,
    cfn_types: &["AWS::Redshift::Cluster"],
    tf_types: &["aws_redshift_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &["Redshift.1"],
        config: &["REDSHIFT_CLUSTER_PUBLIC_ACCESS_CHECK"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_87", Same),
        guard("REDSHIFT_CLUSTER_PUBLIC_ACCESS_CHECK", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let (node, path) = prop(resource, "PubliclyAccessible", "publicly_accessible");
    let Some(node) = node else {
        return Verdict::met_by_default(
            resource,
            path,
            format!("{path} defaults to false: the cluster is private"),
        );
    };
    let j = judge(node, &mut |n| match n.as_bool() {
        Some(b) => Judgement::from_bool(!b, n, || {
            format!("{path} is true: the cluster has a public endpoint")
        }),
        None if is_null(n) => Judgement::Yes,
        None => Judgement::no(n, format!("{path} is not a boolean")),
    });
    verdict_of(
        resource,
        node,
        path,
        j,
        format!("{path} is false: the cluster is private"),
    )
}
