//! # firehose.encryption-at-rest: Firehose streams encrypt buffered data
//!
//! ## Why this is your duty
//! Data Firehose is an abstracted service: AWS buffers your records before
//! delivering them, but encrypts the data it holds for a Direct PUT stream
//! only when you turn server-side encryption on. Choosing platform
//! encryption — and its key — for an abstracted service that leaves it off
//! is on the customer's side.
//!
//! ## What AWS already does
//! Encrypts data in transit to its endpoints; a stream fed by a Kinesis data
//! stream or MSK relies on the source's encryption and takes no SSE setting.
//!
//! ## Verdicts
//! - met: `DeliveryStreamEncryptionConfigurationInput.KeyType` is
//!   `AWS_OWNED_CMK` or `CUSTOMER_MANAGED_CMK`; Terraform
//!   `server_side_encryption { enabled = true }`;
//! - not met: no encryption configuration, or `enabled = false` (the
//!   default);
//! - not applicable: streams whose source is a Kinesis data stream or MSK
//!   (`DeliveryStreamType: KinesisStreamAsSource` / `MSKAsSource`, or a
//!   `kinesis_source_configuration` / `msk_source_configuration` block);
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Stream:
//!     Type: AWS::KinesisFirehose::DeliveryStream
//!     Properties:
//!       DeliveryStreamType: DirectPut
//!       DeliveryStreamEncryptionConfigurationInput:
//!         KeyType: AWS_OWNED_CMK
//!       S3DestinationConfiguration:
//!         BucketARN: arn:aws:s3:::events
//!         RoleARN: arn:aws:iam::111122223333:role/firehose
//! ```
//! ```yaml fail
//! Resources:
//!   Stream:
//!     Type: AWS::KinesisFirehose::DeliveryStream
//!     Properties:
//!       S3DestinationConfiguration:
//!         BucketARN: arn:aws:s3:::events
//!         RoleARN: arn:aws:iam::111122223333:role/firehose
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Stream:
//!     Type: AWS::KinesisFirehose::DeliveryStream
//!     Properties:
//!       DeliveryStreamType: KinesisStreamAsSource
//!       KinesisStreamSourceConfiguration:
//!         KinesisStreamARN: arn:aws:kinesis:eu-west-1:111122223333:stream/events
//!         RoleARN: arn:aws:iam::111122223333:role/firehose
//!       S3DestinationConfiguration:
//!         BucketARN: arn:aws:s3:::events
//!         RoleARN: arn:aws:iam::111122223333:role/firehose
//! ```
//! ```hcl pass
//! resource "aws_kinesis_firehose_delivery_stream" "events" {
//!   name        = "events"
//!   destination = "extended_s3"
//!   server_side_encryption {
//!     enabled  = true
//!     key_type = "CUSTOMER_MANAGED_CMK"
//!     key_arn  = "arn:aws:kms:eu-west-1:111122223333:key/abc"
//!   }
//!   extended_s3_configuration {
//!     role_arn   = "arn:aws:iam::111122223333:role/firehose"
//!     bucket_arn = "arn:aws:s3:::events"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_kinesis_firehose_delivery_stream" "events" {
//!   name        = "events"
//!   destination = "extended_s3"
//!   extended_s3_configuration {
//!     role_arn   = "arn:aws:iam::111122223333:role/firehose"
//!     bucket_arn = "arn:aws:s3:::events"
//!   }
//! }
//! ```
//! ```hcl not-applicable
//! resource "aws_kinesis_firehose_delivery_stream" "events" {
//!   name        = "events"
//!   destination = "extended_s3"
//!   kinesis_source_configuration {
//!     kinesis_stream_arn = "arn:aws:kinesis:eu-west-1:111122223333:stream/events"
//!     role_arn           = "arn:aws:iam::111122223333:role/firehose"
//!   }
//!   extended_s3_configuration {
//!     role_arn   = "arn:aws:iam::111122223333:role/firehose"
//!     bucket_arn = "arn:aws:s3:::events"
//!   }
//! }
//! ```

use crate::check::{get, require_bool, require_one_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "firehose.encryption-at-rest",
    title: "Firehose delivery stream encrypts data at rest",
    duty: Duty::EncryptionAtRest,
    severity: Severity::Medium,
    cfn_types: &["AWS::KinesisFirehose::DeliveryStream"],
    tf_types: &["aws_kinesis_firehose_delivery_stream"],
    reads: &[],
    controls: Controls {
        fsbp: &["DataFirehose.1"],
        config: &["KINESIS_FIREHOSE_DELIVERY_STREAM_ENCRYPTED"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_240", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    if resource.format.is_terraform() {
        for source in ["kinesis_source_configuration", "msk_source_configuration"] {
            if get(resource, source).is_some() {
                return Verdict::not_applicable(
                    resource,
                    format!("{source}: the stream relies on its source's encryption"),
                );
            }
        }
        return require_bool(
            resource,
            "",
            "server_side_encryption.enabled",
            true,
            false,
            "server-side encryption",
        );
    }
    if let Some(t) = get(resource, "DeliveryStreamType") {
        match (&t.value, t.as_str()) {
            (_, Some(s)) if matches!(s, "KinesisStreamAsSource" | "MSKAsSource") => {
                return Verdict::not_applicable(
                    resource,
                    format!("a {s} stream relies on its source's encryption"),
                );
            }
            (_, Some(_)) => {}
            (Value::Unknown(u), _) => {
                return Verdict::unknown(resource, t.span, "DeliveryStreamType", u.clone());
            }
            _ => {
                return Verdict::unknown(
                    resource,
                    t.span,
                    "DeliveryStreamType",
                    "DeliveryStreamType, which is not static",
                );
            }
        }
    }
    require_one_of(
        resource,
        "DeliveryStreamEncryptionConfigurationInput.KeyType",
        "",
        &["AWS_OWNED_CMK", "CUSTOMER_MANAGED_CMK"],
        None,
        "server-side encryption",
    )
}
