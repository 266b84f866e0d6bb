//! # elasticache.encryption-at-rest: ElastiCache replication groups encrypt data at rest
//!
//! ## Why this is your duty
//! ElastiCache is a container service: AWS runs the cache nodes and the
//! engine, but whether data written to disk (sync, swap, backups in S3) is
//! encrypted is a flag you choose when the replication group is created and
//! cannot change afterwards.
//!
//! ## What AWS already does
//! Offers at-rest encryption with an AWS managed or customer managed KMS key;
//! always encrypts serverless caches. The `CreateReplicationGroup` API default
//! for `AtRestEncryptionEnabled` is "true when using Valkey, false when using
//! Redis OSS" (ElastiCache API reference); the Terraform provider documents
//! the same engine-dependent default. `Engine` / `engine` defaults to `redis`.
//!
//! ## Verdicts
//! - met: `AtRestEncryptionEnabled: true` / `at_rest_encryption_enabled =
//!   true`; met by default when absent and the engine is `valkey`, and for a
//!   serverless cache (`AWS::ElastiCache::ServerlessCache`,
//!   `aws_elasticache_serverless_cache`), which is always encrypted;
//! - not met: false, or absent with the Redis OSS engine (the default);
//! - unknown: the flag or the engine comes from a value onus cannot resolve.
//!
//! Fix: set `AtRestEncryptionEnabled: true` when creating the group (it
//! needs a new replication group).
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Cache:
//!     Type: AWS::ElastiCache::ReplicationGroup
//!     Properties:
//!       ReplicationGroupDescription: sessions
//!       Engine: redis
//!       CacheNodeType: cache.t4g.micro
//!       AtRestEncryptionEnabled: true
//! ```
//! ```yaml fail
//! Resources:
//!   Cache:
//!     Type: AWS::ElastiCache::ReplicationGroup
//!     Properties:
//!       ReplicationGroupDescription: sessions
//!       Engine: redis
//!       CacheNodeType: cache.t4g.micro
//! ```
//! ```yaml Valkey=met Serverless=met
//! Resources:
//!   Valkey:
//!     Type: AWS::ElastiCache::ReplicationGroup
//!     Properties:
//!       ReplicationGroupDescription: sessions
//!       Engine: valkey
//!       CacheNodeType: cache.t4g.micro
//!   Serverless:
//!     Type: AWS::ElastiCache::ServerlessCache
//!     Properties:
//!       ServerlessCacheName: sessions
//!       Engine: valkey
//! ```
//! ```hcl pass
//! resource "aws_elasticache_replication_group" "cache" {
//!   replication_group_id       = "sessions"
//!   description                = "sessions"
//!   node_type                  = "cache.t4g.micro"
//!   at_rest_encryption_enabled = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_elasticache_replication_group" "cache" {
//!   replication_group_id = "sessions"
//!   description          = "sessions"
//!   node_type            = "cache.t4g.micro"
//! }
//! ```
//! ```hcl pass
//! resource "aws_elasticache_serverless_cache" "cache" {
//!   name   = "sessions"
//!   engine = "valkey"
//! }
//! ```

use crate::check::{Judgement, get, is_null, judge, spelling, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "elasticache.encryption-at-rest",
    title: "ElastiCache data is encrypted at rest",
    duty: Duty::EncryptionAtRest,
    severity: Severity::High,
    cfn_types: &[
        "AWS::ElastiCache::ReplicationGroup",
        "AWS::ElastiCache::ServerlessCache",
    ],
    tf_types: &[
        "aws_elasticache_replication_group",
        "aws_elasticache_serverless_cache",
    ],
    reads: &[],
    controls: Controls {
        fsbp: &["ElastiCache.4"],
        config: &["ELASTICACHE_REPL_GRP_ENCRYPTED_AT_REST"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_29", Same),
        cfn_nag("F25", Same),
        trivy("AVD-AWS-0045", Same),
        guard("ELASTICACHE_REPLICATION_GROUP_ENCRYPTION_AT_REST", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    if matches!(
        resource.resource_type.as_str(),
        "AWS::ElastiCache::ServerlessCache" | "aws_elasticache_serverless_cache"
    ) {
        return Verdict::met_by_default(
            resource,
            "",
            "a serverless cache: ElastiCache always encrypts it at rest",
        );
    }
    let path = spelling(
        resource,
        "AtRestEncryptionEnabled",
        "at_rest_encryption_enabled",
    );
    let engine_path = spelling(resource, "Engine", "engine");
    // The default depends on the engine: true for Valkey, false for Redis OSS.
    let engine = get(resource, engine_path);
    let default = match engine.map(|n| (n, n.as_str())) {
        None => Ok(false),
        Some((_, Some(e))) => Ok(e.eq_ignore_ascii_case("valkey")),
        Some((n, None)) => Err(n),
    };
    let Some(flag) = get(resource, path) else {
        return match default {
            Ok(true) => Verdict::met_by_default(
                resource,
                path,
                format!("{path} is not set and defaults to true for the Valkey engine"),
            ),
            Ok(false) => Verdict::missing(
                resource,
                path,
                format!(
                    "{path} is not set and defaults to false for the Redis OSS engine: \
                     data on disk and in backups is not encrypted"
                ),
            ),
            Err(n) => Verdict::unknown(
                resource,
                n.span,
                engine_path,
                match &n.value {
                    Value::Unknown(what) => what.clone(),
                    _ => format!("{engine_path} is not known statically"),
                },
            ),
        };
    };
    let j = judge(flag, &mut |n| match n.as_bool() {
        Some(b) => Judgement::from_bool(b, n, || {
            format!("{path} is false: data on disk and in backups is not encrypted")
        }),
        None if is_null(n) => match default {
            Ok(d) => Judgement::from_bool(d, n, || {
                format!("{path} is left unset by a condition and defaults to false")
            }),
            Err(e) => Judgement::Unknown(e.span, format!("{engine_path} is not known statically")),
        },
        None => Judgement::no(n, format!("{path} is not a boolean")),
    });
    verdict_of(resource, flag, path, j, format!("{path} is true"))
}
