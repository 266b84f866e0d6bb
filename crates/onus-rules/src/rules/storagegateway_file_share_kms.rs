//! # storagegateway.file-share-kms: file shares store their objects with your KMS key
//!
//! ## Why this is your duty
//! Storage Gateway is a container-category service: AWS writes the files of
//! an NFS or SMB share as objects in your S3 bucket, encrypted with S3's own
//! keys unless you choose otherwise. Encrypting them with a KMS key you
//! control, governed by your key policy and logged on every use, is a
//! key-management choice that stays yours.
//!
//! ## What AWS already does
//! Stores the objects with SSE-S3 (`kms_encrypted = false`, the default).
//!
//! ## Verdicts
//! Terraform only: CloudFormation has no Storage Gateway resources.
//! - met: `kms_encrypted = true` with a `kms_key_arn`;
//! - not met: `kms_encrypted` false or absent, or no key named;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_storagegateway_smb_file_share" "share" {
//!   gateway_arn   = "arn:aws:storagegateway:eu-west-1:123456789012:gateway/sgw-12345678"
//!   location_arn  = "arn:aws:s3:::share-bucket"
//!   role_arn      = "arn:aws:iam::123456789012:role/gateway"
//!   kms_encrypted = true
//!   kms_key_arn   = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
//! }
//! ```
//! ```hcl fail
//! resource "aws_storagegateway_nfs_file_share" "share" {
//!   client_list  = ["10.0.1.0/24"]
//!   gateway_arn  = "arn:aws:storagegateway:eu-west-1:123456789012:gateway/sgw-12345678"
//!   location_arn = "arn:aws:s3:::share-bucket"
//!   role_arn     = "arn:aws:iam::123456789012:role/gateway"
//! }
//! ```

use crate::check::{all_of, require_bool, require_set};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "storagegateway.file-share-kms",
    title: "Storage Gateway file shares encrypt objects with a KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &[],
    tf_types: &[
        "aws_storagegateway_nfs_file_share",
        "aws_storagegateway_smb_file_share",
    ],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    all_of(vec![
        require_bool(resource, "", "kms_encrypted", true, false, "KMS encryption"),
        require_set(
            resource,
            "",
            "kms_key_arn",
            "no KMS key is named for the share's objects",
        ),
    ])
    .unwrap_or_else(|| Verdict::missing(resource, "", "no encryption settings"))
}
