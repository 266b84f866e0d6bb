//! # ecs.no-host-network: ECS tasks do not use the host network mode
//!
//! ## Why this is your duty
//! ECS is a container service (infrastructure on EC2 capacity): the network
//! mode of a task is your choice in the task definition. In `host` mode the
//! containers share the instance's network stack: they bypass per-task
//! security groups (`awsvpc`), can bind any port of the host and reach
//! anything the instance can, so limiting their network exposure falls back
//! entirely on you.
//!
//! ## What AWS already does
//! Defaults to `bridge` on EC2 (and `awsvpc`, the only mode, on Fargate), with
//! per-task elastic network interfaces and security groups in `awsvpc` mode.
//!
//! ## Verdicts
//! - met: `NetworkMode` / `network_mode` is absent (bridge on EC2), `awsvpc`,
//!   `bridge` or `none`;
//! - not met: `host`;
//! - unknown: the mode is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Task:
//!     Type: AWS::ECS::TaskDefinition
//!     Properties:
//!       NetworkMode: awsvpc
//!       RequiresCompatibilities: [FARGATE]
//! ```
//! ```yaml fail
//! Resources:
//!   Task:
//!     Type: AWS::ECS::TaskDefinition
//!     Properties:
//!       NetworkMode: host
//! ```
//! ```hcl pass
//! resource "aws_ecs_task_definition" "task" {
//!   family                   = "app"
//!   network_mode             = "awsvpc"
//!   requires_compatibilities = ["FARGATE"]
//!   container_definitions    = "[]"
//! }
//! ```
//! ```hcl fail
//! resource "aws_ecs_task_definition" "task" {
//!   family                = "app"
//!   network_mode          = "host"
//!   container_definitions = "[]"
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::ecs::{TASK_CFN, TASK_TF};
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ecs.no-host-network",
    title: "ECS task definitions do not use the host network mode",
    duty: Duty::NetworkExposure,
    severity: Severity::Medium,
    cfn_types: TASK_CFN,
    tf_types: TASK_TF,
    reads: &[],
    controls: Controls {
        fsbp: &[],
        config: &[],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "NetworkMode",
        "network_mode",
        &["awsvpc", "bridge", "none"],
        Some("bridge"),
        "containers isolated from the host's network stack",
    )
}
