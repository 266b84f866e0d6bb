//! # apigateway.method-authorization: API methods and routes require authorization
//!
//! ## Why this is your duty
//! API Gateway is an abstracted service: AWS runs the endpoint, and who may
//! call it is yours (IAM and access control stay with the customer in every
//! category). A method or route with authorization `NONE` can be invoked by
//! anyone on the internet who knows its URL.
//!
//! ## What AWS already does
//! Offers IAM (`AWS_IAM`), Lambda (`CUSTOM`), Cognito user pool
//! (`COGNITO_USER_POOLS`) and JWT authorizers, and resource policies. A
//! method or route has no authorization unless you configure one. API keys
//! are for usage plans, not authorization.
//!
//! ## Verdicts
//! Reads REST methods (`AWS::ApiGateway::Method` `AuthorizationType`, Terraform
//! `aws_api_gateway_method` `authorization`) and HTTP/WebSocket routes
//! (`AWS::ApiGatewayV2::Route` `AuthorizationType`, `aws_apigatewayv2_route`
//! `authorization_type`):
//! - met: any type other than `NONE`;
//! - not met: `NONE`, or absent (the default is `NONE`), even with an API
//!   key required;
//! - not applicable: `OPTIONS` methods and `OPTIONS ...` routes (CORS
//!   preflight, which browsers send without credentials), and WebSocket
//!   routes other than `$connect`, which cannot carry an authorizer (the
//!   API's `ProtocolType` / `protocol_type` is read when the API is in the
//!   scanned code);
//! - unknown: the type or HTTP method is unresolved.
//!
//! An API that is public by design (a public website's read API) can
//! suppress this rule per method; private REST APIs restricted by a
//! resource policy are not recognised.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   GetOrders:
//!     Type: AWS::ApiGateway::Method
//!     Properties:
//!       RestApiId: abc123
//!       ResourceId: res123
//!       HttpMethod: GET
//!       AuthorizationType: AWS_IAM
//! ```
//! ```yaml fail
//! Resources:
//!   GetOrders:
//!     Type: AWS::ApiGateway::Method
//!     Properties:
//!       RestApiId: abc123
//!       ResourceId: res123
//!       HttpMethod: GET
//!       AuthorizationType: NONE
//!       ApiKeyRequired: true
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Preflight:
//!     Type: AWS::ApiGateway::Method
//!     Properties:
//!       RestApiId: abc123
//!       ResourceId: res123
//!       HttpMethod: OPTIONS
//!       AuthorizationType: NONE
//! ```
//! ```yaml Orders=not-met Message=not-applicable
//! Resources:
//!   Chat:
//!     Type: AWS::ApiGatewayV2::Api
//!     Properties:
//!       Name: chat
//!       ProtocolType: WEBSOCKET
//!       RouteSelectionExpression: $request.body.action
//!   Message:
//!     Type: AWS::ApiGatewayV2::Route
//!     Properties:
//!       ApiId: !Ref Chat
//!       RouteKey: sendmessage
//!   Orders:
//!     Type: AWS::ApiGatewayV2::Route
//!     Properties:
//!       ApiId: http123
//!       RouteKey: GET /orders
//! ```
//! ```hcl pass
//! resource "aws_api_gateway_method" "get_orders" {
//!   rest_api_id   = "abc123"
//!   resource_id   = "res123"
//!   http_method   = "GET"
//!   authorization = "COGNITO_USER_POOLS"
//!   authorizer_id = "auth123"
//! }
//! ```
//! ```hcl fail
//! resource "aws_api_gateway_method" "get_orders" {
//!   rest_api_id   = "abc123"
//!   resource_id   = "res123"
//!   http_method   = "GET"
//!   authorization = "NONE"
//! }
//! ```
//! ```hcl fail
//! resource "aws_apigatewayv2_route" "orders" {
//!   api_id    = "http123"
//!   route_key = "GET /orders"
//! }
//! ```
//! ```hcl pass
//! resource "aws_apigatewayv2_route" "orders" {
//!   api_id             = "http123"
//!   route_key          = "GET /orders"
//!   authorization_type = "JWT"
//!   authorizer_id      = "auth123"
//! }
//! ```

