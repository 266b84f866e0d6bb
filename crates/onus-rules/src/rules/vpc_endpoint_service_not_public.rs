//! # vpc.endpoint-service-not-public: endpoint services do not allow every AWS account
//!
//! ## Why this is your duty
//! A VPC endpoint service (PrivateLink) exposes a service of yours to the
//! principals you allow. Allowing `*` lets any AWS account discover it and
//! request a private connection into your network; with automatic
//! acceptance, it is connected at once. Who may connect is access control
//! on your side of the model.
//!
//! ## What AWS already does
//! Allows no one until you add principals to the service's permissions.
//!
//! ## Verdicts
//! Reads `AWS::EC2::VPCEndpointServicePermissions` `AllowedPrincipals`,
//! Terraform `aws_vpc_endpoint_service` `allowed_principals` and
//! `aws_vpc_endpoint_service_allowed_principal` `principal_arn`:
//! - not met: a principal is `*`;
//! - met: every principal is an account, role, user or organisation ARN
//!   (or none is allowed);
//! - unknown: a principal onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Permissions:
//!     Type: AWS::EC2::VPCEndpointServicePermissions
//!     Properties:
//!       ServiceId: vpce-svc-0123456789abcdef0
//!       AllowedPrincipals:
//!         - arn:aws:iam::111122223333:root
//! ```
//! ```yaml fail
//! Resources:
//!   Permissions:
//!     Type: AWS::EC2::VPCEndpointServicePermissions
//!     Properties:
//!       ServiceId: vpce-svc-0123456789abcdef0
//!       AllowedPrincipals: ["*"]
//! ```
//! ```hcl pass
//! resource "aws_vpc_endpoint_service" "api" {
//!   acceptance_required        = true
//!   allowed_principals         = ["arn:aws:iam::111122223333:root"]
//!   network_load_balancer_arns = ["arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/api/1"]
//! }
//! ```
//! ```hcl fail
//! resource "aws_vpc_endpoint_service_allowed_principal" "all" {
//!   vpc_endpoint_service_id = "vpce-svc-0123456789abcdef0"
//!   principal_arn           = "*"
//! }
//! ```

use crate::check::{Judgement, items, judge, prop, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "vpc.endpoint-service-not-public",
    title: "VPC endpoint services do not allow every AWS account to connect",
    duty: Duty::AccessControl,
    severity: Severity::High,
    cfn_types: &["AWS::EC2::VPCEndpointServicePermissions"],
    tf_types: &[
        "aws_vpc_endpoint_service",
        "aws_vpc_endpoint_service_allowed_principal",
    ],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let tf_key = if resource.resource_type == "aws_vpc_endpoint_service_allowed_principal" {
        "principal_arn"
    } else {
        "allowed_principals"
    };
    let (node, path) = prop(resource, "AllowedPrincipals", tf_key);
    let Some(node) = node else {
        return Verdict::met_by_default(resource, path, "no principal is allowed to connect");
    };
    let j = judge(node, &mut |list| {
        for p in items(Some(list)) {
            let j = judge(p, &mut |n| match n.as_str() {
                Some(s) => Judgement::from_bool(s.trim() != "*", n, || {
                    format!("{path} allows \"*\": any AWS account can connect")
                }),
                None => Judgement::Yes,
            });
            if j != Judgement::Yes {
                return j;
            }
        }
        Judgement::Yes
    });
    verdict_of(resource, node, path, j, "only named principals may connect")
}
