//! # apigateway.access-logging: API Gateway stages write access logs
//!
//! ## Why this is your duty
//! API Gateway is an abstracted service: AWS runs the endpoint, and recording
//! who called your API is yours. Access logs give the caller, identity,
//! route, status and latency of every request; execution logs and metrics do
//! not replace them for investigating abuse.
//!
//! ## What AWS already does
//! Writes access logs to the CloudWatch Logs group or Firehose stream you
//! name, in the format you choose. A stage logs nothing by default.
//!
//! ## Verdicts
//! Reads REST stages (`AWS::ApiGateway::Stage` `AccessLogSetting.DestinationArn`,
//! Terraform `aws_api_gateway_stage` `access_log_settings { destination_arn }`),
//! HTTP/WebSocket stages (`AWS::ApiGatewayV2::Stage` `AccessLogSettings.DestinationArn`,
//! `aws_apigatewayv2_stage` `access_log_settings { destination_arn }`) and the
//! stage an `AWS::ApiGateway::Deployment` creates with `StageName`
//! (`StageDescription.AccessLogSetting.DestinationArn`):
//! - met: a destination is set;
//! - not met: none;
//! - not applicable: a deployment without `StageName` (it creates no stage);
//! - unknown: the destination is a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Prod:
//!     Type: AWS::ApiGateway::Stage
//!     Properties:
//!       RestApiId: abc123
//!       DeploymentId: dep123
//!       StageName: prod
//!       AccessLogSetting:
//!         DestinationArn: arn:aws:logs:eu-west-1:111122223333:log-group:api-access
//!         Format: '$context.requestId $context.identity.sourceIp $context.status'
//! ```
//! ```yaml fail
//! Resources:
//!   Prod:
//!     Type: AWS::ApiGateway::Stage
//!     Properties:
//!       RestApiId: abc123
//!       DeploymentId: dep123
//!       StageName: prod
//! ```
//! ```yaml fail
//! Resources:
//!   Default:
//!     Type: AWS::ApiGatewayV2::Stage
//!     Properties:
//!       ApiId: abc123
//!       StageName: $default
//!       AutoDeploy: true
//! ```
//! ```yaml fail
//! Resources:
//!   Deployment:
//!     Type: AWS::ApiGateway::Deployment
//!     Properties:
//!       RestApiId: abc123
//!       StageName: prod
//! ```
//! ```yaml ApiprodStage=met
//! Transform: AWS::Serverless-2016-10-31
//! Resources:
//!   Api:
//!     Type: AWS::Serverless::Api
//!     Properties:
//!       StageName: prod
//!       AccessLogSetting:
//!         DestinationArn: arn:aws:logs:eu-west-1:111122223333:log-group:api-access
//!         Format: '$context.requestId'
//! ```
//! ```yaml ServerlessApiApiGatewayDefaultStage=not-met
//! Transform: AWS::Serverless-2016-10-31
//! Resources:
//!   ServerlessApi:
//!     Type: AWS::Serverless::HttpApi
//! ```
//! ```hcl pass
//! resource "aws_api_gateway_stage" "prod" {
//!   rest_api_id   = "abc123"
//!   deployment_id = "dep123"
//!   stage_name    = "prod"
//!   access_log_settings {
//!     destination_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:api-access"
//!     format          = "$context.requestId $context.identity.sourceIp $context.status"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_api_gateway_stage" "prod" {
//!   rest_api_id   = "abc123"
//!   deployment_id = "dep123"
//!   stage_name    = "prod"
//! }
//! ```
//! ```hcl pass
//! resource "aws_cloudwatch_log_group" "api" {
//!   name = "api-access"
//! }
//! resource "aws_apigatewayv2_stage" "default" {
//!   api_id      = "abc123"
//!   name        = "$default"
//!   auto_deploy = true
//!   access_log_settings {
//!     destination_arn = aws_cloudwatch_log_group.api.arn
//!     format          = "$context.requestId"
//!   }
//! }
//! ```

use crate::check::{get_in, require_set};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "apigateway.access-logging",
    title: "API Gateway stages write access logs",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &[
        "AWS::ApiGateway::Stage",
        "AWS::ApiGateway::Deployment",
        "AWS::ApiGatewayV2::Stage",
    ],
    tf_types: &["aws_api_gateway_stage", "aws_apigatewayv2_stage"],
    reads: &[],
    controls: Controls {
        fsbp: &["APIGateway.9"],
        config: &["API_GWV2_ACCESS_LOGS_ENABLED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_76", Same),
        checkov("CKV_AWS_95", Same),
        cfn_nag("W45", Same),
        cfn_nag("W46", Same),
        cfn_nag("W69", Same),
        trivy("AVD-AWS-0001", Same),
        guard("API_GWV2_ACCESS_LOGS_ENABLED", Related),
        guard("API_GW_STAGE_ACCESS_LOGGING_RULE", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let what = "access logs need a destination";
    match resource.resource_type.as_str() {
        "AWS::ApiGateway::Deployment" => {
            if get_in(&resource.properties, "StageName").is_none() {
                return Verdict::not_applicable(
                    resource,
                    "a deployment without StageName creates no stage",
                );
            }
            let path = "StageDescription.AccessLogSetting.DestinationArn";
            require_set(resource, path, path, what)
        }
        "AWS::ApiGateway::Stage" => {
            let path = "AccessLogSetting.DestinationArn";
            require_set(resource, path, path, what)
        }
        "AWS::ApiGatewayV2::Stage" => {
            let path = "AccessLogSettings.DestinationArn";
            require_set(resource, path, path, what)
        }
        _ => {
            let path = "access_log_settings.destination_arn";
            require_set(resource, path, path, what)
        }
    }
}
