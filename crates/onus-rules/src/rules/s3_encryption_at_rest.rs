//! # s3.encryption-at-rest: S3 buckets encrypt stored objects
//!
//! ## Why this is your duty
//! S3 is an abstracted service: AWS runs server-side encryption as part of the
//! platform, and since 5 January 2023 it encrypts every new object with SSE-S3
//! even when the bucket sets nothing. What remains yours is not to weaken it:
//! a bucket that declares an encryption configuration must name a real
//! algorithm (`AES256`, `aws:kms` or `aws:kms:dsse`).
//!
//! ## What AWS already does
//! Since 5 January 2023, encrypts every new object with SSE-S3 (AES-256)
//! when the bucket names no other default encryption; that default cannot
//! be switched off.
//!
//! ## Verdicts
//! - met: no configuration (the SSE-S3 default applies), or a configuration
//!   with a valid algorithm, inline or in a separate Terraform
//!   `aws_s3_bucket_server_side_encryption_configuration`;
//! - not met: a configuration with no or an unknown algorithm;
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
//!   Bucket:
//!     Type: AWS::S3::Bucket
//!     Properties:
//!       BucketEncryption:
//!         ServerSideEncryptionConfiguration:
//!           - ServerSideEncryptionByDefault:
//!               SSEAlgorithm: aws:kms
//! ```
//! ```yaml fail
//! Resources:
//!   Bucket:
//!     Type: AWS::S3::Bucket
//!     Properties:
//!       BucketEncryption:
//!         ServerSideEncryptionConfiguration:
//!           - ServerSideEncryptionByDefault:
//!               SSEAlgorithm: none
//! ```
//! ```yaml pass
//! Parameters:
//!   UseKms:
//!     Type: String
//! Conditions:
//!   Kms: !Equals [!Ref UseKms, "yes"]
//! Resources:
//!   Bucket:
//!     Type: AWS::S3::Bucket
//!     Properties:
//!       BucketEncryption: !If
//!         - Kms
//!         - ServerSideEncryptionConfiguration:
//!             - ServerSideEncryptionByDefault:
//!                 SSEAlgorithm: aws:kms
//!         - !Ref AWS::NoValue
//! ```
//! ```yaml fail
//! Parameters:
//!   Algorithm:
//!     Type: String
//!     AllowedValues: [AES256, none]
//! Conditions:
//!   Plain: !Equals [!Ref Algorithm, none]
//! Resources:
//!   Bucket:
//!     Type: AWS::S3::Bucket
//!     Properties:
//!       BucketEncryption:
//!         ServerSideEncryptionConfiguration:
//!           - ServerSideEncryptionByDefault:
//!               SSEAlgorithm: !If [Plain, none, AES256]
//! ```
//! ```hcl pass
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
//! resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
//!   bucket = aws_s3_bucket.data.id
//!   rule {
//!     apply_server_side_encryption_by_default {
//!       sse_algorithm = "plain"
//!     }
//!   }
//! }
//! ```
//! ```hcl pass
//! resource "aws_s3_bucket_server_side_encryption_configuration" "shared" {
//!   bucket = "shared-data"
//!   rule {
//!     apply_server_side_encryption_by_default {
//!       sse_algorithm = "aws:kms"
//!     }
//!   }
//! }
//! ```

use crate::check::{Judgement, get_in, judge, verdict_of};
use crate::context::Context;
use crate::parent::S3_BUCKET;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "s3.encryption-at-rest",
    title: "S3 bucket encrypts objects at rest",
    duty: Duty::EncryptionAtRest,
    severity: Severity::High,
    cfn_types: &["AWS::S3::Bucket"],
    tf_types: &[
        "aws_s3_bucket",
        "aws_s3_bucket_server_side_encryption_configuration",
    ],
    reads: &["aws_s3_bucket_server_side_encryption_configuration"],
    controls: Controls {
        fsbp: &[],
        config: &["S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED"],
        cis: &["2.1.1"],
    },
    peers: &[
        checkov("CKV_AWS_19", Related),
        cfn_nag("W41", Related),
        trivy("AVD-AWS-0088", Related),
        guard("S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", Same),
    ],
    check,
    file: file!(),
};

