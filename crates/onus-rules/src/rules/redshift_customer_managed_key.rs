//! # redshift.customer-managed-key: Redshift clusters and snapshot copies use your KMS key
//!
//! ## Why this is your duty
//! Redshift is a container service: AWS encrypts the cluster, but which key
//! protects it, and so who can audit, rotate or revoke it, is the customer's
//! key-management duty. A snapshot copy grant names the key that protects
//! snapshots copied to another Region.
//!
//! ## What AWS already does
//! Encrypts every new cluster (the `CreateCluster` API default for
//! `Encrypted` is true and false is refused, since the secure-by-default
//! change of January 2025), with a key AWS manages when none is named;
//! before that, clusters were unencrypted unless asked. A copy grant without
//! a key uses the AWS managed key of the destination Region.
//!
//! ## Verdicts
//! - met: `KmsKeyId` / `kms_key_id` names a key that is not an AWS managed
//!   alias (a reference counts);
//! - not met: absent, or `alias/aws/redshift`;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Key:
//!     Type: AWS::KMS::Key
//!   Warehouse:
//!     Type: AWS::Redshift::Cluster
//!     Properties:
//!       ClusterType: single-node
//!       NodeType: ra3.xlplus
//!       DBName: analytics
//!       MasterUsername: analytics_owner
//!       ManageMasterPassword: true
//!       Encrypted: true
//!       KmsKeyId: !Ref Key
//! ```
//! ```yaml fail
//! Resources:
//!   Warehouse:
//!     Type: AWS::Redshift::Cluster
//!     Properties:
//!       ClusterType: multi-node
//!       NodeType: ra3.xlplus
//!       NumberOfNodes: 2
//!       DBName: analytics
//!       MasterUsername: analytics_owner
//!       ManageMasterPassword: true
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "copies" {}
//! resource "aws_redshift_snapshot_copy_grant" "copies" {
//!   snapshot_copy_grant_name = "copies"
//!   kms_key_id               = aws_kms_key.copies.arn
//! }
//! ```
//! ```hcl fail
//! resource "aws_redshift_cluster" "warehouse" {
//!   cluster_identifier     = "warehouse"
//!   node_type              = "ra3.xlplus"
//!   number_of_nodes        = 2
//!   master_username        = "analytics_owner"
//!   manage_master_password = true
//! }
//! ```

use crate::check::require_customer_managed_key;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "redshift.customer-managed-key",
    title: "Redshift clusters and snapshot copies use a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::Redshift::Cluster"],
    tf_types: &["aws_redshift_cluster", "aws_redshift_snapshot_copy_grant"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_142", Same), checkov("CKV_AWS_281", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_customer_managed_key(resource, "KmsKeyId", "kms_key_id", "a key AWS manages")
}
