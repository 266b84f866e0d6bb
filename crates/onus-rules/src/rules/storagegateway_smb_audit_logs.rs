//! # storagegateway.smb-audit-logs: SMB file shares keep an audit log
//!
//! ## Why this is your duty
//! Storage Gateway is a container-category service: AWS runs the gateway,
//! but who opened, changed or deleted which file on your share is recorded
//! only where you send the audit log. That record is yours to keep for
//! investigations and compliance.
//!
//! ## What AWS already does
//! Keeps no file-access audit log unless `audit_destination_arn` names a
//! CloudWatch Logs group.
//!
//! ## Verdicts
//! Terraform only: CloudFormation has no Storage Gateway resources.
//! - met: `audit_destination_arn` is set;
//! - not met: it is not;
//! - unknown: the value is not static.
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_storagegateway_smb_file_share" "share" {
//!   gateway_arn           = "arn:aws:storagegateway:eu-west-1:123456789012:gateway/sgw-12345678"
//!   location_arn          = "arn:aws:s3:::share-bucket"
//!   role_arn              = "arn:aws:iam::123456789012:role/gateway"
//!   audit_destination_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:/storagegateway/share"
//! }
//! ```
//! ```hcl fail
//! resource "aws_storagegateway_smb_file_share" "share" {
//!   gateway_arn  = "arn:aws:storagegateway:eu-west-1:123456789012:gateway/sgw-12345678"
//!   location_arn = "arn:aws:s3:::share-bucket"
//!   role_arn     = "arn:aws:iam::123456789012:role/gateway"
//! }
//! ```

use crate::check::require_set;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "storagegateway.smb-audit-logs",
    title: "Storage Gateway SMB file shares send an audit log to CloudWatch",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &[],
    tf_types: &["aws_storagegateway_smb_file_share"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_set(
        resource,
        "",
        "audit_destination_arn",
        "file access on the share is not audited",
    )
}
