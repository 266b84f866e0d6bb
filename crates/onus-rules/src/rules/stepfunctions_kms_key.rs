//! # stepfunctions.kms-key: Step Functions state machines encrypt their data with your KMS key
//!
//! ## Why this is your duty
//! Step Functions is abstracted: AWS keeps your state machine definitions
//! and the input, output and state of every execution (your data, passed
//! between steps) encrypted at rest. Which key protects them, who may use
//! it and when it rotates is the key-management duty, yours whenever your
//! policy asks for keys you control.
//!
//! ## What AWS already does
//! Encrypts with an AWS owned key (`EncryptionConfiguration.Type:
//! AWS_OWNED_KEY`, the default) unless you choose
//! `CUSTOMER_MANAGED_KMS_KEY` with a key (possible since 2024).
//!
//! ## Verdicts
//! - met: `EncryptionConfiguration.Type` (`encryption_configuration { type }`)
//!   is `CUSTOMER_MANAGED_KMS_KEY` and `KmsKeyId` / `kms_key_id` names a
//!   customer managed key;
//! - not met: `AWS_OWNED_KEY` or absent;
//! - unknown: a value that is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Flow:
//!     Type: AWS::StepFunctions::StateMachine
//!     Properties:
//!       RoleArn: arn:aws:iam::111122223333:role/flow
//!       DefinitionString: '{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}'
//!       EncryptionConfiguration:
//!         Type: CUSTOMER_MANAGED_KMS_KEY
//!         KmsKeyId: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
//! ```
//! ```yaml fail
//! Resources:
//!   Flow:
//!     Type: AWS::StepFunctions::StateMachine
//!     Properties:
//!       RoleArn: arn:aws:iam::111122223333:role/flow
//!       DefinitionString: '{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}'
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "flow" {}
//! resource "aws_sfn_state_machine" "flow" {
//!   name       = "flow"
//!   role_arn   = "arn:aws:iam::111122223333:role/flow"
//!   definition = jsonencode({ StartAt = "Done", States = { Done = { Type = "Succeed" } } })
//!   encryption_configuration {
//!     type       = "CUSTOMER_MANAGED_KMS_KEY"
//!     kms_key_id = aws_kms_key.flow.arn
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_sfn_state_machine" "flow" {
//!   name       = "flow"
//!   role_arn   = "arn:aws:iam::111122223333:role/flow"
//!   definition = jsonencode({ StartAt = "Done", States = { Done = { Type = "Succeed" } } })
//!   encryption_configuration {
//!     type = "AWS_OWNED_KEY"
//!   }
//! }
//! ```

use crate::check::{require_chosen_key, require_one_of};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "stepfunctions.kms-key",
    title: "Step Functions state machines are encrypted with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::StepFunctions::StateMachine"],
    tf_types: &["aws_sfn_state_machine"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let kind = require_one_of(
        resource,
        "EncryptionConfiguration.Type",
        "encryption_configuration.type",
        &["CUSTOMER_MANAGED_KMS_KEY"],
        Some("AWS_OWNED_KEY"),
        "a key you manage",
    );
    require_chosen_key(
        resource,
        kind,
        "EncryptionConfiguration.KmsKeyId",
        "encryption_configuration.kms_key_id",
        "an AWS owned key",
    )
}
