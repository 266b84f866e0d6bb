//! # ecs.non-root-user: ECS containers run as a non-root user
//!
//! ## Why this is your duty
//! ECS is a container service (an infrastructure one on EC2 capacity): AWS
//! runs the control plane and, on Fargate, the hosts, but which user your
//! processes run as inside the container is set by your image and task
//! definition. A process running as root (or, on Windows, as
//! `ContainerAdministrator`) that is compromised can change anything in the
//! container, and is one kernel or runtime flaw away from the host. Running
//! as an unprivileged user is an access-control decision that is yours.
//!
//! ## What AWS already does
//! Nothing by default: without `User` the container runs as the user its
//! image names, which is root unless the image says otherwise (Docker's
//! default, unchanged since ECS launched). On Windows the default is
//! `ContainerAdministrator`.
//!
//! ## Verdicts
//! Reads every container definition and the task's
//! `RuntimePlatform.OperatingSystemFamily` (`runtime_platform { operating_system_family }`;
//! absent means Linux).
//! - met: every container sets `User` / `user` to a user other than `root`
//!   or UID `0` (Linux, with or without a `:group`), or other than
//!   `ContainerAdministrator` (Windows);
//! - not met: a container sets one of those, or sets no user at all (the
//!   image's user applies, root unless the image changes it);
//! - unknown: a user, or Terraform's `container_definitions`, is not
//!   static (a family that is not static is judged as both);
//! - not applicable: no container definitions.
//!
//! Fix: set `User` to an unprivileged user (`1000:1000`, `nginx`) and make
//! sure the image lets it run.
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
//!           User: "1000:1000"
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
//! ```yaml fail
//! Resources:
//!   Task:
//!     Type: AWS::ECS::TaskDefinition
//!     Properties:
//!       RuntimePlatform:
//!         OperatingSystemFamily: WINDOWS_SERVER_2022_CORE
//!       ContainerDefinitions:
//!         - Name: app
//!           Image: mcr.microsoft.com/windows/servercore:ltsc2022
//!           User: ContainerAdministrator
//! ```
//! ```hcl pass
//! resource "aws_ecs_task_definition" "task" {
//!   family = "app"
//!   container_definitions = jsonencode([{
//!     name  = "app"
//!     image = "public.ecr.aws/nginx/nginx:1.27"
//!     user  = "nginx"
//!   }])
//! }
//! ```
//! ```hcl fail
//! resource "aws_ecs_task_definition" "task" {
//!   family = "app"
//!   container_definitions = jsonencode([{
//!     name  = "app"
//!     image = "public.ecr.aws/nginx/nginx:1.27"
//!     user  = "0:0"
//!   }])
//! }
//! ```

use crate::check::{Judgement, get_in, judge};
use crate::context::Context;
use crate::ecs::{Os, TASK_CFN, TASK_TF, every_container, field, os};
use crate::rule::{Controls, Relation::*, Rule, Severity, guard};
use crate::verdict::Verdict;
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ecs.non-root-user",
    title: "ECS containers run as a non-root (non-administrator) user",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: TASK_CFN,
    tf_types: TASK_TF,
    reads: &[],
    controls: Controls {
        fsbp: &["ECS.20", "ECS.21"],
        config: &[
            "ECS_TASK_DEFINITION_LINUX_USER_NON_ROOT",
            "ECS_TASK_DEFINITION_WINDOWS_USER_NON_ADMIN",
            "ECS_TASK_DEFINITION_NONROOT_USER",
        ],
        cis: &[],
    },
    peers: &[guard(
        "ECS_TASK_DEFINITION_USER_FOR_HOST_MODE_CHECK",
        Related,
    )],
    check,
    file: file!(),
};

/// True when `user` (`name`, `uid`, `name:group`, `uid:gid`) is the
/// administrator of `os`.
fn is_admin(user: &str, os: Os) -> bool {
    let name = user.split(':').next().unwrap_or(user).trim();
    let root = name == "root" || name.parse::<u64>().is_ok_and(|uid| uid == 0);
    let admin = name.eq_ignore_ascii_case("ContainerAdministrator");
    match os {
        Os::Linux => root,
        Os::Windows => admin,
        Os::NotStatic => root || admin,
    }
}

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let os = os(resource);
    let key = field(resource, "User");
    every_container(
        resource,
        &mut |c| match get_in(&c.node, &key) {
            None => Judgement::No(
                c.node.span,
                format!(
                    "no {key}: the container runs as its image's user, root unless the image sets another"
                ),
            ),
            Some(user) => judge(user, &mut |n| match (&n.value, n.scalar_text()) {
                (_, Some(u)) if u.trim().is_empty() => {
                    Judgement::no(n, format!("{key} is empty: the image's user applies"))
                }
                (_, Some(u)) => Judgement::from_bool(!is_admin(&u, os), n, || {
                    format!("{key} is {u:?}: the container runs with administrator rights")
                }),
                (Value::Null, _) => Judgement::no(n, format!("{key} is left unset by a condition")),
                _ => Judgement::no(n, format!("{key} is not a plain value")),
            }),
        },
        "every container runs as a non-root user",
    )
}
