//! # apigateway.backend-certificate: REST stages present a client certificate to their backends
//!
//! ## Why this is your duty
//! API Gateway is an abstracted service: AWS runs the endpoint, and making
//! sure your HTTP backends accept requests from your API only is access
//! control on your side of the model. A client certificate on the stage lets
//! the backend verify, with mutual TLS, that a request really comes from API
//! Gateway and not from someone who found the backend's address.
//!
//! ## What AWS already does
//! Calls HTTP integrations without a client certificate unless the stage
//! names one (`ClientCertificateId`); it generates and rotates nothing by
//! itself.
//!
//! ## Verdicts
//! Reads `AWS::ApiGateway::Stage` `ClientCertificateId`, the stage of an
//! `AWS::ApiGateway::Deployment` (`StageDescription.ClientCertificateId`) and
//! Terraform `aws_api_gateway_stage` `client_certificate_id`:
//! - met: a certificate is named;
//! - not met: none;
//! - not applicable: a deployment without `StageName`;
//! - unknown: a value onus cannot resolve.
//!
//! Stages whose integrations are all Lambda or AWS services (which API
//! Gateway calls with IAM) gain nothing from a certificate: suppress there.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Cert:
//!     Type: AWS::ApiGateway::ClientCertificate
//!     Properties:
//!       Description: backend mTLS
//!   Prod:
//!     Type: AWS::ApiGateway::Stage
//!     Properties:
//!       RestApiId: abc123
//!       DeploymentId: dep123
//!       StageName: prod
//!       ClientCertificateId: !Ref Cert
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
//! ```hcl pass
//! resource "aws_api_gateway_client_certificate" "backend" {
//!   description = "backend mTLS"
//! }
//! resource "aws_api_gateway_stage" "prod" {
//!   rest_api_id           = "abc123"
//!   deployment_id         = "dep123"
//!   stage_name            = "prod"
//!   client_certificate_id = aws_api_gateway_client_certificate.backend.id
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
use crate::check::require_set;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "apigateway.backend-certificate",
    title: "API Gateway REST stages authenticate to their backends with a client certificate",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: STAGE_CFN,
    tf_types: STAGE_TF,
    reads: &[],
    controls: Controls {
        fsbp: &["APIGateway.2"],
        config: &["API_GW_SSL_ENABLED"],
        cis: &[],
    },
    peers: &[checkov("CKV2_AWS_51", Related)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let prefix = match stage(resource) {
        Ok((_, prefix)) => prefix,
        Err(na) => return na,
    };
    require_set(
        resource,
        &format!("{prefix}ClientCertificateId"),
        "client_certificate_id",
        "backends cannot tell API Gateway's requests from anyone else's",
    )
}
