//! # memorydb.customer-managed-key: MemoryDB clusters and snapshots use your KMS key
//!
//! ## Why this is your duty
//! MemoryDB is a container service: AWS always encrypts data at rest, but
//! with a key MemoryDB manages unless you name your own. Choosing a key
//! whose policy you control and whose use you can audit is the customer's
//! key-management duty.
//!
//! ## What AWS already does
//! Encrypts clusters and snapshots with a service-managed key when
//! `KmsKeyId` / `kms_key_arn` is absent (since launch in 2021).
//!
//! ## Verdicts
//! - met: a key that is not an AWS managed alias (a reference counts);
//! - not met: absent, or an AWS managed alias;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Store:
//!     Type: AWS::MemoryDB::Cluster
//!     Properties:
//!       ClusterName: sessions
//!       NodeType: db.r7g.large
//!       ACLName: sessions-users
//!       KmsKeyId: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
//! ```
//! ```yaml fail
//! Resources:
//!   Store:
//!     Type: AWS::MemoryDB::Cluster
//!     Properties:
//!       ClusterName: sessions
//!       NodeType: db.r7g.large
//!       ACLName: sessions-users
//! ```
//! ```hcl pass
//! resource "aws_memorydb_snapshot" "nightly" {
//!   cluster_name = "sessions"
//!   kms_key_arn  = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
//! }
//! ```
//! ```hcl fail
//! resource "aws_memorydb_cluster" "store" {
//!   name      = "sessions"
//!   node_type = "db.r7g.large"
//!   acl_name = "sessions-users"
//! }
//! ```

use crate::check::require_customer_managed_key;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "memorydb.customer-managed-key",
    title: "MemoryDB clusters and snapshots use a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::MemoryDB::Cluster"],
    tf_types: &["aws_memorydb_cluster", "aws_memorydb_snapshot"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_201", Same), checkov("CKV_AWS_278", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_customer_managed_key(
        resource,
        "KmsKeyId",
        "kms_key_arn",
        "a key MemoryDB manages",
    )
}
