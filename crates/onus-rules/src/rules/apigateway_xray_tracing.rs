//! # apigateway.xray-tracing: REST API stages send traces to X-Ray
//!
//! ## Why this is your duty
//! API Gateway is an abstracted service: AWS runs the endpoint, and
//! monitoring the requests that flow through your API into your backends is
//! on your side of the model. X-Ray traces follow a request from the stage
//! through authorizers, integrations and downstream services: they show
//! where a request failed, slowed or went somewhere unexpected.
//!
//! ## What AWS already does
//! Samples and records traces for a stage only when active tracing is on;
//! `TracingEnabled` defaults to false.
//!
//! ## Verdicts
//! Reads `AWS::ApiGateway::Stage` `TracingEnabled`, the stage of an
//! `AWS::ApiGateway::Deployment` (`StageDescription.TracingEnabled`) and
//! Terraform `aws_api_gateway_stage` `xray_tracing_enabled` (SAM
//! `AWS::Serverless::Api` `TracingEnabled` reaches the stage it creates):
//! - met: `true`;
//! - not met: false or absent;
//! - not applicable: a deployment without `StageName`;
//! - unknown: a value onus cannot resolve.
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
//!       TracingEnabled: true
//! ```
//! ```yaml fail
//! Resources:
//!   Deployment:
//!     Type: AWS::ApiGateway::Deployment
//!     Properties:
//!       RestApiId: abc123
//!       StageName: prod
//! ```
//! ```hcl pass
//! resource "aws_api_gateway_stage" "prod" {
//!   rest_api_id          = "abc123"
//!   deployment_id        = "dep123"
//!   stage_name           = "prod"
//!   xray_tracing_enabled = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_api_gateway_stage" "prod" {
//!   rest_api_id   = "abc123"
//!   deployment_id = "dep123"
//!   stage_name    = "prod"
//! }
//! ```

use crate::apigateway::{STAGE_CFN, STAGE_TF, stage};
use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "apigateway.xray-tracing",
    title: "API Gateway REST stages send traces to X-Ray",
    duty: Duty::Logging,
    severity: Severity::Low,
    cfn_types: STAGE_CFN,
    tf_types: STAGE_TF,
    reads: &[],
    controls: Controls {
        fsbp: &["APIGateway.3"],
        config: &["API_GW_XRAY_ENABLED"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_73", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let prefix = match stage(resource) {
        Ok((_, prefix)) => prefix,
        Err(na) => return na,
    };
    require_bool(
        resource,
        &format!("{prefix}TracingEnabled"),
        "xray_tracing_enabled",
        true,
        false,
        "X-Ray tracing",
    )
}
