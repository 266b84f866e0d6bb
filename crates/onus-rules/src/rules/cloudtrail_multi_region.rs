//! # cloudtrail.multi-region: CloudTrail trails record every Region
//!
//! ## Why this is your duty
//! CloudTrail is an abstracted service: AWS captures API activity, but which
//! Regions a trail records is your choice. A single-Region trail misses
//! activity, including an attacker's, in every other Region.
//!
//! ## What AWS already does
//! Keeps 90 days of management events in Event history for each Region. A
//! trail is single-Region unless `IsMultiRegionTrail` /
//! `is_multi_region_trail` is true (default false; the console creates
//! multi-Region trails, the APIs do not).
//!
//! ## Verdicts
//! - met: `IsMultiRegionTrail: true` (`is_multi_region_trail = true`);
//! - not met: absent (default false) or false;
//! - unknown: the flag comes from a value onus cannot resolve.
//!
//! FSBP CloudTrail.1 also asks that the trail record read and write
//! management events; this rule checks the Region coverage only.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Trail:
//!     Type: AWS::CloudTrail::Trail
//!     Properties:
//!       IsLogging: true
//!       S3BucketName: audit-logs
//!       IsMultiRegionTrail: true
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
//!   name                  = "trail"
//!   s3_bucket_name        = "audit-logs"
//!   is_multi_region_trail = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_cloudtrail" "trail" {
//!   name                  = "trail"
//!   s3_bucket_name        = "audit-logs"
//!   is_multi_region_trail = false
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "cloudtrail.multi-region",
    title: "CloudTrail trail records all Regions",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::CloudTrail::Trail"],
    tf_types: &["aws_cloudtrail"],
    reads: &[],
    controls: Controls {
        fsbp: &["CloudTrail.1"],
        config: &["MULTI_REGION_CLOUD_TRAIL_ENABLED"],
        cis: &["3.1"],
    },
    peers: &[
        checkov("CKV_AWS_67", Same),
        trivy("AVD-AWS-0014", Same),
        guard("MULTI_REGION_CLOUD_TRAIL_ENABLED", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "IsMultiRegionTrail",
        "is_multi_region_trail",
        true,
        false,
        "multi-Region trail",
    )
}
