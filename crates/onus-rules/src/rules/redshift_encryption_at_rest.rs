//! # redshift.encryption-at-rest: Redshift clusters encrypt their data
//!
//! ## Why this is your duty
//! Redshift is a container service: AWS runs the cluster nodes and the
//! engine, but encrypting the warehouse's data, and not turning that off, is
//! a setting in your cluster definition.
//!
//! ## What AWS already does
//! Encrypts blocks, system metadata and snapshots with KMS. The
//! `CreateCluster` API reference now gives `Encrypted` the default true and
//! says a request that sets it false fails: new provisioned clusters are
//! always encrypted (part of the secure-by-default change of January 2025).
//! The Terraform AWS provider defaults `encrypted` to true since v6 (v6
//! upgrade guide); v5 sent the flag only when true, so an absent one left
//! the API default.
//!
//! ## Verdicts
//! - met: `Encrypted: true` / `encrypted = true`; met by default when absent
//!   (new clusters are encrypted);
//! - not met: `Encrypted: false` / `encrypted = false` (a cluster created so
//!   before 2025 is unencrypted; AWS now refuses to create one);
//! - unknown: the flag comes from a value onus cannot resolve.
//!
//! Fix: remove `Encrypted: false` or set it to true (optionally with
//! `KmsKeyId`).
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Warehouse:
//!     Type: AWS::Redshift::Cluster
//!     Properties:
//!       ClusterType: single-node
//!       NodeType: ra3.large
//!       DBName: analytics
//!       MasterUsername: admin
//!       ManageMasterPassword: true
//!       Encrypted: true
//! ```
//! ```yaml fail
//! Resources:
//!   Warehouse:
//!     Type: AWS::Redshift::Cluster
//!     Properties:
//!       ClusterType: single-node
//!       NodeType: ra3.large
//!       DBName: analytics
//!       MasterUsername: admin
//!       ManageMasterPassword: true
//!       Encrypted: false
//! ```
//! ```hcl pass
//! resource "aws_redshift_cluster" "warehouse" {
//!   cluster_identifier     = "warehouse"
//!   cluster_type           = "single-node"
//!   node_type              = "ra3.large"
//!   master_username        = "admin"
//!   manage_master_password = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_redshift_cluster" "warehouse" {
//!   cluster_identifier     = "warehouse"
//!   cluster_type           = "single-node"
//!   node_type              = "ra3.large"
//!   master_username        = "admin"
//!   manage_master_password = true
//!   encrypted              = false
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "redshift.encryption-at-rest",
    title: "Redshift clusters are encrypted at rest",
    duty: Duty::EncryptionAtRest,
    severity: Severity::High,
    cfn_types: &["AWS::Redshift::Cluster"],
    tf_types: &["aws_redshift_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &["Redshift.10"],
        config: &["REDSHIFT_CLUSTER_CONFIGURATION_CHECK"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_64", Same),
        cfn_nag("F28", Same),
        trivy("AVD-AWS-0084", Same),
        guard("REDSHIFT_CLUSTER_CONFIGURATION_CHECK", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "Encrypted",
        "encrypted",
        true,
        true,
        "encryption at rest",
    )
}
