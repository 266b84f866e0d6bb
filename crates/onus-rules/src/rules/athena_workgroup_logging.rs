//! # athena.workgroup-logging: Athena workgroups publish query metrics to CloudWatch
//!
//! ## Why this is your duty
//! Athena is an abstracted service: AWS runs the queries, but monitoring
//! what runs in *your* workgroups (who scans how much data, which queries
//! fail) needs the workgroup to publish to CloudWatch. Monitoring customer
//! resources is part of the logging duty.
//!
//! ## What AWS already does
//! Publishes workgroup metrics only when `PublishCloudWatchMetricsEnabled` /
//! `publish_cloudwatch_metrics_enabled` is true. Neither the Athena API nor
//! the CloudFormation reference states a default; the Terraform provider
//! defaults the argument to true inside a `configuration` block (and sends
//! no configuration at all without one).
//!
//! ## Verdicts
//! - met: true, or absent from a Terraform `configuration` block;
//! - not met: false;
//! - unknown: absent in CloudFormation, or no Terraform `configuration`
//!   block (the API default is undocumented); or a value onus cannot
//!   resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Queries:
//!     Type: AWS::Athena::WorkGroup
//!     Properties:
//!       Name: analysts
//!       WorkGroupConfiguration:
//!         PublishCloudWatchMetricsEnabled: true
//! ```
//! ```yaml fail
//! Resources:
//!   Queries:
//!     Type: AWS::Athena::WorkGroup
//!     Properties:
//!       Name: analysts
//!       WorkGroupConfiguration:
//!         PublishCloudWatchMetricsEnabled: false
//! ```
//! ```yaml unknown
//! Resources:
//!   Queries:
//!     Type: AWS::Athena::WorkGroup
//!     Properties:
//!       Name: analysts
//! ```
//! ```hcl pass
//! resource "aws_athena_workgroup" "queries" {
//!   name = "analysts"
//!   configuration {
//!     enforce_workgroup_configuration = true
//!   }
//! }
//! ```
//! ```hcl unknown
//! resource "aws_athena_workgroup" "queries" {
//!   name = "analysts"
//! }
//! ```
//! ```hcl fail
//! resource "aws_athena_workgroup" "queries" {
//!   name = "analysts"
//!   configuration {
//!     publish_cloudwatch_metrics_enabled = false
//!   }
//! }
//! ```

use crate::check::{get, require_bool_where_documented};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "athena.workgroup-logging",
    title: "Athena workgroups publish query metrics to CloudWatch",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::Athena::WorkGroup"],
    tf_types: &["aws_athena_workgroup"],
    reads: &[],
    controls: Controls {
        fsbp: &["Athena.4"],
        config: &[],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    // Terraform's default applies only inside a configuration block.
    let documented = resource.format.is_terraform() && get(resource, "configuration").is_some();
    require_bool_where_documented(
        resource,
        (
            "WorkGroupConfiguration.PublishCloudWatchMetricsEnabled",
            "configuration.publish_cloudwatch_metrics_enabled",
        ),
        true,
        true,
        documented,
        "CloudWatch metrics",
    )
}
