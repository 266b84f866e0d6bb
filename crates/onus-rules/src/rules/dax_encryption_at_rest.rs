//! # dax.encryption-at-rest: DAX clusters encrypt cached data at rest
//!
//! ## Why this is your duty
//! DAX is a container service: AWS runs the cache nodes in your VPC, but the
//! items they cache are your table's data, and whether the nodes' disks are
//! encrypted is a setting you choose when the cluster is created.
//!
//! ## What AWS already does
//! Leaves node storage unencrypted unless `SSESpecification.SSEEnabled` /
//! `server_side_encryption { enabled }` is true; the default has been false
//! since DAX encryption at rest launched in 2019, and it cannot be changed
//! after creation.
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
//!     Type: AWS::DAX::Cluster
//!     Properties:
//!       NodeType: dax.r5.large
//!       ReplicationFactor: 3
//!       IAMRoleARN: arn:aws:iam::123456789012:role/dax
//!       SSESpecification:
//!         SSEEnabled: true
//! ```
//! ```yaml fail
//! Resources:
//!   Cache:
//!     Type: AWS::DAX::Cluster
//!     Properties:
//!       NodeType: dax.r5.large
//!       ReplicationFactor: 3
//!       IAMRoleARN: arn:aws:iam::123456789012:role/dax
//! ```
//! ```hcl pass
//! resource "aws_dax_cluster" "cache" {
//!   cluster_name       = "cache"
//!   node_type          = "dax.r5.large"
//!   replication_factor = 3
//!   iam_role_arn       = "arn:aws:iam::123456789012:role/dax"
//!   server_side_encryption {
//!     enabled = true
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_dax_cluster" "cache" {
//!   cluster_name       = "cache"
//!   node_type          = "dax.r5.large"
//!   replication_factor = 3
//!   iam_role_arn       = "arn:aws:iam::123456789012:role/dax"
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "dax.encryption-at-rest",
    title: "DAX clusters encrypt data at rest",
    duty: Duty::EncryptionAtRest,
    severity: Severity::Medium,
    cfn_types: &["AWS::DAX::Cluster"],
    tf_types: &["aws_dax_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &["DynamoDB.3"],
        config: &["DAX_ENCRYPTION_ENABLED"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_47", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "SSESpecification.SSEEnabled",
        "server_side_encryption.enabled",
        true,
        false,
        "encryption at rest",
    )
}
