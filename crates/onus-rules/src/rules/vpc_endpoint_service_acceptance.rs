//! # vpc.endpoint-service-acceptance: endpoint services accept connections only by hand
//!
//! ## Why this is your duty
//! A VPC endpoint service (PrivateLink) publishes a service of yours behind
//! a network or gateway load balancer into other VPCs. Which consumers get
//! a private path into your network is access control on your side of the
//! model; with automatic acceptance, every principal you allowed — or every
//! account, if you allowed `*` — is connected the moment it asks.
//!
//! ## What AWS already does
//! Lets only principals you list request a connection; accepts requests
//! automatically unless acceptance is required. Neither the EC2 API nor the
//! CloudFormation reference states what an absent `AcceptanceRequired`
//! means; Terraform makes you choose (`acceptance_required` is required).
//!
//! ## Verdicts
//! Reads `AWS::EC2::VPCEndpointService` `AcceptanceRequired` and Terraform
//! `aws_vpc_endpoint_service` `acceptance_required`:
//! - met: `true`;
//! - not met: `false`;
//! - unknown: absent in CloudFormation (undocumented default), or a value
//!   onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Service:
//!     Type: AWS::EC2::VPCEndpointService
//!     Properties:
//!       AcceptanceRequired: true
//!       NetworkLoadBalancerArns:
//!         - arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/api/1
//! ```
//! ```yaml unknown
//! Resources:
//!   Service:
//!     Type: AWS::EC2::VPCEndpointService
//!     Properties:
//!       NetworkLoadBalancerArns:
//!         - arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/api/1
//! ```
//! ```yaml fail
//! Resources:
//!   Service:
//!     Type: AWS::EC2::VPCEndpointService
//!     Properties:
//!       AcceptanceRequired: false
//!       NetworkLoadBalancerArns:
//!         - arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/api/1
//! ```
//! ```hcl pass
//! resource "aws_vpc_endpoint_service" "api" {
//!   acceptance_required        = true
//!   network_load_balancer_arns = ["arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/api/1"]
//! }
//! ```
//! ```hcl fail
//! resource "aws_vpc_endpoint_service" "api" {
//!   acceptance_required        = false
//!   network_load_balancer_arns = ["arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/api/1"]
//! }
//! ```

use crate::check::require_bool_where_documented;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "vpc.endpoint-service-acceptance",
    title: "VPC endpoint services require connection requests to be accepted",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &["AWS::EC2::VPCEndpointService"],
    tf_types: &["aws_vpc_endpoint_service"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_123", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    // Terraform requires the argument: only CloudFormation can leave it out.
    require_bool_where_documented(
        resource,
        ("AcceptanceRequired", "acceptance_required"),
        true,
        false,
        resource.format.is_terraform(),
        "manual acceptance of endpoint connections",
    )
}
