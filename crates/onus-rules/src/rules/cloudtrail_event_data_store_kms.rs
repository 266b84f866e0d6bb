//! # cloudtrail.event-data-store-kms: CloudTrail Lake event data stores use your KMS key
//!
//! ## Why this is your duty
//! CloudTrail is an abstracted service: AWS encrypts the events a CloudTrail
//! Lake event data store keeps (for up to ten years) with a key it owns.
//! Encrypting your audit history with a KMS key you control, so that reading
//! it needs your key policy's permission and is itself logged, is a
//! key-management choice that stays yours.
//!
//! ## What AWS already does
//! Encrypts every event data store with an AWS owned key unless `KmsKeyId` /
//! `kms_key_id` names a key (which cannot be removed later).
//!
//! ## Verdicts
//! - met: `KmsKeyId` / `kms_key_id` is set;
//! - not met: absent (AWS owned key);
//! - unknown: the value is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Key:
//!     Type: AWS::KMS::Key
//!     Properties:
//!       EnableKeyRotation: true
//!   Lake:
//!     Type: AWS::CloudTrail::EventDataStore
//!     Properties:
//!       KmsKeyId: !GetAtt Key.Arn
//! ```
//! ```yaml fail
//! Resources:
//!   Lake:
//!     Type: AWS::CloudTrail::EventDataStore
//!     Properties:
//!       RetentionPeriod: 2557
//! ```
//! ```hcl pass
//! resource "aws_cloudtrail_event_data_store" "lake" {
//!   name       = "audit"
//!   kms_key_id = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
//! }
//! ```
//! ```hcl fail
//! resource "aws_cloudtrail_event_data_store" "lake" {
//!   name = "audit"
//! }
//! ```

use crate::check::require_set;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "cloudtrail.event-data-store-kms",
    title: "CloudTrail Lake event data stores are encrypted with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::CloudTrail::EventDataStore"],
    tf_types: &["aws_cloudtrail_event_data_store"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_294", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_set(
        resource,
        "KmsKeyId",
        "kms_key_id",
        "events are encrypted with an AWS owned key",
    )
}
