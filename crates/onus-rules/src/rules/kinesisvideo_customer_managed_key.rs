//! # kinesisvideo.customer-managed-key: Kinesis video streams are encrypted with your KMS key
//!
//! ## Why this is your duty
//! Kinesis Video Streams is an abstracted service: AWS always encrypts the
//! media it stores, but with the AWS managed key `aws/kinesisvideo` unless
//! you name your own. Key management is the customer's side of the model.
//!
//! ## What AWS already does
//! Encrypts every stream at rest with `aws/kinesisvideo` when `KmsKeyId` /
//! `kms_key_id` is absent (since launch in 2017).
//!
//! ## Verdicts
//! - met: a key that is not an AWS managed alias (a reference counts);
//! - not met: absent, or `alias/aws/kinesisvideo`;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Camera:
//!     Type: AWS::KinesisVideo::Stream
//!     Properties:
//!       Name: camera
//!       KmsKeyId: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
//! ```
//! ```yaml fail
//! Resources:
//!   Camera:
//!     Type: AWS::KinesisVideo::Stream
//!     Properties:
//!       Name: camera
//! ```
//! ```hcl pass
//! resource "aws_kinesis_video_stream" "camera" {
//!   name = "camera"
//!   kms_key_id = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
//! }
//! ```
//! ```hcl fail
//! resource "aws_kinesis_video_stream" "camera" {
//!   name = "camera"
//! }
//! ```

use crate::check::require_customer_managed_key;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "kinesisvideo.customer-managed-key",
    title: "Kinesis video streams are encrypted with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::KinesisVideo::Stream"],
    tf_types: &["aws_kinesis_video_stream"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_177", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_customer_managed_key(
        resource,
        "KmsKeyId",
        "kms_key_id",
        "the AWS managed key aws/kinesisvideo",
    )
}
