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
//! Default SSE-S3 on every bucket, which cannot be switched off.
//!
//! ## Verdicts
//! - met: no configuration (the SSE-S3 default applies), or a configuration
//!   with a valid algorithm, inline or in a separate Terraform
//!   `aws_s3_bucket_server_side_encryption_configuration`;
//! - not met: a configuration with no or an unknown algorithm;
//! - unknown: the algorithm comes from a value onus cannot resolve.
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

use crate::check::{Judgement, get_in, judge, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, trivy};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "s3.encryption-at-rest",
    title: "S3 bucket encrypts objects at rest",
    duty: Duty::EncryptionAtRest,
    severity: Severity::High,
    cfn_types: &["AWS::S3::Bucket"],
    tf_types: &["aws_s3_bucket"],
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
    ],
    check,
    file: file!(),
};

const ALGORITHMS: &[&str] = &["AES256", "aws:kms", "aws:kms:dsse"];

fn check(resource: &Resource, cx: &Context) -> Verdict {
    // (node holding the rules, path to it, path from a rule to the algorithm)
    let (config, path, algo_path): (Option<&Node>, String, &str) = if resource.format.is_terraform()
    {
        let inline = get_in(&resource.properties, "server_side_encryption_configuration");
        match inline {
            Some(n) => (
                Some(n),
                "server_side_encryption_configuration.rule".into(),
                "apply_server_side_encryption_by_default.sse_algorithm",
            ),
            None => {
                let linked = cx.linked(
                    resource,
                    &["aws_s3_bucket_server_side_encryption_configuration"],
                    "bucket",
                    Some("bucket"),
                );
                match linked.first() {
                    Some(config) => {
                        let verdict = judge_rules(
                            config,
                            get_in(&config.properties, "rule"),
                            "rule",
                            "apply_server_side_encryption_by_default.sse_algorithm",
                        );
                        return verdict;
                    }
                    None => (None, String::new(), ""),
                }
            }
        }
    } else {
        (
            get_in(
                &resource.properties,
                "BucketEncryption.ServerSideEncryptionConfiguration",
            ),
            "BucketEncryption.ServerSideEncryptionConfiguration".into(),
            "ServerSideEncryptionByDefault.SSEAlgorithm",
        )
    };
    match config {
        None => Verdict::met_by_default(
            resource,
            "",
            "no encryption configuration: S3 encrypts every new object with SSE-S3 by default",
        ),
        Some(node) => {
            let rules = if resource.format.is_terraform() {
                get_in(node, "rule")
            } else {
                Some(node)
            };
            judge_rules(resource, rules, &path, algo_path)
        }
    }
}

/// Every rule must name a valid algorithm.
fn judge_rules(resource: &Resource, rules: Option<&Node>, path: &str, algo_path: &str) -> Verdict {
    let Some(rules) = rules else {
        return Verdict::missing(resource, path, format!("{path} has no rule"));
    };
    let items: Vec<&Node> = match rules.as_list() {
        Some(items) => items.iter().collect(),
        None => vec![rules],
    };
    let full = format!("{path}.{algo_path}");
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
            Some(a) => Judgement::from_bool(
                ALGORITHMS.iter().any(|x| x.eq_ignore_ascii_case(a)),
                n,
                format!("unknown encryption algorithm {a:?}"),
            ),
            None => Judgement::no(n, "algorithm is not a string"),
        });
        if j != Judgement::Yes {
            return verdict_of(resource, algo, &full, j, "");
        }
    }
    match items.first().and_then(|i| get_in(i, algo_path)) {
        Some(algo) => Verdict::met(
            resource,
            algo.span,
            &full,
            format!(
                "objects are encrypted with {}",
                algo.as_str().unwrap_or("the configured algorithm")
            ),
        ),
        None => Verdict::missing(resource, path, format!("{path} has no rule")),
    }
}
