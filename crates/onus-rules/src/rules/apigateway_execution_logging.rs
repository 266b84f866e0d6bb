//! # apigateway.execution-logging: REST and WebSocket API stages write execution logs
//!
//! ## Why this is your duty
//! API Gateway is an abstracted service: AWS runs the endpoint, and
//! recording what your API did with each request is logging on your side of
//! the model. Execution logs show authorizer decisions, integration errors
//! and throttling — what access logs alone do not explain when a request
//! fails or is abused.
//!
//! ## What AWS already does
//! Writes execution logs to CloudWatch Logs (with the account's API Gateway
//! logging role) for the methods whose logging level is `ERROR` or `INFO`;
//! the level is `OFF` unless set.
//!
//! ## Verdicts
//! Reads REST stages — `AWS::ApiGateway::Stage` `MethodSettings`, the stage
//! of an `AWS::ApiGateway::Deployment` (`StageDescription.LoggingLevel` or
//! its `MethodSettings`), Terraform `aws_api_gateway_stage` with the
//! `aws_api_gateway_method_settings` that name it — and WebSocket stages
//! (`AWS::ApiGatewayV2::Stage` `DefaultRouteSettings.LoggingLevel`,
//! `aws_apigatewayv2_stage` `default_route_settings { logging_level }`):
//! - met: a setting for every method (`*` / `/*`, Terraform `method_path =
//!   "*/*"`), or the WebSocket stage's default route, logs at `ERROR` or
//!   `INFO`;
//! - not met: no such setting, or `OFF`;
//! - not applicable: an HTTP API stage (no execution logs), a deployment
//!   without `StageName`;
//! - unknown: a value onus cannot resolve, or a V2 stage whose API is not in
//!   the code (its protocol decides).
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
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Api:
//!     Type: AWS::ApiGatewayV2::Api
//!     Properties:
//!       Name: http
//!       ProtocolType: HTTP
//!   Default:
//!     Type: AWS::ApiGatewayV2::Stage
//!     Properties:
//!       ApiId: !Ref Api
//!       StageName: $default
//! ```
//! ```hcl pass
//! resource "aws_api_gateway_stage" "prod" {
//!   rest_api_id   = "abc123"
//!   deployment_id = "dep123"
//!   stage_name    = "prod"
//! }
//! resource "aws_api_gateway_method_settings" "all" {
//!   rest_api_id = "abc123"
//!   stage_name  = aws_api_gateway_stage.prod.stage_name
//!   method_path = "*/*"
//!   settings {
//!     logging_level = "INFO"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_apigatewayv2_api" "ws" {
//!   name                       = "ws"
//!   protocol_type              = "WEBSOCKET"
//!   route_selection_expression = "$request.body.action"
//! }
//! resource "aws_apigatewayv2_stage" "prod" {
//!   api_id = aws_apigatewayv2_api.ws.id
//!   name   = "prod"
//!   default_route_settings {
//!     logging_level = "OFF"
//!   }
//! }
//! ```

use crate::apigateway::{STAGE_CFN, method_settings, setting, stage};
use crate::check::{Judgement, get, judge, prop, spelling};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "apigateway.execution-logging",
    title: "API Gateway REST and WebSocket stages write execution logs",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &[
        "AWS::ApiGateway::Stage",
        "AWS::ApiGateway::Deployment",
        "AWS::ApiGatewayV2::Stage",
    ],
    tf_types: &["aws_api_gateway_stage", "aws_apigatewayv2_stage"],
    reads: &[
        "aws_api_gateway_method_settings",
        "AWS::ApiGatewayV2::Api",
        "aws_apigatewayv2_api",
    ],
    controls: Controls {
        fsbp: &["APIGateway.1"],
        config: &["API_GW_EXECUTION_LOGGING_ENABLED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV2_AWS_4", Related),
        guard("API_GW_EXECUTION_LOGGING_ENABLED", Same),
    ],
    check,
    file: file!(),
};

fn logs(level: &Node, path: &str) -> Judgement {
    judge(level, &mut |n| match n.as_str() {
        Some(l) => Judgement::from_bool(
            matches!(l.trim().to_ascii_uppercase().as_str(), "ERROR" | "INFO"),
            n,
            || format!("{path} is {l}: no execution logs"),
        ),
        None => Judgement::no(n, format!("{path} is not a string")),
    })
}

fn websocket(resource: &Resource, cx: &Context) -> Verdict {
    let (api, api_path) = prop(resource, "ApiId", "api_id");
    let protocol = api
        .and_then(|n| cx.resolve(resource, n))
        .and_then(|a| get(a, spelling(a, "ProtocolType", "protocol_type")))
        .and_then(Node::as_str);
    match protocol.map(str::to_ascii_uppercase).as_deref() {
        Some("HTTP") => {
            return Verdict::not_applicable(resource, "an HTTP API stage has no execution logs");
        }
        Some("WEBSOCKET") => {}
        _ => {
            return Verdict::unknown(
                resource,
                api.map_or(resource.name_span, |n| n.span),
                api_path,
                "whether the API is a WebSocket API (HTTP APIs have no execution logs)",
            );
        }
    }
    let (level, path) = prop(
        resource,
        "DefaultRouteSettings.LoggingLevel",
        "default_route_settings.logging_level",
    );
    match level {
        None => Verdict::missing(
            resource,
            path,
            format!("{path} is not set and defaults to OFF"),
        ),
        Some(l) => {
            crate::check::verdict_of(resource, l, path, logs(l, path), "execution logging is on")
        }
    }
}

fn check(resource: &Resource, cx: &Context) -> Verdict {
    if matches!(
        resource.resource_type.as_str(),
        "AWS::ApiGatewayV2::Stage" | "aws_apigatewayv2_stage"
    ) {
        return websocket(resource, cx);
    }
    if STAGE_CFN.contains(&resource.resource_type.as_str())
        && let Err(na) = stage(resource)
    {
        return na;
    }
    let mut unknown = None;
    let mut found = false;
    for s in method_settings(resource, cx) {
        let Some(level) = setting(resource, &s, "LoggingLevel", "logging_level") else {
            continue;
        };
        let path = format!(
            "{}.{}",
            s.path,
            spelling(resource, "LoggingLevel", "logging_level")
        );
        match logs(level, &path) {
            Judgement::Yes if s.all_methods => {
                return Verdict::met(
                    resource,
                    s.span(resource, level),
                    &path,
                    "every method writes execution logs",
                );
            }
            Judgement::Yes => found = true,
            Judgement::No(span, why) if s.all_methods => {
                let span = if s.external { resource.name_span } else { span };
                return Verdict::not_met(resource, span, &path, why);
            }
            Judgement::No(..) => {}
            Judgement::Unknown(span, what) => {
                let span = if s.external { resource.name_span } else { span };
                unknown.get_or_insert_with(|| Verdict::unknown(resource, span, &path, what));
            }
        }
    }
    if let Some(u) = unknown {
        return u;
    }
    Verdict::missing(
        resource,
        "MethodSettings",
        if found {
            "execution logging is on for some methods only: no setting covers every method (*/*)"
        } else {
            "no method setting turns execution logging on (the level defaults to OFF)"
        },
    )
}
