//! # elasticache.redis-auth: ElastiCache (Redis OSS, Valkey) replication groups require authentication
//!
//! ## Why this is your duty
//! ElastiCache is a container service: AWS runs the engine, but who may run
//! commands against *your* cache is access control, the customer's side of
//! the model. Without an AUTH token or a user group, the engine's `default`
//! user has no password and every client that reaches the port has full
//! access.
//!
//! ## What AWS already does
//! Creates groups with no authentication unless `AuthToken` / `auth_token`
//! (Redis AUTH, since 2017) or `UserGroupIds` / `user_group_ids` (role-based
//! access control, Redis OSS 6 and later, since 2021) is given; both need
//! in-transit encryption.
//!
//! ## Verdicts
//! - met: an AUTH token or a user group is set;
//! - not met: neither;
//! - not applicable: Memcached;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Cache:
//!     Type: AWS::ElastiCache::ReplicationGroup
//!     Properties:
//!       ReplicationGroupDescription: sessions
//!       Engine: redis
//!       CacheNodeType: cache.r7g.large
//!       NumCacheClusters: 2
//!       TransitEncryptionEnabled: true
//!       AuthToken: "{{resolve:secretsmanager:cache-auth}}"
//! ```
//! ```yaml fail
//! Resources:
//!   Cache:
//!     Type: AWS::ElastiCache::ReplicationGroup
//!     Properties:
//!       ReplicationGroupDescription: sessions
//!       Engine: redis
//!       CacheNodeType: cache.r7g.large
//!       NumCacheClusters: 2
//!       TransitEncryptionEnabled: true
//! ```
//! ```hcl pass
//! resource "aws_elasticache_replication_group" "cache" {
//!   replication_group_id = "sessions"
//!   description          = "sessions"
//!   node_type            = "cache.r7g.large"
//!   num_cache_clusters   = 2
//!   transit_encryption_enabled = true
//!   user_group_ids             = ["sessions"]
//! }
//! ```
//! ```hcl fail
//! resource "aws_elasticache_replication_group" "cache" {
//!   replication_group_id = "sessions"
//!   description          = "sessions"
//!   node_type            = "cache.r7g.large"
//!   num_cache_clusters   = 2
//!   transit_encryption_enabled = true
//! }
//! ```

use crate::check::{redis_only, require_set};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Status;
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "elasticache.redis-auth",
    title: "ElastiCache (Redis OSS, Valkey) replication groups require authentication",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &["AWS::ElastiCache::ReplicationGroup"],
    tf_types: &["aws_elasticache_replication_group"],
    reads: &[],
    controls: Controls {
        fsbp: &["ElastiCache.6"],
        config: &["ELASTICACHE_REPL_GRP_REDIS_AUTH_ENABLED"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_31", Related)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    if let Some(na) = redis_only(resource) {
        return na;
    }
    let groups = require_set(resource, "UserGroupIds", "user_group_ids", "no user group");
    if groups.status == Status::Met {
        return groups;
    }
    let token = require_set(
        resource,
        "AuthToken",
        "auth_token",
        "neither an AUTH token nor a user group: the default user has no password",
    );
    if token.status == Status::NotMet && groups.status == Status::Unknown {
        groups
    } else {
        token
    }
}
