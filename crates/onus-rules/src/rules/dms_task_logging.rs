//! # dms.task-logging: DMS replication tasks log their source and target activity
//!
//! ## Why this is your duty
//! DMS is a container service: AWS runs the task, but a record of what it
//! read from your source and wrote to your target, and of its errors, exists
//! in CloudWatch Logs only if the task's settings turn logging on. Logging
//! of customer resources is the customer's duty.
//!
//! ## What AWS already does
//! Runs tasks without CloudWatch logging unless the task settings document
//! (`ReplicationTaskSettings` / `replication_task_settings`, JSON) sets
//! `Logging.EnableLogging` to true; once on, each component logs at
//! `LOGGER_SEVERITY_DEFAULT` unless lowered. This default has not changed
//! since DMS launched in 2016.
//!
//! ## Verdicts
//! - met: `Logging.EnableLogging` is true and none of `SOURCE_CAPTURE`,
//!   `SOURCE_UNLOAD`, `TARGET_APPLY`, `TARGET_LOAD` is set below
//!   `LOGGER_SEVERITY_DEFAULT` (`LOGGER_SEVERITY_ERROR`, `_WARNING`, `_INFO`);
//! - not met: no settings, logging off, or a component lowered;
//! - unknown: the document or a value onus cannot resolve, or text that is
//!   not JSON.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Task:
//!     Type: AWS::DMS::ReplicationTask
//!     Properties:
//!       MigrationType: full-load-and-cdc
//!       ReplicationInstanceArn: arn:aws:dms:us-east-1:123456789012:rep:INSTANCE
//!       SourceEndpointArn: arn:aws:dms:us-east-1:123456789012:endpoint:SOURCE
//!       TargetEndpointArn: arn:aws:dms:us-east-1:123456789012:endpoint:TARGET
//!       TableMappings: '{"rules": []}'
//!       ReplicationTaskSettings: '{"Logging": {"EnableLogging": true}}'
//! ```
//! ```yaml fail
//! Resources:
//!   Task:
//!     Type: AWS::DMS::ReplicationTask
//!     Properties:
//!       MigrationType: full-load
//!       ReplicationInstanceArn: arn:aws:dms:us-east-1:123456789012:rep:INSTANCE
//!       SourceEndpointArn: arn:aws:dms:us-east-1:123456789012:endpoint:SOURCE
//!       TargetEndpointArn: arn:aws:dms:us-east-1:123456789012:endpoint:TARGET
//!       TableMappings: '{"rules": []}'
//! ```
//! ```hcl pass
//! resource "aws_dms_replication_task" "task" {
//!   replication_task_id      = "task"
//!   migration_type           = "cdc"
//!   replication_instance_arn = "arn:aws:dms:us-east-1:123456789012:rep:INSTANCE"
//!   source_endpoint_arn      = "arn:aws:dms:us-east-1:123456789012:endpoint:SOURCE"
//!   target_endpoint_arn      = "arn:aws:dms:us-east-1:123456789012:endpoint:TARGET"
//!   table_mappings           = jsonencode({ rules = [] })
//!   replication_task_settings = jsonencode({
//!     Logging = {
//!       EnableLogging = true
//!       LogComponents = [{ Id = "TARGET_APPLY", Severity = "LOGGER_SEVERITY_DEBUG" }]
//!     }
//!   })
//! }
//! ```
//! ```hcl fail
//! resource "aws_dms_replication_task" "task" {
//!   replication_task_id      = "task"
//!   migration_type           = "cdc"
//!   replication_instance_arn = "arn:aws:dms:us-east-1:123456789012:rep:INSTANCE"
//!   source_endpoint_arn      = "arn:aws:dms:us-east-1:123456789012:endpoint:SOURCE"
//!   target_endpoint_arn      = "arn:aws:dms:us-east-1:123456789012:endpoint:TARGET"
//!   table_mappings           = jsonencode({ rules = [] })
//!   replication_task_settings = jsonencode({
//!     Logging = {
//!       EnableLogging = true
//!       LogComponents = [{ Id = "SOURCE_CAPTURE", Severity = "LOGGER_SEVERITY_ERROR" }]
//!     }
//!   })
//! }
//! ```

use crate::check::{get_in, items, json_document};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_ingest::{Node, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "dms.task-logging",
    title: "DMS replication tasks log their source and target activity",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::DMS::ReplicationTask"],
    tf_types: &["aws_dms_replication_task"],
    reads: &[],
    controls: Controls {
        fsbp: &["DMS.7", "DMS.8"],
        config: &[
            "DMS_REPLICATION_TASK_TARGETDB_LOGGING",
            "DMS_REPLICATION_TASK_SOURCEDB_LOGGING",
        ],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

const COMPONENTS: &[&str] = &[
    "SOURCE_CAPTURE",
    "SOURCE_UNLOAD",
    "TARGET_APPLY",
    "TARGET_LOAD",
];
const TOO_LOW: &[&str] = &[
    "LOGGER_SEVERITY_ERROR",
    "LOGGER_SEVERITY_WARNING",
    "LOGGER_SEVERITY_INFO",
];

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let (doc, path) = match json_document(
        resource,
        "ReplicationTaskSettings",
        "replication_task_settings",
        "no task settings: logging is off",
    ) {
        Ok(d) => d,
        Err(v) => return v,
    };
    let enabled = get_in(&doc, "Logging.EnableLogging");
    match enabled.map(|n| (n, n.as_bool())) {
        Some((_, Some(true))) => {}
        Some((n, None)) if matches!(n.value, Value::Unknown(_)) => {
            return Verdict::unknown(resource, n.span, path, "Logging.EnableLogging");
        }
        _ => {
            return Verdict::not_met(
                resource,
                doc.span,
                path,
                "Logging.EnableLogging is not true: the task writes no CloudWatch log",
            );
        }
    }
    for component in items(get_in(&doc, "Logging.LogComponents")) {
        let id = get_in(component, "Id")
            .and_then(Node::as_str)
            .unwrap_or_default();
        let severity = get_in(component, "Severity")
            .and_then(Node::as_str)
            .unwrap_or_default();
        if COMPONENTS.contains(&id) && TOO_LOW.contains(&severity) {
            return Verdict::not_met(
                resource,
                doc.span,
                path,
                format!("{id} logs only at {severity}, below LOGGER_SEVERITY_DEFAULT"),
            );
        }
    }
    Verdict::met(
        resource,
        doc.span,
        path,
        "source and target components log at the default severity or more",
    )
}
