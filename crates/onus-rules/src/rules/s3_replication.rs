//! # s3.replication: S3 buckets replicate their objects to another bucket
//!
//! ## Why this is your duty
//! S3 is an abstracted service: AWS stores each object across several
//! Availability Zones of one Region. A copy outside that bucket (another
//! Region, another account) against a Regional outage, an account compromise
//! or a deleted bucket is not made for you: the model leaves recovery from
//! your own side's failures, and Region-wide events, to your configuration.
//!
//! ## What AWS already does
//! Keeps objects in one bucket in one Region. Replication is off until you
//! add a replication configuration (it requires versioning on both buckets).
//!
//! ## Verdicts
//! - met: `ReplicationConfiguration.Rules` has a rule with `Status:
//!   Enabled`; Terraform: an `aws_s3_bucket_replication_configuration` for the
//!   bucket with an enabled rule, or the legacy inline
//!   `replication_configuration`;
//! - not met: no replication configuration, or every rule disabled;
//! - unknown: a rule's status comes from a value onus cannot resolve.
//!
//! Security Hub S3.7 also asks that the destination be in another Region;
//! the destination bucket's Region is rarely known from code, so this rule
//! does not judge it (`s3.replication-residency` checks it against your
//! allowed Regions).
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Data:
//!     Type: AWS::S3::Bucket
//!     Properties:
//!       VersioningConfiguration:
//!         Status: Enabled
//!       ReplicationConfiguration:
//!         Role: arn:aws:iam::123456789012:role/replication
//!         Rules:
//!           - Status: Enabled
//!             Destination:
//!               Bucket: arn:aws:s3:::data-replica
//! ```
//! ```yaml fail
//! Resources:
//!   Data:
//!     Type: AWS::S3::Bucket
//!     Properties:
//!       VersioningConfiguration:
//!         Status: Enabled
//! ```
//! ```hcl pass
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//! }
//! resource "aws_s3_bucket_replication_configuration" "data" {
//!   bucket = aws_s3_bucket.data.id
//!   role   = "arn:aws:iam::123456789012:role/replication"
//!   rule {
//!     status = "Enabled"
//!     destination {
//!       bucket = "arn:aws:s3:::data-replica"
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//! }
//! resource "aws_s3_bucket_replication_configuration" "data" {
//!   bucket = aws_s3_bucket.data.id
//!   role   = "arn:aws:iam::123456789012:role/replication"
//!   rule {
//!     status = "Disabled"
//!     destination {
//!       bucket = "arn:aws:s3:::data-replica"
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//! }
//! ```

use crate::check::judge_items;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::s3::status_is_enabled;
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "s3.replication",
    title: "S3 buckets replicate objects to another bucket",
    duty: Duty::Backups,
    severity: Severity::Low,
    cfn_types: &["AWS::S3::Bucket"],
    tf_types: &["aws_s3_bucket"],
    reads: &["aws_s3_bucket_replication_configuration"],
    controls: Controls {
        fsbp: &[],
        config: &["S3_BUCKET_REPLICATION_ENABLED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_144", Related),
        guard("S3_BUCKET_REPLICATION_ENABLED", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let met = "an enabled replication rule";
    let none = "no replication configuration: objects exist in this bucket only";
    if resource.format.is_terraform() {
        let configs = cx.linked(
            resource,
            &["aws_s3_bucket_replication_configuration"],
            "bucket",
            Some("bucket"),
        );
        let (target, path) = match configs.first() {
            Some(c) => (*c, "rule"),
            None => (resource, "replication_configuration.rules"),
        };
        return judge_items(target, "", path, &mut status_is_enabled, met)
            .unwrap_or_else(|| Verdict::missing(resource, path, none));
    }
    judge_items(
        resource,
        "ReplicationConfiguration.Rules",
        "",
        &mut status_is_enabled,
        met,
    )
    .unwrap_or_else(|| Verdict::missing(resource, "ReplicationConfiguration", none))
}
