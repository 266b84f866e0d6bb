//! # s3.kms-encryption: S3 buckets encrypt by default with AWS KMS
//!
//! ## Why this is your duty
//! S3 is an abstracted service: AWS encrypts every new object (SSE-S3) with
//! keys it owns and manages. Choosing a KMS key instead, so that key use is
//! logged in CloudTrail, governed by a key policy you write and revocable by
//! you, is a key-management decision only you can make.
//!
//! ## What AWS already does
//! Since 5 January 2023, SSE-S3 (`AES256`) on every new object when the bucket
//! names no default encryption. SSE-S3 keys are AWS's, not yours.
//!
//! ## Verdicts
//! - met: every default-encryption rule uses `aws:kms` or `aws:kms:dsse`
//!   (CloudFormation `BucketEncryption.ServerSideEncryptionConfiguration`;
//!   Terraform an inline `server_side_encryption_configuration` or an
//!   `aws_s3_bucket_server_side_encryption_configuration` for the bucket).
//!   Without `KMSMasterKeyID` / `kms_master_key_id` the AWS managed key
//!   `aws/s3` is used, which still meets the rule;
//! - not met: no default encryption (the SSE-S3 default applies), or a rule
//!   with `AES256`;
//! - unknown: the algorithm comes from a value onus cannot resolve;
//! - judged with the bucket: an
//!   `aws_s3_bucket_server_side_encryption_configuration` of a bucket in the
//!   scanned code; one whose bucket is declared elsewhere (another module or
//!   stack) is judged on its own, and the verdict says the bucket is not in the
//!   scanned code;
//! - unknown, on the bucket: no
//!   `aws_s3_bucket_server_side_encryption_configuration` names it, but one in
//!   the same module names its bucket by a value onus cannot resolve (it may be
//!   this bucket); a bucket and an
//!   `aws_s3_bucket_server_side_encryption_configuration` that name the bucket
//!   by the same expression (`bucket = var.name`) are linked.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Key:
//!     Type: AWS::KMS::Key
//!   Data:
//!     Type: AWS::S3::Bucket
//!     Properties:
//!       BucketEncryption:
//!         ServerSideEncryptionConfiguration:
//!           - ServerSideEncryptionByDefault:
//!               SSEAlgorithm: aws:kms
//!               KMSMasterKeyID: !GetAtt Key.Arn
//! ```
//! ```yaml fail
//! Resources:
//!   Data:
//!     Type: AWS::S3::Bucket
//!     Properties:
//!       BucketEncryption:
//!         ServerSideEncryptionConfiguration:
//!           - ServerSideEncryptionByDefault:
//!               SSEAlgorithm: AES256
//! ```
//! ```yaml fail
//! Resources:
//!   Data:
//!     Type: AWS::S3::Bucket
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "key" {
//!   enable_key_rotation = true
//! }
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//! }
//! resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
//!   bucket = aws_s3_bucket.data.id
//!   rule {
//!     apply_server_side_encryption_by_default {
//!       sse_algorithm     = "aws:kms"
//!       kms_master_key_id = aws_kms_key.key.arn
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//! }
//! resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
//!   bucket = aws_s3_bucket.data.id
//!   rule {
//!     apply_server_side_encryption_by_default {
//!       sse_algorithm = "AES256"
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//! }
//! ```
//! ```hcl fail
//! resource "aws_s3_bucket_server_side_encryption_configuration" "shared" {
//!   bucket = "shared-data"
//!   rule {
//!     apply_server_side_encryption_by_default {
//!       sse_algorithm = "AES256"
//!     }
//!   }
//! }
//! ```

use crate::check::{Judgement, get_in, judge, verdict_of};
use crate::context::Context;
use crate::parent::S3_BUCKET;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "s3.kms-encryption",
    title: "S3 bucket encrypts by default with AWS KMS",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::S3::Bucket"],
    tf_types: &[
        "aws_s3_bucket",
        "aws_s3_bucket_server_side_encryption_configuration",
    ],
    reads: &["aws_s3_bucket_server_side_encryption_configuration"],
    controls: Controls {
        fsbp: &[],
        config: &["S3_DEFAULT_ENCRYPTION_KMS"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_145", Same),
        trivy("AVD-AWS-0132", Related),
        guard("S3_DEFAULT_ENCRYPTION_KMS", Same),
    ],
    check,
    file: file!(),
};

const KMS: &[&str] = &["aws:kms", "aws:kms:dsse"];

fn check(resource: &Resource, cx: &Context) -> Verdict {
    const ALGO: &str = "apply_server_side_encryption_by_default.sse_algorithm";
    const CONFIG: &str = "aws_s3_bucket_server_side_encryption_configuration";
    let config = |c: &Resource| judge_rules(c, get_in(&c.properties, "rule"), "rule", ALGO);
    if let Some(v) = S3_BUCKET.judge_alone(resource, cx, config) {
        return v;
    }
    if resource.format.is_terraform() {
        if let Some(inline) = get_in(&resource.properties, "server_side_encryption_configuration") {
            return judge_rules(
                resource,
                get_in(inline, "rule"),
                "server_side_encryption_configuration.rule",
                ALGO,
            );
        }
        let linked = cx.linked(resource, &[CONFIG], "bucket", Some("bucket"));
        return match linked.first() {
            Some(c) => config(c),
            None => cx
                .unresolved_link(resource, &[CONFIG], "bucket", Some("bucket"))
                .unwrap_or_else(|| {
                    Verdict::missing(
                        resource,
                        CONFIG,
                        "no default encryption configuration: objects get SSE-S3, not KMS",
                    )
                }),
        };
    }
    const PATH: &str = "BucketEncryption.ServerSideEncryptionConfiguration";
    match get_in(&resource.properties, PATH) {
        None => Verdict::missing(
            resource,
            PATH,
            "BucketEncryption is not set: objects get SSE-S3, not KMS",
        ),
        Some(rules) => judge_rules(
            resource,
            Some(rules),
            PATH,
            "ServerSideEncryptionByDefault.SSEAlgorithm",
        ),
    }
}

fn judge_rules(resource: &Resource, rules: Option<&Node>, path: &str, algo_path: &str) -> Verdict {
    let Some(rules) = rules else {
        return Verdict::missing(resource, path, format!("{path} has no rule"));
    };
    let items: Vec<&Node> = match rules.as_list() {
        Some(items) => items.iter().collect(),
        None => vec![rules],
    };
    let full = format!("{path}.{algo_path}");
    let mut first = None;
    for item in &items {
        let Some(algo) = get_in(item, algo_path) else {
            return Verdict::not_met(
                resource,
                item.span,
                &full,
                "encryption rule names no algorithm",
            );
        };
        let j = judge(algo, &mut |n| match n.as_str() {
            Some(a) => {
                Judgement::from_bool(KMS.iter().any(|k| k.eq_ignore_ascii_case(a)), n, || {
                    format!("default encryption is {a:?}, not aws:kms")
                })
            }
            None => Judgement::no(n, "algorithm is not a string"),
        });
        if j != Judgement::Yes {
            return verdict_of(resource, algo, &full, j, "");
        }
        first.get_or_insert(algo);
    }
    match first {
        Some(algo) => Verdict::met(
            resource,
            algo.span,
            &full,
            "default encryption uses AWS KMS",
        ),
        None => Verdict::missing(resource, path, format!("{path} has no rule")),
    }
}
