//! # s3.object-lock: S3 buckets have Object Lock enabled
//!
//! ## Why this is your duty
//! S3 is an abstracted service: AWS keeps objects durable against hardware
//! loss, but not against deletes and overwrites made with your own
//! credentials (a mistake, a rogue script, ransomware). Object Lock stores
//! objects write-once-read-many: locked versions cannot be deleted or
//! overwritten until their retention ends, which is the protection against
//! your own side that only you can turn on.
//!
//! ## What AWS already does
//! Creates buckets without Object Lock. Since November 2023 it can also be
//! enabled on an existing bucket (which turns on versioning, and cannot be
//! turned off again).
//!
//! ## Verdicts
//! Follows the AWS Config rule `s3-bucket-default-lock-enabled` (Security
//! Hub S3.15).
//! - met: `ObjectLockEnabled: true` (or `ObjectLockConfiguration` with
//!   `ObjectLockEnabled: Enabled`); Terraform `object_lock_enabled = true`,
//!   the legacy `object_lock_configuration { object_lock_enabled = "Enabled" }`,
//!   or an `aws_s3_bucket_object_lock_configuration` for the bucket;
//! - not met: none of these (Object Lock is off);
//! - unknown: the setting comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Records:
//!     Type: AWS::S3::Bucket
//!     Properties:
//!       ObjectLockEnabled: true
//!       VersioningConfiguration:
//!         Status: Enabled
//! ```
//! ```yaml fail
//! Resources:
//!   Records:
//!     Type: AWS::S3::Bucket
//! ```
//! ```hcl pass
//! resource "aws_s3_bucket" "records" {
//!   bucket              = "records"
//!   object_lock_enabled = true
//! }
//! ```
//! ```hcl pass
//! resource "aws_s3_bucket" "records" {
//!   bucket = "records"
//! }
//! resource "aws_s3_bucket_object_lock_configuration" "records" {
//!   bucket = aws_s3_bucket.records.id
//!   rule {
//!     default_retention {
//!       mode = "GOVERNANCE"
//!       days = 30
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_s3_bucket" "records" {
//!   bucket              = "records"
//!   object_lock_enabled = false
//! }
//! ```

use crate::check::{get, require_bool, require_one_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "s3.object-lock",
    title: "S3 buckets have Object Lock enabled",
    duty: Duty::Backups,
    severity: Severity::Low,
    cfn_types: &["AWS::S3::Bucket"],
    tf_types: &["aws_s3_bucket"],
    reads: &["aws_s3_bucket_object_lock_configuration"],
    controls: Controls {
        fsbp: &[],
        config: &["S3_BUCKET_DEFAULT_LOCK_ENABLED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_143", Same),
        guard("S3_BUCKET_DEFAULT_LOCK_ENABLED", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let what = "Object Lock";
    if resource.format.is_terraform() {
        let configs = cx.linked(
            resource,
            &["aws_s3_bucket_object_lock_configuration"],
            "bucket",
            Some("bucket"),
        );
        if let Some(config) = configs.first() {
            // `object_lock_enabled` defaults to "Enabled" in this resource.
            return require_one_of(
                config,
                "",
                "object_lock_enabled",
                &["Enabled"],
                Some("Enabled"),
                what,
            );
        }
        if get(resource, "object_lock_configuration").is_some() {
            return require_one_of(
                resource,
                "",
                "object_lock_configuration.object_lock_enabled",
                &["Enabled"],
                None,
                what,
            );
        }
        return require_bool(resource, "", "object_lock_enabled", true, false, what);
    }
    if get(resource, "ObjectLockEnabled").is_none()
        && get(resource, "ObjectLockConfiguration.ObjectLockEnabled").is_some()
    {
        return require_one_of(
            resource,
            "ObjectLockConfiguration.ObjectLockEnabled",
            "",
            &["Enabled"],
            None,
            what,
        );
    }
    require_bool(resource, "ObjectLockEnabled", "", true, false, what)
}
