//! # apigateway.no-data-trace: REST stages do not log full request and response bodies
//!
//! ## Why this is your duty
//! API Gateway is an abstracted service: what your stages write to logs is
//! your configuration, and keeping secrets and personal data out of places
//! they do not belong is yours. Data tracing writes the complete request and
//! response of every call — headers, tokens, passwords in bodies, customer
//! data — into CloudWatch Logs, readable by anyone who can read the log
//! group.
//!
//! ## What AWS already does
//! Logs full requests and responses only when data tracing is on for a
//! method; `DataTraceEnabled` defaults to false. AWS recommends it for
//! debugging only, never in production.
//!
//! ## Verdicts
//! Reads the method settings of `AWS::ApiGateway::Stage` (`MethodSettings`),
//! of the stage an `AWS::ApiGateway::Deployment` creates
//! (`StageDescription` and its `MethodSettings`), and Terraform
//! `aws_api_gateway_method_settings` (`settings`):
//! - met: no setting turns data tracing on;
//! - not met: `DataTraceEnabled` / `data_trace_enabled` is true;
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
//!       MethodSettings:
//!         - HttpMethod: "*"
//!           ResourcePath: /*
//!           LoggingLevel: ERROR
//! ```
//! ```yaml fail
//! Resources:
//!   Prod:
//!     Type: AWS::ApiGateway::Stage
//!     Properties:
//!       RestApiId: abc123
//!       DeploymentId: dep123
//!       StageName: prod
//!       MethodSettings:
//!         - HttpMethod: "*"
//!           ResourcePath: /*
//!           LoggingLevel: INFO
//!           DataTraceEnabled: true
//! ```
//! ```hcl pass
//! resource "aws_api_gateway_method_settings" "all" {
//!   rest_api_id = "abc123"
//!   stage_name  = "prod"
//!   method_path = "*/*"
//!   settings {
//!     logging_level      = "ERROR"
//!     data_trace_enabled = false
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_api_gateway_method_settings" "all" {
//!   rest_api_id = "abc123"
//!   stage_name  = "prod"
//!   method_path = "*/*"
//!   settings {
//!     logging_level      = "INFO"
//!     data_trace_enabled = true
//!   }
//! }
//! ```

use crate::apigateway::{STAGE_CFN, method_settings, setting, stage};
use crate::check::{Every, Judgement, judge, spelling};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "apigateway.no-data-trace",
    title: "API Gateway stages do not log full request and response bodies",
    duty: Duty::SecretsHandling,
    severity: Severity::Medium,
    cfn_types: STAGE_CFN,
    tf_types: &["aws_api_gateway_method_settings"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_276", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    if let Err(na) = stage(resource) {
        return na;
    }
    let key = spelling(resource, "DataTraceEnabled", "data_trace_enabled");
    let mut every = Every::default();
    for s in method_settings(resource, cx) {
        let Some(flag) = setting(resource, &s, "DataTraceEnabled", "data_trace_enabled") else {
            continue;
        };
        let path = format!("{}.{key}", s.path);
        let j = judge(flag, &mut |n| {
            Judgement::from_bool(
                n.as_bool() != Some(true),
                n,
                || "data tracing writes full requests and responses, secrets included, to CloudWatch Logs",
            )
        });
        if let Some(v) = every.add(resource, &path, j) {
            return v;
        }
    }
    every
        .finish(|| Verdict::met_by_default(resource, "", "no method setting turns data tracing on"))
}
