//! # apigateway.domain-tls-policy: REST API custom domains require TLS 1.2
//!
//! ## Why this is your duty
//! API Gateway is an abstracted service: AWS terminates TLS on your custom
//! domain, but which security policy it uses is your choice, and protecting
//! traffic in transit is always yours. The `TLS_1_0` policy still accepts
//! TLS 1.0 and 1.1 and their weak ciphers, so a network attacker can
//! downgrade clients that allow them.
//!
//! ## What AWS already does
//! Offers the legacy `TLS_1_0` and `TLS_1_2` policies (since June 2019) and
//! enhanced `SecurityPolicy_*` policies; a custom domain that names none
//! gets `TLS_1_0`. HTTP and WebSocket API domains support `TLS_1_2` only.
//!
//! ## Verdicts
//! Reads `AWS::ApiGateway::DomainName` `SecurityPolicy` and Terraform
//! `aws_api_gateway_domain_name` `security_policy`:
//! - met: `TLS_1_2`, or an enhanced policy with a TLS 1.2 or 1.3 minimum
//!   (`SecurityPolicy_TLS13_1_2_…`, `SecurityPolicy_TLS13_1_3_…`,
//!   `SecurityPolicy_TLS12_…`);
//! - not met: `TLS_1_0`, absent, or another policy;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Domain:
//!     Type: AWS::ApiGateway::DomainName
//!     Properties:
//!       DomainName: api.example.com
//!       RegionalCertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/abc
//!       EndpointConfiguration:
//!         Types: [REGIONAL]
//!       SecurityPolicy: TLS_1_2
//! ```
//! ```yaml fail
//! Resources:
//!   Domain:
//!     Type: AWS::ApiGateway::DomainName
//!     Properties:
//!       DomainName: api.example.com
//!       RegionalCertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/abc
//!       EndpointConfiguration:
//!         Types: [REGIONAL]
//! ```
//! ```hcl pass
//! resource "aws_api_gateway_domain_name" "api" {
//!   domain_name              = "api.example.com"
//!   regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
//!   security_policy          = "TLS_1_2"
//!   endpoint_configuration {
//!     types = ["REGIONAL"]
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_api_gateway_domain_name" "api" {
//!   domain_name              = "api.example.com"
//!   regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
//!   security_policy          = "TLS_1_0"
//!   endpoint_configuration {
//!     types = ["REGIONAL"]
//!   }
//! }
//! ```

use crate::check::{Judgement, judge, prop, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "apigateway.domain-tls-policy",
    title: "API Gateway REST custom domains require TLS 1.2 or later",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: &["AWS::ApiGateway::DomainName"],
    tf_types: &["aws_api_gateway_domain_name"],
    reads: &[],
    controls: Controls {
        fsbp: &["APIGateway.11"],
        config: &["APIGATEWAY_DOMAIN_NAME_TLS_CHECK"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_206", Same),
        guard("API_GW_DOMAIN_DENY_NON_TLS_TRAFFIC", Related),
    ],
    check,
    file: file!(),
};

/// `TLS_1_2` and the enhanced policies whose minimum is TLS 1.2 or 1.3.
fn tls12_minimum(policy: &str) -> bool {
    let p = policy.trim();
    p == "TLS_1_2"
        || p.starts_with("SecurityPolicy_TLS12")
        || p.starts_with("SecurityPolicy_TLS13_1_2")
        || p.starts_with("SecurityPolicy_TLS13_1_3")
}

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let (node, path) = prop(resource, "SecurityPolicy", "security_policy");
    let Some(node) = node else {
        return Verdict::missing(
            resource,
            path,
            format!("{path} is not set: the domain gets TLS_1_0, which accepts TLS 1.0 and 1.1"),
        );
    };
    let j = judge(node, &mut |n| match n.as_str() {
        Some(p) => Judgement::from_bool(tls12_minimum(p), n, || {
            format!("{path} is {p}: clients can connect below TLS 1.2")
        }),
        None => Judgement::no(n, format!("{path} is not a string")),
    });
    verdict_of(resource, node, path, j, "clients need TLS 1.2 or later")
}
