//! # s3express.lifecycle-configuration: S3 directory buckets say how long objects are kept
//!
//! ## Why this is your duty
//! S3 Express One Zone is an abstracted service: AWS stores the objects of a
//! directory bucket in one Availability Zone for as long as you keep them.
//! Directory buckets usually hold short-lived, high-throughput data
//! (training sets, intermediate results); deleting it when it is no longer
//! needed is your decision, and a lifecycle rule is how code makes it.
//!
//! ## What AWS already does
//! Keeps every object until someone deletes it. Directory buckets (launched
//! in November 2023) accept lifecycle rules that expire objects and abort
//! incomplete uploads (no transitions); none exists until you declare one.
//!
//! ## Verdicts
//! Follows the AWS Config rule `s3express-dir-bucket-lifecycle-rules-check`
//! (Security Hub S3.25).
//! - met: `LifecycleConfiguration.Rules` has a rule with `Status: Enabled`;
//!   Terraform: an `aws_s3_bucket_lifecycle_configuration` whose `bucket`
//!   names the `aws_s3_directory_bucket`, with a rule whose `status` is
//!   `Enabled`;
//! - not met: no lifecycle configuration, or every rule is `Disabled`;
//! - unknown: a status comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Scratch:
//!     Type: AWS::S3Express::DirectoryBucket
//!     Properties:
//!       DataRedundancy: SingleAvailabilityZone
//!       LocationName: use1-az4
//!       LifecycleConfiguration:
//!         Rules:
//!           - Id: expire
//!             Status: Enabled
//!             ExpirationInDays: 7
//! ```
//! ```yaml fail
//! Resources:
//!   Scratch:
//!     Type: AWS::S3Express::DirectoryBucket
//!     Properties:
//!       DataRedundancy: SingleAvailabilityZone
//!       LocationName: use1-az4
//! ```
//! ```hcl pass
//! resource "aws_s3_directory_bucket" "scratch" {
//!   bucket = "scratch--use1-az4--x-s3"
//!   location {
//!     name = "use1-az4"
//!   }
//! }
//! resource "aws_s3_bucket_lifecycle_configuration" "scratch" {
//!   bucket = aws_s3_directory_bucket.scratch.bucket
//!   rule {
//!     id     = "expire"
//!     status = "Enabled"
//!     expiration {
//!       days = 7
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_s3_directory_bucket" "scratch" {
//!   bucket = "scratch--use1-az4--x-s3"
//!   location {
//!     name = "use1-az4"
//!   }
//! }
//! ```

use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::s3::require_lifecycle;
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "s3express.lifecycle-configuration",
    title: "S3 directory buckets have an enabled lifecycle rule",
    duty: Duty::Backups,
    severity: Severity::Low,
    cfn_types: &["AWS::S3Express::DirectoryBucket"],
    tf_types: &["aws_s3_directory_bucket"],
    reads: &["aws_s3_bucket_lifecycle_configuration"],
    controls: Controls {
        fsbp: &["S3.25"],
        config: &["S3EXPRESS_DIR_BUCKET_LIFECYCLE_RULES_CHECK"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    require_lifecycle(resource, cx, "bucket")
}
