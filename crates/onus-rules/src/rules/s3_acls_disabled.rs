//! # s3.acls-disabled: S3 buckets do not use ACLs to grant access
//!
//! ## Why this is your duty
//! S3 is an abstracted service: AWS enforces whatever access you configure,
//! and configuring it is yours. Access control lists are S3's legacy
//! mechanism: they grant access object by object, outside IAM and bucket
//! policies, and are the usual way data ends up readable by another account
//! or by everyone. With Object Ownership `BucketOwnerEnforced`, ACLs are
//! disabled and only policies decide.
//!
//! ## What AWS already does
//! Since April 2023, every new bucket is created with Object Ownership
//! `BucketOwnerEnforced` (ACLs disabled) unless the request asks otherwise;
//! a canned ACL other than `private` / `bucket-owner-full-control` is then
//! rejected.
//!
//! ## Verdicts
//! Follows the AWS Config rule `s3-bucket-acl-prohibited` (Security Hub
//! S3.12).
//! - met: `OwnershipControls` (Terraform: an
//!   `aws_s3_bucket_ownership_controls` for the bucket) sets
//!   `BucketOwnerEnforced`, or no ownership controls are declared and no ACL
//!   is used (the default since April 2023);
//! - not met: `ObjectWriter` or `BucketOwnerPreferred` (ACLs enabled), or, with
//!   no ownership controls declared, an ACL that needs them: CloudFormation
//!   `AccessControl` other than `Private` / `BucketOwnerFullControl`,
//!   Terraform an `acl` other than `private` / `bucket-owner-full-control`
//!   on the bucket or an `aws_s3_bucket_acl`, or an `access_control_policy`;
//! - unknown: the ownership setting comes from a value onus cannot resolve.
//!
//! Whether an ACL makes the bucket public is `s3.public-acl`.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Data:
//!     Type: AWS::S3::Bucket
//!     Properties:
//!       OwnershipControls:
//!         Rules:
//!           - ObjectOwnership: BucketOwnerEnforced
//! ```
//! ```yaml pass
//! Resources:
//!   Data:
//!     Type: AWS::S3::Bucket
//! ```
//! ```yaml fail
//! Resources:
//!   Logs:
//!     Type: AWS::S3::Bucket
//!     Properties:
//!       AccessControl: LogDeliveryWrite
//!       OwnershipControls:
//!         Rules:
//!           - ObjectOwnership: ObjectWriter
//! ```
//! ```hcl pass
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//! }
//! resource "aws_s3_bucket_ownership_controls" "data" {
//!   bucket = aws_s3_bucket.data.id
//!   rule {
//!     object_ownership = "BucketOwnerEnforced"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//! }
//! resource "aws_s3_bucket_ownership_controls" "data" {
//!   bucket = aws_s3_bucket.data.id
//!   rule {
//!     object_ownership = "BucketOwnerPreferred"
//!   }
//! }
//! resource "aws_s3_bucket_acl" "data" {
//!   bucket = aws_s3_bucket.data.id
//!   acl    = "log-delivery-write"
//! }
//! ```
//! ```hcl fail
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//!   acl    = "public-read"
//! }
//! ```

use crate::check::{Judgement, get, is_null, is_text, judge, judge_items, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "s3.acls-disabled",
    title: "S3 buckets have ACLs disabled (Object Ownership BucketOwnerEnforced)",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &["AWS::S3::Bucket"],
    tf_types: &["aws_s3_bucket"],
    reads: &["aws_s3_bucket_ownership_controls", "aws_s3_bucket_acl"],
    controls: Controls {
        fsbp: &["S3.12"],
        config: &["S3_BUCKET_ACL_PROHIBITED"],
        cis: &[],
    },
    peers: &[checkov("CKV2_AWS_65", Related)],
    check,
    file: file!(),
};

/// Canned ACLs a bucket with ACLs disabled still accepts.
const WITHOUT_ACLS: &[&str] = &[
    "Private",
    "BucketOwnerFullControl",
    "private",
    "bucket-owner-full-control",
];

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let tf = resource.format.is_terraform();
    let met = "ObjectOwnership is BucketOwnerEnforced: ACLs are disabled";
    let mut enforced = |rule: &Node| {
        let key = if tf {
            "object_ownership"
        } else {
            "ObjectOwnership"
        };
        Some(match rule.get(key) {
            Some(o) => is_text(o, "BucketOwnerEnforced", key),
            None => Judgement::no(rule, format!("{key} is not set")),
        })
    };
    if tf {
        let controls = cx.linked(
            resource,
            &["aws_s3_bucket_ownership_controls"],
            "bucket",
            Some("bucket"),
        );
        if let Some(c) = controls.first()
            && let Some(v) = judge_items(c, "", "rule", &mut enforced, met)
        {
            return v;
        }
        let acls = cx.linked(resource, &["aws_s3_bucket_acl"], "bucket", Some("bucket"));
        let with_acl = std::iter::once(resource).chain(acls.iter().copied());
        for r in with_acl {
            if let Some(v) = acl_in_use(r, "acl") {
                return v;
            }
            if let Some(acp) = get(r, "access_control_policy") {
                return Verdict::not_met(
                    r,
                    acp.span,
                    "access_control_policy",
                    "access_control_policy grants access with ACLs",
                );
            }
        }
    } else {
        if let Some(v) = judge_items(resource, "OwnershipControls.Rules", "", &mut enforced, met) {
            return v;
        }
        if let Some(v) = acl_in_use(resource, "AccessControl") {
            return v;
        }
    }
    Verdict::met_by_default(
        resource,
        "",
        "no ownership controls and no ACL: new buckets have ACLs disabled (since April 2023)",
    )
}

/// A canned ACL that only works with ACLs enabled (or an unresolved one).
fn acl_in_use(resource: &Resource, key: &str) -> Option<Verdict> {
    let acl = get(resource, key)?;
    let j = judge(acl, &mut |n| match n.as_str() {
        Some(name) => Judgement::from_bool(WITHOUT_ACLS.contains(&name), n, || {
            format!("{key} is {name:?}: ACLs are in use")
        }),
        None if is_null(n) => Judgement::Yes,
        None => Judgement::no(n, format!("{key} is not a canned ACL name")),
    });
    (j != Judgement::Yes).then(|| verdict_of(resource, acl, key, j, ""))
}
