//! # dynamodb.kms-encryption: DynamoDB tables are encrypted with a KMS key
//!
//! ## Why this is your duty
//! DynamoDB is an abstracted service: AWS always encrypts tables at rest,
//! but which key does it, and so who can audit and revoke its use, is your
//! choice. Without a KMS key the table uses an AWS-owned key that you cannot
//! see in KMS or CloudTrail, so key management is yours.
//!
//! ## What AWS already does
//! Encrypts every table at rest with an AWS-owned key by default; offers the
//! AWS managed key `aws/dynamodb` or your own customer managed key instead.
//!
//! ## Verdicts
//! - met: `SSESpecification.SSEEnabled: true` (with `SSEType: KMS`, the only
//!   type, and optionally `KMSMasterKeyId`) / `server_side_encryption {
//!   enabled = true }` (optionally with `kms_key_arn`);
//! - not met: false or absent: the table is still encrypted, with an
//!   AWS-owned key you cannot manage or audit;
//! - unknown: a value onus cannot resolve.
//!
//! Fix: enable SSE with KMS, ideally with your own key.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Orders:
//!     Type: AWS::DynamoDB::Table
//!     Properties:
//!       BillingMode: PAY_PER_REQUEST
//!       AttributeDefinitions:
//!         - AttributeName: id
//!           AttributeType: S
//!       KeySchema:
//!         - AttributeName: id
//!           KeyType: HASH
//!       SSESpecification:
//!         SSEEnabled: true
//!         SSEType: KMS
//!         KMSMasterKeyId: alias/orders
//! ```
//! ```yaml fail
//! Resources:
//!   Orders:
//!     Type: AWS::DynamoDB::Table
//!     Properties:
//!       BillingMode: PAY_PER_REQUEST
//!       AttributeDefinitions:
//!         - AttributeName: id
//!           AttributeType: S
//!       KeySchema:
//!         - AttributeName: id
//!           KeyType: HASH
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "orders" {}
//! resource "aws_dynamodb_table" "orders" {
//!   name         = "orders"
//!   billing_mode = "PAY_PER_REQUEST"
//!   hash_key     = "id"
//!   attribute {
//!     name = "id"
//!     type = "S"
//!   }
//!   server_side_encryption {
//!     enabled     = true
//!     kms_key_arn = aws_kms_key.orders.arn
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_dynamodb_table" "orders" {
//!   name         = "orders"
//!   billing_mode = "PAY_PER_REQUEST"
//!   hash_key     = "id"
//!   attribute {
//!     name = "id"
//!     type = "S"
//!   }
//! }
//! ```

use crate::check::{all_of, require_bool, require_one_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::{Status, Verdict};
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "dynamodb.kms-encryption",
    title: "DynamoDB tables are encrypted with a KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::DynamoDB::Table"],
    tf_types: &["aws_dynamodb_table"],
    reads: &[],
    controls: Controls {
        fsbp: &[],
        config: &["DYNAMODB_TABLE_ENCRYPTED_KMS"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_119", Same),
        cfn_nag("W74", Same),
        trivy("AVD-AWS-0025", Related),
        guard("DYNAMODB_TABLE_ENCRYPTED_KMS", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let enabled = require_bool(
        resource,
        "SSESpecification.SSEEnabled",
        "server_side_encryption.enabled",
        true,
        false,
        "KMS encryption",
    );
    let mut v = if resource.format.is_terraform() || enabled.status != Status::Met {
        enabled
    } else {
        let kind = require_one_of(
            resource,
            "SSESpecification.SSEType",
            "",
            &["KMS"],
            Some("KMS"),
            "KMS encryption",
        );
        all_of(vec![enabled, kind]).unwrap_or_else(|| {
            Verdict::missing(resource, "SSESpecification", "SSE is not configured")
        })
    };
    if v.status == Status::NotMet {
        v.message.to_mut().push_str(
            "; AWS still encrypts the table, with an AWS-owned key you cannot manage or audit",
        );
    }
    v
}
