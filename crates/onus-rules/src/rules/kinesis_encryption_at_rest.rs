//! # kinesis.encryption-at-rest: Kinesis data streams encrypt records at rest
//!
//! ## Why this is your duty
//! Kinesis Data Streams is abstracted, but unlike S3 or DynamoDB it does not encrypt records unless the
//! stream asks for it: server-side encryption with KMS is the customer's to turn on.
//!
//! ## What AWS already does
//! Encrypts records with the KMS key you name (the AWS-managed `aws/kinesis` key or yours) before they
//! are written to storage, once `KMS` encryption is set.
//!
//! ## Verdicts
//! - met: `StreamEncryption.EncryptionType: KMS` / `encryption_type = "KMS"`;
//! - not met: `NONE` or absent (the default is no encryption);
//! - unknown: the type comes from a value onus cannot resolve.
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
//!         KeyId: alias/aws/kinesis
//! ```
//! ```yaml fail
//! Resources:
//!   Events:
//!     Type: AWS::Kinesis::Stream
//!     Properties:
//!       ShardCount: 1
//! ```
//! ```hcl pass
//! resource "aws_kinesis_stream" "events" {
//!   name            = "events"
//!   shard_count     = 1
//!   encryption_type = "KMS"
//!   kms_key_id      = "alias/aws/kinesis"
//! }
//! ```
//! ```hcl fail
//! resource "aws_kinesis_stream" "events" {
//!   name        = "events"
//!   shard_count = 1
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "kinesis.encryption-at-rest",
    title: "Kinesis data streams encrypt records at rest",
    duty: Duty::EncryptionAtRest,
    severity: Severity::Medium,
    cfn_types: &["AWS::Kinesis::Stream"],
    tf_types: &["aws_kinesis_stream"],
    reads: &[],
    controls: Controls {
        fsbp: &["Kinesis.1"],
        config: &["KINESIS_STREAM_ENCRYPTED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_43", Same),
        cfn_nag("W49", Same),
        trivy("AVD-AWS-0064", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "StreamEncryption.EncryptionType",
        "encryption_type",
        &["KMS"],
        Some("NONE"),
        "server-side encryption",
    )
}
