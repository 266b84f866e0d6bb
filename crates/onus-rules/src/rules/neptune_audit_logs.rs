//! # neptune.audit-logs: Neptune clusters export audit logs
//!
//! ## Why this is your duty
//! Neptune is a container service: AWS operates the database engine and
//! monitors its own layers, but a record of who authenticated and what they
//! changed in *your* database exists only if you export the audit log.
//! Logging of customer resources is the customer's duty in every category.
//!
//! ## What AWS already does
//! Offers `audit` and `slowquery` log exports to CloudWatch Logs; none is
//! exported by default.
//!
//! ## Verdicts
//! - met: `EnableCloudwatchLogsExports` (`enable_cloudwatch_logs_exports`)
//!   lists `audit`;
//! - not met: absent, or `audit` is not listed (or only under a condition);
//! - unknown: the list or an item comes from a value onus cannot resolve.
//!
//! The export only carries events when the cluster parameter group sets
//! `neptune_enable_audit_log` to 1; onus checks the export.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Graph:
//!     Type: AWS::Neptune::DBCluster
//!     Properties:
//!       StorageEncrypted: true
//!       EnableCloudwatchLogsExports: [audit, slowquery]
//! ```
//! ```yaml fail
//! Resources:
//!   Graph:
//!     Type: AWS::Neptune::DBCluster
//!     Properties:
//!       StorageEncrypted: true
//!       EnableCloudwatchLogsExports: [slowquery]
//! ```
//! ```hcl pass
//! resource "aws_neptune_cluster" "graph" {
//!   cluster_identifier              = "graph"
//!   enable_cloudwatch_logs_exports = ["audit"]
//! }
//! ```
//! ```hcl fail
//! resource "aws_neptune_cluster" "graph" {
//!   cluster_identifier = "graph"
//! }
//! ```
//! ```hcl unknown
//! variable "exports" {
//!   type = list(string)
//! }
//! resource "aws_neptune_cluster" "graph" {
//!   cluster_identifier              = "graph"
//!   enable_cloudwatch_logs_exports = var.exports
//! }
//! ```

use crate::context::Context;
use crate::lists::require_item;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "neptune.audit-logs",
    title: "Neptune cluster exports audit logs to CloudWatch Logs",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::Neptune::DBCluster"],
    tf_types: &["aws_neptune_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &["Neptune.2"],
        config: &["NEPTUNE_CLUSTER_CLOUDWATCH_LOG_EXPORT_ENABLED"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_101", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_item(
        resource,
        "EnableCloudwatchLogsExports",
        "enable_cloudwatch_logs_exports",
        &["audit"],
        "audit events are not exported",
    )
}
