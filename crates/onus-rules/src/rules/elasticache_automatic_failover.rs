//! # elasticache.automatic-failover: ElastiCache replication groups fail over automatically
//!
//! ## Why this is your duty
//! ElastiCache is a container service: AWS detects a failed primary, but it
//! promotes a replica only if the group allows it. Without automatic
//! failover the group stops taking writes until a node is replaced; choosing
//! that is the customer's resilience decision.
//!
//! ## What AWS already does
//! Leaves automatic failover off unless `AutomaticFailoverEnabled` /
//! `automatic_failover_enabled` is true (it is required, and set, for
//! cluster-mode groups); the default has been false since Multi-AZ with
//! automatic failover launched in 2014.
//!
//! ## Verdicts
//! - met: true;
//! - not met: false or absent;
//! - unknown: the value comes from a value onus cannot resolve.
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
//!       AutomaticFailoverEnabled: true
//!       MultiAZEnabled: true
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
//! ```hcl pass
//! resource "aws_elasticache_replication_group" "cache" {
//!   replication_group_id = "sessions"
//!   description          = "sessions"
//!   node_type            = "cache.r7g.large"
//!   num_cache_clusters   = 2
//!   automatic_failover_enabled = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_elasticache_replication_group" "cache" {
//!   replication_group_id = "sessions"
//!   description          = "sessions"
//!   node_type            = "cache.r7g.large"
//!   num_cache_clusters   = 2
//!   automatic_failover_enabled = false
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "elasticache.automatic-failover",
    title: "ElastiCache replication groups fail over automatically",
    duty: Duty::Resilience,
    severity: Severity::Medium,
    cfn_types: &["AWS::ElastiCache::ReplicationGroup"],
    tf_types: &["aws_elasticache_replication_group"],
    reads: &[],
    controls: Controls {
        fsbp: &["ElastiCache.3"],
        config: &["ELASTICACHE_REPL_GRP_AUTO_FAILOVER_ENABLED"],
        cis: &[],
    },
    peers: &[checkov("CKV2_AWS_50", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "AutomaticFailoverEnabled",
        "automatic_failover_enabled",
        true,
        false,
        "automatic failover",
    )
}
