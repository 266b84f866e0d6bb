//! # ssm.instance-patching: EC2 instances are patched by a Systems Manager association or maintenance window
//!
//! ## Why this is your duty
//! EC2 is an infrastructure service: the guest operating system is yours to
//! patch (the model's os-patching duty). Code shows that duty being met when
//! the same workload schedules Systems Manager to run `AWS-RunPatchBaseline`
//! on the instance, through a State Manager association or a maintenance
//! window task.
//!
//! ## What AWS already does
//! Publishes patches and the `AWS-RunPatchBaseline` document; the SSM Agent
//! (preinstalled on Amazon Linux, Windows and Ubuntu AMIs) applies them when
//! told to. Nothing is patched on a schedule until you set one up.
//!
//! ## Verdicts
//! Judged on `AWS::EC2::Instance` / `aws_instance` and Auto Scaling groups
//! (`AWS::AutoScaling::AutoScalingGroup` / `aws_autoscaling_group`), against
//! the workload's `AWS::SSM::Association` / `aws_ssm_association` (document
//! `AWS-RunPatchBaseline`, `AWS-RunPatchBaselineAssociation` or
//! `AWS-RunPatchBaselineWithHooks`) and `AWS::SSM::MaintenanceWindowTask` /
//! `aws_ssm_maintenance_window_task` with that task, whose targets cover the
//! instance: `InstanceIds` naming it or `*`, `tag:<key>` / `tag-key` matching
//! its tags (an Auto Scaling group's tags that propagate at launch), or
//! `WindowTargetIds` naming a window target that does.
//! - met: such an association or task covers the instance;
//! - not met: none does (patching set up outside the scanned code, e.g. a
//!   Quick Setup patch policy, is not seen: suppress with a reason);
//! - unknown: a patch association's targets are not static (resource
//!   groups, variables) and no other one covers the instance.
//!
//! ## Examples
//! ```yaml Web=met
//! Resources:
//!   Web:
//!     Type: AWS::EC2::Instance
//!     Properties:
//!       ImageId: ami-0123456789abcdef0
//!       Tags:
//!         - Key: Patch
//!           Value: weekly
//!   Patching:
//!     Type: AWS::SSM::Association
//!     Properties:
//!       Name: AWS-RunPatchBaseline
//!       ScheduleExpression: cron(0 2 ? * SUN *)
//!       Parameters:
//!         Operation: [Install]
//!       Targets:
//!         - Key: tag:Patch
//!           Values: [weekly]
//! ```
//! ```yaml fail
//! Resources:
//!   Web:
//!     Type: AWS::EC2::Instance
//!     Properties:
//!       ImageId: ami-0123456789abcdef0
//! ```
//! ```yaml fail
//! Resources:
//!   Web:
//!     Type: AWS::EC2::Instance
//!     Properties:
//!       ImageId: ami-0123456789abcdef0
//!   Inventory:
//!     Type: AWS::SSM::Association
//!     Properties:
//!       Name: AWS-GatherSoftwareInventory
//!       Targets:
//!         - Key: InstanceIds
//!           Values: ["*"]
//! ```
//! ```hcl aws_instance.web=met
//! resource "aws_instance" "web" {
//!   ami           = "ami-0123456789abcdef0"
//!   instance_type = "t3.micro"
//! }
//! resource "aws_ssm_association" "patch" {
//!   name                = "AWS-RunPatchBaseline"
//!   schedule_expression = "cron(0 2 ? * SUN *)"
//!   parameters = {
//!     Operation = "Install"
//!   }
//!   targets {
//!     key    = "InstanceIds"
//!     values = [aws_instance.web.id]
//!   }
//! }
//! ```
//! ```hcl aws_autoscaling_group.web=met
//! resource "aws_autoscaling_group" "web" {
//!   min_size = 1
//!   max_size = 2
//!   tag {
//!     key                 = "Patch"
//!     value               = "weekly"
//!     propagate_at_launch = true
//!   }
//! }
//! resource "aws_ssm_maintenance_window_target" "web" {
//!   window_id     = "mw-0123456789abcdef0"
//!   resource_type = "INSTANCE"
//!   targets {
//!     key    = "tag:Patch"
//!     values = ["weekly"]
//!   }
//! }
//! resource "aws_ssm_maintenance_window_task" "patch" {
//!   window_id = "mw-0123456789abcdef0"
//!   task_type = "RUN_COMMAND"
//!   task_arn  = "AWS-RunPatchBaseline"
//!   targets {
//!     key    = "WindowTargetIds"
//!     values = [aws_ssm_maintenance_window_target.web.id]
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_instance" "web" {
//!   ami           = "ami-0123456789abcdef0"
//!   instance_type = "t3.micro"
//! }
//! ```
//! ```hcl unknown
//! resource "aws_instance" "web" {
//!   ami           = "ami-0123456789abcdef0"
//!   instance_type = "t3.micro"
//! }
//! resource "aws_ssm_association" "patch" {
//!   name = "AWS-RunPatchBaseline"
//!   targets {
//!     key    = "tag:Patch"
//!     values = var.patch_groups
//!   }
//! }
//! ```

