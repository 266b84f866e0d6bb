//! SageMaker model monitoring: the four job definition types and the
//! monitoring schedules that carry their job definition inline share their
//! network and encryption settings, under different keys.

use crate::verdict::Verdict;
use onus_ingest::Resource;

/// The CloudFormation types with a monitoring job definition.
pub const MONITORING_CFN: &[&str] = &[
    "AWS::SageMaker::DataQualityJobDefinition",
    "AWS::SageMaker::ModelBiasJobDefinition",
    "AWS::SageMaker::ModelExplainabilityJobDefinition",
    "AWS::SageMaker::ModelQualityJobDefinition",
    "AWS::SageMaker::MonitoringSchedule",
];

/// The Terraform types with a monitoring job definition (the provider's
/// monitoring schedule names its definition, it never carries one).
pub const MONITORING_TF: &[&str] = &["aws_sagemaker_data_quality_job_definition"];

const SCHEDULE: &str = "AWS::SageMaker::MonitoringSchedule";

/// Where the job definition's settings start in the resource: `""` for a
/// job definition, the inline definition for a schedule. A schedule that
/// names a separate job definition is not applicable (the definition is
/// judged itself).
pub fn job_prefix(resource: &Resource) -> Result<&'static str, Verdict> {
    if resource.resource_type != SCHEDULE {
        return Ok("");
    }
    let prefix = "MonitoringScheduleConfig.MonitoringJobDefinition";
    match crate::check::get(resource, prefix) {
        Some(_) => Ok("MonitoringScheduleConfig.MonitoringJobDefinition."),
        None => Err(Verdict::not_applicable(
            resource,
            "the schedule names a separate job definition, which is judged itself",
        )),
    }
}

/// The key of the job's output configuration (`DataQualityJobOutputConfig`,
/// a schedule's `MonitoringOutputConfig`), in CloudFormation.
pub fn output_config_key(resource: &Resource) -> &'static str {
    match resource.resource_type.as_str() {
        "AWS::SageMaker::ModelBiasJobDefinition" => "ModelBiasJobOutputConfig",
        "AWS::SageMaker::ModelExplainabilityJobDefinition" => "ModelExplainabilityJobOutputConfig",
        "AWS::SageMaker::ModelQualityJobDefinition" => "ModelQualityJobOutputConfig",
        SCHEDULE => "MonitoringOutputConfig",
        _ => "DataQualityJobOutputConfig",
    }
}

/// The key of the job's compute resources, in CloudFormation.
pub fn resources_key(resource: &Resource) -> &'static str {
    if resource.resource_type == SCHEDULE {
        "MonitoringResources"
    } else {
        "JobResources"
    }
}
