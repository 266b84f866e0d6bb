//! # ecr.kms-key: ECR repositories encrypt images with a KMS key you manage
//!
//! ## Why this is your duty
//! ECR is abstracted: AWS stores and encrypts your images, and encrypting
//! them at rest is AWS's (always on). Which key protects them, who may use
//! it, when it rotates and whether it can be disabled to cut off access is
//! the key-management duty, yours whenever your policy asks for keys you
//! control.
//!
//! ## What AWS already does
//! Encrypts every image at rest with AES-256 and keys ECR manages
//! (`EncryptionType: AES256`, the default since ECR launched). With `KMS`
//! (since July 2021) it uses the key you name, or the AWS managed key
//! `aws/ecr` when you name none. The setting is fixed when the repository is
//! created.
//!
//! ## Verdicts
//! - met: `EncryptionConfiguration.EncryptionType` (`encryption_configuration
//!   { encryption_type }`) is `KMS` or `KMS_DSSE` and `KmsKey` / `kms_key`
//!   names a key other than `alias/aws/ecr`;
//! - not met: `AES256` or absent (ECR's own keys), or `KMS` without a key or
//!   with the AWS managed key;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Images:
//!     Type: AWS::ECR::Repository
//!     Properties:
//!       EncryptionConfiguration:
//!         EncryptionType: KMS
//!         KmsKey: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
//! ```
//! ```yaml fail
//! Resources:
//!   Images:
//!     Type: AWS::ECR::Repository
//!     Properties:
//!       RepositoryName: app
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "ecr" {}
//! resource "aws_ecr_repository" "app" {
//!   name = "app"
//!   encryption_configuration {
//!     encryption_type = "KMS"
//!     kms_key         = aws_kms_key.ecr.arn
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_ecr_repository" "app" {
//!   name = "app"
//!   encryption_configuration {
//!     encryption_type = "KMS"
//!   }
//! }
//! ```

use crate::check::{require_customer_managed_key, require_one_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::{Status, Verdict};
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ecr.kms-key",
    title: "ECR repositories are encrypted with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::ECR::Repository"],
    tf_types: &["aws_ecr_repository"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_136", Related)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let kms = require_one_of(
        resource,
        "EncryptionConfiguration.EncryptionType",
        "encryption_configuration.encryption_type",
        &["KMS", "KMS_DSSE"],
        Some("AES256"),
        "a KMS key",
    );
    if kms.status == Status::NotMet {
        return kms;
    }
    let key = require_customer_managed_key(
        resource,
        "EncryptionConfiguration.KmsKey",
        "encryption_configuration.kms_key",
        "the AWS managed key aws/ecr",
    );
    if kms.status == Status::Unknown && key.status != Status::NotMet {
        return kms;
    }
    key
}