use crate::check::{Judgement, get_in, judge, spelling, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "apigateway.method-authorization",
    title: "API Gateway methods and routes require authorization",
    duty: Duty::AccessControl,
    severity: Severity::High,
    cfn_types: &["AWS::ApiGateway::Method", "AWS::ApiGatewayV2::Route"],
    tf_types: &["aws_api_gateway_method", "aws_apigatewayv2_route"],
    reads: &["AWS::ApiGatewayV2::Api", "aws_apigatewayv2_api"],
    controls: Controls {
        fsbp: &["APIGateway.8"],
        config: &["API_GWV2_AUTHORIZATION_TYPE_CONFIGURED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_59", Related),
        cfn_nag("W59", Same),
        trivy("AVD-AWS-0004", Same),
        guard("API_GW_METHOD_AUTHORIZATION_TYPE_RULE", Related),
        checkov("CKV_AWS_309", Same),
        checkov("CKV2_AWS_70", Related),
    ],
    check,
    file: file!(),
};

/// `Some(reason)` when the method or route is exempt, `Err` when unresolved.
fn exempt(resource: &Resource, cx: &Context) -> Result<Option<String>, Verdict> {
    let is_route = matches!(
        resource.resource_type.as_str(),
        "AWS::ApiGatewayV2::Route" | "aws_apigatewayv2_route"
    );
    let key = match (is_route, resource.format.is_terraform()) {
        (false, false) => "HttpMethod",
        (false, true) => "http_method",
        (true, false) => "RouteKey",
        (true, true) => "route_key",
    };
    let Some(node) = get_in(&resource.properties, key) else {
        return Ok(None);
    };
    let text = match (&node.value, node.as_str()) {
        (_, Some(t)) => t.trim().to_owned(),
        (Value::Unknown(what), _) => {
            return Err(Verdict::unknown(resource, node.span, key, what.clone()));
        }
        _ => {
            return Err(Verdict::unknown(
                resource,
                node.span,
                key,
                format!("{key}, which depends on a condition"),
            ));
        }
    };
    let method = text.split_whitespace().next().unwrap_or_default();
    if method.eq_ignore_ascii_case("OPTIONS") {
        return Ok(Some(
            "a CORS preflight (OPTIONS) is answered without credentials".into(),
        ));
    }
    if is_route && text != "$connect" {
        let api_key = spelling(resource, "ApiId", "api_id");
        let protocol = get_in(&resource.properties, api_key)
            .and_then(|n| cx.resolve(resource, n))
            .and_then(|api| {
                get_in(
                    &api.properties,
                    spelling(api, "ProtocolType", "protocol_type"),
                )
            })
            .and_then(Node::as_str);
        if protocol.is_some_and(|p| p.eq_ignore_ascii_case("WEBSOCKET")) {
            return Ok(Some(
                "a WebSocket route other than $connect: authorization happens on $connect".into(),
            ));
        }
    }
    Ok(None)
}

fn check(resource: &Resource, cx: &Context) -> Verdict {
    match exempt(resource, cx) {
        Ok(Some(why)) => return Verdict::not_applicable(resource, why),
        Ok(None) => {}
        Err(unknown) => return unknown,
    }
    let path = match resource.resource_type.as_str() {
        "aws_api_gateway_method" => "authorization",
        "aws_apigatewayv2_route" => "authorization_type",
        _ => "AuthorizationType",
    };
    let Some(node) = get_in(&resource.properties, path) else {
        return Verdict::missing(
            resource,
            path,
            format!("{path} is not set and defaults to NONE: anyone can call it"),
        );
    };
    let j = judge(node, &mut |n| match n.as_str() {
        Some(t) => Judgement::from_bool(!t.trim().eq_ignore_ascii_case("NONE"), n, || {
            format!("{path} is NONE: anyone can call it")
        }),
        None => Judgement::no(n, format!("{path} is not a string")),
    });
    verdict_of(resource, node, path, j, "callers must be authorized")
}
