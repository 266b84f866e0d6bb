//! # elasticache.encryption-in-transit: ElastiCache replication groups require TLS
//!
//! ## Why this is your duty
//! ElastiCache is a container service: AWS runs the cache nodes, but whether
//! clients and replicas talk to them over TLS is a setting you choose. Without
//! it, cached data and AUTH tokens cross the network in plaintext.
//!
//! ## What AWS already does
//! Offers TLS between clients and nodes and between nodes; always uses it on
//! serverless caches. The `CreateReplicationGroup` API default for
//! `TransitEncryptionEnabled` is false (ElastiCache API reference). With TLS
//! on, `TransitEncryptionMode: preferred` still accepts plaintext clients;
//! `required` (the mode when TLS is enabled at creation) does not.
//!
//! ## Verdicts
//! - met: `TransitEncryptionEnabled: true` / `transit_encryption_enabled =
//!   true`, with `TransitEncryptionMode` / `transit_encryption_mode` absent or
//!   `required`; met by default for a serverless cache
//!   (`AWS::ElastiCache::ServerlessCache`, `aws_elasticache_serverless_cache`);
//! - not met: false or absent (default false), or the mode is `preferred`;
//! - unknown: a value onus cannot resolve.
//!
//! Fix: set `TransitEncryptionEnabled: true` (and the mode to `required`).
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
//!       TransitEncryptionEnabled: true
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
//! ```yaml Preferred=not-met Serverless=met
//! Resources:
//!   Preferred:
//!     Type: AWS::ElastiCache::ReplicationGroup
//!     Properties:
//!       ReplicationGroupDescription: sessions
//!       Engine: redis
//!       CacheNodeType: cache.t4g.micro
//!       TransitEncryptionEnabled: true
//!       TransitEncryptionMode: preferred
//!   Serverless:
//!     Type: AWS::ElastiCache::ServerlessCache
//!     Properties:
//!       ServerlessCacheName: sessions
//!       Engine: redis
//! ```
//! ```hcl pass
//! resource "aws_elasticache_replication_group" "cache" {
//!   replication_group_id       = "sessions"
//!   description                = "sessions"
//!   node_type                  = "cache.t4g.micro"
//!   transit_encryption_enabled = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_elasticache_replication_group" "cache" {
//!   replication_group_id = "sessions"
//!   description          = "sessions"
//!   node_type            = "cache.t4g.micro"
//! }
//! ```

use crate::check::{all_of, require_bool, require_one_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::{Status, Verdict};
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "elasticache.encryption-in-transit",
    title: "ElastiCache traffic is encrypted in transit",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
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
        fsbp: &["ElastiCache.5"],
        config: &["ELASTICACHE_REPL_GRP_ENCRYPTED_IN_TRANSIT"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_30", Same),
        cfn_nag("F33", Same),
        trivy("AVD-AWS-0051", Same),
        guard("ELASTICACHE_REPLICATION_GROUP_ENCRYPTION_IN_TRANSIT", Same),
        checkov("CKV_AWS_31", Related),
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
            "a serverless cache: ElastiCache always encrypts its traffic in transit",
        );
    }
    let enabled = require_bool(
        resource,
        "TransitEncryptionEnabled",
        "transit_encryption_enabled",
        true,
        false,
        "in-transit encryption",
    );
    if enabled.status != Status::Met {
        return enabled;
    }
    let mode = require_one_of(
        resource,
        "TransitEncryptionMode",
        "transit_encryption_mode",
        &["required"],
        Some("required"),
        "refusing plaintext clients",
    );
    if mode.status == Status::Met && mode.span == resource.name_span {
        // Mode absent: the flag decided.
        return enabled;
    }
    all_of(vec![mode, enabled]).unwrap_or_else(|| {
        Verdict::missing(
            resource,
            "TransitEncryptionEnabled",
            "in-transit encryption",
        )
    })
}
