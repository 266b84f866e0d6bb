//! # s3.versioning: S3 buckets keep object versions
//!
//! ## Why this is your duty
//! S3 is an abstracted service: AWS stores every object redundantly across
//! Availability Zones, so durability against hardware loss is AWS's. Recovery
//! from *your* mistakes (an overwrite, a delete, ransomware using your
//! credentials) is not: only versioning, which you turn on per bucket, keeps
//! the earlier copies.
//!
//! ## What AWS already does
//! Stores objects with 99.999999999% designed durability. Versioning is off
//! on a new bucket until you enable it.
//!
//! ## Verdicts
//! - met: CloudFormation `VersioningConfiguration.Status: Enabled`; Terraform
//!   an `aws_s3_bucket_versioning` for the bucket with
//!   `versioning_configuration { status = "Enabled" }`, or the legacy inline
//!   `versioning { enabled = true }`;
//! - not met: no versioning configuration (a new bucket is unversioned), or
//!   `Suspended` / `Disabled` / `enabled = false`;
//! - unknown: the status comes from a value onus cannot resolve;
//! - judged with the bucket: an `aws_s3_bucket_versioning` of a bucket in the
//!   scanned code; one whose bucket is declared elsewhere (another module or
//!   stack) is judged on its own, and the verdict says the bucket is not in the
//!   scanned code;
//! - unknown, on the bucket: no `aws_s3_bucket_versioning` names it, but one in
//!   the same module names its bucket by a value onus cannot resolve (it may be
//!   this bucket); a bucket and an `aws_s3_bucket_versioning` that name the
//!   bucket by the same expression (`bucket = var.name`) are linked.
//!
//! Fix: set `VersioningConfiguration: {Status: Enabled}`, or add an
//! `aws_s3_bucket_versioning` resource.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Data:
//!     Type: AWS::S3::Bucket
//!     Properties:
//!       VersioningConfiguration:
//!         Status: Enabled
//! ```
//! ```yaml fail
//! Resources:
//!   Data:
//!     Type: AWS::S3::Bucket
//!     Properties:
//!       VersioningConfiguration:
//!         Status: Suspended
//! ```
//! ```json fail
//! {"Resources": {"Data": {"Type": "AWS::S3::Bucket"}}}
//! ```
//! ```hcl pass
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//! }
//! resource "aws_s3_bucket_versioning" "data" {
//!   bucket = aws_s3_bucket.data.id
//!   versioning_configuration {
//!     status = "Enabled"
//!   }
//! }
//! ```
//! ```hcl pass
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//!   versioning {
//!     enabled = true
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//! }
//! ```
//! ```hcl fail
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//! }
//! resource "aws_s3_bucket_versioning" "data" {
//!   bucket = "data"
//!   versioning_configuration {
//!     status = "Suspended"
//!   }
//! }
//! ```
//! ```hcl fail
//! variable "bucket" {}
//! resource "aws_s3_bucket_versioning" "shared" {
//!   bucket = var.bucket
//!   versioning_configuration {
//!     status = "Suspended"
//!   }
//! }
//! ```
//! ```hcl aws_s3_bucket.data=met
//! variable "name" {}
//! resource "aws_s3_bucket" "data" {
//!   bucket = var.name
//! }
//! resource "aws_s3_bucket_versioning" "data" {
//!   bucket = var.name
//!   versioning_configuration {
//!     status = "Enabled"
//!   }
//! }
//! ```
//! ```hcl aws_s3_bucket.data=unknown aws_s3_bucket_versioning.other=met
//! variable "other" {}
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//! }
//! resource "aws_s3_bucket_versioning" "other" {
//!   bucket = var.other
//!   versioning_configuration {
//!     status = "Enabled"
//!   }
//! }
//! ```

use crate::check::{get, require_bool, require_one_of};
use crate::context::Context;
use crate::parent::S3_BUCKET;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "s3.versioning",
    title: "S3 bucket has versioning enabled",
    duty: Duty::Backups,
    severity: Severity::Medium,
    cfn_types: &["AWS::S3::Bucket"],
    tf_types: &["aws_s3_bucket", "aws_s3_bucket_versioning"],
    reads: &["aws_s3_bucket_versioning"],
    controls: Controls {
        fsbp: &[],
        config: &["S3_BUCKET_VERSIONING_ENABLED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_21", Same),
        trivy("AVD-AWS-0090", Same),
        guard("S3_BUCKET_VERSIONING_ENABLED", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let what = "object versioning";
    let versioning = |v: &Resource| {
        require_one_of(
            v,
            "",
            "versioning_configuration.status",
            &["Enabled"],
            None,
            what,
        )
    };
    if let Some(v) = S3_BUCKET.judge_alone(resource, cx, versioning) {
        return v;
    }
    if resource.format.is_terraform() {
        let linked = cx.linked(
            resource,
            &["aws_s3_bucket_versioning"],
            "bucket",
            Some("bucket"),
        );
        if let Some(v) = linked.first() {
            return versioning(v);
        }
        if get(resource, "versioning").is_some() {
            return require_bool(resource, "", "versioning.enabled", true, false, what);
        }
        if let Some(v) = cx.unresolved_link(
            resource,
            &["aws_s3_bucket_versioning"],
            "bucket",
            Some("bucket"),
        ) {
            return v;
        }
        return Verdict::missing(
            resource,
            "aws_s3_bucket_versioning",
            "no aws_s3_bucket_versioning for this bucket: a new bucket is unversioned",
        );
    }
    require_one_of(
        resource,
        "VersioningConfiguration.Status",
        "",
        &["Enabled"],
        None,
        what,
    )
}
