//! # elbv2.cross-zone: network and gateway load balancers balance across zones
//!
//! ## Why this is your duty
//! Elastic Load Balancing is an abstracted service: AWS runs a load balancer
//! node in each zone you enable, but how traffic spreads over your targets
//! is your configuration. Without cross-zone load balancing a network or
//! gateway load balancer node sends traffic only to targets in its own zone:
//! a zone with few (or no) healthy targets is overloaded or drops its share
//! of the traffic while the others sit idle.
//!
//! ## What AWS already does
//! Always balances across zones for Application Load Balancers. For network
//! and gateway load balancers, cross-zone load balancing is off by default
//! (`load_balancing.cross_zone.enabled` false).
//!
//! ## Verdicts
//! Reads `AWS::ElasticLoadBalancingV2::LoadBalancer` (attribute
//! `load_balancing.cross_zone.enabled`) and Terraform `aws_lb` / `aws_alb`
//! (`enable_cross_zone_load_balancing`):
//! - met: `true`;
//! - not met: false, absent, or set only under a condition;
//! - not applicable: an Application Load Balancer (always cross-zone);
//! - unknown: the value or the load balancer's type is unresolved.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Nlb:
//!     Type: AWS::ElasticLoadBalancingV2::LoadBalancer
//!     Properties:
//!       Type: network
//!       Subnets: [subnet-1, subnet-2]
//!       LoadBalancerAttributes:
//!         - Key: load_balancing.cross_zone.enabled
//!           Value: "true"
//! ```
//! ```yaml fail
//! Resources:
//!   Nlb:
//!     Type: AWS::ElasticLoadBalancingV2::LoadBalancer
//!     Properties:
//!       Type: network
//!       Subnets: [subnet-1, subnet-2]
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Alb:
//!     Type: AWS::ElasticLoadBalancingV2::LoadBalancer
//!     Properties:
//!       Subnets: [subnet-1, subnet-2]
//! ```
//! ```hcl pass
//! resource "aws_lb" "nlb" {
//!   load_balancer_type               = "network"
//!   subnets                          = ["subnet-1", "subnet-2"]
//!   enable_cross_zone_load_balancing = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_lb" "gwlb" {
//!   load_balancer_type = "gateway"
//!   subnets            = ["subnet-1", "subnet-2"]
//! }
//! ```

use crate::context::Context;
use crate::lb::{LB_CFN, LB_TF, lb_type, require_attribute_true};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "elbv2.cross-zone",
    title: "Network and gateway load balancers balance across Availability Zones",
    duty: Duty::Resilience,
    severity: Severity::Low,
    cfn_types: LB_CFN,
    tf_types: LB_TF,
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_152", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    match lb_type(resource) {
        Ok(t) if t == "application" => {
            return Verdict::not_applicable(
                resource,
                "an Application Load Balancer always balances across zones",
            );
        }
        Ok(_) => {}
        Err((span, what)) => return Verdict::unknown(resource, span, "Type", what),
    }
    require_attribute_true(
        resource,
        "load_balancing.cross_zone.enabled",
        "enable_cross_zone_load_balancing",
        "cross-zone load balancing",
    )
}