use crate::check::{get, get_in, items, spelling};
use crate::context::Context;
use crate::policy::Tri;
use crate::rule::{Controls, Relation::*, Rule, Severity, guard};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Span, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ssm.instance-patching",
    title: "EC2 instances are patched on a schedule by Systems Manager",
    duty: Duty::OsPatching,
    severity: Severity::Medium,
    cfn_types: &["AWS::EC2::Instance", "AWS::AutoScaling::AutoScalingGroup"],
    tf_types: &["aws_instance", "aws_autoscaling_group"],
    reads: &[
        "AWS::SSM::Association",
        "aws_ssm_association",
        "AWS::SSM::MaintenanceWindowTask",
        "aws_ssm_maintenance_window_task",
        "AWS::SSM::MaintenanceWindowTarget",
        "aws_ssm_maintenance_window_target",
    ],
    controls: Controls {
        fsbp: &["SSM.2"],
        config: &["EC2_MANAGEDINSTANCE_PATCH_COMPLIANCE_STATUS_CHECK"],
        cis: &[],
    },
    peers: &[guard(
        "EC2_MANAGEDINSTANCE_PATCH_COMPLIANCE_STATUS_CHECK",
        Related,
    )],
    check,
    file: file!(),
};

const PATCH_DOCUMENTS: [&str; 3] = [
    "AWS-RunPatchBaseline",
    "AWS-RunPatchBaselineAssociation",
    "AWS-RunPatchBaselineWithHooks",
];

fn is_patch_document(node: Option<&Node>) -> bool {
    node.and_then(Node::as_str).is_some_and(|d| {
        let d = d.rsplit('/').next().unwrap_or(d);
        PATCH_DOCUMENTS.iter().any(|p| p.eq_ignore_ascii_case(d))
    })
}

/// The instance's tags as (key, value) pairs; for an Auto Scaling group, the
/// tags it propagates to its instances.
fn tags(resource: &Resource) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let asg = resource.resource_type.contains("AutoScaling")
        || resource.resource_type == "aws_autoscaling_group";
    if resource.format.is_terraform() {
        if asg {
            for t in items(get(resource, "tag")) {
                let propagate = get_in(t, "propagate_at_launch")
                    .and_then(Node::as_bool)
                    .unwrap_or(false);
                if let (Some(k), Some(v)) = (
                    get_in(t, "key").and_then(Node::scalar_text),
                    get_in(t, "value").and_then(Node::scalar_text),
                ) && propagate
                {
                    out.push((k, v));
                }
            }
        } else if let Some(map) = get(resource, "tags").and_then(Node::as_map) {
            for e in map {
                if let Some(v) = e.node.scalar_text() {
                    out.push((e.key.clone(), v));
                }
            }
        }
    } else {
        for t in items(get(resource, "Tags")) {
            let propagate = !asg
                || get_in(t, "PropagateAtLaunch")
                    .and_then(Node::as_bool)
                    .unwrap_or(false);
            if let (Some(k), Some(v)) = (
                get_in(t, "Key").and_then(Node::scalar_text),
                get_in(t, "Value").and_then(Node::scalar_text),
            ) && propagate
            {
                out.push((k, v));
            }
        }
    }
    out
}

