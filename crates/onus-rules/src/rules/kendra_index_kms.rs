//! # kendra.index-kms: Kendra indexes encrypt documents with your KMS key
//!
//! ## Why this is your duty
//! Kendra is abstracted: AWS stores the documents and metadata you index,
//! encrypted at rest. Which key protects that copy of your documents, who
//! may use it and when it rotates is the key-management duty, yours
//! whenever your policy asks for keys you control.
//!
//! ## What AWS already does
//! Encrypts the index with an AWS owned key unless
//! `ServerSideEncryptionConfiguration.KmsKeyId` names a customer managed
//! key; the key is fixed when the index is created.
//!
//! ## Verdicts
//! - met: `ServerSideEncryptionConfiguration.KmsKeyId`
//!   (`server_side_encryption_configuration { kms_key_id }`) names a
//!   customer managed key;
//! - not met: absent, or an AWS managed key alias;
//! - unknown: the key is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Search:
//!     Type: AWS::Kendra::Index
//!     Properties:
//!       Name: docs
//!       Edition: DEVELOPER_EDITION
//!       RoleArn: arn:aws:iam::111122223333:role/kendra
//!       ServerSideEncryptionConfiguration:
//!         KmsKeyId: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
//! ```
//! ```yaml fail
//! Resources:
//!   Search:
//!     Type: AWS::Kendra::Index
//!     Properties:
//!       Name: docs
//!       Edition: DEVELOPER_EDITION
//!       RoleArn: arn:aws:iam::111122223333:role/kendra
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "search" {}
//! resource "aws_kendra_index" "docs" {
//!   name     = "docs"
//!   role_arn = "arn:aws:iam::111122223333:role/kendra"
//!   server_side_encryption_configuration {
//!     kms_key_id = aws_kms_key.search.arn
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_kendra_index" "docs" {
//!   name     = "docs"
//!   role_arn = "arn:aws:iam::111122223333:role/kendra"
//! }
//! ```

use crate::check::require_customer_managed_key;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "kendra.index-kms",
    title: "Kendra indexes are encrypted with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::Kendra::Index"],
    tf_types: &["aws_kendra_index"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_262", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_customer_managed_key(
        resource,
        "ServerSideEncryptionConfiguration.KmsKeyId",
        "server_side_encryption_configuration.kms_key_id",
        "an AWS owned key",
    )
}
