//! # sagemaker.notebook-kms: SageMaker notebook storage is encrypted with your KMS key
//!
//! ## Why this is your duty
//! SageMaker runs the notebook instance (a container service) and always
//! encrypts its ML storage volume, but with a key AWS manages unless you
//! name one. Holding the key — its policy, its audit trail, the power to
//! revoke it — is the key-management part of the customer's side.
//!
//! ## What AWS already does
//! Encrypts the notebook's storage volume with an AWS managed key when
//! `KmsKeyId` is absent.
//!
//! ## Verdicts
//! - met: `KmsKeyId` (`kms_key_id`) is set, literally or by reference;
//! - not met: absent;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Key:
//!     Type: AWS::KMS::Key
//!   Notebook:
//!     Type: AWS::SageMaker::NotebookInstance
//!     Properties:
//!       InstanceType: ml.t3.medium
//!       RoleArn: arn:aws:iam::111122223333:role/notebook
//!       KmsKeyId: !Ref Key
//! ```
//! ```yaml fail
//! Resources:
//!   Notebook:
//!     Type: AWS::SageMaker::NotebookInstance
//!     Properties:
//!       InstanceType: ml.t3.medium
//!       RoleArn: arn:aws:iam::111122223333:role/notebook
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "nb" {}
//! resource "aws_sagemaker_notebook_instance" "nb" {
//!   name          = "nb"
//!   instance_type = "ml.t3.medium"
//!   role_arn      = "arn:aws:iam::111122223333:role/notebook"
//!   kms_key_id    = aws_kms_key.nb.id
//! }
//! ```
//! ```hcl fail
//! resource "aws_sagemaker_notebook_instance" "nb" {
//!   name          = "nb"
//!   instance_type = "ml.t3.medium"
//!   role_arn      = "arn:aws:iam::111122223333:role/notebook"
//! }
//! ```

use crate::check::require_set;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "sagemaker.notebook-kms",
    title: "SageMaker notebook instance uses a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::SageMaker::NotebookInstance"],
    tf_types: &["aws_sagemaker_notebook_instance"],
    reads: &[],
    controls: Controls {
        fsbp: &[],
        config: &["SAGEMAKER_NOTEBOOK_INSTANCE_KMS_KEY_CONFIGURED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_22", Same),
        checkov("CKV_AWS_187", Related),
        guard("SAGEMAKER_NOTEBOOK_INSTANCE_KMS_KEY_CONFIGURED", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_set(
        resource,
        "KmsKeyId",
        "kms_key_id",
        "the storage volume is encrypted with an AWS managed key",
    )
}