/// Do these targets (`Targets` / `targets` of `from`) cover `resource`?
fn covers(
    from: &Resource,
    targets: Option<&Node>,
    resource: &Resource,
    cx: &Context,
    depth: u8,
) -> Tri {
    let tf = from.format.is_terraform();
    let (key_k, values_k) = if tf {
        ("key", "values")
    } else {
        ("Key", "Values")
    };
    let is_instance = matches!(
        resource.resource_type.as_str(),
        "AWS::EC2::Instance" | "aws_instance"
    );
    let mut unknown: Option<Tri> = None;
    let tags = tags(resource);
    for target in items(targets) {
        let Some(key_node) = get_in(target, key_k) else {
            continue;
        };
        let key = match &key_node.value {
            Value::String(k) => k.clone(),
            Value::Unknown(w) => {
                unknown.get_or_insert(Tri::Unknown(w.clone(), key_node.span));
                continue;
            }
            _ => continue,
        };
        let values_node = get_in(target, values_k);
        if let Some(n) = values_node
            && let Value::Unknown(w) = &n.value
        {
            unknown.get_or_insert(Tri::Unknown(w.clone(), n.span));
            continue;
        }
        let values = items(values_node);
        let texts: Vec<&str> = values.iter().filter_map(|v| v.as_str()).collect();
        for v in &values {
            if let Value::Unknown(w) = &v.value {
                unknown.get_or_insert(Tri::Unknown(w.clone(), v.span));
            }
        }
        let lower = key.to_ascii_lowercase();
        if lower == "instanceids" {
            if texts.contains(&"*") {
                return Tri::Yes;
            }
            if is_instance
                && values.iter().any(|v| {
                    cx.resolve(from, v)
                        .is_some_and(|r| std::ptr::eq(r, resource))
                })
            {
                return Tri::Yes;
            }
        } else if let Some(tag) = key.strip_prefix("tag:") {
            if tags
                .iter()
                .any(|(k, v)| k == tag && texts.contains(&v.as_str()))
            {
                return Tri::Yes;
            }
        } else if lower == "tag-key" {
            if tags.iter().any(|(k, _)| texts.contains(&k.as_str())) {
                return Tri::Yes;
            }
        } else if lower == "windowtargetids" && depth == 0 {
            for v in &values {
                match cx.resolve(from, v) {
                    Some(t) => {
                        let inner = get(t, spelling(t, "Targets", "targets"));
                        match covers(t, inner, resource, cx, 1) {
                            Tri::Yes => return Tri::Yes,
                            u @ Tri::Unknown(..) => {
                                unknown.get_or_insert(u);
                            }
                            Tri::No => {}
                        }
                    }
                    None => {
                        unknown.get_or_insert(Tri::Unknown(
                            "a maintenance window target outside the scanned code".into(),
                            v.span,
                        ));
                    }
                }
            }
        } else if lower.starts_with("resource-groups:") {
            unknown.get_or_insert(Tri::Unknown(
                format!("the members of resource group target {key}"),
                key_node.span,
            ));
        }
    }
    unknown.unwrap_or(Tri::No)
}

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let mut unknown: Option<(String, Span, &Resource)> = None;
    for r in cx.in_scope(
        resource,
        &[
            "AWS::SSM::Association",
            "aws_ssm_association",
            "AWS::SSM::MaintenanceWindowTask",
            "aws_ssm_maintenance_window_task",
        ],
    ) {
        let (doc, targets) = match r.resource_type.as_str() {
            "AWS::SSM::Association" => (get(r, "Name"), get(r, "Targets")),
            "aws_ssm_association" => (get(r, "name"), get(r, "targets")),
            "AWS::SSM::MaintenanceWindowTask" => (get(r, "TaskArn"), get(r, "Targets")),
            "aws_ssm_maintenance_window_task" => (get(r, "task_arn"), get(r, "targets")),
            _ => continue,
        };
        if !is_patch_document(doc) {
            continue;
        }
        // Legacy single-instance association.
        if r.resource_type == "AWS::SSM::Association"
            && let Some(id) = get(r, "InstanceId")
            && cx.resolve(r, id).is_some_and(|i| std::ptr::eq(i, resource))
        {
            return Verdict::met_by_default(
                resource,
                "",
                format!("{} patches this instance", r.id),
            );
        }
        match covers(r, targets, resource, cx, 0) {
            Tri::Yes => {
                return Verdict::met_by_default(
                    resource,
                    "",
                    format!(
                        "{} runs {} on this instance",
                        r.id,
                        doc.and_then(Node::as_str).unwrap_or("AWS-RunPatchBaseline")
                    ),
                );
            }
            Tri::Unknown(w, span) => {
                unknown.get_or_insert((w, span, r));
            }
            Tri::No => {}
        }
    }
    match unknown {
        Some((w, span, r)) => {
            let mut v = Verdict::unknown(
                resource,
                span,
                "",
                format!("whether {} targets this instance: {w}", r.id),
            );
            v.file = r.file;
            v
        }
        None => Verdict::missing(
            resource,
            "AWS::SSM::Association",
            "no Systems Manager association or maintenance window task runs AWS-RunPatchBaseline on this instance: its OS is not patched on a schedule",
        ),
    }
}
