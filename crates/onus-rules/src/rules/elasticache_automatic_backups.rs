//! # elasticache.automatic-backups: ElastiCache (Redis OSS, Valkey) clusters take automatic backups
//!
//! ## Why this is your duty
//! ElastiCache is a container service: AWS replaces failed nodes, but a
//! cache used as a data store loses its data with them unless it is backed
//! up, and how long snapshots are kept is your choice. Backups of data the
//! customer keeps are the customer's duty.
//!
//! ## What AWS already does
//! Takes no automatic snapshots while `SnapshotRetentionLimit` /
//! `snapshot_retention_limit` is 0, the default for node-based clusters and
//! replication groups (since backups for Redis launched in 2014).
//!
//! ## Verdicts
//! - met: 1 or more days;
//! - not met: 0 or absent;
//! - not applicable: Memcached (no snapshots), or a Terraform cache cluster
//!   that joins a replication group (the group is judged);
//! - unknown: the value or the engine comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Cache:
//!     Type: AWS::ElastiCache::CacheCluster
//!     Properties:
//!       Engine: redis
//!       CacheNodeType: cache.t4g.small
//!       NumCacheNodes: 1
//!       SnapshotRetentionLimit: 7
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
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Cache:
//!     Type: AWS::ElastiCache::CacheCluster
//!     Properties:
//!       Engine: memcached
//!       CacheNodeType: cache.t4g.small
//!       NumCacheNodes: 1
//! ```
//! ```hcl pass
//! resource "aws_elasticache_replication_group" "cache" {
//!   replication_group_id = "sessions"
//!   description          = "sessions"
//!   node_type            = "cache.r7g.large"
//!   num_cache_clusters   = 2
//!   snapshot_retention_limit = 5
//! }
//! ```
//! ```hcl fail
//! resource "aws_elasticache_cluster" "cache" {
//!   cluster_id      = "cache"
//!   engine          = "redis"
//!   node_type       = "cache.t4g.small"
//!   num_cache_nodes = 1
//!   snapshot_retention_limit = 0
//! }
//! ```

use crate::check::{redis_only, require_valid_number};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "elasticache.automatic-backups",
    title: "ElastiCache (Redis OSS, Valkey) clusters take automatic backups",
    duty: Duty::Backups,
    severity: Severity::High,
    cfn_types: &[
        "AWS::ElastiCache::CacheCluster",
        "AWS::ElastiCache::ReplicationGroup",
    ],
    tf_types: &[
        "aws_elasticache_cluster",
        "aws_elasticache_replication_group",
    ],
    reads: &[],
    controls: Controls {
        fsbp: &["ElastiCache.1"],
        config: &["ELASTICACHE_REDIS_CLUSTER_AUTOMATIC_BACKUP_CHECK"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_134", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    if let Some(na) = redis_only(resource) {
        return na;
    }
    require_valid_number(
        resource,
        "SnapshotRetentionLimit",
        "snapshot_retention_limit",
        Some(0.0),
        |v| (0.0..=35.0).contains(&v),
        |v| v >= 1.0,
        "automatic snapshots must be kept at least 1 day",
    )
}
