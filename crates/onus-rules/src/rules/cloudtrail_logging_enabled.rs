//! # cloudtrail.logging-enabled: CloudTrail trails are logging
//!
//! ## Why this is your duty
//! CloudTrail is an abstracted service: AWS records the API calls made in
//! your account, but a trail delivers them to your bucket only while its
//! logging is on. A trail created with logging stopped, or stopped later,
//! leaves no audit record of what was done with your credentials.
//!
//! ## What AWS already does
//! Keeps 90 days of management events in the Event history whatever you do.
//! A trail created through CloudFormation logs only if `IsLogging` (required)
//! is true; Terraform's `enable_logging` defaults to true.
//!
//! ## Verdicts
//! - met: `IsLogging` / `enable_logging` is true (Terraform: or absent);
//! - not met: false;
//! - unknown: the value is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Trail:
//!     Type: AWS::CloudTrail::Trail
//!     Properties:
//!       IsLogging: true
//!       S3BucketName: audit-logs
//! ```
//! ```yaml fail
//! Resources:
//!   Trail:
//!     Type: AWS::CloudTrail::Trail
//!     Properties:
//!       IsLogging: false
//!       S3BucketName: audit-logs
//! ```
//! ```hcl pass
//! resource "aws_cloudtrail" "trail" {
//!   name           = "audit"
//!   s3_bucket_name = "audit-logs"
//! }
//! ```
//! ```hcl fail
//! resource "aws_cloudtrail" "trail" {
//!   name           = "audit"
//!   s3_bucket_name = "audit-logs"
//!   enable_logging = false
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "cloudtrail.logging-enabled",
    title: "CloudTrail trails are logging",
    duty: Duty::Logging,
    severity: Severity::High,
    cfn_types: &["AWS::CloudTrail::Trail"],
    tf_types: &["aws_cloudtrail"],
    reads: &[],
    controls: Controls {
        fsbp: &[],
        config: &["CLOUD_TRAIL_ENABLED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_251", Same),
        guard("CLOUD_TRAIL_ENABLED", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    // CloudFormation requires IsLogging; absent there is an invalid template.
    let default = resource.format.is_terraform();
    require_bool(
        resource,
        "IsLogging",
        "enable_logging",
        true,
        default,
        "trail logging",
    )
}
