//! # logs.kms-encryption: CloudWatch log groups are encrypted with your KMS key
//!
//! ## Why this is your duty
//! CloudWatch Logs is an abstracted service and always encrypts log data at
//! rest with keys AWS owns, so encryption itself is AWS's. Choosing a key you
//! control (who may decrypt, when it is disabled, audit of its use) is a key
//! management duty the model leaves partly with you.
//!
//! ## What AWS already does
//! Encrypts every log group with service-owned keys.
//!
//! ## Verdicts
//! - met: `KmsKeyId` / `kms_key_id` names a key;
//! - not met: absent (service-owned keys only);
//! - unknown: the value is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Key:
//!     Type: AWS::KMS::Key
//!     Properties:
//!       EnableKeyRotation: true
//!   Logs:
//!     Type: AWS::Logs::LogGroup
//!     Properties:
//!       KmsKeyId: !GetAtt Key.Arn
//! ```
//! ```yaml fail
//! Resources:
//!   Logs:
//!     Type: AWS::Logs::LogGroup
//!     Properties:
//!       RetentionInDays: 400
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "logs" {
//!   enable_key_rotation = true
//! }
//! resource "aws_cloudwatch_log_group" "logs" {
//!   name       = "app"
//!   kms_key_id = aws_kms_key.logs.arn
//! }
//! ```
//! ```hcl fail
//! resource "aws_cloudwatch_log_group" "logs" {
//!   name = "app"
//! }
//! ```

use crate::check::require_set;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "logs.kms-encryption",
    title: "CloudWatch log groups are encrypted with a customer-managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::Logs::LogGroup"],
    tf_types: &["aws_cloudwatch_log_group"],
    reads: &[],
    controls: Controls {
        fsbp: &[],
        config: &["CLOUDWATCH_LOG_GROUP_ENCRYPTED"],
        cis: &[],
    },
    peers: &[
        guard("CLOUDWATCH_LOG_GROUP_ENCRYPTED", Same),
        checkov("CKV_AWS_158", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_set(
        resource,
        "KmsKeyId",
        "kms_key_id",
        "log data is encrypted only with AWS-owned keys",
    )
}
