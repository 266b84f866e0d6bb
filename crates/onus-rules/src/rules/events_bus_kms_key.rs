//! # events.bus-kms-key: EventBridge event buses encrypt events with your KMS key
//!
//! ## Why this is your duty
//! EventBridge is abstracted: AWS keeps the events that pass through a bus
//! (and its archives) encrypted at rest. Which key protects them, who may
//! use it and when it rotates is the key-management duty, yours whenever
//! your policy asks for keys you control.
//!
//! ## What AWS already does
//! Encrypts events with an AWS owned key unless `KmsKeyIdentifier`
//! (`kms_key_identifier`) names a customer managed key, possible for custom
//! buses since 2024.
//!
//! ## Verdicts
//! - met: `KmsKeyIdentifier` / `kms_key_identifier` names a customer managed
//!   key;
//! - not met: absent (AWS owned key), or an AWS managed key alias;
//! - unknown: the key is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Bus:
//!     Type: AWS::Events::EventBus
//!     Properties:
//!       Name: orders
//!       KmsKeyIdentifier: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
//! ```
//! ```yaml fail
//! Resources:
//!   Bus:
//!     Type: AWS::Events::EventBus
//!     Properties:
//!       Name: orders
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "events" {}
//! resource "aws_cloudwatch_event_bus" "orders" {
//!   name               = "orders"
//!   kms_key_identifier = aws_kms_key.events.arn
//! }
//! ```
//! ```hcl fail
//! resource "aws_cloudwatch_event_bus" "orders" {
//!   name = "orders"
//! }
//! ```

use crate::check::require_customer_managed_key;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "events.bus-kms-key",
    title: "EventBridge event buses are encrypted with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::Events::EventBus"],
    tf_types: &["aws_cloudwatch_event_bus"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_customer_managed_key(
        resource,
        "KmsKeyIdentifier",
        "kms_key_identifier",
        "an AWS owned key",
    )
}
