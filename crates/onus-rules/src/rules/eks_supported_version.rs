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
//! Compared with the day of the scan, on the EKS release calendar (EKS
//! User Guide, "Understand the Kubernetes version lifecycle on EKS", as of
//! October 2026):
//!
//! | Version | End of standard support | End of extended support |
//! |---|---|---|
//! | 1.31 | 2025-11-26 | 2026-11-26 |
//! | 1.32 | 2026-03-23 | 2027-03-23 |
//! | 1.33 | 2026-07-29 | 2027-07-29 |
//! | 1.34 | 2026-12-02 | 2027-12-02 |
//! | 1.35 | 2027-03-27 | 2028-03-27 |
//! | 1.36 | 2027-08-02 | 2028-08-02 |
//!
//! Versions before 1.31 are past extended support; versions after 1.36 are
//! newer than the calendar and in standard support.
//! - met: `Version` / `version` is in standard support, or absent on a
//!   cluster (the default version); a node group without a version follows
//!   its cluster's;
//! - not met: a version in extended support only, or past it;
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

use crate::check::{
    Judgement, days_from_civil, days_today, get, is_null, judge, spelling, verdict_of,
};
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

/// (minor version 1.x, end of standard support, end of extended support),
/// see the doc table.
/// A civil date (year, month, day).
type Date = (i64, i64, i64);

const CALENDAR: &[(u32, Date, Date)] = &[
    (31, (2025, 11, 26), (2026, 11, 26)),
    (32, (2026, 3, 23), (2027, 3, 23)),
    (33, (2026, 7, 29), (2027, 7, 29)),
    (34, (2026, 12, 2), (2027, 12, 2)),
    (35, (2027, 3, 27), (2028, 3, 27)),
    (36, (2027, 8, 2), (2028, 8, 2)),
];

/// Where minor version 1.`m` stands on `today` (days since 1970).
enum Support {
    Standard,
    Extended,
    Past,
}

fn support(m: u32, today: i64) -> Support {
    let newest = CALENDAR[CALENDAR.len() - 1].0;
    let day = |(y, mo, d): Date| days_from_civil(y, mo, d);
    match CALENDAR.iter().find(|(v, _, _)| *v == m) {
        Some((_, standard, _)) if today < day(*standard) => Support::Standard,
        Some((_, _, extended)) if today < day(*extended) => Support::Extended,
        Some(_) => Support::Past,
        // Newer than the calendar: just released. Older: long past.
        None if m > newest => Support::Standard,
        None => Support::Past,
    }
}

fn minor(text: &str) -> Option<u32> {
    let mut parts = text.trim().split('.');
    if parts.next()? != "1" {
        return None;
    }
    parts.next()?.parse().ok()
}

fn judge_version(resource: &Resource, node: &Node, path: &str, whose: &str) -> Verdict {
    let j = judge(node, &mut |n| match n.scalar_text() {
        Some(v) => match minor(&v).map(|m| support(m, days_today())) {
            Some(Support::Standard) => Judgement::Yes,
            Some(Support::Extended) => Judgement::no(
                n,
                format!(
                    "{whose}Kubernetes {v} is in extended support only: upgrade to a version in standard support"
                ),
            ),
            Some(Support::Past) => Judgement::no(
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
