//! # ecs.capacity-provider-termination-protection: ECS capacity providers protect instances that run tasks
//!
//! ## Why this is your duty
//! An Auto Scaling group capacity provider puts ECS on EC2 instances you
//! own: an infrastructure service, where how many instances run, and which
//! ones may be removed, is yours. When the group scales in, it picks
//! instances without asking ECS; without managed termination protection it
//! can stop an instance in the middle of running tasks, and the workload on
//! it goes down until ECS places the tasks again.
//!
//! ## What AWS already does
//! `ManagedTerminationProtection` defaults to `DISABLED`. When `ENABLED`
//! (with managed scaling, and scale-in protection on the group's
//! instances), ECS keeps instances that run non-daemon tasks from being
//! terminated by a scale-in.
//!
//! ## Verdicts
//! - met: `AutoScalingGroupProvider.ManagedTerminationProtection`
//!   (`auto_scaling_group_provider { managed_termination_protection }`) is
//!   `ENABLED`;
//! - not met: `DISABLED`, or absent (the default);
//! - unknown: the value is not static;
//! - not applicable: a capacity provider without an Auto Scaling group
//!   (ECS Managed Instances), where AWS drains instances itself.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Provider:
//!     Type: AWS::ECS::CapacityProvider
//!     Properties:
//!       AutoScalingGroupProvider:
//!         AutoScalingGroupArn: arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup:uuid:autoScalingGroupName/ecs
//!         ManagedTerminationProtection: ENABLED
//!         ManagedScaling:
//!           Status: ENABLED
//! ```
//! ```yaml fail
//! Resources:
//!   Provider:
//!     Type: AWS::ECS::CapacityProvider
//!     Properties:
//!       AutoScalingGroupProvider:
//!         AutoScalingGroupArn: arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup:uuid:autoScalingGroupName/ecs
//! ```
//! ```hcl pass
//! resource "aws_ecs_capacity_provider" "ec2" {
//!   name = "ec2"
//!   auto_scaling_group_provider {
//!     auto_scaling_group_arn         = "arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup:uuid:autoScalingGroupName/ecs"
//!     managed_termination_protection = "ENABLED"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_ecs_capacity_provider" "ec2" {
//!   name = "ec2"
//!   auto_scaling_group_provider {
//!     auto_scaling_group_arn         = "arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup:uuid:autoScalingGroupName/ecs"
//!     managed_termination_protection = "DISABLED"
//!   }
//! }
//! ```

use crate::check::{prop, require_one_of};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ecs.capacity-provider-termination-protection",
    title: "ECS capacity providers have managed termination protection",
    duty: Duty::Resilience,
    severity: Severity::Medium,
    cfn_types: &["AWS::ECS::CapacityProvider"],
    tf_types: &["aws_ecs_capacity_provider"],
    reads: &[],
    controls: Controls {
        fsbp: &["ECS.19"],
        config: &["ECS_CAPACITY_PROVIDER_TERMINATION_CHECK"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    if prop(
        resource,
        "AutoScalingGroupProvider",
        "auto_scaling_group_provider",
    )
    .0
    .is_none()
    {
        return Verdict::not_applicable(
            resource,
            "no Auto Scaling group provider: AWS manages and drains the instances",
        );
    }
    require_one_of(
        resource,
        "AutoScalingGroupProvider.ManagedTerminationProtection",
        "auto_scaling_group_provider.managed_termination_protection",
        &["ENABLED"],
        Some("DISABLED"),
        "instances running tasks are protected from scale-in",
    )
}
