//! # globalaccelerator.flow-logs: accelerators write flow logs
//!
//! ## Why this is your duty
//! AWS Global Accelerator is an abstracted service: AWS runs the anycast
//! edge, and recording which clients connected to your endpoints through it
//! is logging on your side of the model. Flow logs give the source address,
//! port and bytes of every flow — the record you need when an endpoint is
//! attacked or misused.
//!
//! ## What AWS already does
//! Publishes flow logs to an S3 bucket you name once you enable them; they
//! are off by default, and CloudFormation's `AWS::GlobalAccelerator::Accelerator`
//! cannot turn them on.
//!
//! ## Verdicts
//! Reads Terraform `aws_globalaccelerator_accelerator`
//! (`attributes { flow_logs_enabled }`):
//! - met: `true`;
//! - not met: false, absent, or no `attributes` block;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_globalaccelerator_accelerator" "edge" {
//!   name            = "edge"
//!   ip_address_type = "IPV4"
//!   attributes {
//!     flow_logs_enabled   = true
//!     flow_logs_s3_bucket = "flow-logs"
//!     flow_logs_s3_prefix = "edge/"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_globalaccelerator_accelerator" "edge" {
//!   name            = "edge"
//!   ip_address_type = "IPV4"
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "globalaccelerator.flow-logs",
    title: "Global Accelerator accelerators write flow logs",
    duty: Duty::Logging,
    severity: Severity::Low,
    cfn_types: &[],
    tf_types: &["aws_globalaccelerator_accelerator"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_75", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "FlowLogsEnabled",
        "attributes.flow_logs_enabled",
        true,
        false,
        "flow logs",
    )
}
