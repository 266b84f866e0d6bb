//! # ecs.no-public-ip: ECS services and task sets do not assign public IP addresses
//!
//! ## Why this is your duty
//! ECS is a container service: AWS places the tasks, but where they sit on
//! the network is your service's configuration. A task with a public IP in a
//! public subnet can be reached from the internet, limited only by its
//! security groups; keeping tasks private behind a load balancer is your duty.
//!
//! ## What AWS already does
//! `AssignPublicIp` defaults to `DISABLED` for `awsvpc` tasks.
//!
//! ## Verdicts
//! Reads `NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp` of
//! `AWS::ECS::Service` (`NetworkConfiguration.AwsVpcConfiguration.AssignPublicIp`
//! of `AWS::ECS::TaskSet`) and `network_configuration { assign_public_ip }` of
//! `aws_ecs_service` and `aws_ecs_task_set`.
//! - met: absent (default DISABLED / false), `DISABLED`, `false`;
//! - not met: `ENABLED` / `true`;
//! - unknown: the value is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Service:
//!     Type: AWS::ECS::Service
//!     Properties:
//!       LaunchType: FARGATE
//!       NetworkConfiguration:
//!         AwsvpcConfiguration:
//!           AssignPublicIp: DISABLED
//!           Subnets: [subnet-0123456789abcdef0]
//! ```
//! ```yaml fail
//! Resources:
//!   Service:
//!     Type: AWS::ECS::Service
//!     Properties:
//!       LaunchType: FARGATE
//!       NetworkConfiguration:
//!         AwsvpcConfiguration:
//!           AssignPublicIp: ENABLED
//!           Subnets: [subnet-0123456789abcdef0]
//! ```
//! ```hcl pass
//! resource "aws_ecs_service" "svc" {
//!   name        = "app"
//!   launch_type = "FARGATE"
//!   network_configuration {
//!     subnets = ["subnet-0123456789abcdef0"]
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_ecs_service" "svc" {
//!   name        = "app"
//!   launch_type = "FARGATE"
//!   network_configuration {
//!     subnets          = ["subnet-0123456789abcdef0"]
//!     assign_public_ip = true
//!   }
//! }
//! ```
//! ```yaml fail
//! Resources:
//!   Canary:
//!     Type: AWS::ECS::TaskSet
//!     Properties:
//!       Cluster: apps
//!       Service: web
//!       TaskDefinition: arn:aws:ecs:eu-west-1:111122223333:task-definition/web:3
//!       NetworkConfiguration:
//!         AwsVpcConfiguration:
//!           AssignPublicIp: ENABLED
//!           Subnets: [subnet-0123456789abcdef0]
//! ```
//! ```hcl pass
//! resource "aws_ecs_task_set" "canary" {
//!   service         = "web"
//!   cluster         = "apps"
//!   task_definition = "web:3"
//!   network_configuration {
//!     subnets = ["subnet-0123456789abcdef0"]
//!   }
//! }
//! ```

use crate::check::{require_bool, require_one_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ecs.no-public-ip",
    title: "ECS services and task sets do not assign public IP addresses to tasks",
    duty: Duty::NetworkExposure,
    severity: Severity::High,
    cfn_types: &["AWS::ECS::Service", "AWS::ECS::TaskSet"],
    tf_types: &["aws_ecs_service", "aws_ecs_task_set"],
    reads: &[],
    controls: Controls {
        fsbp: &["ECS.2", "ECS.16"],
        config: &[],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_333", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let what = "tasks without public IP addresses";
    if resource.format.is_terraform() {
        return require_bool(
            resource,
            "",
            "network_configuration.assign_public_ip",
            false,
            false,
            what,
        );
    }
    let path = if resource.resource_type == "AWS::ECS::TaskSet" {
        "NetworkConfiguration.AwsVpcConfiguration.AssignPublicIp"
    } else {
        "NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp"
    };
    require_one_of(resource, path, "", &["DISABLED"], Some("DISABLED"), what)
}
