//! # sagemaker.monitoring-network-isolation: SageMaker monitoring jobs run without network access
//!
//! ## Why this is your duty
//! SageMaker is a container service: AWS runs the monitoring containers,
//! but whether they may open connections to the network is a flag of your
//! job definition. A monitoring container reads your endpoint's captured
//! requests and responses; with network isolation it cannot send them
//! anywhere, even if the container image is compromised. Limiting network
//! exposure is yours.
//!
//! ## What AWS already does
//! Gives the container its input and collects its output through S3 itself.
//! `EnableNetworkIsolation` defaults to false: the container may make
//! outbound calls (to the internet, or through your VPC when you give one).
//!
//! ## Verdicts
//! Job definitions of data quality, model bias, model explainability and
//! model quality monitoring, and monitoring schedules that carry their job
//! definition inline.
//! - met: `NetworkConfig.EnableNetworkIsolation`
//!   (`network_config { enable_network_isolation }`) is true;
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
//!         EnableNetworkIsolation: true
//! ```
//! ```yaml fail
//! Resources:
//!   Bias:
//!     Type: AWS::SageMaker::ModelBiasJobDefinition
//!     Properties:
//!       RoleArn: arn:aws:iam::111122223333:role/monitor
//!       NetworkConfig:
//!         EnableNetworkIsolation: false
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Schedule:
//!     Type: AWS::SageMaker::MonitoringSchedule
//!     Properties:
//!       MonitoringScheduleName: hourly
//!       MonitoringScheduleConfig:
//!         MonitoringJobDefinitionName: quality
//!         MonitoringType: DataQuality
//! ```
//! ```hcl pass
//! resource "aws_sagemaker_data_quality_job_definition" "quality" {
//!   role_arn = "arn:aws:iam::111122223333:role/monitor"
//!   network_config {
//!     enable_network_isolation = true
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
use crate::rule::{Controls, Rule, Severity};
use crate::sagemaker::{MONITORING_CFN, MONITORING_TF, job_prefix};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "sagemaker.monitoring-network-isolation",
    title: "SageMaker monitoring jobs run with network isolation",
    duty: Duty::NetworkExposure,
    severity: Severity::Medium,
    cfn_types: MONITORING_CFN,
    tf_types: MONITORING_TF,
    reads: &[],
    controls: Controls {
        fsbp: &["SageMaker.11", "SageMaker.12", "SageMaker.14"],
        config: &[
            "SAGEMAKER_DATA_QUALITY_JOB_ISOLATION",
            "SAGEMAKER_MODEL_BIAS_JOB_ISOLATION",
            "SAGEMAKER_MONITORING_SCHEDULE_ISOLATION",
        ],
        cis: &[],
    },
    peers: &[],
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
        &format!("{prefix}NetworkConfig.EnableNetworkIsolation"),
        "network_config.enable_network_isolation",
        true,
        false,
        "network isolation",
    )
}
