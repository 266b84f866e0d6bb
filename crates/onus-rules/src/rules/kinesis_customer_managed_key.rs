//! # kinesis.customer-managed-key: Kinesis data streams are encrypted with your KMS key
//!
//! ## Why this is your duty
//! Kinesis Data Streams is an abstracted service: AWS encrypts records with
//! the KMS key you name, and naming the AWS managed `aws/kinesis` leaves its
//! policy out of your hands. Key management is the customer's side of the
//! model.
//!
//! ## What AWS already does
//! Encrypts records server-side (since July 2017) once KMS encryption is on,
//! with whichever key `StreamEncryption.KeyId` / `kms_key_id` names.
//!
//! ## Verdicts
//! - met: a key that is not an AWS managed alias (a reference counts);
//! - not met: `alias/aws/kinesis` or no key;
//! - not applicable: the stream is not KMS-encrypted (`kinesis.encryption-at-rest`
//!   fails it);
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Events:
//!     Type: AWS::Kinesis::Stream
//!     Properties:
//!       ShardCount: 1
//!       StreamEncryption:
//!         EncryptionType: KMS
//!         KeyId: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
//! ```
//! ```yaml fail
//! Resources:
//!   Events:
//!     Type: AWS::Kinesis::Stream
//!     Properties:
//!       ShardCount: 1
//!       StreamEncryption:
//!         EncryptionType: KMS
//!         KeyId: alias/aws/kinesis
//! ```
//! ```hcl pass
//! resource "aws_kinesis_stream" "events" {
//!   name        = "events"
//!   shard_count = 1
//!   encryption_type = "KMS"
//!   kms_key_id      = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
//! }
//! ```
//! ```hcl fail
//! resource "aws_kinesis_stream" "events" {
//!   name        = "events"
//!   shard_count = 1
//!   encryption_type = "KMS"
//!   kms_key_id      = "alias/aws/kinesis"
//! }
//! ```

use crate::check::{require_customer_managed_key, static_text};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "kinesis.customer-managed-key",
    title: "Kinesis data streams are encrypted with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::Kinesis::Stream"],
    tf_types: &["aws_kinesis_stream"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_185", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    match static_text(
        resource,
        "StreamEncryption.EncryptionType",
        "encryption_type",
    ) {
        Err(unknown) => return unknown,
        Ok(Some(t)) if t.eq_ignore_ascii_case("KMS") => {}
        Ok(_) => {
            return Verdict::not_applicable(resource, "the stream is not KMS-encrypted at all");
        }
    }
    require_customer_managed_key(
        resource,
        "StreamEncryption.KeyId",
        "kms_key_id",
        "the AWS managed key aws/kinesis",
    )
}
