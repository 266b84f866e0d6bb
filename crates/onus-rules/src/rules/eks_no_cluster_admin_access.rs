//! # eks.no-cluster-admin-access: EKS access entries do not grant cluster administrator
//!
//! ## Why this is your duty
//! EKS is a container service: AWS runs and authenticates the Kubernetes
//! control plane, but which IAM principals get which Kubernetes permissions
//! is your access-control decision. The AWS managed access policy
//! `AmazonEKSClusterAdminPolicy` (Kubernetes `cluster-admin`), or
//! `AmazonEKSAdminPolicy` over the whole cluster, lets the principal read
//! every secret and change every workload; like an IAM policy that allows
//! every action, it should be kept to break-glass roles.
//!
//! ## What AWS already does
//! Grants nothing through an access entry until you associate an access
//! policy (access entries exist since December 2023). The cluster's creator
//! gets cluster admin through its own entry unless
//! `BootstrapClusterCreatorAdminPermissions` is false.
//!
//! ## Verdicts
//! Reads `AccessPolicies` of `AWS::EKS::AccessEntry` and each
//! `aws_eks_access_policy_association`.
//! - met: no associated policy is `AmazonEKSClusterAdminPolicy`, and
//!   `AmazonEKSAdminPolicy` is scoped to namespaces;
//! - not met: `AmazonEKSClusterAdminPolicy`, or `AmazonEKSAdminPolicy`
//!   scoped to the cluster;
//! - unknown: a policy or scope that is not static (an ARN built around a
//!   reference, such as the partition, is read by its policy name);
//! - not applicable: an access entry with no access policies.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Developers:
//!     Type: AWS::EKS::AccessEntry
//!     Properties:
//!       ClusterName: main
//!       PrincipalArn: arn:aws:iam::111122223333:role/developers
//!       AccessPolicies:
//!         - PolicyArn: arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminPolicy
//!           AccessScope:
//!             Type: namespace
//!             Namespaces: [team-a]
//! ```
//! ```yaml fail
//! Resources:
//!   Ops:
//!     Type: AWS::EKS::AccessEntry
//!     Properties:
//!       ClusterName: main
//!       PrincipalArn: arn:aws:iam::111122223333:role/ops
//!       AccessPolicies:
//!         - PolicyArn: arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy
//!           AccessScope:
//!             Type: cluster
//! ```
//! ```hcl pass
//! resource "aws_eks_access_policy_association" "viewers" {
//!   cluster_name  = "main"
//!   principal_arn = "arn:aws:iam::111122223333:role/viewers"
//!   policy_arn    = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy"
//!   access_scope {
//!     type = "cluster"
//!   }
//! }
//! ```
//! ```hcl fail
//! data "aws_partition" "current" {}
//! resource "aws_eks_access_policy_association" "admin" {
//!   cluster_name  = "main"
//!   principal_arn = "arn:aws:iam::111122223333:role/ops"
//!   policy_arn    = "arn:${data.aws_partition.current.partition}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
//!   access_scope {
//!     type = "cluster"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_eks_access_policy_association" "ops" {
//!   cluster_name  = "main"
//!   principal_arn = "arn:aws:iam::111122223333:role/ops"
//!   policy_arn    = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminPolicy"
//!   access_scope {
//!     type = "cluster"
//!   }
//! }
//! ```

use crate::check::{Judgement, every_item, get_in, judge, prop, verdict_of};
use crate::context::Context;
use crate::policy::is_template_of_refs;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "eks.no-cluster-admin-access",
    title: "EKS access entries do not grant cluster-wide administrator access",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &["AWS::EKS::AccessEntry"],
    tf_types: &["aws_eks_access_policy_association"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

/// The name of the access policy an ARN names: its last path segment, also
/// when the ARN is a Terraform template whose only unknown part is a
/// reference elsewhere in it (`arn:${data.aws_partition.current.partition}:eks::aws:...`).
fn policy_name(node: &Node) -> Option<&str> {
    let text = match &node.value {
        Value::String(s) => s.as_str(),
        Value::Unknown(why) if is_template_of_refs(why) => why.as_str(),
        _ => return None,
    };
    let name = text.rsplit('/').next()?;
    (!name.contains('$')).then_some(name)
}

/// Judges one association: its policy ARN node and its scope type node.
fn judge_policy(policy: &Node, scope: Option<&Node>, label: &str) -> Judgement {
    if let Value::Unknown(_) = &policy.value
        && let Some(name) = policy_name(policy)
    {
        let literal = Node::new(Value::String(format!("/{name}")), policy.span);
        return judge_policy(&literal, scope, label);
    }
    judge(policy, &mut |p| match policy_name(p) {
        Some("AmazonEKSClusterAdminPolicy") => Judgement::no(
            p,
            format!(
                "{label} is AmazonEKSClusterAdminPolicy: Kubernetes cluster-admin over everything"
            ),
        ),
        Some("AmazonEKSAdminPolicy") => match scope {
            None => Judgement::no(p, "AmazonEKSAdminPolicy with no access scope"),
            Some(scope) => judge(scope, &mut |s| match s.scalar_text() {
                Some(t) if t.eq_ignore_ascii_case("namespace") => Judgement::Yes,
                Some(_) => Judgement::no(
                    s,
                    "AmazonEKSAdminPolicy scoped to the whole cluster: admin over every namespace",
                ),
                None => Judgement::no(s, "the access scope type is not a plain value"),
            }),
        },
        Some(_) => Judgement::Yes,
        None if matches!(p.value, Value::Ref(_)) => {
            Judgement::Unknown(p.span, format!("the access policy {label} refers to"))
        }
        None => Judgement::no(p, format!("{label} is not a plain value")),
    })
}

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    if resource.format.is_terraform() {
        let (policy, path) = prop(resource, "", "policy_arn");
        let Some(policy) = policy else {
            return Verdict::missing(resource, path, format!("{path} is not set"));
        };
        let (scope, _) = prop(resource, "", "access_scope.type");
        let j = judge_policy(policy, scope, path);
        return verdict_of(
            resource,
            policy,
            path,
            j,
            "no cluster-wide administrator access",
        );
    }
    every_item(
        resource,
        "AccessPolicies",
        "",
        &mut |item| {
            let policy = get_in(item, "PolicyArn")?;
            Some(judge_policy(
                policy,
                get_in(item, "AccessScope.Type"),
                "PolicyArn",
            ))
        },
        "no cluster-wide administrator access",
        "the access entry associates no access policy",
    )
}
