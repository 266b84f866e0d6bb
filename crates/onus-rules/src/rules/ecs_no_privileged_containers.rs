//! # ecs.no-privileged-containers: ECS containers do not run privileged
//!
//! ## Why this is your duty
//! ECS is a container service (an infrastructure one on EC2 capacity): AWS
//! runs the control plane, but what your containers may do on the host is set
//! by your task definition. A privileged container gets root-equivalent access
//! to the host and every other task on it, so granting it is an access-control
//! decision that is yours alone.
//!
//! ## What AWS already does
//! Containers are unprivileged unless you set `Privileged: true`; Fargate
//! refuses privileged containers.
//!
//! ## Verdicts
//! Reads every container definition (`ContainerDefinitions` in
//! CloudFormation, the `container_definitions` JSON in Terraform).
//! - met: no container sets `Privileged` / `privileged` to true (absent means false);
//! - not met: a container sets it to true;
//! - unknown: the flag, or Terraform's `container_definitions`, is not static;
//! - not applicable: no container definitions.
//!
//! Fix: remove `Privileged: true`; grant the single Linux capability needed
//! with `LinuxParameters.Capabilities.Add` instead.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Task:
//!     Type: AWS::ECS::TaskDefinition
//!     Properties:
//!       ContainerDefinitions:
//!         - Name: app
//!           Image: public.ecr.aws/nginx/nginx:1.27
//!           Privileged: false
//! ```
//! ```yaml fail
//! Resources:
//!   Task:
//!     Type: AWS::ECS::TaskDefinition
//!     Properties:
//!       ContainerDefinitions:
//!         - Name: app
//!           Image: public.ecr.aws/nginx/nginx:1.27
//!           Privileged: true
//! ```
//! ```hcl pass
//! resource "aws_ecs_task_definition" "task" {
//!   family = "app"
//!   container_definitions = jsonencode([{
//!     name       = "app"
//!     image      = "public.ecr.aws/nginx/nginx:1.27"
//!     privileged = false
//!   }])
//! }
//! ```
//! ```hcl fail
//! resource "aws_ecs_task_definition" "task" {
//!   family = "app"
//!   container_definitions = jsonencode([{
//!     name       = "app"
//!     image      = "public.ecr.aws/nginx/nginx:1.27"
//!     privileged = true
//!   }])
//! }
//! ```
//! ```hcl unknown
//! resource "aws_ecs_task_definition" "task" {
//!   family                = "app"
//!   container_definitions = var.containers
//! }
//! ```

use crate::check::{Judgement, get_in, judge};
use crate::context::Context;
use crate::ecs::{TASK_CFN, TASK_TF, every_container, field};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ecs.no-privileged-containers",
    title: "ECS containers do not run in privileged mode",
    duty: Duty::AccessControl,
    severity: Severity::High,
    cfn_types: TASK_CFN,
    tf_types: TASK_TF,
    reads: &[],
    controls: Controls {
        fsbp: &["ECS.4"],
        config: &["ECS_CONTAINERS_NONPRIVILEGED"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_334", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let key = field(resource, "Privileged");
    every_container(
        resource,
        &mut |c| match get_in(&c.node, &key) {
            None => Judgement::Yes,
            Some(n) => judge(n, &mut |v| match v.as_bool() {
                Some(b) => Judgement::from_bool(!b, v, || {
                    format!("{key} is true: root access to the host")
                }),
                None if crate::check::is_null(v) => Judgement::Yes,
                None => Judgement::no(v, format!("{key} is not a boolean")),
            }),
        },
        "no container runs privileged",
    )
}
