//! # ecs.read-only-root-filesystem: ECS containers mount their root filesystem read-only
//!
//! ## Why this is your duty
//! ECS is a container service: AWS runs the control plane (and, on Fargate,
//! the hosts), but the container and its permissions are yours. A writable
//! root filesystem lets an intruder in the container change binaries and
//! plant tools; only your task definition can take that write access away.
//!
//! ## What AWS already does
//! Nothing by default: `ReadonlyRootFilesystem` is false unless you set it.
//!
//! ## Verdicts
//! - met: every container sets `ReadonlyRootFilesystem` / `readonlyRootFilesystem` to true;
//! - not met: a container leaves it unset (default false) or sets false;
//! - unknown: the flag, or Terraform's `container_definitions`, is not static;
//! - not applicable: no container definitions.
//!
//! Fix: set `ReadonlyRootFilesystem: true` and give the paths the app writes
//! to their own volumes.
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
//!           ReadonlyRootFilesystem: true
//! ```
//! ```yaml fail
//! Resources:
//!   Task:
//!     Type: AWS::ECS::TaskDefinition
//!     Properties:
//!       ContainerDefinitions:
//!         - Name: app
//!           Image: public.ecr.aws/nginx/nginx:1.27
//! ```
//! ```hcl pass
//! resource "aws_ecs_task_definition" "task" {
//!   family = "app"
//!   container_definitions = jsonencode([{
//!     name                   = "app"
//!     image                  = "public.ecr.aws/nginx/nginx:1.27"
//!     readonlyRootFilesystem = true
//!   }])
//! }
//! ```
//! ```hcl fail
//! resource "aws_ecs_task_definition" "task" {
//!   family = "app"
//!   container_definitions = jsonencode([{
//!     name  = "app"
//!     image = "public.ecr.aws/nginx/nginx:1.27"
//!   }])
//! }
//! ```

use crate::check::{Judgement, get_in, is_null, judge};
use crate::context::Context;
use crate::ecs::{TASK_CFN, TASK_TF, every_container, field};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ecs.read-only-root-filesystem",
    title: "ECS containers have a read-only root filesystem",
    duty: Duty::AccessControl,
    severity: Severity::Low,
    cfn_types: TASK_CFN,
    tf_types: TASK_TF,
    reads: &[],
    controls: Controls {
        fsbp: &["ECS.5"],
        config: &["ECS_CONTAINERS_READONLY_ACCESS"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_336", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let key = field(resource, "ReadonlyRootFilesystem");
    every_container(
        resource,
        &mut |c| match get_in(&c.node, &key) {
            None => Judgement::No(
                c.node.span,
                format!("{key} is not set and defaults to false: the root filesystem is writable"),
            ),
            Some(n) => judge(n, &mut |v| match v.as_bool() {
                Some(b) => Judgement::from_bool(b, v, || {
                    format!("{key} is false: the root filesystem is writable")
                }),
                None if is_null(v) => {
                    Judgement::no(v, format!("{key} is left unset by a condition"))
                }
                None => Judgement::no(v, format!("{key} is not a boolean")),
            }),
        },
        "every container has a read-only root filesystem",
    )
}
