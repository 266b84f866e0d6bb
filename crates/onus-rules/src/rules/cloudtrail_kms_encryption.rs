//! # cloudtrail.kms-encryption: CloudTrail trails encrypt logs with a KMS key
//!
//! ## Why this is your duty
//! CloudTrail is an abstracted service: AWS delivers log files encrypted with
//! SSE-S3 by default. Encrypting them with a KMS key you control adds a
//! second gate (the key policy) between anyone who can read the bucket and
//! your audit trail, and records every decryption; the choice of key is yours.
//!
//! ## What AWS already does
//! Encrypts delivered log files with SSE-S3 (`KMSKeyId` / `kms_key_id` absent).
//!
//! ## Verdicts
//! - met: `KMSKeyId` (`kms_key_id`) is set, literally or by reference;
//! - not met: absent (SSE-S3 only) or empty;
//! - unknown: the key comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   TrailKey:
//!     Type: AWS::KMS::Key
//!   Trail:
//!     Type: AWS::CloudTrail::Trail
//!     Properties:
//!       IsLogging: true
//!       S3BucketName: audit-logs
//!       KMSKeyId: !GetAtt TrailKey.Arn
//! ```
//! ```yaml fail
//! Resources:
//!   Trail:
//!     Type: AWS::CloudTrail::Trail
//!     Properties:
//!       IsLogging: true
//!       S3BucketName: audit-logs
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "trail" {
//!   enable_key_rotation = true
//! }
//! resource "aws_cloudtrail" "trail" {
//!   name           = "trail"
//!   s3_bucket_name = "audit-logs"
//!   kms_key_id     = aws_kms_key.trail.arn
//! }
//! ```
//! ```hcl fail
//! resource "aws_cloudtrail" "trail" {
//!   name           = "trail"
//!   s3_bucket_name = "audit-logs"
//! }
//! ```

use crate::check::require_set;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "cloudtrail.kms-encryption",
    title: "CloudTrail trail encrypts logs with a KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::CloudTrail::Trail"],
    tf_types: &["aws_cloudtrail"],
    reads: &[],
    controls: Controls {
        fsbp: &["CloudTrail.2"],
        config: &["CLOUD_TRAIL_ENCRYPTION_ENABLED"],
        cis: &["3.7"],
    },
    peers: &[
        checkov("CKV_AWS_35", Same),
        trivy("AVD-AWS-0015", Same),
        guard("CLOUD_TRAIL_ENCRYPTION_ENABLED", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_set(
        resource,
        "KMSKeyId",
        "kms_key_id",
        "log files are encrypted with SSE-S3 only",
    )
}
