//! # eks.private-endpoint: the EKS API endpoint is not open to the whole internet
//!
//! ## Why this is your duty
//! AWS runs the EKS control plane, but who can reach its API endpoint is the
//! customer's network-exposure choice. The default is a public endpoint open to
//! `0.0.0.0/0`, guarded only by authentication.
//!
//! ## What AWS already does
//! Runs the API servers across three Availability Zones and authenticates every
//! request with IAM.
//!
//! ## Verdicts
//! - met: `EndpointPublicAccess: false` / `endpoint_public_access = false`, or a
//!   public endpoint whose `PublicAccessCidrs` / `public_access_cidrs` are set
//!   and do not include `0.0.0.0/0`;
//! - not met: a public endpoint (the default) with no CIDR list (the default is
//!   `0.0.0.0/0`) or one containing `0.0.0.0/0`;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Cluster:
//!     Type: AWS::EKS::Cluster
//!     Properties:
//!       RoleArn: arn:aws:iam::111122223333:role/eks
//!       ResourcesVpcConfig:
//!         SubnetIds: [subnet-1, subnet-2]
//!         EndpointPublicAccess: false
//!         EndpointPrivateAccess: true
//! ```
//! ```yaml fail
//! Resources:
//!   Cluster:
//!     Type: AWS::EKS::Cluster
//!     Properties:
//!       RoleArn: arn:aws:iam::111122223333:role/eks
//!       ResourcesVpcConfig:
//!         SubnetIds: [subnet-1, subnet-2]
//! ```
//! ```hcl pass
//! resource "aws_eks_cluster" "main" {
//!   name     = "main"
//!   role_arn = "arn:aws:iam::111122223333:role/eks"
//!   vpc_config {
//!     subnet_ids          = ["subnet-1", "subnet-2"]
//!     public_access_cidrs = ["203.0.113.0/24"]
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_eks_cluster" "main" {
//!   name     = "main"
//!   role_arn = "arn:aws:iam::111122223333:role/eks"
//!   vpc_config {
//!     subnet_ids             = ["subnet-1", "subnet-2"]
//!     endpoint_public_access = true
//!     public_access_cidrs    = ["0.0.0.0/0"]
//!   }
//! }
//! ```

use crate::check::{Judgement, judge, prop, require_bool, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::{Status, Verdict};
use onus_ingest::{Node, Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "eks.private-endpoint",
    title: "The EKS API endpoint is private or restricted to known networks",
    duty: Duty::NetworkExposure,
    severity: Severity::High,
    cfn_types: &["AWS::EKS::Cluster"],
    tf_types: &["aws_eks_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &["EKS.1"],
        config: &["EKS_ENDPOINT_NO_PUBLIC_ACCESS"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_39", Related),
        cfn_nag("W82", Related),
        trivy("AVD-AWS-0040", Related),
        guard("EKS_ENDPOINT_NO_PUBLIC_ACCESS", Same),
        checkov("CKV_AWS_38", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let private = require_bool(
        resource,
        "ResourcesVpcConfig.EndpointPublicAccess",
        "vpc_config.endpoint_public_access",
        false,
        true,
        "a private endpoint",
    );
    match private.status {
        Status::Met | Status::Unknown => return private,
        _ => {}
    }
    let (cidrs, path) = prop(
        resource,
        "ResourcesVpcConfig.PublicAccessCidrs",
        "vpc_config.public_access_cidrs",
    );
    let Some(cidrs) = cidrs else {
        return Verdict::missing(
            resource,
            path,
            "the API endpoint is public and open to 0.0.0.0/0 (no PublicAccessCidrs)",
        );
    };
    let j = judge(cidrs, &mut |n: &Node| {
        let items: Vec<&Node> = match &n.value {
            Value::List(xs) => xs.iter().collect(),
            Value::Null => {
                return Judgement::no(n, "the API endpoint is public and open to 0.0.0.0/0");
            }
            _ => vec![n],
        };
        if items.is_empty() {
            return Judgement::no(n, "the API endpoint is public and open to 0.0.0.0/0");
        }
        for item in items {
            match &item.value {
                Value::String(s) if crate::net::is_world(s) => {
                    return Judgement::no(item, "the API endpoint is public and open to 0.0.0.0/0");
                }
                Value::Unknown(w) => return Judgement::Unknown(item.span, w.clone()),
                _ => {}
            }
        }
        Judgement::Yes
    });
    verdict_of(
        resource,
        cidrs,
        path,
        j,
        "the public API endpoint is restricted to known networks",
    )
}
