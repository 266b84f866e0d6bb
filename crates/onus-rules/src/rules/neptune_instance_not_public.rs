//! # neptune.instance-not-public: Neptune instances are not publicly accessible
//!
//! ## Why this is your duty
//! Neptune is a container service: AWS runs the graph engine, but where
//! *your* instances can be reached from is the network-exposure duty the
//! model leaves to the customer. A publicly accessible instance resolves to
//! a public address; only its security groups and IAM authentication stand
//! between the internet and the graph.
//!
//! ## What AWS already does
//! Places instances in your VPC with private addresses: `publicly_accessible`
//! defaults to false (public endpoints are opt-in, added in 2024).
//!
//! ## Verdicts
//! - met: `publicly_accessible` is false or absent;
//! - not met: true;
//! - unknown: the value comes from a value onus cannot resolve.
//!
//! The CloudFormation `AWS::Neptune::DBInstance` has no such property.
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_neptune_cluster_instance" "graph" {
//!   cluster_identifier = "graph"
//!   instance_class     = "db.r6g.large"
//! }
//! ```
//! ```hcl fail
//! resource "aws_neptune_cluster_instance" "graph" {
//!   cluster_identifier  = "graph"
//!   instance_class      = "db.r6g.large"
//!   publicly_accessible = true
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "neptune.instance-not-public",
    title: "Neptune instances are not publicly accessible",
    duty: Duty::NetworkExposure,
    severity: Severity::High,
    cfn_types: &[],
    tf_types: &["aws_neptune_cluster_instance"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_102", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "",
        "publicly_accessible",
        false,
        false,
        "private placement",
    )
}
