//! # timestream.customer-managed-key: Timestream databases are encrypted with your KMS key
//!
//! ## Why this is your duty
//! Timestream is an abstracted service: AWS always encrypts stored data, but
//! with the AWS managed key `aws/timestream` unless you name your own. Key
//! management is the customer's side of the model.
//!
//! ## What AWS already does
//! Encrypts every database with `aws/timestream` when `KmsKeyId` /
//! `kms_key_id` is absent (since launch in 2020).
//!
//! ## Verdicts
//! - met: a key that is not an AWS managed alias (a reference counts);
//! - not met: absent, or `alias/aws/timestream`;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Metrics:
//!     Type: AWS::Timestream::Database
//!     Properties:
//!       DatabaseName: metrics
//!       KmsKeyId: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
//! ```
//! ```yaml fail
//! Resources:
//!   Metrics:
//!     Type: AWS::Timestream::Database
//!     Properties:
//!       DatabaseName: metrics
//! ```
//! ```hcl pass
//! resource "aws_timestreamwrite_database" "metrics" {
//!   database_name = "metrics"
//!   kms_key_id = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
//! }
//! ```
//! ```hcl fail
//! resource "aws_timestreamwrite_database" "metrics" {
//!   database_name = "metrics"
//! }
//! ```

use crate::check::require_customer_managed_key;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "timestream.customer-managed-key",
    title: "Timestream databases are encrypted with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::Timestream::Database"],
    tf_types: &["aws_timestreamwrite_database"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_160", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_customer_managed_key(
        resource,
        "KmsKeyId",
        "kms_key_id",
        "the AWS managed key aws/timestream",
    )
}
