//! # redshift.audit-logging: Redshift clusters write audit logs
//!
//! ## Why this is your duty
//! Redshift is a container service: AWS records API calls in CloudTrail, but
//! who connected to *your* warehouse and what they ran is in the database
//! audit log, which exists outside the cluster only if you turn it on.
//! Logging of customer resources is the customer's duty in every category.
//!
//! ## What AWS already does
//! Keeps system tables for a few days inside the cluster; audit logging to
//! S3 (since 2013) or CloudWatch Logs (since 2021) is off unless configured.
//!
//! ## Verdicts
//! - met: CloudFormation `LoggingProperties` names a `BucketName` or
//!   `LogDestinationType: cloudwatch`; Terraform `logging { enable = true }`
//!   (provider 5 and earlier) or an `aws_redshift_logging` resource whose
//!   `cluster_identifier` names the cluster (by reference or literal id);
//! - not met: none of these;
//! - unknown: a value onus cannot resolve, or an `aws_redshift_logging`
//!   whose cluster cannot be resolved.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Warehouse:
//!     Type: AWS::Redshift::Cluster
//!     Properties:
//!       ClusterType: multi-node
//!       NodeType: ra3.xlplus
//!       NumberOfNodes: 2
//!       DBName: analytics
//!       MasterUsername: analytics_owner
//!       ManageMasterPassword: true
//!       LoggingProperties:
//!         LogDestinationType: cloudwatch
//!         LogExports: [connectionlog, userlog, useractivitylog]
//! ```
//! ```yaml fail
//! Resources:
//!   Warehouse:
//!     Type: AWS::Redshift::Cluster
//!     Properties:
//!       ClusterType: multi-node
//!       NodeType: ra3.xlplus
//!       NumberOfNodes: 2
//!       DBName: analytics
//!       MasterUsername: analytics_owner
//!       ManageMasterPassword: true
//! ```
//! ```hcl aws_redshift_cluster.warehouse=met
//! resource "aws_redshift_cluster" "warehouse" {
//!   cluster_identifier     = "warehouse"
//!   node_type              = "ra3.xlplus"
//!   master_username        = "analytics_owner"
//!   manage_master_password = true
//! }
//! resource "aws_redshift_logging" "warehouse" {
//!   cluster_identifier   = aws_redshift_cluster.warehouse.id
//!   log_destination_type = "cloudwatch"
//!   log_exports          = ["connectionlog", "userlog", "useractivitylog"]
//! }
//! ```
//! ```hcl fail
//! resource "aws_redshift_cluster" "warehouse" {
//!   cluster_identifier     = "warehouse"
//!   node_type              = "ra3.xlplus"
//!   number_of_nodes        = 2
//!   master_username        = "analytics_owner"
//!   manage_master_password = true
//!   logging {
//!     enable = false
//!   }
//! }
//! ```

use crate::check::{get_in, prop, require_bool};
use crate::context::Context;
use crate::lists::companion;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Node;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "redshift.audit-logging",
    title: "Redshift clusters have audit logging enabled",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::Redshift::Cluster"],
    tf_types: &["aws_redshift_cluster"],
    reads: &["aws_redshift_logging"],
    controls: Controls {
        fsbp: &["Redshift.4"],
        config: &[],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_71", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    if !resource.format.is_terraform() {
        let (node, path) = prop(resource, "LoggingProperties", "");
        let Some(node) = node else {
            return Verdict::missing(resource, path, "LoggingProperties is not set: no audit log");
        };
        let bucket = get_in(node, "BucketName");
        let cloudwatch = get_in(node, "LogDestinationType")
            .and_then(Node::as_str)
            .is_some_and(|d| d.eq_ignore_ascii_case("cloudwatch"));
        return if bucket.is_some() || cloudwatch {
            Verdict::met(resource, node.span, path, "audit logs are delivered")
        } else {
            Verdict::not_met(
                resource,
                node.span,
                path,
                "LoggingProperties names no destination",
            )
        };
    }
    match companion(
        resource,
        cx,
        &["aws_redshift_logging"],
        "cluster_identifier",
        Some("cluster_identifier"),
    ) {
        Ok(found) if !found.is_empty() => {
            return Verdict::met(
                resource,
                resource.name_span,
                "",
                format!("{} writes the audit log", found[0].id),
            );
        }
        Err(what) => return Verdict::unknown(resource, resource.name_span, "", what),
        Ok(_) => {}
    }
    require_bool(resource, "", "logging.enable", true, false, "audit logging")
}
