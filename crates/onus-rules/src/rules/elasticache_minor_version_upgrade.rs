//! # elasticache.minor-version-upgrade: ElastiCache clusters take minor engine upgrades automatically
//!
//! ## Why this is your duty
//! ElastiCache is a container service: AWS builds the engine's patch
//! releases, including security fixes, but applying them to *your* cluster
//! follows your setting. Keeping the platform patched is shared, and turning
//! automatic minor upgrades off moves it to you.
//!
//! ## What AWS already does
//! Applies minor versions in the maintenance window while
//! `AutoMinorVersionUpgrade` / `auto_minor_version_upgrade` is true, the
//! default (settable since Redis OSS 6, 2021).
//!
//! ## Verdicts
//! - met: true or absent (the default);
//! - not met: false;
//! - unknown: the value comes from a value onus cannot resolve.
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
//! ```
//! ```yaml fail
//! Resources:
//!   Cache:
//!     Type: AWS::ElastiCache::CacheCluster
//!     Properties:
//!       Engine: redis
//!       CacheNodeType: cache.t4g.small
//!       NumCacheNodes: 1
//!       AutoMinorVersionUpgrade: false
//! ```
//! ```hcl pass
//! resource "aws_elasticache_cluster" "cache" {
//!   cluster_id      = "cache"
//!   engine          = "redis"
//!   node_type       = "cache.t4g.small"
//!   num_cache_nodes = 1
//!   auto_minor_version_upgrade = "true"
//! }
//! ```
//! ```hcl fail
//! resource "aws_elasticache_replication_group" "cache" {
//!   replication_group_id = "sessions"
//!   description          = "sessions"
//!   node_type            = "cache.r7g.large"
//!   num_cache_clusters   = 2
//!   auto_minor_version_upgrade = false
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "elasticache.minor-version-upgrade",
    title: "ElastiCache clusters take minor engine upgrades automatically",
    duty: Duty::PlatformPatching,
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
        fsbp: &["ElastiCache.2"],
        config: &["ELASTICACHE_AUTO_MINOR_VERSION_UPGRADE_CHECK"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_322", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "AutoMinorVersionUpgrade",
        "auto_minor_version_upgrade",
        true,
        true,
        "automatic minor version upgrades",
    )
}
