//! # elbv2.health-check-encrypted: target group HTTP health checks use HTTPS
//!
//! ## Why this is your duty
//! Elastic Load Balancing is an abstracted service: AWS sends the health
//! checks, and the network between the load balancer and your targets is
//! yours to protect. An HTTP health check is a clear-text request into your
//! application, often to an endpoint that reports internal state; when the
//! target group itself speaks HTTPS, an HTTP health check also means the
//! target keeps a clear-text port open just for it.
//!
//! ## What AWS already does
//! Uses the target group's protocol for health checks unless you name
//! another: HTTP for HTTP target groups, HTTPS for HTTPS ones, TCP for
//! network load balancer target groups.
//!
//! ## Verdicts
//! Reads `AWS::ElasticLoadBalancingV2::TargetGroup` `HealthCheckProtocol`
//! (or `Protocol` when absent) and Terraform `aws_lb_target_group` /
//! `aws_alb_target_group` `health_check { protocol }` (or `protocol`):
//! - met: the health check protocol is `HTTPS`;
//! - not met: it is `HTTP`;
//! - not applicable: a `TCP` health check (a connection, no request),
//!   Lambda targets, health checks turned off, or `GENEVE`;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Web:
//!     Type: AWS::ElasticLoadBalancingV2::TargetGroup
//!     Properties:
//!       VpcId: vpc-123
//!       Port: 8443
//!       Protocol: HTTPS
//! ```
//! ```yaml fail
//! Resources:
//!   Web:
//!     Type: AWS::ElasticLoadBalancingV2::TargetGroup
//!     Properties:
//!       VpcId: vpc-123
//!       Port: 8443
//!       Protocol: HTTPS
//!       HealthCheckProtocol: HTTP
//!       HealthCheckPort: "8080"
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Tcp:
//!     Type: AWS::ElasticLoadBalancingV2::TargetGroup
//!     Properties:
//!       VpcId: vpc-123
//!       Port: 5432
//!       Protocol: TCP
//! ```
//! ```hcl pass
//! resource "aws_lb_target_group" "web" {
//!   vpc_id   = "vpc-123"
//!   port     = 8080
//!   protocol = "HTTP"
//!   health_check {
//!     protocol = "HTTPS"
//!     port     = "8443"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_lb_target_group" "web" {
//!   vpc_id   = "vpc-123"
//!   port     = 8080
//!   protocol = "HTTP"
//! }
//! ```

use crate::check::{Judgement, get, is_null, judge, prop, spelling, verdict_of};
use crate::context::Context;
use crate::lb::{TARGET_GROUP_CFN, TARGET_GROUP_TF};
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "elbv2.health-check-encrypted",
    title: "Target group HTTP health checks use HTTPS",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Low,
    cfn_types: TARGET_GROUP_CFN,
    tf_types: TARGET_GROUP_TF,
    reads: &[],
    controls: Controls {
        fsbp: &["ELB.21"],
        config: &["ELBV2_TARGETGROUP_HEALTHCHECK_PROTOCOL_ENCRYPTED"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let text = |path: &str| {
        get(resource, path)
            .and_then(|n| n.as_str())
            .map(str::to_ascii_uppercase)
    };
    if text(spelling(resource, "TargetType", "target_type")).as_deref() == Some("LAMBDA") {
        return Verdict::not_applicable(
            resource,
            "Lambda targets are invoked, not health-checked over the network",
        );
    }
    if get(
        resource,
        spelling(resource, "HealthCheckEnabled", "health_check.enabled"),
    )
    .and_then(|n| n.as_bool())
        == Some(false)
    {
        return Verdict::not_applicable(resource, "health checks are turned off");
    }
    let (own, own_path) = prop(resource, "HealthCheckProtocol", "health_check.protocol");
    let (node, path) = match own {
        Some(n) => (n, own_path),
        None => match prop(resource, "Protocol", "protocol") {
            (Some(n), p) => (n, p),
            (None, p) => {
                return Verdict::unknown(
                    resource,
                    resource.name_span,
                    p,
                    "the health check protocol: the target group sets no protocol",
                );
            }
        },
    };
    match node.as_str().map(str::to_ascii_uppercase).as_deref() {
        Some("TCP" | "TLS" | "UDP" | "TCP_UDP") => {
            return Verdict::not_applicable(
                resource,
                "a TCP health check opens a connection and sends no request",
            );
        }
        Some("GENEVE") => {
            return Verdict::not_applicable(resource, "a gateway load balancer target group");
        }
        _ => {}
    }
    let j = judge(node, &mut |n| match n.as_str() {
        Some(p) => Judgement::from_bool(p.trim().eq_ignore_ascii_case("HTTPS"), n, || {
            format!("{path} is {p}: health checks travel in clear text")
        }),
        // A branch that leaves the protocol unset is a Lambda target group.
        None if is_null(n) => Judgement::Yes,
        None => Judgement::no(n, format!("{path} is not a string")),
    });
    verdict_of(resource, node, path, j, "health checks use HTTPS")
}
