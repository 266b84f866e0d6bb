//! # storagegateway.smb-no-guest: SMB file shares require Active Directory sign-in
//!
//! ## Why this is your duty
//! Storage Gateway is a container-category service: AWS runs the gateway and
//! stores the files in your S3 bucket, but who may open a share is your
//! access control. Guest access lets anyone who knows the one shared guest
//! password, from any machine that reaches the gateway, read and write the
//! share, with no per-user identity or audit trail.
//!
//! ## What AWS already does
//! Authenticates SMB users against Active Directory (`ActiveDirectory`, the
//! default) unless `authentication = "GuestAccess"`.
//!
//! ## Verdicts
//! Terraform only: CloudFormation has no Storage Gateway resources.
//! - met: `authentication` absent or `ActiveDirectory`;
//! - not met: `GuestAccess`;
//! - unknown: the value is not static.
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_storagegateway_smb_file_share" "share" {
//!   gateway_arn  = "arn:aws:storagegateway:eu-west-1:123456789012:gateway/sgw-12345678"
//!   location_arn = "arn:aws:s3:::share-bucket"
//!   role_arn     = "arn:aws:iam::123456789012:role/gateway"
//! }
//! ```
//! ```hcl fail
//! resource "aws_storagegateway_smb_file_share" "share" {
//!   authentication = "GuestAccess"
//!   gateway_arn    = "arn:aws:storagegateway:eu-west-1:123456789012:gateway/sgw-12345678"
//!   location_arn   = "arn:aws:s3:::share-bucket"
//!   role_arn       = "arn:aws:iam::123456789012:role/gateway"
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "storagegateway.smb-no-guest",
    title: "Storage Gateway SMB file shares do not allow guest access",
    duty: Duty::AccessControl,
    severity: Severity::High,
    cfn_types: &[],
    tf_types: &["aws_storagegateway_smb_file_share"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "",
        "authentication",
        &["ActiveDirectory"],
        Some("ActiveDirectory"),
        "per-user sign-in",
    )
}
