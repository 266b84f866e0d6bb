//! # cloudtrail.log-file-validation: CloudTrail trails validate their log files
//!
//! ## Why this is your duty
//! CloudTrail is an abstracted service: AWS records the API calls and delivers
//! the files, but whether you can later prove a log file was not altered or
//! deleted depends on a trail setting you choose. With validation on,
//! CloudTrail writes signed hourly digest files.
//!
//! ## What AWS already does
//! Delivers log files to your bucket. Log file integrity validation is off
//! unless enabled (`EnableLogFileValidation` / `enable_log_file_validation`
//! default to false).
//!
//! ## Verdicts
//! - met: `EnableLogFileValidation: true` (`enable_log_file_validation = true`);
//! - not met: absent (default false) or false;
//! - unknown: the flag comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Trail:
//!     Type: AWS::CloudTrail::Trail
//!     Properties:
//!       IsLogging: true
//!       S3BucketName: audit-logs
//!       EnableLogFileValidation: true
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
//! resource "aws_cloudtrail" "trail" {
//!   name                       = "trail"
//!   s3_bucket_name             = "audit-logs"
//!   enable_log_file_validation = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_cloudtrail" "trail" {
//!   name           = "trail"
//!   s3_bucket_name = "audit-logs"
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "cloudtrail.log-file-validation",
    title: "CloudTrail trail validates log file integrity",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::CloudTrail::Trail"],
    tf_types: &["aws_cloudtrail"],
    reads: &[],
    controls: Controls {
        fsbp: &["CloudTrail.4"],
        config: &["CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED"],
        cis: &["3.2"],
    },
    peers: &[
        checkov("CKV_AWS_36", Same),
        trivy("AVD-AWS-0016", Same),
        guard("CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "EnableLogFileValidation",
        "enable_log_file_validation",
        true,
        false,
        "log file integrity validation",
    )
}
