//! # redshift.custom-admin-username: Redshift clusters do not use a well-known administrator name
//!
//! ## Why this is your duty
//! Redshift is a container service: AWS creates the admin user you ask for,
//! and who may log in as it is access control, the customer's side of the
//! model. The console's default `awsuser`, or `admin`, leaves only the
//! password to guess.
//!
//! ## What AWS already does
//! Requires an admin user name when a cluster is created (not when it is
//! restored from a snapshot); the console has always proposed `awsuser`.
//!
//! ## Verdicts
//! - met: `MasterUsername` / `master_username` is not one of `admin`,
//!   `administrator`, `awsuser`, `master`, `postgres`, `root`, `sa` (ignoring
//!   case), or comes from a reference;
//! - not met: it is one of them;
//! - not applicable: no admin name (a cluster restored from a snapshot);
//! - unknown: the name comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Warehouse:
//!     Type: AWS::Redshift::Cluster
//!     Properties:
//!       ClusterType: multi-node
//!       NodeType: ra3.xlplus
//!       NumberOfNodes: 2
//!       DBName: analytics
//!       MasterUsername: analytics_owner
//!       ManageMasterPassword: true
//! ```
//! ```yaml fail
//! Resources:
//!   Warehouse:
//!     Type: AWS::Redshift::Cluster
//!     Properties:
//!       ClusterType: single-node
//!       NodeType: ra3.xlplus
//!       DBName: analytics
//!       MasterUsername: awsuser
//!       ManageMasterPassword: true
//! ```
//! ```hcl pass
//! resource "aws_redshift_cluster" "warehouse" {
//!   cluster_identifier     = "warehouse"
//!   node_type              = "ra3.xlplus"
//!   number_of_nodes        = 2
//!   master_username        = "analytics_owner"
//!   manage_master_password = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_redshift_cluster" "warehouse" {
//!   cluster_identifier     = "warehouse"
//!   node_type              = "ra3.xlplus"
//!   master_username        = "admin"
//!   manage_master_password = true
//! }
//! ```

use crate::check::{DEFAULT_ADMIN_NAMES, require_not_in};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "redshift.custom-admin-username",
    title: "Redshift clusters do not use a well-known administrator user name",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &["AWS::Redshift::Cluster"],
    tf_types: &["aws_redshift_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &["Redshift.8"],
        config: &["REDSHIFT_DEFAULT_ADMIN_CHECK"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_391", Related)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_not_in(
        resource,
        "MasterUsername",
        "master_username",
        DEFAULT_ADMIN_NAMES,
        "a well-known administrator name",
        |path| {
            Verdict::not_applicable(
                resource,
                format!("{path} is not set: a restored cluster keeps its snapshot's admin user"),
            )
        },
    )
}
