//! # autoscaling.elb-health-check: groups behind a load balancer use its health checks
//!
//! ## Why this is your duty
//! EC2 Auto Scaling is an infrastructure service: keeping your application
//! available is yours. With the default EC2 health check, the group replaces
//! an instance only when the instance itself fails its status checks; an
//! instance whose application has hung keeps its place, and the load
//! balancer's view that it is unhealthy is ignored.
//!
//! ## What AWS already does
//! Uses EC2 status checks (`HealthCheckType` `EC2`) unless you add `ELB`;
//! load balancers stop routing to unhealthy targets, but only the group can
//! replace them.
//!
//! ## Verdicts
//! Reads `AWS::AutoScaling::AutoScalingGroup` and Terraform
//! `aws_autoscaling_group`. A group is behind a load balancer when it lists
//! `LoadBalancerNames` / `TargetGroupARNs` (`load_balancers`,
//! `target_group_arns`, `traffic_source`), or when an
//! `aws_autoscaling_attachment` or `aws_autoscaling_traffic_source_attachment`
//! names it.
//! - met: `HealthCheckType` / `health_check_type` includes `ELB` (or
//!   `VPC_LATTICE` for a VPC Lattice traffic source);
//! - not met: it is `EC2`, or absent (the default is `EC2`);
//! - not applicable: the group is behind no load balancer;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Group:
//!     Type: AWS::AutoScaling::AutoScalingGroup
//!     Properties:
//!       MinSize: "2"
//!       MaxSize: "4"
//!       TargetGroupARNs: [arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1]
//!       HealthCheckType: ELB
//!       HealthCheckGracePeriod: 300
//! ```
//! ```yaml fail
//! Resources:
//!   Group:
//!     Type: AWS::AutoScaling::AutoScalingGroup
//!     Properties:
//!       MinSize: "2"
//!       MaxSize: "4"
//!       LoadBalancerNames: [web]
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Workers:
//!     Type: AWS::AutoScaling::AutoScalingGroup
//!     Properties:
//!       MinSize: "1"
//!       MaxSize: "4"
//! ```
//! ```hcl pass
//! resource "aws_autoscaling_group" "web" {
//!   min_size          = 2
//!   max_size          = 4
//!   target_group_arns = ["arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1"]
//!   health_check_type = "ELB"
//! }
//! ```
//! ```hcl fail
//! resource "aws_autoscaling_group" "web" {
//!   name     = "web"
//!   min_size = 2
//!   max_size = 4
//! }
//! resource "aws_autoscaling_attachment" "web" {
//!   autoscaling_group_name = aws_autoscaling_group.web.id
//!   lb_target_group_arn    = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1"
//! }
//! ```

use crate::check::{Judgement, get, is_empty, judge, prop, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "autoscaling.elb-health-check",
    title: "Auto Scaling groups behind a load balancer use its health checks",
    duty: Duty::Resilience,
    severity: Severity::Low,
    cfn_types: &["AWS::AutoScaling::AutoScalingGroup"],
    tf_types: &["aws_autoscaling_group"],
    reads: &[
        "aws_autoscaling_attachment",
        "aws_autoscaling_traffic_source_attachment",
    ],
    controls: Controls {
        fsbp: &["AutoScaling.1"],
        config: &["AUTOSCALING_GROUP_ELB_HEALTHCHECK_REQUIRED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV2_AWS_15", Same),
        guard("AUTOSCALING_GROUP_ELB_HEALTHCHECK_REQUIRED", Same),
    ],
    check,
    file: file!(),
};

/// Whether the group is behind a load balancer: its own lists, or an
/// attachment resource naming it.
fn behind_load_balancer(resource: &Resource, cx: &Context) -> bool {
    let own: &[&str] = if resource.format.is_terraform() {
        &["load_balancers", "target_group_arns", "traffic_source"]
    } else {
        &["LoadBalancerNames", "TargetGroupARNs", "TrafficSources"]
    };
    own.iter()
        .any(|k| get(resource, k).is_some_and(|n| !is_empty(n)))
        || (resource.format.is_terraform()
            && !cx
                .linked(
                    resource,
                    &[
                        "aws_autoscaling_attachment",
                        "aws_autoscaling_traffic_source_attachment",
                    ],
                    "autoscaling_group_name",
                    Some("name"),
                )
                .is_empty())
}

fn check(resource: &Resource, cx: &Context) -> Verdict {
    if !behind_load_balancer(resource, cx) {
        return Verdict::not_applicable(resource, "the group is behind no load balancer");
    }
    let (node, path) = prop(resource, "HealthCheckType", "health_check_type");
    let Some(node) = node else {
        return Verdict::missing(
            resource,
            path,
            format!(
                "{path} is not set and defaults to EC2: the load balancer's health checks are ignored"
            ),
        );
    };
    let j = judge(node, &mut |n| match n.as_str() {
        Some(t) => Judgement::from_bool(
            t.split(',').any(|t| {
                matches!(
                    t.trim().to_ascii_uppercase().as_str(),
                    "ELB" | "VPC_LATTICE"
                )
            }),
            n,
            || format!("{path} is {t:?}: the load balancer's health checks are ignored"),
        ),
        None => Judgement::no(n, format!("{path} is not a string")),
    });
    verdict_of(
        resource,
        node,
        path,
        j,
        "the group replaces instances the load balancer finds unhealthy",
    )
}
