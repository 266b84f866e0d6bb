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
//! - unknown: the configuration is a value onus cannot resolve;
//! - judged with the bucket: an `aws_s3_bucket_logging` of a bucket in the
//!   scanned code; one whose bucket is declared elsewhere (another module or
//!   stack) is judged on its own, and the verdict says the bucket is not in the
//!   scanned code;
//! - unknown, on the bucket: no `aws_s3_bucket_logging` names it, but one in the
//!   same module names its bucket by a value onus cannot resolve (it may be this
//!   bucket); a bucket and an `aws_s3_bucket_logging` that name the bucket by
//!   the same expression (`bucket = var.name`) are linked.
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
//! ```hcl pass
//! resource "aws_s3_bucket_logging" "shared" {
//!   bucket        = "shared-data"
//!   target_bucket = "access-logs"
//!   target_prefix = "shared-data/"
//! }
//! ```

use crate::check::{get, require_set};
use crate::context::Context;
use crate::parent::S3_BUCKET;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "s3.access-logging",
    title: "S3 bucket has server access logging",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::S3::Bucket"],
    tf_types: &["aws_s3_bucket", "aws_s3_bucket_logging"],
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
        guard("S3_BUCKET_LOGGING_ENABLED", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let what = "server access logging is off";
    let logging = |l: &Resource| require_set(l, "", "target_bucket", what);
    if let Some(v) = S3_BUCKET.judge_alone(resource, cx, logging) {
        return v;
    }
    if resource.format.is_terraform() {
        let linked = cx.linked(
            resource,
            &["aws_s3_bucket_logging"],
            "bucket",
            Some("bucket"),
        );
        if let Some(l) = linked.first() {
            return logging(l);
        }
        if get(resource, "logging").is_some() {
            return require_set(resource, "", "logging.target_bucket", what);
        }
        if let Some(v) = cx.unresolved_link(
            resource,
            &["aws_s3_bucket_logging"],
            "bucket",
            Some("bucket"),
        ) {
            return v;
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
