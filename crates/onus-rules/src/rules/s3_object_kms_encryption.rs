//! # s3.object-kms-encryption: S3 objects written by Terraform are encrypted with KMS
//!
//! ## Why this is your duty
//! S3 is an abstracted service: AWS encrypts every new object with keys it
//! owns (SSE-S3). Encrypting an object with a KMS key instead, so that every
//! read is logged and governed by a key policy you control, is a
//! key-management decision that stays yours. Objects that Terraform uploads
//! (configuration files, bootstrap scripts, packages) often hold exactly the
//! data that needs it.
//!
//! ## What AWS already does
//! Since 5 January 2023, encrypts every new object with SSE-S3 unless the
//! request or the bucket's default encryption asks for KMS.
//!
//! ## Verdicts
//! Judged on `aws_s3_object`, the older `aws_s3_bucket_object` and
//! `aws_s3_object_copy` (CloudFormation has no object resource).
//! - met: `kms_key_id` names a key, `server_side_encryption` is `aws:kms` or
//!   `aws:kms:dsse`, or neither is set and the bucket (declared in the same
//!   module) encrypts by default with KMS (as `s3.kms-encryption` judges it);
//! - not met: `server_side_encryption = "AES256"`, or neither is set and the
//!   bucket's default is SSE-S3;
//! - unknown: a value onus cannot resolve, or the bucket is outside the scan
//!   (the object takes its default encryption).
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_kms_key" "config" {
//!   enable_key_rotation = true
//! }
//! resource "aws_s3_object" "config" {
//!   bucket     = "config"
//!   key        = "app.json"
//!   source     = "app.json"
//!   kms_key_id = aws_kms_key.config.arn
//! }
//! ```
//! ```hcl fail
//! resource "aws_s3_bucket" "config" {
//!   bucket = "config"
//! }
//! resource "aws_s3_object" "config" {
//!   bucket = aws_s3_bucket.config.id
//!   key    = "app.json"
//!   source = "app.json"
//! }
//! ```
//! ```hcl fail
//! resource "aws_s3_object_copy" "copy" {
//!   bucket                 = "archive"
//!   key                    = "app.json"
//!   source                 = "config/app.json"
//!   server_side_encryption = "AES256"
//! }
//! ```

use super::s3_kms_encryption;
use crate::check::{get, require_one_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::{Status, Verdict};
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "s3.object-kms-encryption",
    title: "S3 objects declared in Terraform are encrypted with a KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &[],
    tf_types: &[
        "aws_s3_object",
        "aws_s3_bucket_object",
        "aws_s3_object_copy",
    ],
    reads: &["aws_s3_bucket"],
    controls: Controls::NONE,
    peers: &[
        checkov("CKV_AWS_186", Related),
        checkov("CKV_AWS_181", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    if let Some(key) = get(resource, "kms_key_id") {
        return Verdict::met(resource, key.span, "kms_key_id", "kms_key_id is set");
    }
    if get(resource, "server_side_encryption").is_some() {
        return require_one_of(
            resource,
            "",
            "server_side_encryption",
            &["aws:kms", "aws:kms:dsse"],
            None,
            "encryption with a KMS key",
        );
    }
    let Some(name) = get(resource, "bucket") else {
        return Verdict::missing(resource, "bucket", "no bucket");
    };
    let bucket = cx.resolve(resource, name).or_else(|| {
        let literal = name.as_str()?;
        cx.in_scope(resource, &["aws_s3_bucket"])
            .find(|b| get(b, "bucket").and_then(|n| n.as_str()) == Some(literal))
    });
    let Some(bucket) = bucket.filter(|b| b.resource_type == "aws_s3_bucket") else {
        let which = match &name.value {
            Value::String(s) => format!("bucket {s:?}"),
            Value::Unknown(why) => why.clone(),
            _ => "the bucket".to_owned(),
        };
        return Verdict::unknown(
            resource,
            name.span,
            "bucket",
            format!("the default encryption of {which}, which is outside the scan"),
        );
    };
    let v = (s3_kms_encryption::RULE.check)(bucket, cx);
    match v.status {
        Status::Met => Verdict::met_by_default(
            resource,
            "",
            format!(
                "no key of its own: {} encrypts by default with KMS",
                bucket.id
            ),
        ),
        Status::NotMet => Verdict::missing(
            resource,
            "kms_key_id",
            format!(
                "no kms_key_id, and {} does not encrypt by default with KMS: SSE-S3 applies",
                bucket.id
            ),
        ),
        _ => v,
    }
}
