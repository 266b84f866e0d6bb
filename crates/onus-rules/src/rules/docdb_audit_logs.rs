//! # docdb.audit-logs: DocumentDB clusters export audit logs
//!
//! ## Why this is your duty
//! DocumentDB is a container service: AWS operates the database engine and
//! monitors its own layers, but a record of who authenticated and what they
//! changed in *your* database exists only if you export the audit log.
//! Logging of customer resources is the customer's duty in every category.
//!
//! ## What AWS already does
//! Offers `audit` and `profiler` log exports to CloudWatch Logs; none is
//! exported by default.
//!
//! ## Verdicts
//! - met: `EnableCloudwatchLogsExports` (`enabled_cloudwatch_logs_exports`)
//!   lists `audit`;
//! - not met: absent, or `audit` is not listed (or only under a condition);
//! - unknown: the list or an item comes from a value onus cannot resolve.
//!
//! The export only carries events when the cluster parameter group sets
//! `audit_logs` to `enabled`; onus checks the export.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Docs:
//!     Type: AWS::DocDB::DBCluster
//!     Properties:
//!       StorageEncrypted: true
//!       EnableCloudwatchLogsExports: [audit, profiler]
//! ```
//! ```yaml fail
//! Resources:
//!   Docs:
//!     Type: AWS::DocDB::DBCluster
//!     Properties:
//!       StorageEncrypted: true
//!       EnableCloudwatchLogsExports: [profiler]
//! ```
//! ```hcl pass
//! resource "aws_docdb_cluster" "docs" {
//!   cluster_identifier              = "docs"
//!   enabled_cloudwatch_logs_exports = ["audit"]
//! }
//! ```
//! ```hcl fail
//! resource "aws_docdb_cluster" "docs" {
//!   cluster_identifier = "docs"
//! }
//! ```
//! ```hcl unknown
//! variable "exports" {
//!   type = list(string)
//! }
//! resource "aws_docdb_cluster" "docs" {
//!   cluster_identifier              = "docs"
//!   enabled_cloudwatch_logs_exports = var.exports
//! }
//! ```

use crate::context::Context;
use crate::lists::require_item;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "docdb.audit-logs",
    title: "DocumentDB cluster exports audit logs to CloudWatch Logs",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::DocDB::DBCluster"],
    tf_types: &["aws_docdb_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &["DocumentDB.4"],
        config: &["DOCDB_CLUSTER_AUDIT_LOGGING_ENABLED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_104", Related),
        checkov("CKV_AWS_85", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_item(
        resource,
        "EnableCloudwatchLogsExports",
        "enabled_cloudwatch_logs_exports",
        &["audit"],
        "audit events are not exported",
    )
}
