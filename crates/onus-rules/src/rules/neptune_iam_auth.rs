//! # neptune.iam-auth: Neptune clusters require IAM database authentication
//!
//! ## Why this is your duty
//! Neptune is a container service: AWS runs the graph engine, but who may
//! connect to *your* database is access control, which the model leaves to
//! the customer in every category. With IAM authentication each request is
//! signed with SigV4 and authorised by IAM policy; without it, anyone who
//! reaches the endpoint inside the VPC can query the graph.
//!
//! ## What AWS already does
//! Serves the endpoint only inside your VPC, behind your security groups;
//! IAM database authentication is off by default.
//!
//! ## Verdicts
//! - met: `IamAuthEnabled` (`iam_database_authentication_enabled`) is true;
//! - not met: false or absent (default false);
//! - unknown: the value comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Graph:
//!     Type: AWS::Neptune::DBCluster
//!     Properties:
//!       IamAuthEnabled: true
//! ```
//! ```yaml fail
//! Resources:
//!   Graph:
//!     Type: AWS::Neptune::DBCluster
//!     Properties:
//!       StorageEncrypted: true
//! ```
//! ```hcl pass
//! resource "aws_neptune_cluster" "graph" {
//!   cluster_identifier                  = "graph"
//!   iam_database_authentication_enabled = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_neptune_cluster" "graph" {
//!   cluster_identifier                  = "graph"
//!   iam_database_authentication_enabled = false
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "neptune.iam-auth",
    title: "Neptune cluster requires IAM database authentication",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &["AWS::Neptune::DBCluster"],
    tf_types: &["aws_neptune_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &["Neptune.7"],
        config: &["NEPTUNE_CLUSTER_IAM_DATABASE_AUTHENTICATION"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_359", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "IamAuthEnabled",
        "iam_database_authentication_enabled",
        true,
        false,
        "IAM database authentication",
    )
}
