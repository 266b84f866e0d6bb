//! # athena.database-encryption: Athena databases encrypt their query results
//!
//! ## Why this is your duty
//! Athena is an abstracted service: AWS writes query results to the S3
//! location you give, encrypted as you ask. The `aws_athena_database`
//! resource runs its DDL through Athena and stores the results in its
//! `bucket`; encrypting customer data at rest is the customer's side.
//!
//! ## What AWS already does
//! Writes results with the bucket's default encryption (SSE-S3 on every new
//! object since January 2023) unless `encryption_configuration` asks for
//! `SSE_S3`, `SSE_KMS` or `CSE_KMS` explicitly.
//!
//! ## Verdicts
//! - met: `encryption_configuration { encryption_option }` is `SSE_S3`,
//!   `SSE_KMS` or `CSE_KMS`, or absent (the bucket's default encryption,
//!   SSE-S3 at least, applies: the results are encrypted at rest);
//! - not met: an option Athena does not accept;
//! - unknown: a value onus cannot resolve.
//!
//! Choosing your own KMS key is key management, not this duty.
//!
//! CloudFormation has no Athena database resource.
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_athena_database" "lake" {
//!   name   = "lake"
//!   bucket = "athena-results"
//!   encryption_configuration {
//!     encryption_option = "SSE_KMS"
//!     kms_key           = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
//!   }
//! }
//! ```
//! ```hcl pass
//! resource "aws_athena_database" "lake" {
//!   name   = "lake"
//!   bucket = "athena-results"
//! }
//! ```
//! ```hcl fail
//! resource "aws_athena_database" "lake" {
//!   name   = "lake"
//!   bucket = "athena-results"
//!   encryption_configuration {
//!     encryption_option = "AES256"
//!   }
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "athena.database-encryption",
    title: "Athena databases encrypt their query results",
    duty: Duty::EncryptionAtRest,
    severity: Severity::Low,
    cfn_types: &[],
    tf_types: &["aws_athena_database"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_77", Related)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "",
        "encryption_configuration.encryption_option",
        &["SSE_S3", "SSE_KMS", "CSE_KMS"],
        // Absent, the results bucket's default encryption applies.
        Some("SSE_S3"),
        "query results encrypted at rest (the bucket's default encryption when absent)",
    )
}
