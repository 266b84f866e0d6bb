//! # elasticache.custom-subnet-group: ElastiCache clusters do not use the default subnet group
//!
//! ## Why this is your duty
//! ElastiCache is a container service: AWS places the nodes, but in the
//! subnets you choose. Network placement is the customer's duty; the default
//! subnet group spans the default VPC's subnets, which are public by default.
//!
//! ## What AWS already does
//! Uses the subnet group named `default` (the default VPC's subnets) when
//! `CacheSubnetGroupName` / `subnet_group_name` is absent, as it has since
//! VPC support launched in 2012.
//!
//! ## Verdicts
//! - met: a subnet group other than `default` is named (a reference counts);
//! - not met: absent or `default`;
//! - not applicable: a Terraform cache cluster that joins a replication group;
//! - unknown: a value onus cannot resolve.
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
//!       CacheSubnetGroupName: private-cache
//! ```
//! ```yaml fail
//! Resources:
//!   Cache:
//!     Type: AWS::ElastiCache::CacheCluster
//!     Properties:
//!       Engine: redis
//!       CacheNodeType: cache.t4g.small
//!       NumCacheNodes: 1
//! ```
//! ```hcl pass
//! resource "aws_elasticache_cluster" "cache" {
//!   cluster_id      = "cache"
//!   engine          = "redis"
//!   node_type       = "cache.t4g.small"
//!   num_cache_nodes = 1
//!   subnet_group_name = "private-cache"
//! }
//! ```
//! ```hcl fail
//! resource "aws_elasticache_cluster" "cache" {
//!   cluster_id      = "cache"
//!   engine          = "redis"
//!   node_type       = "cache.t4g.small"
//!   num_cache_nodes = 1
//!   subnet_group_name = "default"
//! }
//! ```

use crate::check::{get, require_not_in};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "elasticache.custom-subnet-group",
    title: "ElastiCache clusters do not use the default subnet group",
    duty: Duty::NetworkExposure,
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
        fsbp: &["ElastiCache.7"],
        config: &["ELASTICACHE_SUBNET_GROUP_CHECK"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_323", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    if resource.resource_type == "aws_elasticache_cluster"
        && get(resource, "replication_group_id").is_some()
    {
        return Verdict::not_applicable(resource, "a member of a replication group, judged there");
    }
    require_not_in(
        resource,
        "CacheSubnetGroupName",
        "subnet_group_name",
        &["default"],
        "the default subnet group",
        |path| {
            Verdict::missing(
                resource,
                path,
                format!("{path} is not set: the default subnet group is used"),
            )
        },
    )
}
