//! # mq.kms-key: ActiveMQ brokers encrypt their storage with your KMS key
//!
//! ## Why this is your duty
//! Amazon MQ is a container service: AWS always encrypts broker storage at
//! rest. Which key protects your messages, who may use it and when it
//! rotates is the key-management duty, yours whenever your policy asks for
//! keys you control.
//!
//! ## What AWS already does
//! Encrypts ActiveMQ broker storage with an AWS owned key
//! (`UseAwsOwnedKey` defaults to true), or with the AWS managed key
//! `aws/mq` when `UseAwsOwnedKey` is false and no `KmsKeyId` is given.
//! RabbitMQ brokers always use an AWS owned key: the choice does not exist
//! for them.
//!
//! ## Verdicts
//! - met: `EncryptionOptions.UseAwsOwnedKey` (`encryption_options {
//!   use_aws_owned_key }`) is false and `KmsKeyId` / `kms_key_id` names a
//!   customer managed key;
//! - not met: an AWS owned key (the default), or no key / an AWS managed
//!   key alias;
//! - unknown: the engine, the flag or the key is not static;
//! - not applicable: RabbitMQ brokers.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Broker:
//!     Type: AWS::AmazonMQ::Broker
//!     Properties:
//!       BrokerName: orders
//!       EngineType: ACTIVEMQ
//!       PubliclyAccessible: false
//!       EncryptionOptions:
//!         UseAwsOwnedKey: false
//!         KmsKeyId: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
//! ```
//! ```yaml fail
//! Resources:
//!   Broker:
//!     Type: AWS::AmazonMQ::Broker
//!     Properties:
//!       BrokerName: orders
//!       EngineType: ACTIVEMQ
//!       PubliclyAccessible: false
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "mq" {}
//! resource "aws_mq_broker" "orders" {
//!   broker_name        = "orders"
//!   engine_type        = "ActiveMQ"
//!   engine_version     = "5.18"
//!   host_instance_type = "mq.m5.large"
//!   encryption_options {
//!     use_aws_owned_key = false
//!     kms_key_id        = aws_kms_key.mq.arn
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_mq_broker" "orders" {
//!   broker_name        = "orders"
//!   engine_type        = "ActiveMQ"
//!   engine_version     = "5.18"
//!   host_instance_type = "mq.m5.large"
//!   encryption_options {
//!     use_aws_owned_key = false
//!   }
//! }
//! ```
//! ```hcl not-applicable
//! resource "aws_mq_broker" "jobs" {
//!   broker_name        = "jobs"
//!   engine_type        = "RabbitMQ"
//!   engine_version     = "3.13"
//!   host_instance_type = "mq.m5.large"
//! }
//! ```

use crate::check::{require_bool, require_chosen_key};
use crate::context::Context;
use crate::mq::is_rabbitmq;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "mq.kms-key",
    title: "ActiveMQ brokers are encrypted with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::AmazonMQ::Broker"],
    tf_types: &["aws_mq_broker"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_209", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    match is_rabbitmq(resource) {
        Ok(true) => {
            return Verdict::not_applicable(
                resource,
                "RabbitMQ brokers always use an AWS owned key: there is no key to choose",
            );
        }
        Ok(false) => {}
        Err(v) => return v,
    }
    let owned = require_bool(
        resource,
        "EncryptionOptions.UseAwsOwnedKey",
        "encryption_options.use_aws_owned_key",
        false,
        true,
        "a key you manage",
    );
    require_chosen_key(
        resource,
        owned,
        "EncryptionOptions.KmsKeyId",
        "encryption_options.kms_key_id",
        "the AWS managed key aws/mq",
    )
}
