//! # sagemaker.monitoring-kms: SageMaker monitoring jobs encrypt their results and volumes with your KMS key
//!
//! ## Why this is your duty
//! SageMaker is a container service: AWS encrypts the monitoring job's
//! storage volume and its S3 results at rest for you. Which key protects
//! them, who may use it and when it rotates is the key-management duty,
//! yours whenever your policy asks for keys you control.
//!
//! ## What AWS already does
//! Encrypts the job's storage volume with an AWS managed key and writes its
//! reports to S3, where the bucket's default encryption applies (SSE-S3 on
//! every new object since January 2023), unless you name KMS keys.
//!
//! ## Verdicts
//! Job definitions of data quality, model bias, model explainability and
//! model quality monitoring, and monitoring schedules with an inline job
//! definition.
//! - met: the output configuration (`DataQualityJobOutputConfig.KmsKeyId`,
//!   `ModelBiasJobOutputConfig.KmsKeyId`..., a schedule's
//!   `MonitoringOutputConfig.KmsKeyId`; `data_quality_job_output_config {
//!   kms_key_id }`) and the volume (`JobResources.ClusterConfig.VolumeKmsKeyId`,
//!   `MonitoringResources...` in a schedule; `job_resources { cluster_config
//!   { volume_kms_key_id } }`) both name a customer managed key;
//! - not met: either is absent or an AWS managed key alias;
//! - unknown: a key is not static;
//! - not applicable: a schedule that names a separate job definition.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Quality:
//!     Type: AWS::SageMaker::DataQualityJobDefinition
//!     Properties:
//!       RoleArn: arn:aws:iam::111122223333:role/monitor
//!       DataQualityJobOutputConfig:
//!         KmsKeyId: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
//!       JobResources:
//!         ClusterConfig:
//!           InstanceCount: 1
//!           InstanceType: ml.m5.large
//!           VolumeSizeInGB: 20
//!           VolumeKmsKeyId: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
//! ```
//! ```yaml fail
//! Resources:
//!   Quality:
//!     Type: AWS::SageMaker::ModelQualityJobDefinition
//!     Properties:
//!       RoleArn: arn:aws:iam::111122223333:role/monitor
//!       ModelQualityJobOutputConfig:
//!         KmsKeyId: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "monitor" {}
//! resource "aws_sagemaker_data_quality_job_definition" "quality" {
//!   role_arn = "arn:aws:iam::111122223333:role/monitor"
//!   data_quality_job_output_config {
//!     kms_key_id = aws_kms_key.monitor.arn
//!   }
//!   job_resources {
//!     cluster_config {
//!       instance_count    = 1
//!       instance_type     = "ml.m5.large"
//!       volume_size_in_gb = 20
//!       volume_kms_key_id = aws_kms_key.monitor.arn
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_sagemaker_data_quality_job_definition" "quality" {
//!   role_arn = "arn:aws:iam::111122223333:role/monitor"
//! }
//! ```

use crate::check::{both, require_customer_managed_key};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::sagemaker::{
    MONITORING_CFN, MONITORING_TF, job_prefix, output_config_key, resources_key,
};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "sagemaker.monitoring-kms",
    title: "SageMaker monitoring jobs encrypt results and volumes with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: MONITORING_CFN,
    tf_types: MONITORING_TF,
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_367", Same), checkov("CKV_AWS_368", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let prefix = match job_prefix(resource) {
        Ok(p) => p,
        Err(v) => return v,
    };
    let output = require_customer_managed_key(
        resource,
        &format!("{prefix}{}.KmsKeyId", output_config_key(resource)),
        "data_quality_job_output_config.kms_key_id",
        "the S3 bucket's default encryption",
    );
    let volume = require_customer_managed_key(
        resource,
        &format!(
            "{prefix}{}.ClusterConfig.VolumeKmsKeyId",
            resources_key(resource)
        ),
        "job_resources.cluster_config.volume_kms_key_id",
        "an AWS managed key",
    );
    both(output, volume)
}
