//! # ecs.separate-task-role: ECS tasks do not give their code the execution role
//!
//! ## Why this is your duty
//! IAM is always the customer's. An ECS task definition names two roles:
//! the execution role, which the ECS agent uses to pull images, fetch the
//! task's secrets from Secrets Manager or Parameter Store and write its logs,
//! and the task role, whose credentials your application code receives.
//! When both are the same role, the code (and anyone who compromises it) can
//! read every secret the agent may read, not only the ones injected into it.
//!
//! ## What AWS already does
//! Keeps the execution role's credentials to the agent: containers get only
//! the task role's credentials, and none when `TaskRoleArn` is absent.
//!
//! ## Verdicts
//! - met: the two roles differ, or either is absent;
//! - not met: `ExecutionRoleArn` and `TaskRoleArn` (`execution_role_arn`,
//!   `task_role_arn`) name the same role (the same literal ARN, or a
//!   reference to the same role resource);
//! - unknown: a role is not static and the other is set.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Task:
//!     Type: AWS::ECS::TaskDefinition
//!     Properties:
//!       ExecutionRoleArn: arn:aws:iam::111122223333:role/ecs-execution
//!       TaskRoleArn: arn:aws:iam::111122223333:role/app
//! ```
//! ```yaml fail
//! Resources:
//!   Role:
//!     Type: AWS::IAM::Role
//!     Properties:
//!       AssumeRolePolicyDocument:
//!         Statement:
//!           - Effect: Allow
//!             Principal: {Service: ecs-tasks.amazonaws.com}
//!             Action: sts:AssumeRole
//!   Task:
//!     Type: AWS::ECS::TaskDefinition
//!     Properties:
//!       ExecutionRoleArn: !GetAtt Role.Arn
//!       TaskRoleArn: !GetAtt Role.Arn
//! ```
//! ```hcl pass
//! resource "aws_ecs_task_definition" "task" {
//!   family                = "app"
//!   container_definitions = "[]"
//!   execution_role_arn    = "arn:aws:iam::111122223333:role/ecs-execution"
//! }
//! ```
//! ```hcl fail
//! resource "aws_ecs_task_definition" "task" {
//!   family                = "app"
//!   container_definitions = "[]"
//!   execution_role_arn    = "arn:aws:iam::111122223333:role/app"
//!   task_role_arn         = "arn:aws:iam::111122223333:role/app"
//! }
//! ```

use crate::check::prop;
use crate::context::Context;
use crate::ecs::{TASK_CFN, TASK_TF};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ecs.separate-task-role",
    title: "ECS task definitions use a task role other than the execution role",
    duty: Duty::AccessControl,
    severity: Severity::Low,
    cfn_types: TASK_CFN,
    tf_types: TASK_TF,
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_249", Same)],
    check,
    file: file!(),
};

/// What a role setting names, when it can be told.
fn identity(node: &Node) -> Result<String, String> {
    match &node.value {
        Value::String(s) => Ok(s.trim().to_owned()),
        Value::Ref(r) => Ok(format!("resource {}", r.target)),
        Value::Unknown(what) => Err(what.clone()),
        _ => Err("a role that depends on a condition".into()),
    }
}

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let (exec, exec_path) = prop(resource, "ExecutionRoleArn", "execution_role_arn");
    let (task, task_path) = prop(resource, "TaskRoleArn", "task_role_arn");
    let (Some(exec), Some(task)) = (exec, task) else {
        return Verdict::met_by_default(
            resource,
            task_path,
            "the task role and the execution role are not the same role",
        );
    };
    match (identity(exec), identity(task)) {
        (Ok(a), Ok(b)) if a == b => Verdict::not_met(
            resource,
            task.span,
            task_path,
            format!(
                "{task_path} is the execution role: the application can use the agent's permissions (image pulls, every secret of the task)"
            ),
        ),
        (Ok(_), Ok(_)) => Verdict::met(
            resource,
            task.span,
            task_path,
            format!("{task_path} differs from {exec_path}"),
        ),
        (Err(what), _) => Verdict::unknown(resource, exec.span, exec_path, what),
        (_, Err(what)) => Verdict::unknown(resource, task.span, task_path, what),
    }
}
