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
//! - met: `encryption_configuration` is set;
//! - not met: absent;
//! - unknown: a value onus cannot resolve.
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
//! ```hcl fail
//! resource "aws_athena_database" "lake" {
//!   name   = "lake"
//!   bucket = "athena-results"
//! }
//! ```

use crate::check::require_set;
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
    peers: &[checkov("CKV_AWS_77", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_set(
        resource,
        "",
        "encryption_configuration",
        "results rely on the bucket's default encryption",
    )
}
