//! # eks.supported-version: EKS clusters and node groups run a Kubernetes version in standard support
//!
//! ## Why this is your duty
//! EKS is a container service: AWS patches the control plane within a minor
//! version, but choosing the Kubernetes version and upgrading before it
//! leaves support is yours, as is the kubelet version of managed node groups
//! (infrastructure: you trigger their updates). A version past standard
//! support gets fewer fixes (extended support, at extra cost) and is
//! force-upgraded when extended support ends.
//!
//! ## What AWS already does
//! Supports each minor version for 14 months (standard support), then 12
//! months of paid extended support, then upgrades the cluster automatically.
//! A cluster created without a version gets the current default version.
//!
//! ## Verdicts
//! Versions as of November 2026 (the EKS release calendar): 1.34 (standard
//! support to 2 Dec 2026), 1.35 and newer are in standard support; 1.32 and
//! 1.33 are in extended support only; 1.31 and older are past it.
//! - met: `Version` / `version` is 1.34 or newer, or absent on a cluster (the
//!   default version); a node group without a version follows its cluster's;
//! - not met: an older version;
//! - unknown: the version (or the cluster of a node group without a version)
//!   is not resolvable.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Cluster:
//!     Type: AWS::EKS::Cluster
//!     Properties:
//!       Version: "1.35"
//!       RoleArn: arn:aws:iam::111122223333:role/eks
//!   Nodes:
//!     Type: AWS::EKS::Nodegroup
//!     Properties:
//!       ClusterName: !Ref Cluster
//!       NodeRole: arn:aws:iam::111122223333:role/node
//!       Subnets: [subnet-0123456789abcdef0]
//! ```
//! ```yaml Cluster=not-met Nodes=not-met
//! Resources:
//!   Cluster:
//!     Type: AWS::EKS::Cluster
//!     Properties:
//!       Version: "1.29"
//!       RoleArn: arn:aws:iam::111122223333:role/eks
//!   Nodes:
//!     Type: AWS::EKS::Nodegroup
//!     Properties:
//!       ClusterName: !Ref Cluster
//!       NodeRole: arn:aws:iam::111122223333:role/node
//!       Subnets: [subnet-0123456789abcdef0]
//! ```
//! ```hcl pass
//! resource "aws_eks_cluster" "main" {
//!   name     = "main"
//!   version  = "1.35"
//!   role_arn = "arn:aws:iam::111122223333:role/eks"
//!   vpc_config {
//!     subnet_ids = ["subnet-0123456789abcdef0"]
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_eks_cluster" "main" {
//!   name     = "main"
//!   version  = "1.29"
//!   role_arn = "arn:aws:iam::111122223333:role/eks"
//!   vpc_config {
//!     subnet_ids = ["subnet-0123456789abcdef0"]
//!   }
//! }
//! ```
//! ```hcl aws_eks_cluster.main=met aws_eks_node_group.nodes=not-met
//! resource "aws_eks_cluster" "main" {
//!   name     = "main"
//!   role_arn = "arn:aws:iam::111122223333:role/eks"
//!   vpc_config {
//!     subnet_ids = ["subnet-0123456789abcdef0"]
//!   }
//! }
//! resource "aws_eks_node_group" "nodes" {
//!   cluster_name  = aws_eks_cluster.main.name
//!   node_role_arn = "arn:aws:iam::111122223333:role/node"
//!   subnet_ids    = ["subnet-0123456789abcdef0"]
//!   version       = "1.30"
//!   scaling_config {
//!     desired_size = 1
//!     max_size     = 1
//!     min_size     = 1
//!   }
//! }
//! ```

use crate::check::{Judgement, get, is_null, judge, spelling, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "eks.supported-version",
    title: "EKS clusters and node groups run a Kubernetes version in standard support",
    duty: Duty::PlatformPatching,
    severity: Severity::Medium,
    cfn_types: &["AWS::EKS::Cluster", "AWS::EKS::Nodegroup"],
    tf_types: &["aws_eks_cluster", "aws_eks_node_group"],
    reads: &[],
    controls: Controls {
        fsbp: &["EKS.2", "EKS.9"],
        config: &[
            "EKS_CLUSTER_SUPPORTED_VERSION",
            "EKS_NODEGROUP_SUPPORTED_VERSION_CHECK",
        ],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_339", Same)],
    check,
    file: file!(),
};

/// The oldest minor version (1.x) in standard support, November 2026.
const OLDEST_STANDARD: u32 = 34;
/// The oldest minor version in extended support, November 2026.
const OLDEST_EXTENDED: u32 = 32;

fn minor(text: &str) -> Option<u32> {
    let mut parts = text.trim().split('.');
    if parts.next()? != "1" {
        return None;
    }
    parts.next()?.parse().ok()
}

fn judge_version(resource: &Resource, node: &Node, path: &str, whose: &str) -> Verdict {
    let j = judge(node, &mut |n| match n.scalar_text() {
        Some(v) => match minor(&v) {
            Some(m) if m >= OLDEST_STANDARD => Judgement::Yes,
            Some(m) if m >= OLDEST_EXTENDED => Judgement::no(
                n,
                format!(
                    "{whose}Kubernetes {v} is in extended support only: upgrade to 1.{OLDEST_STANDARD} or newer"
                ),
            ),
            Some(_) => Judgement::no(
                n,
                format!("{whose}Kubernetes {v} is past the end of EKS support"),
            ),
            None => Judgement::no(n, format!("{path} {v:?} is not a Kubernetes version")),
        },
        None if is_null(n) => Judgement::Yes,
        None => Judgement::no(n, format!("{path} is not a plain value")),
    });
    verdict_of(
        resource,
        node,
        path,
        j,
        format!("{whose}Kubernetes version is in standard support"),
    )
}

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let path = spelling(resource, "Version", "version");
    if let Some(node) = get(resource, path) {
        return judge_version(resource, node, path, "");
    }
    let is_cluster = matches!(
        resource.resource_type.as_str(),
        "AWS::EKS::Cluster" | "aws_eks_cluster"
    );
    if is_cluster {
        return Verdict::met_by_default(
            resource,
            path,
            "no version set: EKS creates the cluster on its current default version",
        );
    }
    let cluster_key = spelling(resource, "ClusterName", "cluster_name");
    let Some(name) = get(resource, cluster_key) else {
        return Verdict::missing(resource, cluster_key, "the node group names no cluster");
    };
    match cx.resolve(resource, name) {
        Some(cluster) => {
            let cpath = spelling(cluster, "Version", "version");
            match get(cluster, cpath) {
                Some(node) => {
                    let mut v = judge_version(cluster, node, cpath, "its cluster's ");
                    v.file = resource.file;
                    v.span = resource.name_span;
                    v.path = path.to_owned();
                    v
                }
                None => Verdict::met_by_default(
                    resource,
                    path,
                    "no version set: the node group follows its cluster, created on the default version",
                ),
            }
        }
        None => Verdict::unknown(
            resource,
            name.span,
            cluster_key,
            "the version of a cluster outside the scanned code",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::minor;

    #[test]
    fn kubernetes_minor_versions() {
        assert_eq!(minor("1.35"), Some(35));
        assert_eq!(minor(" 1.29 "), Some(29));
        assert_eq!(minor("1.30.2"), Some(30));
        assert_eq!(minor("2.0"), None);
        assert_eq!(minor("latest"), None);
    }
}
