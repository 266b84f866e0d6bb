//! # comprehend.kms-key: Comprehend custom models and their training volumes use your KMS key
//!
//! ## Why this is your duty
//! Comprehend is abstracted: AWS trains your custom classifiers and entity
//! recognizers on your documents and stores the resulting model, encrypted
//! at rest. Which key protects the model and the volume that holds your
//! training data, who may use it and when it rotates is the key-management
//! duty, yours whenever your policy asks for keys you control.
//!
//! ## What AWS already does
//! Encrypts models and training volumes with AWS keys unless
//! `ModelKmsKeyId` and `VolumeKmsKeyId` (`model_kms_key_id`,
//! `volume_kms_key_id`) name customer managed keys.
//!
//! ## Verdicts
//! Document classifiers and (Terraform) entity recognizers.
//! - met: both the model key and the volume key name customer managed keys;
//! - not met: either is absent or an AWS managed key alias;
//! - unknown: a key that is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Classifier:
//!     Type: AWS::Comprehend::DocumentClassifier
//!     Properties:
//!       DocumentClassifierName: tickets
//!       LanguageCode: en
//!       DataAccessRoleArn: arn:aws:iam::111122223333:role/comprehend
//!       InputDataConfig: {S3Uri: "s3://training/tickets.csv"}
//!       ModelKmsKeyId: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
//!       VolumeKmsKeyId: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
//! ```
//! ```yaml fail
//! Resources:
//!   Classifier:
//!     Type: AWS::Comprehend::DocumentClassifier
//!     Properties:
//!       DocumentClassifierName: tickets
//!       LanguageCode: en
//!       DataAccessRoleArn: arn:aws:iam::111122223333:role/comprehend
//!       InputDataConfig: {S3Uri: "s3://training/tickets.csv"}
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "nlp" {}
//! resource "aws_comprehend_entity_recognizer" "products" {
//!   name                 = "products"
//!   data_access_role_arn = "arn:aws:iam::111122223333:role/comprehend"
//!   language_code        = "en"
//!   model_kms_key_id     = aws_kms_key.nlp.arn
//!   volume_kms_key_id    = aws_kms_key.nlp.arn
//! }
//! ```
//! ```hcl fail
//! resource "aws_comprehend_entity_recognizer" "products" {
//!   name                 = "products"
//!   data_access_role_arn = "arn:aws:iam::111122223333:role/comprehend"
//!   language_code        = "en"
//!   model_kms_key_id     = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
//! }
//! ```

use crate::check::{both, require_customer_managed_key};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "comprehend.kms-key",
    title: "Comprehend custom models and training volumes are encrypted with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::Comprehend::DocumentClassifier"],
    tf_types: &[
        "aws_comprehend_entity_recognizer",
        "aws_comprehend_document_classifier",
    ],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_267", Same), checkov("CKV_AWS_268", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    both(
        require_customer_managed_key(resource, "ModelKmsKeyId", "model_kms_key_id", "an AWS key"),
        require_customer_managed_key(
            resource,
            "VolumeKmsKeyId",
            "volume_kms_key_id",
            "an AWS key",
        ),
    )
}
