//! # connect.storage-kms: Amazon Connect recordings and media are encrypted with your KMS key
//!
//! ## Why this is your duty
//! Amazon Connect is an abstracted service: AWS stores call recordings, chat
//! transcripts, reports and live media in the S3 buckets and Kinesis video
//! streams you configure. They hold your customers' voices and words; which
//! key encrypts them, and who may use it, is a key-management choice that
//! stays yours.
//!
//! ## What AWS already does
//! Writes to S3 with the bucket's default encryption (SSE-S3 since January
//! 2023) unless the storage configuration names a KMS key; a Kinesis video
//! stream configuration must name one.
//!
//! ## Verdicts
//! Judged on each storage configuration (`AWS::Connect::InstanceStorageConfig`,
//! `aws_connect_instance_storage_config`) that writes to S3 or to Kinesis
//! Video Streams.
//! - met: its `EncryptionConfig` (`encryption_config`) has `EncryptionType`
//!   `KMS` and a `KeyId` / `key_id`;
//! - not met: no encryption configuration or no key;
//! - unknown: a value onus cannot resolve;
//! - not applicable: Kinesis data stream and Firehose destinations (the
//!   stream's own encryption applies).
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Recordings:
//!     Type: AWS::Connect::InstanceStorageConfig
//!     Properties:
//!       InstanceArn: arn:aws:connect:eu-west-1:123456789012:instance/11111111-1111-1111-1111-111111111111
//!       ResourceType: CALL_RECORDINGS
//!       StorageType: S3
//!       S3Config:
//!         BucketName: recordings
//!         BucketPrefix: calls
//!         EncryptionConfig:
//!           EncryptionType: KMS
//!           KeyId: arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
//! ```
//! ```yaml fail
//! Resources:
//!   Recordings:
//!     Type: AWS::Connect::InstanceStorageConfig
//!     Properties:
//!       InstanceArn: arn:aws:connect:eu-west-1:123456789012:instance/11111111-1111-1111-1111-111111111111
//!       ResourceType: CALL_RECORDINGS
//!       StorageType: S3
//!       S3Config:
//!         BucketName: recordings
//!         BucketPrefix: calls
//! ```
//! ```hcl pass
//! resource "aws_connect_instance_storage_config" "media" {
//!   instance_id   = "11111111-1111-1111-1111-111111111111"
//!   resource_type = "MEDIA_STREAMS"
//!   storage_config {
//!     storage_type = "KINESIS_VIDEO_STREAM"
//!     kinesis_video_stream_config {
//!       prefix                 = "media"
//!       retention_period_hours = 24
//!       encryption_config {
//!         encryption_type = "KMS"
//!         key_id          = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
//!       }
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_connect_instance_storage_config" "recordings" {
//!   instance_id   = "11111111-1111-1111-1111-111111111111"
//!   resource_type = "CHAT_TRANSCRIPTS"
//!   storage_config {
//!     storage_type = "S3"
//!     s3_config {
//!       bucket_name   = "transcripts"
//!       bucket_prefix = "chats"
//!     }
//!   }
//! }
//! ```

use crate::check::{all_of, get, require_one_of, require_set};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "connect.storage-kms",
    title: "Amazon Connect S3 and Kinesis Video storage is encrypted with a KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Medium,
    cfn_types: &["AWS::Connect::InstanceStorageConfig"],
    tf_types: &["aws_connect_instance_storage_config"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_269", Same), checkov("CKV_AWS_270", Same)],
    check,
    file: file!(),
};

/// Storage destinations with an encryption configuration of their own.
const DESTINATIONS: [(&str, &str); 2] = [
    ("S3Config", "storage_config.s3_config"),
    (
        "KinesisVideoStreamConfig",
        "storage_config.kinesis_video_stream_config",
    ),
];

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let tf = resource.format.is_terraform();
    for (cfn, tf_path) in DESTINATIONS {
        let base = if tf { tf_path } else { cfn };
        if get(resource, base).is_none() {
            continue;
        }
        let enc = if tf {
            format!("{base}.encryption_config")
        } else {
            format!("{base}.EncryptionConfig")
        };
        let (kind, key) = if tf {
            ("encryption_type", "key_id")
        } else {
            ("EncryptionType", "KeyId")
        };
        let what = "the stored media and recordings are not encrypted with your KMS key";
        return all_of(vec![
            require_one_of(
                resource,
                &format!("{enc}.{kind}"),
                &format!("{enc}.{kind}"),
                &["KMS"],
                None,
                "KMS encryption",
            ),
            require_set(
                resource,
                &format!("{enc}.{key}"),
                &format!("{enc}.{key}"),
                what,
            ),
        ])
        .unwrap_or_else(|| Verdict::missing(resource, &enc, what));
    }
    Verdict::not_applicable(resource, "a Kinesis data stream or Firehose destination")
}
