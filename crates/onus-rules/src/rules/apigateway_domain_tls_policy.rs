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
//! Offers the legacy `TLS_1_0` and `TLS_1_2` policies and the enhanced
//! `SecurityPolicy_*` policies, all of which require TLS 1.2 or later
//! (the API's `SecurityPolicy` values). The developer guide states the
//! policy of an API's default endpoint (`TLS_1_0` for edge-optimized and
//! Regional APIs, `TLS_1_2` for private ones), but not what a custom domain
//! that names no policy gets. HTTP and WebSocket API domains support
//! `TLS_1_2` only.
//!
//! ## Verdicts
//! Reads `AWS::ApiGateway::DomainName` `SecurityPolicy` and Terraform
//! `aws_api_gateway_domain_name` `security_policy`:
//! - met: `TLS_1_2`, or an enhanced policy with a TLS 1.2 or 1.3 minimum
//!   (`SecurityPolicy_TLS13_1_2_…`, `SecurityPolicy_TLS13_1_3_…`,
//!   `SecurityPolicy_TLS12_…`);
//! - not met: `TLS_1_0`, or a value API Gateway does not accept (invalid);
//! - unknown: absent (the default is undocumented), or a value onus cannot
//!   resolve.
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
//!       SecurityPolicy: TLS_1_0
//! ```
//! ```yaml unknown
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
//! ```hcl fail
//! resource "aws_api_gateway_domain_name" "api" {
//!   domain_name              = "api.example.com"
//!   regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
//!   security_policy          = "TLS_1_3"
//! }
//! ```

use crate::check::{Judgement, judge, prop, undocumented_default, verdict_of};
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
/// Every security policy API Gateway accepts for a REST API domain
/// (`SecurityPolicy` enum of the API reference); all but `TLS_1_0` require
/// TLS 1.2 or later.
const POLICIES: &[&str] = &[
    "TLS_1_0",
    "TLS_1_2",
    "SecurityPolicy_TLS12_2018_EDGE",
    "SecurityPolicy_TLS12_PFS_2025_EDGE",
    "SecurityPolicy_TLS13_1_2_2021_06",
    "SecurityPolicy_TLS13_1_2_FIPS_PFS_PQ_2025_09",
    "SecurityPolicy_TLS13_1_2_FIPS_PQ_2025_09",
    "SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09",
    "SecurityPolicy_TLS13_1_2_PQ_2025_09",
    "SecurityPolicy_TLS13_1_3_2025_09",
    "SecurityPolicy_TLS13_1_3_FIPS_2025_09",
    "SecurityPolicy_TLS13_2025_EDGE",
];

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let (node, path) = prop(resource, "SecurityPolicy", "security_policy");
    let Some(node) = node else {
        return undocumented_default(resource, path, "the domain's minimum TLS version");
    };
    let j = judge(node, &mut |n| match n.as_str().map(str::trim) {
        Some(p) if !POLICIES.contains(&p) => Judgement::no(
            n,
            format!("{path} is {p}, which is invalid: API Gateway has no such security policy"),
        ),
        Some(p) => Judgement::from_bool(p != "TLS_1_0", n, || {
            format!("{path} is {p}: clients can connect with TLS 1.0 and 1.1")
        }),
        None => Judgement::no(n, format!("{path} is not a string")),
    });
    verdict_of(resource, node, path, j, "clients need TLS 1.2 or later")
}
