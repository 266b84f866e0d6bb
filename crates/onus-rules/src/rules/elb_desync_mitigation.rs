//! # elb.desync-mitigation: load balancers block HTTP desync (request smuggling)
//!
//! ## Why this is your duty
//! Elastic Load Balancing is an abstracted service: AWS runs the proxy, and
//! how strictly it treats ambiguous HTTP requests is your configuration.
//! Requests whose length headers disagree can be read one way by the load
//! balancer and another by your server: HTTP desync lets an attacker smuggle
//! a request past the load balancer's rules or poison other users'
//! responses. The mitigation mode decides which such requests are blocked.
//!
//! ## What AWS already does
//! Uses the `defensive` mode by default on Application and Classic Load
//! Balancers (since desync mitigation was introduced in 2020): requests that
//! pose a high risk are blocked. `monitor` lets every request through.
//!
//! ## Verdicts
//! Reads the mode of Application Load Balancers
//! (`AWS::ElasticLoadBalancingV2::LoadBalancer` attribute
//! `routing.http.desync_mitigation_mode`, Terraform `aws_lb` / `aws_alb`
//! `desync_mitigation_mode`) and Classic Load Balancers (Terraform `aws_elb`
//! `desync_mitigation_mode`; CloudFormation cannot set it on
//! `AWS::ElasticLoadBalancing::LoadBalancer`, so the default applies):
//! - met: `defensive` (also when absent) or `strictest`;
//! - not met: `monitor`, or another value (invalid);
//! - not applicable: network and gateway load balancers (no HTTP parsing);
//! - unknown: the value or the load balancer's type is unresolved.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Alb:
//!     Type: AWS::ElasticLoadBalancingV2::LoadBalancer
//!     Properties:
//!       Subnets: [subnet-1, subnet-2]
//!       LoadBalancerAttributes:
//!         - Key: routing.http.desync_mitigation_mode
//!           Value: strictest
//! ```
//! ```yaml fail
//! Resources:
//!   Alb:
//!     Type: AWS::ElasticLoadBalancingV2::LoadBalancer
//!     Properties:
//!       Subnets: [subnet-1, subnet-2]
//!       LoadBalancerAttributes:
//!         - Key: routing.http.desync_mitigation_mode
//!           Value: monitor
//! ```
//! ```hcl pass
//! resource "aws_elb" "web" {
//!   availability_zones = ["eu-west-1a", "eu-west-1b"]
//!   listener {
//!     lb_port           = 443
//!     lb_protocol       = "https"
//!     instance_port     = 8080
//!     instance_protocol = "http"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_lb" "web" {
//!   subnets                = ["subnet-1", "subnet-2"]
//!   desync_mitigation_mode = "monitor"
//! }
//! ```

use crate::context::Context;
use crate::lb::{CLASSIC_TF, lb_type, require_attribute};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "elb.desync-mitigation",
    title: "Application and Classic Load Balancers block HTTP desync attacks",
    duty: Duty::NetworkExposure,
    severity: Severity::Medium,
    cfn_types: &[
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
        "AWS::ElasticLoadBalancing::LoadBalancer",
    ],
    tf_types: &["aws_lb", "aws_alb", "aws_elb"],
    reads: &[],
    controls: Controls {
        fsbp: &["ELB.12", "ELB.14"],
        config: &["ALB_DESYNC_MODE_CHECK", "CLB_DESYNC_MODE_CHECK"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_328", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let t = resource.resource_type.as_str();
    if t == "AWS::ElasticLoadBalancing::LoadBalancer" {
        return Verdict::met_by_default(
            resource,
            "",
            "CloudFormation cannot set a Classic Load Balancer's desync mode: AWS's default, defensive, applies",
        );
    }
    if !CLASSIC_TF.contains(&t) {
        match lb_type(resource) {
            Ok(kind) if kind == "application" => {}
            Ok(kind) => {
                return Verdict::not_applicable(
                    resource,
                    format!("a {kind} load balancer does not parse HTTP"),
                );
            }
            Err((span, what)) => return Verdict::unknown(resource, span, "Type", what),
        }
    }
    require_attribute(
        resource,
        "routing.http.desync_mitigation_mode",
        "desync_mitigation_mode",
        "defensive",
        |m| m.eq_ignore_ascii_case("defensive") || m.eq_ignore_ascii_case("strictest"),
        "desync mitigation",
    )
}
