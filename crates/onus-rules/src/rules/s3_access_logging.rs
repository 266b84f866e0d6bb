//! # s3.access-logging: S3 buckets record server access logs
//!
//! ## Why this is your duty
//! S3 is an abstracted service: AWS logs and monitors its own infrastructure,
//! but a record of who read or changed *your* objects exists only if you ask
//! for it. Server access logging is a per-bucket setting, off by default.
//!
//! ## What AWS already does
//! Records bucket-level management calls in CloudTrail (when you have a
//! trail). Object-level access is not logged unless you enable server access
//! logs or CloudTrail data events.
//!
//! ## Verdicts
//! - met: CloudFormation `LoggingConfiguration` is set (without
//!   `DestinationBucketName` logs go to the bucket itself, as the
//!   CloudFormation reference states); Terraform an inline
//!   `logging { target_bucket = ... }` block or an `aws_s3_bucket_logging` for
//!   the bucket;
//! - not met: none of those (logging is off by default);
//! - unknown: the configuration is a value onus cannot resolve.
//!
//! CloudTrail S3 data events are an alternative this rule does not see.
//! Fix: add `LoggingConfiguration` with a `DestinationBucketName`, or an
//! `aws_s3_bucket_logging` resource.
//!
//! ## Examples
//! ```yaml Data=met Logs=not-met
//! Resources:
//!   Logs:
//!     Type: AWS::S3::Bucket
//!   Data:
//!     Type: AWS::S3::Bucket
//!     Properties:
//!       LoggingConfiguration:
//!         DestinationBucketName: !Ref Logs
//!         LogFilePrefix: data/
//! ```
//! ```yaml fail
//! Resources:
//!   Data:
//!     Type: AWS::S3::Bucket
//! ```
//! ```yaml pass
//! Resources:
//!   Data:
//!     Type: AWS::S3::Bucket
//!     Properties:
//!       LoggingConfiguration: {}
//! ```
//! ```hcl aws_s3_bucket.data=met aws_s3_bucket.logs=not-met
//! resource "aws_s3_bucket" "logs" {
//!   bucket = "logs"
//! }
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//! }
//! resource "aws_s3_bucket_logging" "data" {
//!   bucket        = aws_s3_bucket.data.id
//!   target_bucket = aws_s3_bucket.logs.id
//!   target_prefix = "data/"
//! }
//! ```
//! ```hcl pass
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//!   logging {
//!     target_bucket = "logs"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//! }
//! ```

use crate::check::{get, require_set};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, trivy};
use crate::verdict::Verdict;
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "s3.access-logging",
    title: "S3 bucket has server access logging",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::S3::Bucket"],
    tf_types: &["aws_s3_bucket"],
    reads: &["aws_s3_bucket_logging"],
    controls: Controls {
        fsbp: &["S3.9"],
        config: &["S3_BUCKET_LOGGING_ENABLED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_18", Same),
        cfn_nag("W35", Same),
        trivy("AVD-AWS-0089", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let what = "server access logging is off";
    if resource.format.is_terraform() {
        let linked = cx.linked(
            resource,
            &["aws_s3_bucket_logging"],
            "bucket",
            Some("bucket"),
        );
        if let Some(l) = linked.first() {
            return require_set(l, "", "target_bucket", what);
        }
        if get(resource, "logging").is_some() {
            return require_set(resource, "", "logging.target_bucket", what);
        }
        return Verdict::missing(
            resource,
            "aws_s3_bucket_logging",
            "no aws_s3_bucket_logging or logging block for this bucket: server access logging is off",
        );
    }
    match get(resource, "LoggingConfiguration") {
        None => Verdict::missing(
            resource,
            "LoggingConfiguration",
            format!("LoggingConfiguration is not set: {what}"),
        ),
        Some(node) => match &node.value {
            Value::Unknown(w) => {
                Verdict::unknown(resource, node.span, "LoggingConfiguration", w.clone())
            }
            _ => Verdict::met(
                resource,
                node.span,
                "LoggingConfiguration",
                "server access logging is on",
            ),
        },
    }
}
