//! # autoscaling.launch-template: Auto Scaling groups launch from launch templates
//!
//! ## Why this is your duty
//! EC2 Auto Scaling is an infrastructure service: the instances it launches,
//! and how they are configured, are yours. Launch configurations are
//! deprecated: they get no new instance types or EC2 features, so a group
//! still on one cannot take current hardening options or newer platforms.
//! Moving to a launch template keeps the group on a supported launch path.
//!
//! ## What AWS already does
//! Supports launch templates with every current EC2 feature; stopped adding
//! features to launch configurations, and new accounts cannot create them.
//!
//! ## Verdicts
//! - met: the group names a launch template (`LaunchTemplate` /
//!   `launch_template`) or a mixed instances policy;
//! - not met: it names a launch configuration (`LaunchConfigurationName` /
//!   `launch_configuration`);
//! - not applicable: neither is set (an instance ID or a plan elsewhere decides).
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Group:
//!     Type: AWS::AutoScaling::AutoScalingGroup
//!     Properties:
//!       MinSize: "1"
//!       MaxSize: "2"
//!       LaunchTemplate:
//!         LaunchTemplateId: lt-0123456789abcdef0
//!         Version: "1"
//! ```
//! ```yaml fail
//! Resources:
//!   Group:
//!     Type: AWS::AutoScaling::AutoScalingGroup
//!     Properties:
//!       MinSize: "1"
//!       MaxSize: "2"
//!       LaunchConfigurationName: web-v1
//! ```
//! ```hcl pass
//! resource "aws_autoscaling_group" "web" {
//!   min_size = 1
//!   max_size = 2
//!   launch_template {
//!     id      = "lt-0123456789abcdef0"
//!     version = "$Latest"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_autoscaling_group" "web" {
//!   min_size             = 1
//!   max_size             = 2
//!   launch_configuration = "web-v1"
//! }
//! ```

use crate::check::{get, spelling};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "autoscaling.launch-template",
    title: "Auto Scaling groups use launch templates, not launch configurations",
    duty: Duty::PlatformPatching,
    severity: Severity::Low,
    cfn_types: &["AWS::AutoScaling::AutoScalingGroup"],
    tf_types: &["aws_autoscaling_group"],
    reads: &[],
    controls: Controls {
        fsbp: &["AutoScaling.9"],
        config: &["AUTOSCALING_LAUNCH_TEMPLATE"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_315", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let lc = spelling(resource, "LaunchConfigurationName", "launch_configuration");
    let lt = spelling(resource, "LaunchTemplate", "launch_template");
    let mixed = spelling(resource, "MixedInstancesPolicy", "mixed_instances_policy");
    if let Some(n) = get(resource, lc) {
        return Verdict::not_met(
            resource,
            n.span,
            lc,
            format!("{lc} is set: launch configurations are deprecated; use a launch template"),
        );
    }
    for key in [lt, mixed] {
        if let Some(n) = get(resource, key) {
            return Verdict::met(
                resource,
                n.span,
                key,
                "the group launches from a launch template",
            );
        }
    }
    Verdict::not_applicable(
        resource,
        "the group names neither a launch template nor a launch configuration",
    )
}
