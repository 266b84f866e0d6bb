//! # ecs.container-insights: ECS clusters collect Container Insights metrics
//!
//! ## Why this is your duty
//! ECS is a container service: AWS runs the scheduler and (on Fargate) the
//! hosts, but watching what your tasks and services do is yours. Container
//! Insights collects per-cluster, per-service and per-task CPU, memory,
//! network and restart metrics (and, with enhanced observability, per
//! container) into CloudWatch, where a crash loop, a task that is suddenly
//! busy or a failed deployment shows up. AWS does not turn it on for you.
//!
//! ## What AWS already does
//! Publishes a handful of service-level CloudWatch metrics (CPU and memory
//! utilisation of a service) for every cluster. Container Insights is off
//! unless the cluster setting `containerInsights` is `enabled` (available
//! since 2019) or `enhanced` (enhanced observability, since December 2024),
//! or the account default `containerInsights` is turned on, which it is not
//! out of the box.
//!
//! ## Verdicts
//! - met: `ClusterSettings` (`setting` blocks in Terraform) has
//!   `containerInsights` set to `enabled` or `enhanced`; or no such setting
//!   and an `aws_ecs_account_setting_default` in the same code turns
//!   `containerInsights` on;
//! - not met: the setting is `disabled`, or absent (the default is off);
//! - unknown: the setting's name or value is not static.
//!
//! Fix: add `{Name: containerInsights, Value: enabled}` to `ClusterSettings`
//! (`setting { name = "containerInsights" value = "enabled" }`).
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Cluster:
//!     Type: AWS::ECS::Cluster
//!     Properties:
//!       ClusterSettings:
//!         - Name: containerInsights
//!           Value: enabled
//! ```
//! ```yaml fail
//! Resources:
//!   Cluster:
//!     Type: AWS::ECS::Cluster
//!     Properties:
//!       ClusterName: apps
//! ```
//! ```yaml fail
//! Resources:
//!   Cluster:
//!     Type: AWS::ECS::Cluster
//!     Properties:
//!       ClusterSettings:
//!         - Name: containerInsights
//!           Value: disabled
//! ```
//! ```hcl pass
//! resource "aws_ecs_cluster" "apps" {
//!   name = "apps"
//!   setting {
//!     name  = "containerInsights"
//!     value = "enhanced"
//!   }
//! }
//! ```
//! ```hcl pass
//! resource "aws_ecs_account_setting_default" "insights" {
//!   name  = "containerInsights"
//!   value = "enabled"
//! }
//! resource "aws_ecs_cluster" "apps" {
//!   name = "apps"
//! }
//! ```
//! ```hcl fail
//! resource "aws_ecs_cluster" "apps" {
//!   name = "apps"
//! }
//! ```
//! ```hcl unknown
//! resource "aws_ecs_cluster" "apps" {
//!   name = "apps"
//!   setting {
//!     name  = "containerInsights"
//!     value = var.insights
//!   }
//! }
//! ```

use crate::check::{Judgement, find_named, judge, prop, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ecs.container-insights",
    title: "ECS clusters have Container Insights turned on",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::ECS::Cluster"],
    tf_types: &["aws_ecs_cluster"],
    reads: &["aws_ecs_account_setting_default"],
    controls: Controls {
        fsbp: &["ECS.12"],
        config: &["ECS_CONTAINER_INSIGHTS_ENABLED"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_65", Same)],
    check,
    file: file!(),
};

const ON: &[&str] = &["enabled", "enhanced"];

fn is_on(text: &str) -> bool {
    ON.iter().any(|v| v.eq_ignore_ascii_case(text.trim()))
}

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let (list, path) = prop(resource, "ClusterSettings", "setting");
    let tf = resource.format.is_terraform();
    let (name_key, value_key) = if tf {
        ("name", "value")
    } else {
        ("Name", "Value")
    };
    let setting = match find_named(list, name_key, "containerInsights") {
        Ok(found) => found,
        Err((span, what)) => return Verdict::unknown(resource, span, path, what),
    };
    match setting {
        Some((item, false)) => {
            let Some(value) = item.get(value_key) else {
                return Verdict::not_met(
                    resource,
                    item.span,
                    path,
                    "the containerInsights setting has no value: Container Insights is off",
                );
            };
            let j = judge(value, &mut |n| match n.scalar_text() {
                Some(s) => Judgement::from_bool(is_on(&s), n, || {
                    format!("containerInsights is {s:?}: Container Insights is off")
                }),
                None => Judgement::no(n, "containerInsights is not a plain value"),
            });
            verdict_of(
                resource,
                value,
                path,
                j,
                "Container Insights is on for the cluster",
            )
        }
        // A setting present only under a condition leaves the default on
        // the other branch.
        found => match account_default(resource, cx) {
            Some(id) => Verdict::met_by_default(
                resource,
                path,
                format!("{id} turns Container Insights on for the account's clusters"),
            ),
            None if found.is_some() => Verdict::missing(
                resource,
                path,
                "containerInsights is set only under a condition: otherwise Container Insights is off",
            ),
            None => Verdict::missing(
                resource,
                path,
                format!(
                    "{path} does not set containerInsights: Container Insights is off by default"
                ),
            ),
        },
    }
}

/// The Terraform account setting that turns Container Insights on for new
/// clusters, when it is in the same code.
fn account_default<'w>(resource: &Resource, cx: &Context<'w>) -> Option<&'w str> {
    cx.in_scope(resource, &["aws_ecs_account_setting_default"])
        .find(|s| {
            let text = |k: &str| s.properties.get(k).and_then(|n| n.scalar_text());
            text("name").is_some_and(|n| n == "containerInsights")
                && text("value").is_some_and(|v| is_on(&v))
        })
        .map(|s| s.id.as_str())
}
