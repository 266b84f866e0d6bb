//! # batch.no-privileged-containers: Batch jobs do not run privileged containers
//!
//! ## Why this is your duty
//! AWS Batch runs your job definitions on ECS container instances (EC2 or
//! Spot, infrastructure) or Fargate (container): the scheduler is AWS's, but
//! what a job's container may do on its host is your job definition. A
//! privileged container gets root-equivalent access to the host and to the
//! other jobs on it.
//!
//! ## What AWS already does
//! Runs job containers unprivileged unless `Privileged` is true; Fargate
//! rejects privileged jobs.
//!
//! ## Verdicts
//! Reads `ContainerProperties.Privileged` of `AWS::Batch::JobDefinition` and
//! `privileged` in the `container_properties` JSON of
//! `aws_batch_job_definition`. Multi-node (`NodeProperties`) and ECS/EKS
//! properties forms are not read.
//! - met: absent (false) or false;
//! - not met: true;
//! - unknown: the flag or Terraform's `container_properties` is not static;
//! - not applicable: no container properties.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Job:
//!     Type: AWS::Batch::JobDefinition
//!     Properties:
//!       Type: container
//!       ContainerProperties:
//!         Image: public.ecr.aws/amazonlinux/amazonlinux:2023
//!         Vcpus: 1
//!         Memory: 512
//! ```
//! ```yaml fail
//! Resources:
//!   Job:
//!     Type: AWS::Batch::JobDefinition
//!     Properties:
//!       Type: container
//!       ContainerProperties:
//!         Image: public.ecr.aws/amazonlinux/amazonlinux:2023
//!         Vcpus: 1
//!         Memory: 512
//!         Privileged: true
//! ```
//! ```hcl pass
//! resource "aws_batch_job_definition" "job" {
//!   name = "job"
//!   type = "container"
//!   container_properties = jsonencode({
//!     image  = "public.ecr.aws/amazonlinux/amazonlinux:2023"
//!     vcpus  = 1
//!     memory = 512
//!   })
//! }
//! ```
//! ```hcl fail
//! resource "aws_batch_job_definition" "job" {
//!   name = "job"
//!   type = "container"
//!   container_properties = jsonencode({
//!     image      = "public.ecr.aws/amazonlinux/amazonlinux:2023"
//!     vcpus      = 1
//!     memory     = 512
//!     privileged = true
//!   })
//! }
//! ```

use crate::check::{Judgement, get, get_in, is_null, judge, spelling, verdict_of};
use crate::context::Context;
use crate::policy::json_to_node;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "batch.no-privileged-containers",
    title: "Batch job definitions do not run privileged containers",
    duty: Duty::AccessControl,
    severity: Severity::High,
    cfn_types: &["AWS::Batch::JobDefinition"],
    tf_types: &["aws_batch_job_definition"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_210", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let tf = resource.format.is_terraform();
    let path = spelling(resource, "ContainerProperties", "container_properties");
    let Some(node) = get(resource, path) else {
        return Verdict::not_applicable(resource, "no container properties");
    };
    let parsed;
    let props = match (&node.value, tf) {
        (Value::Unknown(w), _) => return Verdict::unknown(resource, node.span, path, w.clone()),
        (Value::String(text), true) => match serde_json::from_str::<serde_json::Value>(text) {
            Ok(json) => {
                parsed = json_to_node(&json, node.span);
                &parsed
            }
            Err(e) => {
                return Verdict::unknown(
                    resource,
                    node.span,
                    path,
                    format!("container_properties is not valid JSON: {e}"),
                );
            }
        },
        (_, true) => {
            return Verdict::unknown(
                resource,
                node.span,
                path,
                "container_properties that is not a static JSON document",
            );
        }
        _ => node,
    };
    let key = if tf { "privileged" } else { "Privileged" };
    let full = format!("{path}.{key}");
    match get_in(props, key) {
        None => Verdict::met_by_default(resource, &full, format!("{full} defaults to false")),
        Some(flag) => {
            let j = judge(flag, &mut |n| match n.as_bool() {
                Some(b) => Judgement::from_bool(!b, n, || {
                    format!("{full} is true: root access to the host")
                }),
                None if is_null(n) => Judgement::Yes,
                None => Judgement::no(n, format!("{full} is not a boolean")),
            });
            verdict_of(
                resource,
                flag,
                &full,
                j,
                "the job container is not privileged",
            )
        }
    }
}
