//! # ecs.container-logging: ECS containers send their logs somewhere
//!
//! ## Why this is your duty
//! ECS is a container service: AWS runs the scheduler and (on Fargate) the
//! hosts, but what your containers write to stdout and stderr is kept only if
//! the task definition names a log driver. Without one, Fargate discards the
//! output and EC2 keeps it only on the instance until it is replaced.
//!
//! ## What AWS already does
//! Ships container output to CloudWatch Logs (`awslogs`), FireLens, or
//! another driver once you configure it per container.
//!
//! ## Verdicts
//! - met: every container sets `LogConfiguration.LogDriver` /
//!   `logConfiguration.logDriver`;
//! - not met: a container has no log configuration;
//! - unknown: the log driver, or Terraform's `container_definitions`, is not static;
//! - not applicable: no container definitions.
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
//!           LogConfiguration:
//!             LogDriver: awslogs
//!             Options:
//!               awslogs-group: /ecs/app
//!               awslogs-region: eu-west-1
//!               awslogs-stream-prefix: app
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
//!     name  = "app"
//!     image = "public.ecr.aws/nginx/nginx:1.27"
//!     logConfiguration = {
//!       logDriver = "awslogs"
//!       options = {
//!         "awslogs-group"         = "/ecs/app"
//!         "awslogs-region"        = "eu-west-1"
//!         "awslogs-stream-prefix" = "app"
//!       }
//!     }
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

use crate::check::{Judgement, get_in};
use crate::context::Context;
use crate::ecs::{TASK_CFN, TASK_TF, every_container, field};
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ecs.container-logging",
    title: "ECS containers have a log configuration",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: TASK_CFN,
    tf_types: TASK_TF,
    reads: &[],
    controls: Controls {
        fsbp: &["ECS.9"],
        config: &["ECS_TASK_DEFINITION_LOG_CONFIGURATION"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let config = field(resource, "LogConfiguration");
    let driver = field(resource, "LogDriver");
    every_container(
        resource,
        &mut |c| match get_in(&c.node, &config) {
            None => Judgement::No(
                c.node.span,
                format!("no {config}: the container's output is not kept"),
            ),
            Some(lc) => match get_in(lc, &driver).map(|d| (d, &d.value)) {
                Some((_, Value::String(s))) if !s.trim().is_empty() => Judgement::Yes,
                Some((d, Value::Unknown(w))) => Judgement::Unknown(d.span, w.clone()),
                Some((d, _)) => Judgement::no(d, format!("{config}.{driver} is empty")),
                None => Judgement::no(lc, format!("{config} names no {driver}")),
            },
        },
        "every container has a log driver",
    )
}
