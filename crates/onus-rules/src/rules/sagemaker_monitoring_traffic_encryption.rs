//! # sagemaker.monitoring-traffic-encryption: SageMaker monitoring jobs encrypt traffic between their instances
//!
//! ## Why this is your duty
//! SageMaker is a container service: AWS runs the monitoring jobs on
//! instances it manages, but a job spread over several instances exchanges
//! your data between them, and whether that traffic is encrypted is a flag
//! of your job definition. Protecting data in transit is always yours.
//!
//! ## What AWS already does
//! Runs the job's instances in an isolated network (your VPC when you give
//! one). `EnableInterContainerTrafficEncryption` defaults to false: traffic
//! between the instances of a distributed job is not encrypted unless you
//! ask (it costs some speed).
//!
//! ## Verdicts
//! Job definitions of data quality, model bias, model explainability and
//! model quality monitoring, and monitoring schedules that carry their job
//! definition inline (`MonitoringScheduleConfig.MonitoringJobDefinition`).
//! - met: `NetworkConfig.EnableInterContainerTrafficEncryption`
//!   (`network_config { enable_inter_container_traffic_encryption }`) is true;
//! - not met: false or absent;
//! - unknown: the flag is not static;
//! - not applicable: a schedule that names a separate job definition.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Quality:
//!     Type: AWS::SageMaker::DataQualityJobDefinition
//!     Properties:
//!       RoleArn: arn:aws:iam::111122223333:role/monitor
//!       NetworkConfig:
//!         EnableInterContainerTrafficEncryption: true
//!         EnableNetworkIsolation: true
//! ```
//! ```yaml fail
//! Resources:
//!   Bias:
//!     Type: AWS::SageMaker::ModelBiasJobDefinition
//!     Properties:
//!       RoleArn: arn:aws:iam::111122223333:role/monitor
//! ```
//! ```yaml fail
//! Resources:
//!   Schedule:
//!     Type: AWS::SageMaker::MonitoringSchedule
//!     Properties:
//!       MonitoringScheduleName: hourly
//!       MonitoringScheduleConfig:
//!         MonitoringJobDefinition:
//!           RoleArn: arn:aws:iam::111122223333:role/monitor
//!           NetworkConfig:
//!             EnableInterContainerTrafficEncryption: false
//! ```
//! ```hcl pass
//! resource "aws_sagemaker_data_quality_job_definition" "quality" {
//!   role_arn = "arn:aws:iam::111122223333:role/monitor"
//!   network_config {
//!     enable_inter_container_traffic_encryption = true
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_sagemaker_data_quality_job_definition" "quality" {
//!   role_arn = "arn:aws:iam::111122223333:role/monitor"
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::sagemaker::{MONITORING_CFN, MONITORING_TF, job_prefix};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "sagemaker.monitoring-traffic-encryption",
    title: "SageMaker monitoring jobs encrypt inter-container traffic",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: MONITORING_CFN,
    tf_types: MONITORING_TF,
    reads: &[],
    controls: Controls {
        fsbp: &[
            "SageMaker.9",
            "SageMaker.10",
            "SageMaker.13",
            "SageMaker.15",
        ],
        config: &[
            "SAGEMAKER_DATA_QUALITY_JOB_ENCRYPT_IN_TRANSIT",
            "SAGEMAKER_MODEL_EXPLAINABILITY_JOB_ENCRYPT_IN_TRANSIT",
            "SAGEMAKER_MODEL_QUALITY_JOB_ENCRYPT_IN_TRANSIT",
            "SAGEMAKER_MODEL_BIAS_JOB_ENCRYPT_IN_TRANSIT",
        ],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_369", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let prefix = match job_prefix(resource) {
        Ok(p) => p,
        Err(v) => return v,
    };
    require_bool(
        resource,
        &format!("{prefix}NetworkConfig.EnableInterContainerTrafficEncryption"),
        "network_config.enable_inter_container_traffic_encryption",
        true,
        false,
        "inter-container traffic encryption",
    )
}
