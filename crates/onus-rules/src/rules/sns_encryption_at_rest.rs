//! # sns.encryption-at-rest: SNS topics encrypt messages at rest
//!
//! ## Why this is your duty
//! SNS is abstracted, but it is one of the services that does not encrypt stored messages unless the
//! topic names a KMS key: that choice is the customer's.
//!
//! ## What AWS already does
//! Encrypts messages with the named KMS key (the AWS-managed `alias/aws/sns` or yours) as soon as they
//! are received, and decrypts them on delivery.
//!
//! ## Verdicts
//! - met: `KmsMasterKeyId` / `kms_master_key_id` is set (a key id, ARN, alias or a reference to a key);
//! - not met: absent or empty (the default is no server-side encryption);
//! - unknown: the key comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Alerts:
//!     Type: AWS::SNS::Topic
//!     Properties:
//!       KmsMasterKeyId: alias/aws/sns
//! ```
//! ```yaml fail
//! Resources:
//!   Alerts:
//!     Type: AWS::SNS::Topic
//!     Properties:
//!       TopicName: alerts
//! ```
//! ```hcl pass
//! resource "aws_sns_topic" "alerts" {
//!   name              = "alerts"
//!   kms_master_key_id = "alias/aws/sns"
//! }
//! ```
//! ```hcl fail
//! resource "aws_sns_topic" "alerts" {
//!   name = "alerts"
//! }
//! ```

use crate::check::require_set;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "sns.encryption-at-rest",
    title: "SNS topics encrypt messages at rest",
    duty: Duty::EncryptionAtRest,
    severity: Severity::Medium,
    cfn_types: &["AWS::SNS::Topic"],
    tf_types: &["aws_sns_topic"],
    reads: &[],
    controls: Controls {
        fsbp: &[],
        config: &["SNS_ENCRYPTED_KMS"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_26", Same),
        cfn_nag("W47", Same),
        trivy("AVD-AWS-0095", Same),
        guard("SNS_ENCRYPTED_KMS", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_set(
        resource,
        "KmsMasterKeyId",
        "kms_master_key_id",
        "set a KMS key to encrypt messages at rest",
    )
}
