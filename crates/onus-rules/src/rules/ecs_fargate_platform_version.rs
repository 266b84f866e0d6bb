//! # ecs.fargate-platform-version: Fargate services run on the latest platform version
//!
//! ## Why this is your duty
//! On Fargate, ECS is a container service whose hosts AWS patches: a
//! platform version is AWS's kernel and container runtime, and AWS patches
//! the version you run. But a service pinned to an old platform version keeps
//! getting tasks on it and misses what only newer versions bring (the
//! runtime, kernel and security features of 1.4.0 on Linux); choosing the
//! version is yours, so keeping it current is too (platform patching, shared).
//!
//! ## What AWS already does
//! Without `PlatformVersion` a Fargate service or task set uses `LATEST`,
//! which is `1.4.0` on Linux (since 2020) and `1.0.0` on Windows. AWS patches
//! the platform versions it still supports and retires old ones.
//!
//! ## Verdicts
//! Applies to services and task sets that run on Fargate (`LaunchType:
//! FARGATE`, or a capacity provider strategy naming `FARGATE` or
//! `FARGATE_SPOT`), and to any that pin a `PlatformVersion`, which only
//! Fargate accepts.
//! - met: `PlatformVersion` / `platform_version` absent (`LATEST`),
//!   `LATEST` or `1.4.0`; `1.0.0` when the task definition (in the same
//!   code) runs Windows;
//! - not met: an older Linux version (`1.3.0`, `1.2.0`...), or `1.0.0` for a
//!   Linux task;
//! - unknown: the version, the launch type or (for `1.0.0`) the task
//!   definition's operating system is not static or not in the scan;
//! - not applicable: EC2 or external launch type, or no launch type, no
//!   Fargate provider and no platform version.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Service:
//!     Type: AWS::ECS::Service
//!     Properties:
//!       LaunchType: FARGATE
//!       PlatformVersion: LATEST
//! ```
//! ```yaml fail
//! Resources:
//!   Service:
//!     Type: AWS::ECS::Service
//!     Properties:
//!       LaunchType: FARGATE
//!       PlatformVersion: 1.3.0
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Service:
//!     Type: AWS::ECS::Service
//!     Properties:
//!       LaunchType: EC2
//! ```
//! ```hcl pass
//! resource "aws_ecs_service" "app" {
//!   name        = "app"
//!   launch_type = "FARGATE"
//! }
//! ```
//! ```hcl fail
//! resource "aws_ecs_service" "app" {
//!   name             = "app"
//!   platform_version = "1.3.0"
//!   capacity_provider_strategy {
//!     capacity_provider = "FARGATE_SPOT"
//!     weight            = 1
//!   }
//! }
//! ```
//! ```hcl pass
//! resource "aws_ecs_task_definition" "win" {
//!   family                = "win"
//!   container_definitions = "[]"
//!   runtime_platform {
//!     operating_system_family = "WINDOWS_SERVER_2022_CORE"
//!   }
//! }
//! resource "aws_ecs_service" "app" {
//!   name             = "app"
//!   launch_type      = "FARGATE"
//!   platform_version = "1.0.0"
//!   task_definition  = aws_ecs_task_definition.win.arn
//! }
//! ```

use crate::check::{Judgement, items, judge, prop, spelling, verdict_of};
use crate::context::Context;
use crate::ecs::{Os, os};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ecs.fargate-platform-version",
    title: "ECS Fargate services and task sets run on the latest platform version",
    duty: Duty::PlatformPatching,
    severity: Severity::Medium,
    cfn_types: &["AWS::ECS::Service", "AWS::ECS::TaskSet"],
    tf_types: &["aws_ecs_service", "aws_ecs_task_set"],
    reads: &["AWS::ECS::TaskDefinition", "aws_ecs_task_definition"],
    controls: Controls {
        fsbp: &["ECS.10"],
        config: &["ECS_FARGATE_LATEST_PLATFORM_VERSION"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_332", Same)],
    check,
    file: file!(),
};

/// Where the service runs, as far as the code says.
enum Launch {
    Fargate,
    NotFargate(String),
    Unset,
    NotStatic(Node, String),
}

fn launch(resource: &Resource) -> Launch {
    let (launch_type, path) = prop(resource, "LaunchType", "launch_type");
    if let Some(t) = launch_type {
        return match (&t.value, t.scalar_text()) {
            (_, Some(s)) if s.eq_ignore_ascii_case("FARGATE") => Launch::Fargate,
            (_, Some(s)) => Launch::NotFargate(format!("{path} is {s}")),
            (Value::Unknown(w), _) => Launch::NotStatic(t.clone(), w.clone()),
            _ => Launch::NotStatic(t.clone(), format!("{path}, which depends on a condition")),
        };
    }
    let (strategy, _) = prop(
        resource,
        "CapacityProviderStrategy",
        "capacity_provider_strategy",
    );
    let key = spelling(resource, "CapacityProvider", "capacity_provider");
    let fargate = items(strategy).into_iter().any(|item| {
        item.get(key)
            .and_then(Node::scalar_text)
            .is_some_and(|p| p.to_ascii_uppercase().starts_with("FARGATE"))
    });
    if fargate {
        Launch::Fargate
    } else {
        Launch::Unset
    }
}

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let (version, path) = prop(resource, "PlatformVersion", "platform_version");
    let Some(version) = version else {
        return match launch(resource) {
            Launch::Fargate => Verdict::met_by_default(
                resource,
                path,
                format!("{path} is not set: Fargate uses LATEST"),
            ),
            Launch::NotFargate(why) => Verdict::not_applicable(
                resource,
                format!("{why}: not on Fargate, AWS platform versions do not apply"),
            ),
            Launch::Unset => Verdict::not_applicable(
                resource,
                "no Fargate launch type or capacity provider and no platform version pinned",
            ),
            Launch::NotStatic(node, what) => {
                let key = spelling(resource, "LaunchType", "launch_type");
                Verdict::unknown(resource, node.span, key, what)
            }
        };
    };
    if let Launch::NotFargate(why) = launch(resource) {
        return Verdict::not_applicable(
            resource,
            format!("{why}: not on Fargate, {path} does not apply"),
        );
    }
    let task_os = || {
        let (task, _) = prop(resource, "TaskDefinition", "task_definition");
        task.and_then(|t| cx.resolve(resource, t)).map(os)
    };
    let j = judge(version, &mut |n| {
        match n.scalar_text() {
        Some(v) => match v.trim() {
            v if v.eq_ignore_ascii_case("LATEST") || v == "1.4.0" => Judgement::Yes,
            "1.0.0" => match task_os() {
                Some(Os::Windows) => Judgement::Yes,
                Some(Os::Linux) => Judgement::no(
                    n,
                    format!("{path} is 1.0.0 on a Linux task: the latest Linux version is 1.4.0"),
                ),
                _ => Judgement::Unknown(
                    n.span,
                    "the operating system of the task definition (1.0.0 is current only on Windows)"
                        .into(),
                ),
            },
            v => Judgement::no(
                n,
                format!("{path} is {v}: an older platform version than LATEST (1.4.0 on Linux)"),
            ),
        },
        None if crate::check::is_null(n) => Judgement::Yes,
        None => Judgement::no(n, format!("{path} is not a plain value")),
    }
    });
    verdict_of(
        resource,
        version,
        path,
        j,
        format!("{path} is the latest Fargate platform version"),
    )
}
