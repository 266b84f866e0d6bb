//! # glue.ml-transform-encryption: Glue machine learning transforms encrypt user data at rest
//!
//! ## Why this is your duty
//! Glue is an abstracted service: AWS stores what a FindMatches transform
//! learns from your data (labels, models), and whether it is encrypted with
//! KMS is a setting of the transform. Encrypting customer data at rest is
//! the customer's side of the model.
//!
//! ## What AWS already does
//! Leaves ML user data without KMS encryption unless
//! `TransformEncryption.MLUserDataEncryption.MLUserDataEncryptionMode` is
//! `SSE-KMS`; the default is `DISABLED`.
//!
//! ## Verdicts
//! - met: `SSE-KMS`;
//! - not met: `DISABLED` or absent;
//! - unknown: a value onus cannot resolve.
//!
//! The Terraform `aws_glue_ml_transform` has no encryption setting.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Dedupe:
//!     Type: AWS::Glue::MLTransform
//!     Properties:
//!       Role: arn:aws:iam::123456789012:role/glue
//!       InputRecordTables:
//!         GlueTables:
//!           - DatabaseName: crm
//!             TableName: customers
//!       TransformParameters:
//!         TransformType: FIND_MATCHES
//!         FindMatchesParameters:
//!           PrimaryKeyColumnName: id
//!       TransformEncryption:
//!         MLUserDataEncryption:
//!           MLUserDataEncryptionMode: SSE-KMS
//!           KmsKeyId: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
//! ```
//! ```yaml fail
//! Resources:
//!   Dedupe:
//!     Type: AWS::Glue::MLTransform
//!     Properties:
//!       Role: arn:aws:iam::123456789012:role/glue
//!       InputRecordTables:
//!         GlueTables:
//!           - DatabaseName: crm
//!             TableName: customers
//!       TransformParameters:
//!         TransformType: FIND_MATCHES
//!         FindMatchesParameters:
//!           PrimaryKeyColumnName: id
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "glue.ml-transform-encryption",
    title: "Glue machine learning transforms encrypt user data at rest",
    duty: Duty::EncryptionAtRest,
    severity: Severity::Medium,
    cfn_types: &["AWS::Glue::MLTransform"],
    tf_types: &[],
    reads: &[],
    controls: Controls {
        fsbp: &["Glue.3"],
        config: &["GLUE_ML_TRANSFORM_ENCRYPTED_AT_REST"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "TransformEncryption.MLUserDataEncryption.MLUserDataEncryptionMode",
        "",
        &["SSE-KMS"],
        Some("DISABLED"),
        "KMS encryption of ML user data",
    )
}
