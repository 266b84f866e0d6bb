//! # elasticache.customer-managed-key: ElastiCache replication groups use your KMS key
//!
//! ## Why this is your duty
//! ElastiCache is a container service: AWS encrypts the disks and backups of
//! a group with at-rest encryption, but with a key ElastiCache manages unless
//! you name your own. Choosing a key whose policy you control is the
//! customer's key-management duty.
//!
//! ## What AWS already does
//! Encrypts with the default ElastiCache-managed key when `KmsKeyId` /
//! `kms_key_id` is absent (customer managed keys since 2019).
//!
//! ## Verdicts
//! - met: a key that is not an AWS managed alias (a reference counts);
//! - not met: absent on an encrypted group, or an AWS managed alias;
//! - not applicable: at-rest encryption is off (`elasticache.encryption-at-rest`
//!   fails it);
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
//!       AtRestEncryptionEnabled: true
//!       KmsKeyId: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
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
//!       AtRestEncryptionEnabled: true
//! ```
//! ```hcl pass
//! resource "aws_elasticache_replication_group" "cache" {
//!   replication_group_id = "sessions"
//!   description          = "sessions"
//!   node_type            = "cache.r7g.large"
//!   num_cache_clusters   = 2
//!   at_rest_encryption_enabled = true
//!   kms_key_id                 = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
//! }
//! ```
//! ```hcl fail
//! resource "aws_elasticache_replication_group" "cache" {
//!   replication_group_id = "sessions"
//!   description          = "sessions"
//!   node_type            = "cache.r7g.large"
//!   num_cache_clusters   = 2
//!   at_rest_encryption_enabled = true
//! }
//! ```

use crate::check::require_storage_key;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "elasticache.customer-managed-key",
    title: "ElastiCache replication groups encrypt at rest with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::ElastiCache::ReplicationGroup"],
    tf_types: &["aws_elasticache_replication_group"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_191", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_storage_key(
        resource,
        ("KmsKeyId", "kms_key_id"),
        &[],
        ("AtRestEncryptionEnabled", "at_rest_encryption_enabled"),
        "a key ElastiCache manages",
    )
}
