//! # sagemaker.endpoint-config-kms: SageMaker endpoint storage is encrypted with your KMS key
//!
//! ## Why this is your duty
//! SageMaker hosting is a container service: AWS runs the inference
//! instances, but the key protecting the ML storage volumes attached to
//! them is your choice. Key management is on the customer's side.
//!
//! ## What AWS already does
//! Encrypts the endpoint instances' storage volumes with an AWS managed key
//! when no key is given (instances with NVMe instance storage are encrypted
//! by hardware and take no key).
//!
//! ## Verdicts
//! - met: `KmsKeyId` (`kms_key_arn`) is set on the endpoint configuration;
//! - not met: absent;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Key:
//!     Type: AWS::KMS::Key
//!   Config:
//!     Type: AWS::SageMaker::EndpointConfig
//!     Properties:
//!       KmsKeyId: !GetAtt Key.Arn
//!       ProductionVariants:
//!         - VariantName: main
//!           ModelName: churn
//!           InstanceType: ml.m5.large
//!           InitialInstanceCount: 2
//! ```
//! ```yaml fail
//! Resources:
//!   Config:
//!     Type: AWS::SageMaker::EndpointConfig
//!     Properties:
//!       ProductionVariants:
//!         - VariantName: main
//!           ModelName: churn
//!           InstanceType: ml.m5.large
//!           InitialInstanceCount: 2
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "ml" {}
//! resource "aws_sagemaker_endpoint_configuration" "config" {
//!   kms_key_arn = aws_kms_key.ml.arn
//!   production_variants {
//!     variant_name           = "main"
//!     model_name             = "churn"
//!     instance_type          = "ml.m5.large"
//!     initial_instance_count = 2
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_sagemaker_endpoint_configuration" "config" {
//!   production_variants {
//!     variant_name           = "main"
//!     model_name             = "churn"
//!     instance_type          = "ml.m5.large"
//!     initial_instance_count = 2
//!   }
//! }
//! ```

use crate::check::require_set;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "sagemaker.endpoint-config-kms",
    title: "SageMaker endpoint configuration uses a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::SageMaker::EndpointConfig"],
    tf_types: &["aws_sagemaker_endpoint_configuration"],
    reads: &[],
    controls: Controls {
        fsbp: &[],
        config: &["SAGEMAKER_ENDPOINT_CONFIGURATION_KMS_KEY_CONFIGURED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_98", Same),
        guard("SAGEMAKER_ENDPOINT_CONFIGURATION_KMS_KEY_CONFIGURED", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_set(
        resource,
        "KmsKeyId",
        "kms_key_arn",
        "endpoint storage is encrypted with an AWS managed key",
    )
}
