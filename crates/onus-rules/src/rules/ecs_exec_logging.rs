//! # ecs.exec-logging: ECS Exec sessions are not left unlogged
//!
//! ## Why this is your duty
//! ECS Exec opens an interactive shell in a running container. AWS records
//! that a session was started (the `ExecuteCommand` call in CloudTrail), but
//! what was typed and printed in it is kept only where your cluster says.
//! Keeping an audit trail of what people do inside your containers is a
//! logging duty of the customer.
//!
//! ## What AWS already does
//! `Logging` defaults to `DEFAULT`: session output goes to the `awslogs`
//! destination of the task's containers (nothing is kept for a container
//! without one, which `ecs.container-logging` checks). `OVERRIDE` sends it to
//! the CloudWatch Logs group or S3 bucket you name; `NONE` keeps nothing.
//! ECS Exec exists since March 2021.
//!
//! ## Verdicts
//! Reads `Configuration.ExecuteCommandConfiguration` (`configuration {
//! execute_command_configuration }`).
//! - met: absent or `DEFAULT` (the task definitions' log configuration
//!   applies), or `OVERRIDE` with a CloudWatch Logs group or S3 bucket;
//! - not met: `NONE`, or `OVERRIDE` without a destination;
//! - unknown: the value is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Cluster:
//!     Type: AWS::ECS::Cluster
//!     Properties:
//!       Configuration:
//!         ExecuteCommandConfiguration:
//!           Logging: OVERRIDE
//!           LogConfiguration:
//!             CloudWatchLogGroupName: /ecs/exec
//! ```
//! ```yaml fail
//! Resources:
//!   Cluster:
//!     Type: AWS::ECS::Cluster
//!     Properties:
//!       Configuration:
//!         ExecuteCommandConfiguration:
//!           Logging: NONE
//! ```
//! ```hcl pass
//! resource "aws_ecs_cluster" "apps" {
//!   name = "apps"
//! }
//! ```
//! ```hcl fail
//! resource "aws_ecs_cluster" "apps" {
//!   name = "apps"
//!   configuration {
//!     execute_command_configuration {
//!       logging = "OVERRIDE"
//!     }
//!   }
//! }
//! ```

use crate::check::{Judgement, get_in, judge, prop, spelling, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ecs.exec-logging",
    title: "ECS clusters do not turn off ECS Exec session logging",
    duty: Duty::Logging,
    severity: Severity::Low,
    cfn_types: &["AWS::ECS::Cluster"],
    tf_types: &["aws_ecs_cluster"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[
        checkov("CKV_AWS_223", Same),
        checkov("CKV_AWS_224", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let (logging, path) = prop(
        resource,
        "Configuration.ExecuteCommandConfiguration.Logging",
        "configuration.execute_command_configuration.logging",
    );
    let Some(logging) = logging else {
        return Verdict::met_by_default(
            resource,
            path,
            format!("{path} is not set (DEFAULT): sessions are logged where the containers log"),
        );
    };
    let (exec, _) = prop(
        resource,
        "Configuration.ExecuteCommandConfiguration",
        "configuration.execute_command_configuration",
    );
    let destinations = [
        spelling(
            resource,
            "LogConfiguration.CloudWatchLogGroupName",
            "log_configuration.cloud_watch_log_group_name",
        ),
        spelling(
            resource,
            "LogConfiguration.S3BucketName",
            "log_configuration.s3_bucket_name",
        ),
    ];
    let j = judge(logging, &mut |n| match n.scalar_text() {
        Some(v) if v.eq_ignore_ascii_case("DEFAULT") => Judgement::Yes,
        Some(v) if v.eq_ignore_ascii_case("OVERRIDE") => {
            let named = exec.is_some_and(|e| destinations.iter().any(|d| get_in(e, d).is_some()));
            Judgement::from_bool(named, n, || {
                format!(
                    "{path} is OVERRIDE but names no log group or bucket: sessions are not kept"
                )
            })
        }
        Some(v) => Judgement::no(
            n,
            format!("{path} is {v:?}: ECS Exec sessions are not logged"),
        ),
        None if crate::check::is_null(n) => Judgement::Yes,
        None => Judgement::no(n, format!("{path} is not a plain value")),
    });
    verdict_of(resource, logging, path, j, "ECS Exec sessions are logged")
}
