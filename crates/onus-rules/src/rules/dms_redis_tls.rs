//! # dms.redis-tls: DMS endpoints for Redis OSS use TLS
//!
//! ## Why this is your duty
//! DMS is a container service: AWS runs the replication, but whether it
//! talks to *your* Redis OSS target over TLS is a setting of the endpoint.
//! Protecting data in transit is the customer's side of the model.
//!
//! ## What AWS already does
//! Uses TLS unless `RedisSettings.SslSecurityProtocol` / `redis_settings {
//! ssl_security_protocol }` is `plaintext`; the default is `ssl-encryption`.
//!
//! ## Verdicts
//! - met: `ssl-encryption` or absent;
//! - not met: `plaintext`;
//! - not applicable: endpoints for other engines;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Target:
//!     Type: AWS::DMS::Endpoint
//!     Properties:
//!       EndpointType: target
//!       EngineName: redis
//!       RedisSettings:
//!         ServerName: cache.example.internal
//!         Port: 6379
//!         SslSecurityProtocol: ssl-encryption
//! ```
//! ```yaml fail
//! Resources:
//!   Target:
//!     Type: AWS::DMS::Endpoint
//!     Properties:
//!       EndpointType: target
//!       EngineName: redis
//!       RedisSettings:
//!         ServerName: cache.example.internal
//!         Port: 6379
//!         SslSecurityProtocol: plaintext
//! ```
//! ```hcl pass
//! resource "aws_dms_endpoint" "target" {
//!   endpoint_id   = "target"
//!   endpoint_type = "target"
//!   engine_name   = "redis"
//!   redis_settings {
//!     auth_type   = "none"
//!     port        = 6379
//!     server_name = "cache.example.internal"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_dms_endpoint" "target" {
//!   endpoint_id   = "target"
//!   endpoint_type = "target"
//!   engine_name   = "redis"
//!   redis_settings {
//!     auth_type             = "none"
//!     port                  = 6379
//!     server_name           = "cache.example.internal"
//!     ssl_security_protocol = "plaintext"
//!   }
//! }
//! ```

use crate::check::{dms_engine_is, require_one_of};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "dms.redis-tls",
    title: "DMS endpoints for Redis OSS use TLS",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: &["AWS::DMS::Endpoint"],
    tf_types: &["aws_dms_endpoint"],
    reads: &[],
    controls: Controls {
        fsbp: &["DMS.12"],
        config: &["DMS_REDIS_TLS_ENABLED"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    if let Some(na) = dms_engine_is(resource, &["redis"]) {
        return na;
    }
    require_one_of(
        resource,
        "RedisSettings.SslSecurityProtocol",
        "redis_settings.ssl_security_protocol",
        &["ssl-encryption"],
        Some("ssl-encryption"),
        "TLS",
    )
}
