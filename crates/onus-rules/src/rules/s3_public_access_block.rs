//! # s3.public-access-block: S3 buckets block public access (all four settings)
//!
//! ## Why this is your duty
//! S3 is an abstracted service: AWS runs the storage, but who can read your
//! objects is decided by your ACLs and bucket policies. Block Public Access is
//! the bucket-level guard that overrides a public ACL or policy written by
//! mistake; declaring it in code makes the guard reviewable and keeps it from
//! being switched off by drift.
//!
//! ## What AWS already does
//! Since April 2023, S3 turns on all four Block Public Access settings for
//! every new bucket (through the API, CloudFormation and Terraform alike);
//! buckets created before keep what they had. Inside a declared
//! configuration, each setting left out is `false`.
//!
//! ## Verdicts
//! - met: CloudFormation `PublicAccessBlockConfiguration`, or a Terraform
//!   `aws_s3_bucket_public_access_block` whose `bucket` refers to this bucket,
//!   sets `BlockPublicAcls`, `BlockPublicPolicy`, `IgnorePublicAcls` and
//!   `RestrictPublicBuckets` (`block_public_acls`, `block_public_policy`,
//!   `ignore_public_acls`, `restrict_public_buckets`) all to true;
//! - met by default: no configuration declared for the bucket (S3 turns all
//!   four settings on for new buckets since April 2023);
//! - not met: a declared configuration with any of the four false or left
//!   out;
//! - unknown: a setting comes from a value onus cannot resolve;
//! - judged with the bucket: an `aws_s3_bucket_public_access_block` of a bucket
//!   in the scanned code; one whose bucket is declared elsewhere (another module
//!   or stack) is judged on its own, and the verdict says the bucket is not in
//!   the scanned code;
//! - unknown, on the bucket: no `aws_s3_bucket_public_access_block` names it,
//!   but one in the same module names its bucket by a value onus cannot resolve
//!   (it may be this bucket); a bucket and an
//!   `aws_s3_bucket_public_access_block` that name the bucket by the same
//!   expression (`bucket = var.name`) are linked.
//!
//! Account-level Block Public Access (FSBP S3.1) is not seen from code.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Data:
//!     Type: AWS::S3::Bucket
//!     Properties:
//!       PublicAccessBlockConfiguration:
//!         BlockPublicAcls: true
//!         BlockPublicPolicy: true
//!         IgnorePublicAcls: true
//!         RestrictPublicBuckets: true
//! ```
//! ```yaml fail
//! Resources:
//!   Data:
//!     Type: AWS::S3::Bucket
//!     Properties:
//!       PublicAccessBlockConfiguration:
//!         BlockPublicAcls: true
//!         BlockPublicPolicy: false
//!         IgnorePublicAcls: true
//!         RestrictPublicBuckets: true
//! ```
//! ```yaml pass
//! Resources:
//!   Data:
//!     Type: AWS::S3::Bucket
//! ```
//! ```yaml unknown
//! Parameters:
//!   Block:
//!     Type: String
//! Resources:
//!   Data:
//!     Type: AWS::S3::Bucket
//!     Properties:
//!       PublicAccessBlockConfiguration:
//!         BlockPublicAcls: !Ref Block
//!         BlockPublicPolicy: true
//!         IgnorePublicAcls: true
//!         RestrictPublicBuckets: true
//! ```
//! ```hcl pass
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//! }
//! resource "aws_s3_bucket_public_access_block" "data" {
//!   bucket                  = aws_s3_bucket.data.id
//!   block_public_acls       = true
//!   block_public_policy     = true
//!   ignore_public_acls      = true
//!   restrict_public_buckets = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//! }
//! resource "aws_s3_bucket_public_access_block" "data" {
//!   bucket             = aws_s3_bucket.data.id
//!   block_public_acls  = true
//!   ignore_public_acls = true
//! }
//! ```
//! ```hcl pass
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//! }
//! ```
//! ```hcl fail
//! resource "aws_s3_bucket_public_access_block" "shared" {
//!   bucket            = "shared-data"
//!   block_public_acls = true
//! }
//! ```

use crate::check::{all_of, get, require_bool};
use crate::context::Context;
use crate::parent::S3_BUCKET;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "s3.public-access-block",
    title: "S3 bucket blocks public access (all four settings)",
    duty: Duty::AccessControl,
    severity: Severity::High,
    cfn_types: &["AWS::S3::Bucket"],
    tf_types: &["aws_s3_bucket", "aws_s3_bucket_public_access_block"],
    reads: &["aws_s3_bucket_public_access_block"],
    controls: Controls {
        fsbp: &["S3.8"],
        config: &["S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED"],
        cis: &["2.1.5"],
    },
    peers: &[
        checkov("CKV_AWS_53", Related),
        checkov("CKV_AWS_54", Related),
        checkov("CKV_AWS_55", Related),
        checkov("CKV_AWS_56", Related),
        checkov("CKV2_AWS_6", Same),
        trivy("AVD-AWS-0086", Related),
        trivy("AVD-AWS-0087", Related),
        trivy("AVD-AWS-0091", Related),
        trivy("AVD-AWS-0093", Related),
        trivy("AVD-AWS-0094", Related),
        guard("S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED", Same),
    ],
    check,
    file: file!(),
};

const FLAGS: [(&str, &str); 4] = [
    ("BlockPublicAcls", "block_public_acls"),
    ("BlockPublicPolicy", "block_public_policy"),
    ("IgnorePublicAcls", "ignore_public_acls"),
    ("RestrictPublicBuckets", "restrict_public_buckets"),
];

/// Why a bucket without a declared configuration blocks public access.
const DEFAULT: &str = "no Block Public Access configuration: S3 turns all four settings on for new buckets (since April 2023)";

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let block = |pab: &Resource| {
        let verdicts = FLAGS
            .iter()
            .map(|(_, tf)| require_bool(pab, "", tf, true, false, &format!("public access ({tf})")))
            .collect();
        all_of(verdicts).unwrap_or_else(|| Verdict::missing(pab, "", "no settings"))
    };
    if let Some(v) = S3_BUCKET.judge_alone(resource, cx, block) {
        return v;
    }
    if resource.format.is_terraform() {
        let linked = cx.linked(
            resource,
            &["aws_s3_bucket_public_access_block"],
            "bucket",
            Some("bucket"),
        );
        let Some(pab) = linked.first() else {
            return cx
                .unresolved_link(
                    resource,
                    &["aws_s3_bucket_public_access_block"],
                    "bucket",
                    Some("bucket"),
                )
                .unwrap_or_else(|| {
                    Verdict::met_by_default(resource, "aws_s3_bucket_public_access_block", DEFAULT)
                });
        };
        return block(pab);
    }
    if get(resource, "PublicAccessBlockConfiguration").is_none() {
        return Verdict::met_by_default(resource, "PublicAccessBlockConfiguration", DEFAULT);
    }
    let verdicts = FLAGS
        .iter()
        .map(|(cfn, _)| {
            let path = format!("PublicAccessBlockConfiguration.{cfn}");
            require_bool(
                resource,
                &path,
                "",
                true,
                false,
                &format!("public access ({cfn})"),
            )
        })
        .collect();
    all_of(verdicts).unwrap_or_else(|| Verdict::missing(resource, "", "no settings"))
}
