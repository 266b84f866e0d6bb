//! # ecs.no-host-pid: ECS tasks do not share the host's process namespace
//!
//! ## Why this is your duty
//! ECS is a container service (an infrastructure one on EC2 capacity): AWS
//! runs the control plane, but how far a container can see into its host is
//! set by your task definition. With `PidMode: host` every container of the
//! task sees, and with enough privilege can signal or trace, every process on
//! the instance, other tasks' included. Keeping containers in their own
//! process namespace is an access-control decision that is yours.
//!
//! ## What AWS already does
//! Without `PidMode` each container gets its own process namespace (Docker's
//! default). `task` shares one namespace between the containers of the task
//! only. Fargate accepts only `task` (platform version 1.4.0 and later) and
//! never `host`.
//!
//! ## Verdicts
//! - met: `PidMode` / `pid_mode` is absent or `task`;
//! - not met: `host`;
//! - unknown: the mode is not static.
//!
//! Fix: remove `PidMode: host`; use `task` when the containers of a task
//! need to see each other's processes.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Task:
//!     Type: AWS::ECS::TaskDefinition
//!     Properties:
//!       PidMode: task
//!       ContainerDefinitions:
//!         - Name: app
//!           Image: public.ecr.aws/nginx/nginx:1.27
//! ```
//! ```yaml fail
//! Resources:
//!   Task:
//!     Type: AWS::ECS::TaskDefinition
//!     Properties:
//!       PidMode: host
//!       ContainerDefinitions:
//!         - Name: app
//!           Image: public.ecr.aws/nginx/nginx:1.27
//! ```
//! ```hcl pass
//! resource "aws_ecs_task_definition" "task" {
//!   family = "app"
//!   container_definitions = jsonencode([{
//!     name  = "app"
//!     image = "public.ecr.aws/nginx/nginx:1.27"
//!   }])
//! }
//! ```
//! ```hcl fail
//! resource "aws_ecs_task_definition" "task" {
//!   family   = "app"
//!   pid_mode = "host"
//!   container_definitions = jsonencode([{
//!     name  = "app"
//!     image = "public.ecr.aws/nginx/nginx:1.27"
//!   }])
//! }
//! ```

use crate::check::require_none_of;
use crate::context::Context;
use crate::ecs::{TASK_CFN, TASK_TF};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ecs.no-host-pid",
    title: "ECS task definitions do not share the host's process namespace",
    duty: Duty::AccessControl,
    severity: Severity::High,
    cfn_types: TASK_CFN,
    tf_types: TASK_TF,
    reads: &[],
    controls: Controls {
        fsbp: &["ECS.3"],
        config: &["ECS_TASK_DEFINITION_PID_MODE_CHECK"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_335", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_none_of(
        resource,
        "PidMode",
        "pid_mode",
        &["host"],
        "containers see and can signal every process on the host",
        "each container has its own process namespace",
    )
}
