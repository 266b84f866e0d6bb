//! # eks.node-remote-access: EKS node groups do not open SSH to the world
//!
//! ## Why this is your duty
//! A managed node group is infrastructure: the nodes are EC2 instances whose
//! network exposure is yours. When a node group names an SSH key for remote
//! access but no source security groups, EKS opens port 22 on every node to
//! `0.0.0.0/0`.
//!
//! ## What AWS already does
//! Without `RemoteAccess`, nodes get no SSH access at all. With an SSH key and
//! `SourceSecurityGroups`, only those groups can reach port 22.
//!
//! ## Verdicts
//! - met: no `RemoteAccess` / `remote_access`, or it names source security groups;
//! - not met: an SSH key without source security groups (port 22 open to the internet);
//! - unknown: the remote access settings are not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Nodes:
//!     Type: AWS::EKS::Nodegroup
//!     Properties:
//!       ClusterName: main
//!       NodeRole: arn:aws:iam::111122223333:role/node
//!       Subnets: [subnet-0123456789abcdef0]
//!       RemoteAccess:
//!         Ec2SshKey: ops
//!         SourceSecurityGroups: [sg-0123456789abcdef0]
//! ```
//! ```yaml fail
//! Resources:
//!   Nodes:
//!     Type: AWS::EKS::Nodegroup
//!     Properties:
//!       ClusterName: main
//!       NodeRole: arn:aws:iam::111122223333:role/node
//!       Subnets: [subnet-0123456789abcdef0]
//!       RemoteAccess:
//!         Ec2SshKey: ops
//! ```
//! ```hcl pass
//! resource "aws_eks_node_group" "nodes" {
//!   cluster_name  = "main"
//!   node_role_arn = "arn:aws:iam::111122223333:role/node"
//!   subnet_ids    = ["subnet-0123456789abcdef0"]
//! }
//! ```
//! ```hcl fail
//! resource "aws_eks_node_group" "nodes" {
//!   cluster_name  = "main"
//!   node_role_arn = "arn:aws:iam::111122223333:role/node"
//!   subnet_ids    = ["subnet-0123456789abcdef0"]
//!   remote_access {
//!     ec2_ssh_key = "ops"
//!   }
//! }
//! ```

use crate::check::{get, get_in, is_empty, spelling};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "eks.node-remote-access",
    title: "EKS node groups do not open SSH to the internet",
    duty: Duty::NetworkExposure,
    severity: Severity::High,
    cfn_types: &["AWS::EKS::Nodegroup"],
    tf_types: &["aws_eks_node_group"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_100", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let block = spelling(resource, "RemoteAccess", "remote_access");
    let Some(remote) = get(resource, block) else {
        return Verdict::met_by_default(resource, block, "no remote access: nodes accept no SSH");
    };
    match &remote.value {
        Value::Unknown(what) => {
            return Verdict::unknown(resource, remote.span, block, what.clone());
        }
        Value::Either(_) => {
            return Verdict::unknown(
                resource,
                remote.span,
                block,
                "remote access set under a condition",
            );
        }
        _ => {}
    }
    let sg_key = spelling(
        resource,
        "SourceSecurityGroups",
        "source_security_group_ids",
    );
    let key_key = spelling(resource, "Ec2SshKey", "ec2_ssh_key");
    match get_in(remote, sg_key) {
        Some(sgs) if matches!(sgs.value, Value::Unknown(_)) => Verdict::unknown(
            resource,
            sgs.span,
            &format!("{block}.{sg_key}"),
            "the source security groups",
        ),
        Some(sgs) if !is_empty(sgs) => Verdict::met(
            resource,
            sgs.span,
            &format!("{block}.{sg_key}"),
            "SSH is limited to the source security groups",
        ),
        _ if get_in(remote, key_key).is_none() => Verdict::met(
            resource,
            remote.span,
            block,
            "no SSH key: nodes accept no SSH",
        ),
        _ => Verdict::not_met(
            resource,
            remote.span,
            block,
            format!("{block} names an SSH key but no {sg_key}: EKS opens port 22 to 0.0.0.0/0"),
        ),
    }
}
