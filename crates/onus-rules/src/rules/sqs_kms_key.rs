//! # sqs.kms-key: SQS queues encrypt messages with your KMS key
//!
//! ## Why this is your duty
//! SQS is abstracted: AWS encrypts new queues at rest by default.
//! Encryption with a key you manage is the key-management duty: who may
//! decrypt the messages (a consumer in another account needs the key
//! policy to allow it), when the key rotates and whether it can be
//! disabled to cut off access, whenever your policy asks for keys you
//! control.
//!
//! ## What AWS already does
//! Encrypts every new queue with SQS-owned keys (SSE-SQS) since October
//! 2022, or with the AWS managed key `aws/sqs` when `KmsMasterKeyId` names
//! it; neither can be managed by you.
//!
//! ## Verdicts
//! - met: `KmsMasterKeyId` / `kms_master_key_id` names a customer managed
//!   key;
//! - not met: absent (SSE-SQS), or `alias/aws/sqs`;
//! - unknown: the key is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Key:
//!     Type: AWS::KMS::Key
//!     Properties:
//!       KeyPolicy: {}
//!   Jobs:
//!     Type: AWS::SQS::Queue
//!     Properties:
//!       KmsMasterKeyId: !Ref Key
//! ```
//! ```yaml fail
//! Resources:
//!   Jobs:
//!     Type: AWS::SQS::Queue
//!     Properties:
//!       KmsMasterKeyId: alias/aws/sqs
//! ```
//! ```hcl pass
//! resource "aws_sqs_queue" "jobs" {
//!   name              = "jobs"
//!   kms_master_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
//! }
//! ```
//! ```hcl fail
//! resource "aws_sqs_queue" "jobs" {
//!   name = "jobs"
//! }
//! ```

use crate::check::require_customer_managed_key;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "sqs.kms-key",
    title: "SQS queues are encrypted with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::SQS::Queue"],
    tf_types: &["aws_sqs_queue"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV2_AWS_73", Same), trivy("AVD-AWS-0135", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_customer_managed_key(
        resource,
        "KmsMasterKeyId",
        "kms_master_key_id",
        "SSE-SQS with SQS-owned keys",
    )
}
