//! # apigateway.cache-encryption: cached API responses are encrypted at rest
//!
//! ## Why this is your duty
//! API Gateway is an abstracted service, and protecting your data at rest —
//! including responses it keeps in a stage cache — is yours. A cache holds
//! whatever your backends returned (personal data, tokens, prices) for up to
//! an hour by default; unless you ask for encryption, it is stored
//! unencrypted.
//!
//! ## What AWS already does
//! Provisions a dedicated cache cluster for a stage when caching is on, and
//! encrypts its data only when `CacheDataEncrypted` is true (default false).
//!
//! ## Verdicts
//! Reads the method settings of `AWS::ApiGateway::Stage` (`MethodSettings`),
//! of the stage an `AWS::ApiGateway::Deployment` creates
//! (`StageDescription` and its `MethodSettings`), and Terraform
//! `aws_api_gateway_method_settings` (`settings`):
//! - met: every setting with `CachingEnabled` / `caching_enabled` true also
//!   has `CacheDataEncrypted` / `cache_data_encrypted` true;
//! - not met: a cached setting without encryption;
//! - not applicable: no setting caches responses;
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
//!       CacheClusterEnabled: true
//!       MethodSettings:
//!         - HttpMethod: "*"
//!           ResourcePath: /*
//!           CachingEnabled: true
//!           CacheDataEncrypted: true
//! ```
//! ```yaml fail
//! Resources:
//!   Deployment:
//!     Type: AWS::ApiGateway::Deployment
//!     Properties:
//!       RestApiId: abc123
//!       StageName: prod
//!       StageDescription:
//!         CacheClusterEnabled: true
//!         CachingEnabled: true
//! ```
//! ```hcl pass
//! resource "aws_api_gateway_method_settings" "all" {
//!   rest_api_id = "abc123"
//!   stage_name  = "prod"
//!   method_path = "*/*"
//!   settings {
//!     caching_enabled      = true
//!     cache_data_encrypted = true
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_api_gateway_method_settings" "all" {
//!   rest_api_id = "abc123"
//!   stage_name  = "prod"
//!   method_path = "*/*"
//!   settings {
//!     caching_enabled = true
//!   }
//! }
//! ```

use crate::apigateway::{STAGE_CFN, method_settings, setting, stage};
use crate::check::{require_true, spelling};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::{Status, Verdict};
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "apigateway.cache-encryption",
    title: "API Gateway response caches are encrypted at rest",
    duty: Duty::EncryptionAtRest,
    severity: Severity::Medium,
    cfn_types: STAGE_CFN,
    tf_types: &["aws_api_gateway_method_settings"],
    reads: &[],
    controls: Controls {
        fsbp: &["APIGateway.5"],
        config: &[],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_308", Same),
        guard("API_GW_CACHE_ENABLED_AND_ENCRYPTED", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    if let Err(na) = stage(resource) {
        return na;
    }
    let mut cached = 0;
    let mut unknown = None;
    for s in method_settings(resource, cx) {
        match setting(resource, &s, "CachingEnabled", "caching_enabled").map(|n| (&n.value, n)) {
            Some((Value::Unknown(what), n)) => {
                unknown.get_or_insert_with(|| {
                    Verdict::unknown(resource, n.span, &s.path, what.clone())
                });
                continue;
            }
            Some((_, n)) if n.as_bool() == Some(true) => cached += 1,
            _ => continue,
        }
        let key = spelling(resource, "CacheDataEncrypted", "cache_data_encrypted");
        let path = format!("{}.{key}", s.path);
        let v = require_true(
            resource,
            setting(resource, &s, "CacheDataEncrypted", "cache_data_encrypted"),
            &path,
            "cache encryption",
        );
        match v.status {
            Status::NotMet => return v,
            Status::Unknown => {
                unknown.get_or_insert(v);
            }
            _ => {}
        }
    }
    if let Some(u) = unknown {
        return u;
    }
    if cached == 0 {
        return Verdict::not_applicable(resource, "no method setting caches responses");
    }
    Verdict::met(
        resource,
        resource.name_span,
        "",
        "every cached method setting encrypts its cache",
    )
}
