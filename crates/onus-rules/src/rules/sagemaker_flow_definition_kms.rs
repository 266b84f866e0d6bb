//! # sagemaker.flow-definition-kms: SageMaker human review workflows encrypt their output with your KMS key
//!
//! ## Why this is your duty
//! A flow definition (Amazon Augmented AI) sends items to human reviewers
//! and writes their answers, often containing the reviewed data itself, to
//! S3. AWS encrypts that output at rest; which key protects it and who may
//! use that key is the key-management duty, yours whenever your policy asks
//! for keys you control.
//!
//! ## What AWS already does
//! Writes the review output to the S3 path you name, where the bucket's
//! default encryption applies (SSE-S3 on every new object since January
//! 2023), unless `kms_key_id` names a KMS key.
//!
//! ## Verdicts
//! - met: `output_config { kms_key_id }` names a customer managed key;
//! - not met: absent, or an AWS managed key alias;
//! - unknown: the key is not static.
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_kms_key" "reviews" {}
//! resource "aws_sagemaker_flow_definition" "review" {
//!   flow_definition_name = "review"
//!   role_arn             = "arn:aws:iam::111122223333:role/a2i"
//!   output_config {
//!     s3_output_path = "s3://reviews/out"
//!     kms_key_id     = aws_kms_key.reviews.arn
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_sagemaker_flow_definition" "review" {
//!   flow_definition_name = "review"
//!   role_arn             = "arn:aws:iam::111122223333:role/a2i"
//!   output_config {
//!     s3_output_path = "s3://reviews/out"
//!   }
//! }
//! ```

use crate::check::require_customer_managed_key;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "sagemaker.flow-definition-kms",
    title: "SageMaker flow definitions encrypt their output with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &[],
    tf_types: &["aws_sagemaker_flow_definition"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_372", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_customer_managed_key(
        resource,
        "",
        "output_config.kms_key_id",
        "the S3 bucket's default encryption",
    )
}