const ALGORITHMS: &[&str] = &["AES256", "aws:kms", "aws:kms:dsse"];

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let algo_path = "apply_server_side_encryption_by_default.sse_algorithm";
    let config = |config: &Resource| match get_in(&config.properties, "rule") {
        // The verdict points into the configuration resource, where the fix goes.
        Some(rules) => judge_rules(config, rules, "rule", algo_path),
        None => Verdict::missing(config, "rule", "encryption configuration has no rule"),
    };
    if let Some(v) = S3_BUCKET.judge_alone(resource, cx, config) {
        return v;
    }
    if !resource.format.is_terraform() {
        let path = "BucketEncryption.ServerSideEncryptionConfiguration";
        return match get_in(&resource.properties, path) {
            None => default_encryption(resource),
            Some(rules) => judge_rules(
                resource,
                rules,
                path,
                "ServerSideEncryptionByDefault.SSEAlgorithm",
            ),
        };
    }
    if let Some(config) = get_in(&resource.properties, "server_side_encryption_configuration") {
        return match get_in(config, "rule") {
            Some(rules) => judge_rules(
                resource,
                rules,
                "server_side_encryption_configuration.rule",
                algo_path,
            ),
            None => Verdict::not_met(
                resource,
                config.span,
                "server_side_encryption_configuration.rule",
                "encryption configuration has no rule",
            ),
        };
    }
    let linked = cx.linked(resource, &[CONFIG], "bucket", Some("bucket"));
    match linked.first() {
        Some(c) => config(c),
        None => cx
            .unresolved_link(resource, &[CONFIG], "bucket", Some("bucket"))
            .unwrap_or_else(|| default_encryption(resource)),
    }
}

const CONFIG: &str = "aws_s3_bucket_server_side_encryption_configuration";

fn default_encryption(resource: &Resource) -> Verdict {
    Verdict::met_by_default(
        resource,
        "",
        "no encryption configuration: S3 encrypts every new object with SSE-S3 by default",
    )
}

/// Every rule, on every branch of a condition, must name a valid algorithm; a
/// branch that leaves the configuration out gets the SSE-S3 default.
fn judge_rules(resource: &Resource, rules: &Node, path: &str, algo_path: &str) -> Verdict {
    let full = format!("{path}.{algo_path}");
    let mut first_algo: Option<&Node> = None;
    let j = judge(rules, &mut |branch| {
        if matches!(branch.value, Value::Null) {
            return Judgement::Yes;
        }
        let items: Vec<&Node> = match branch.as_list() {
            Some(items) => items.iter().collect(),
            None => vec![branch],
        };
        if items.is_empty() {
            return Judgement::no(branch, "encryption configuration has no rule");
        }
        for item in items {
            let Some(algo) = get_in(item, algo_path) else {
                return Judgement::no(item, "encryption rule names no algorithm");
            };
            let j = judge(algo, &mut |n| match n.as_str() {
                Some(a) => Judgement::from_bool(
                    ALGORITHMS.iter().any(|x| x.eq_ignore_ascii_case(a)),
                    n,
                    || format!("unknown encryption algorithm {a:?}"),
                ),
                None if matches!(n.value, Value::Null) => {
                    Judgement::no(n, "encryption rule names no algorithm on one branch")
                }
                None => Judgement::no(n, "algorithm is not a string"),
            });
            if j != Judgement::Yes {
                return j;
            }
            first_algo.get_or_insert(algo);
        }
        Judgement::Yes
    });
    let met = match first_algo.and_then(Node::as_str) {
        Some(a) => format!("objects are encrypted with {a}"),
        None => "objects are encrypted (SSE-S3 default where no rule is set)".to_owned(),
    };
    let node = first_algo.unwrap_or(rules);
    verdict_of(resource, node, &full, j, met)
}
