//! # firehose.customer-managed-key: Firehose delivery streams are encrypted with your KMS key
//!
//! ## Why this is your duty
//! Firehose is an abstracted service: AWS encrypts buffered records when
//! server-side encryption is on, but with an AWS owned key unless you name a
//! customer managed one. Key management is the customer's side of the model.
//!
//! ## What AWS already does
//! Uses an AWS owned key (`AWS_OWNED_CMK`, the default key type since
//! server-side encryption for Direct PUT launched in 2019) unless
//! `KeyType` / `key_type` is `CUSTOMER_MANAGED_CMK`.
//!
//! ## Verdicts
//! - met: `CUSTOMER_MANAGED_CMK`;
//! - not met: `AWS_OWNED_CMK` or absent;
//! - not applicable: server-side encryption is off, or the stream reads from
//!   Kinesis or MSK (`firehose.encryption-at-rest` judges those);
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Delivery:
//!     Type: AWS::KinesisFirehose::DeliveryStream
//!     Properties:
//!       DeliveryStreamType: DirectPut
//!       DeliveryStreamEncryptionConfigurationInput:
//!         KeyType: CUSTOMER_MANAGED_CMK
//!         KeyARN: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
//! ```
//! ```yaml fail
//! Resources:
//!   Delivery:
//!     Type: AWS::KinesisFirehose::DeliveryStream
//!     Properties:
//!       DeliveryStreamType: DirectPut
//!       DeliveryStreamEncryptionConfigurationInput:
//!         KeyType: AWS_OWNED_CMK
//! ```
//! ```hcl pass
//! resource "aws_kinesis_firehose_delivery_stream" "delivery" {
//!   name        = "delivery"
//!   destination = "extended_s3"
//!   extended_s3_configuration {
//!     role_arn   = "arn:aws:iam::123456789012:role/firehose"
//!     bucket_arn = "arn:aws:s3:::landing"
//!   }
//!   server_side_encryption {
//!     enabled  = true
//!     key_type = "CUSTOMER_MANAGED_CMK"
//!     key_arn  = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_kinesis_firehose_delivery_stream" "delivery" {
//!   name        = "delivery"
//!   destination = "extended_s3"
//!   extended_s3_configuration {
//!     role_arn   = "arn:aws:iam::123456789012:role/firehose"
//!     bucket_arn = "arn:aws:s3:::landing"
//!   }
//!   server_side_encryption {
//!     enabled = true
//!   }
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Status;
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "firehose.customer-managed-key",
    title: "Firehose delivery streams are encrypted with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::KinesisFirehose::DeliveryStream"],
    tf_types: &["aws_kinesis_firehose_delivery_stream"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_241", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let on = crate::rules::by_id("firehose.encryption-at-rest").map(|r| (r.check)(resource, cx));
    if on.is_none_or(|v| v.status != Status::Met) {
        return Verdict::not_applicable(resource, "server-side encryption is not on here");
    }
    require_one_of(
        resource,
        "DeliveryStreamEncryptionConfigurationInput.KeyType",
        "server_side_encryption.key_type",
        &["CUSTOMER_MANAGED_CMK"],
        Some("AWS_OWNED_CMK"),
        "a customer managed key",
    )
}
