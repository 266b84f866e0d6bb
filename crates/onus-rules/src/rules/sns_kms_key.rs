//! # sns.kms-key: SNS topics encrypt messages with your KMS key
//!
//! ## Why this is your duty
//! SNS is abstracted: AWS stores messages until they are delivered, and
//! encrypts them at rest only when the topic names a KMS key. Using a key
//! you manage is the key-management duty: who may publish encrypted
//! messages (an AWS service publishing to the topic needs the key policy to
//! allow it), when the key rotates and whether it can be disabled.
//!
//! ## What AWS already does
//! Nothing at rest unless `KmsMasterKeyId` is set (`sns.encryption-at-rest`
//! checks that); with `alias/aws/sns` it uses the AWS managed key, whose
//! policy you cannot change.
//!
//! ## Verdicts
//! - met: `KmsMasterKeyId` / `kms_master_key_id` names a customer managed
//!   key;
//! - not met: absent, or `alias/aws/sns`;
//! - unknown: the key is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Alerts:
//!     Type: AWS::SNS::Topic
//!     Properties:
//!       KmsMasterKeyId: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
//! ```
//! ```yaml fail
//! Resources:
//!   Alerts:
//!     Type: AWS::SNS::Topic
//!     Properties:
//!       KmsMasterKeyId: alias/aws/sns
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "alerts" {}
//! resource "aws_sns_topic" "alerts" {
//!   name              = "alerts"
//!   kms_master_key_id = aws_kms_key.alerts.arn
//! }
//! ```
//! ```hcl fail
//! resource "aws_sns_topic" "alerts" {
//!   name = "alerts"
//! }
//! ```

use crate::check::require_customer_managed_key;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "sns.kms-key",
    title: "SNS topics are encrypted with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::SNS::Topic"],
    tf_types: &["aws_sns_topic"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[trivy("AVD-AWS-0136", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_customer_managed_key(
        resource,
        "KmsMasterKeyId",
        "kms_master_key_id",
        "no encryption at rest",
    )
}
