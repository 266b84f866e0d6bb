//! # s3.lifecycle-configuration: S3 buckets say how long objects are kept
//!
//! ## Why this is your duty
//! S3 is an abstracted service: AWS stores every object durably for as long
//! as you keep it. How long that is (when old versions, incomplete uploads and
//! expired data are deleted or moved to colder storage) is a decision about
//! your data that only you can make. Without a lifecycle configuration,
//! noncurrent versions and forgotten data accumulate indefinitely, which
//! defeats retention policies and keeps data you promised to delete.
//!
//! ## What AWS already does
//! Keeps every object and every noncurrent version until someone deletes it:
//! a new bucket has no lifecycle rules.
//!
//! ## Verdicts
//! Follows the AWS Config rule `s3-lifecycle-policy-check` (Security Hub
//! S3.13) without its optional parameters.
//! - met: `LifecycleConfiguration.Rules` has a rule with `Status: Enabled`;
//!   Terraform: an `aws_s3_bucket_lifecycle_configuration` for the bucket
//!   with a rule whose `status` is `Enabled`, or a legacy inline
//!   `lifecycle_rule { enabled = true }`;
//! - not met: no lifecycle configuration, or every rule is `Disabled`;
//! - unknown: a status comes from a value onus cannot resolve, or no
//!   configuration names the bucket but one in the same module names its
//!   bucket by a value onus cannot resolve (it may be this bucket);
//! - judged with the bucket: an `aws_s3_bucket_lifecycle_configuration` of a
//!   bucket in the scanned code; one whose bucket is declared elsewhere is
//!   judged on its own, and the verdict says the bucket is not in the scanned
//!   code.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Data:
//!     Type: AWS::S3::Bucket
//!     Properties:
//!       LifecycleConfiguration:
//!         Rules:
//!           - Id: expire-old-versions
//!             Status: Enabled
//!             NoncurrentVersionExpiration:
//!               NoncurrentDays: 90
//! ```
//! ```yaml fail
//! Resources:
//!   Data:
//!     Type: AWS::S3::Bucket
//!     Properties:
//!       LifecycleConfiguration:
//!         Rules:
//!           - Id: expire-old-versions
//!             Status: Disabled
//!             NoncurrentVersionExpiration:
//!               NoncurrentDays: 90
//! ```
//! ```yaml fail
//! Resources:
//!   Data:
//!     Type: AWS::S3::Bucket
//! ```
//! ```hcl pass
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//! }
//! resource "aws_s3_bucket_lifecycle_configuration" "data" {
//!   bucket = aws_s3_bucket.data.id
//!   rule {
//!     id     = "expire-old-versions"
//!     status = "Enabled"
//!     noncurrent_version_expiration {
//!       noncurrent_days = 90
//!     }
//!   }
//! }
//! ```
//! ```hcl pass
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//!   lifecycle_rule {
//!     enabled = true
//!     expiration {
//!       days = 365
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//! }
//! ```
//! ```hcl pass
//! resource "aws_s3_bucket_lifecycle_configuration" "shared" {
//!   bucket = "shared-data"
//!   rule {
//!     id     = "expire"
//!     status = "Enabled"
//!     expiration {
//!       days = 365
//!     }
//!   }
//! }
//! ```

use crate::context::Context;
use crate::parent::S3_BUCKET;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::s3::{lifecycle_rules, require_lifecycle};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "s3.lifecycle-configuration",
    title: "S3 buckets have an enabled lifecycle rule",
    duty: Duty::Backups,
    severity: Severity::Low,
    cfn_types: &["AWS::S3::Bucket"],
    tf_types: &["aws_s3_bucket", "aws_s3_bucket_lifecycle_configuration"],
    reads: &["aws_s3_bucket_lifecycle_configuration"],
    controls: Controls {
        fsbp: &["S3.13"],
        config: &["S3_LIFECYCLE_POLICY_CHECK"],
        cis: &[],
    },
    peers: &[checkov("CKV2_AWS_61", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    S3_BUCKET
        .judge_alone(resource, cx, lifecycle_rules)
        .unwrap_or_else(|| require_lifecycle(resource, cx, "bucket"))
}
