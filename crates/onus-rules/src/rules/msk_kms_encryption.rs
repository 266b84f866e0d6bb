//! # msk.kms-encryption: MSK clusters encrypt broker storage with your KMS key
//!
//! ## Why this is your duty
//! MSK is a container service: AWS always encrypts the brokers' EBS volumes,
//! but with an AWS managed key unless you name your own. Choosing a customer
//! managed key — whose policy you control and whose use CloudTrail records
//! — is the key-management part of the customer's side.
//!
//! ## What AWS already does
//! Encrypts data at rest with the AWS managed key `aws/kafka` when no key is
//! given.
//!
//! ## Verdicts
//! - met: `EncryptionInfo.EncryptionAtRest.DataVolumeKMSKeyId`
//!   (`encryption_info { encryption_at_rest_kms_key_arn }`) is set, literally
//!   or by reference;
//! - not met: absent (the AWS managed key);
//! - unknown: the key comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Key:
//!     Type: AWS::KMS::Key
//!   Kafka:
//!     Type: AWS::MSK::Cluster
//!     Properties:
//!       ClusterName: events
//!       EncryptionInfo:
//!         EncryptionAtRest:
//!           DataVolumeKMSKeyId: !GetAtt Key.Arn
//! ```
//! ```yaml fail
//! Resources:
//!   Kafka:
//!     Type: AWS::MSK::Cluster
//!     Properties:
//!       ClusterName: events
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "kafka" {}
//! resource "aws_msk_cluster" "events" {
//!   cluster_name = "events"
//!   encryption_info {
//!     encryption_at_rest_kms_key_arn = aws_kms_key.kafka.arn
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_msk_cluster" "events" {
//!   cluster_name = "events"
//! }
//! ```

use crate::check::require_set;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "msk.kms-encryption",
    title: "MSK cluster encrypts storage with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::MSK::Cluster"],
    tf_types: &["aws_msk_cluster"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_set(
        resource,
        "EncryptionInfo.EncryptionAtRest.DataVolumeKMSKeyId",
        "encryption_info.encryption_at_rest_kms_key_arn",
        "broker storage is encrypted with the AWS managed key aws/kafka",
    )
}
