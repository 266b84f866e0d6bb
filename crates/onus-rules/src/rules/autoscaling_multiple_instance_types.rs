//! # autoscaling.multiple-instance-types: groups can launch several instance types in several zones
//!
//! ## Why this is your duty
//! EC2 Auto Scaling is an infrastructure service: keeping capacity available
//! for your workload is yours. A group that can launch a single instance
//! type depends on that type having capacity in its zones; when it runs out
//! (or Spot reclaims it), scaling and replacement stop. Several types over
//! several zones let the group launch whatever is available.
//!
//! ## What AWS already does
//! Launches the one instance type of the launch template or configuration
//! unless a mixed instances policy lists overrides or attribute-based
//! instance requirements.
//!
//! ## Verdicts
//! Follows the AWS Config rule `autoscaling-multiple-instance-types`:
//! - met: `MixedInstancesPolicy.LaunchTemplate.Overrides` (Terraform
//!   `mixed_instances_policy { launch_template { override } }`) lists two or
//!   more instance types, or attribute-based `InstanceRequirements`
//!   (`instance_requirements`), and the group spans two or more zones (as
//!   `autoscaling.multi-az` reads them);
//! - not met: no mixed instances policy, a single instance type, or a single
//!   zone;
//! - unknown: the overrides or the zones are not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Group:
//!     Type: AWS::AutoScaling::AutoScalingGroup
//!     Properties:
//!       MinSize: "2"
//!       MaxSize: "8"
//!       AvailabilityZones: [eu-west-1a, eu-west-1b]
//!       MixedInstancesPolicy:
//!         LaunchTemplate:
//!           LaunchTemplateSpecification:
//!             LaunchTemplateId: lt-0123456789abcdef0
//!             Version: "1"
//!           Overrides:
//!             - InstanceType: m6i.large
//!             - InstanceType: m5.large
//! ```
//! ```yaml fail
//! Resources:
//!   Group:
//!     Type: AWS::AutoScaling::AutoScalingGroup
//!     Properties:
//!       MinSize: "2"
//!       MaxSize: "8"
//!       AvailabilityZones: [eu-west-1a, eu-west-1b]
//!       LaunchTemplate:
//!         LaunchTemplateId: lt-0123456789abcdef0
//!         Version: "1"
//! ```
//! ```hcl pass
//! resource "aws_autoscaling_group" "web" {
//!   min_size           = 2
//!   max_size           = 8
//!   availability_zones = ["eu-west-1a", "eu-west-1b"]
//!   mixed_instances_policy {
//!     launch_template {
//!       launch_template_specification {
//!         launch_template_id = "lt-0123456789abcdef0"
//!       }
//!       override {
//!         instance_type = "m6i.large"
//!       }
//!       override {
//!         instance_type = "m5.large"
//!       }
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_autoscaling_group" "web" {
//!   min_size           = 2
//!   max_size           = 8
//!   availability_zones = ["eu-west-1a", "eu-west-1b"]
//!   mixed_instances_policy {
//!     launch_template {
//!       launch_template_specification {
//!         launch_template_id = "lt-0123456789abcdef0"
//!       }
//!       override {
//!         instance_type = "m6i.large"
//!       }
//!     }
//!   }
//! }
//! ```

use crate::check::{all_of, get_in, items_cond, prop};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use crate::zones::group_spread;
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "autoscaling.multiple-instance-types",
    title: "Auto Scaling groups can launch several instance types in several zones",
    duty: Duty::Resilience,
    severity: Severity::Medium,
    cfn_types: &["AWS::AutoScaling::AutoScalingGroup"],
    tf_types: &["aws_autoscaling_group"],
    reads: &["AWS::EC2::Subnet", "aws_subnet"],
    controls: Controls {
        fsbp: &["AutoScaling.6"],
        config: &["AUTOSCALING_MULTIPLE_INSTANCE_TYPES"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn types(resource: &Resource) -> Verdict {
    let (node, path) = prop(
        resource,
        "MixedInstancesPolicy.LaunchTemplate.Overrides",
        "mixed_instances_policy.launch_template.override",
    );
    let Some(node) = node else {
        return Verdict::missing(
            resource,
            path,
            format!("{path} is not set: the group launches a single instance type"),
        );
    };
    let (type_key, requirements_key) = if resource.format.is_terraform() {
        ("instance_type", "instance_requirements")
    } else {
        ("InstanceType", "InstanceRequirements")
    };
    let mut found: Vec<String> = Vec::new();
    for (item, conditional) in items_cond(Some(node)) {
        if conditional {
            continue;
        }
        if let Value::Unknown(what) = &item.value {
            return Verdict::unknown(resource, item.span, path, what.clone());
        }
        if get_in(item, requirements_key).is_some() {
            return Verdict::met(
                resource,
                item.span,
                path,
                "attribute-based instance requirements let the group choose among many types",
            );
        }
        match get_in(item, type_key).map(|n| (&n.value, n)) {
            Some((Value::String(t), _)) if !found.contains(t) => found.push(t.clone()),
            Some((Value::Unknown(what), n)) => {
                return Verdict::unknown(resource, n.span, path, what.clone());
            }
            _ => {}
        }
    }
    if found.len() >= 2 {
        Verdict::met(
            resource,
            node.span,
            path,
            format!("{path} lists {} instance types", found.len()),
        )
    } else {
        Verdict::not_met(
            resource,
            node.span,
            path,
            format!(
                "{path} lists {} instance type: capacity for one type decides",
                found.len()
            ),
        )
    }
}

fn check(resource: &Resource, cx: &Context) -> Verdict {
    all_of(vec![types(resource), group_spread(resource, cx)]).unwrap_or_else(|| types(resource))
}
