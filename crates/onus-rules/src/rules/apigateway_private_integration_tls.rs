//! # apigateway.private-integration-tls: HTTP API private integrations use TLS
//!
//! ## Why this is your duty
//! API Gateway is an abstracted service: AWS runs the endpoint, and the hop
//! from it through a VPC link to your private load balancer or Cloud Map
//! service is traffic in your network, yours to protect. A private
//! integration without TLS configuration sends requests to the backend in
//! clear text.
//!
//! ## What AWS already does
//! Connects to private integrations over the protocol of the target
//! listener; it uses TLS, and verifies the backend's certificate against the
//! server name, only when the integration's `TlsConfig` names one.
//!
//! ## Verdicts
//! Reads `AWS::ApiGatewayV2::Integration` and Terraform
//! `aws_apigatewayv2_integration` with `ConnectionType` / `connection_type`
//! `VPC_LINK`:
//! - met: `TlsConfig.ServerNameToVerify` / `tls_config { server_name_to_verify }`
//!   is set;
//! - not met: no TLS configuration;
//! - not applicable: a public integration (`INTERNET`, the default);
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Backend:
//!     Type: AWS::ApiGatewayV2::Integration
//!     Properties:
//!       ApiId: abc123
//!       IntegrationType: HTTP_PROXY
//!       IntegrationMethod: ANY
//!       ConnectionType: VPC_LINK
//!       ConnectionId: vl-123
//!       IntegrationUri: arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/app/internal/1/2
//!       PayloadFormatVersion: "1.0"
//!       TlsConfig:
//!         ServerNameToVerify: internal.example.com
//! ```
//! ```yaml fail
//! Resources:
//!   Backend:
//!     Type: AWS::ApiGatewayV2::Integration
//!     Properties:
//!       ApiId: abc123
//!       IntegrationType: HTTP_PROXY
//!       IntegrationMethod: ANY
//!       ConnectionType: VPC_LINK
//!       ConnectionId: vl-123
//!       IntegrationUri: arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/app/internal/1/2
//!       PayloadFormatVersion: "1.0"
//! ```
//! ```hcl pass
//! resource "aws_apigatewayv2_integration" "backend" {
//!   api_id             = "abc123"
//!   integration_type   = "HTTP_PROXY"
//!   integration_method = "ANY"
//!   connection_type    = "VPC_LINK"
//!   connection_id      = "vl-123"
//!   integration_uri    = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/app/internal/1/2"
//!   tls_config {
//!     server_name_to_verify = "internal.example.com"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_apigatewayv2_integration" "backend" {
//!   api_id             = "abc123"
//!   integration_type   = "HTTP_PROXY"
//!   integration_method = "ANY"
//!   connection_type    = "VPC_LINK"
//!   connection_id      = "vl-123"
//!   integration_uri    = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/app/internal/1/2"
//! }
//! ```

use crate::check::{prop, require_set};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "apigateway.private-integration-tls",
    title: "API Gateway private integrations reach their backends over TLS",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: &["AWS::ApiGatewayV2::Integration"],
    tf_types: &["aws_apigatewayv2_integration"],
    reads: &[],
    controls: Controls {
        fsbp: &["APIGateway.10"],
        config: &["APIGATEWAYV2_INTEGRATION_PRIVATE_HTTPS_ENABLED"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let (connection, path) = prop(resource, "ConnectionType", "connection_type");
    match connection.map(|n| (&n.value, n.as_str())) {
        Some((_, Some(c))) if c.eq_ignore_ascii_case("VPC_LINK") => {}
        Some((Value::Unknown(what), _)) => {
            let span = connection.map_or(resource.name_span, |n| n.span);
            return Verdict::unknown(resource, span, path, what.clone());
        }
        _ => return Verdict::not_applicable(resource, "a public (INTERNET) integration"),
    }
    require_set(
        resource,
        "TlsConfig.ServerNameToVerify",
        "tls_config.server_name_to_verify",
        "the private integration is not configured for TLS",
    )
}
