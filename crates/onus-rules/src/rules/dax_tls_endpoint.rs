//! # dax.tls-endpoint: DAX clusters encrypt client connections with TLS
//!
//! ## Why this is your duty
//! DAX is a container service: AWS runs the endpoint, but whether your
//! clients reach it over TLS is a setting of the cluster. Protecting data in
//! transit is the customer's side of the model.
//!
//! ## What AWS already does
//! Serves a plaintext endpoint unless `ClusterEndpointEncryptionType` /
//! `cluster_endpoint_encryption_type` is `TLS` (offered since 2021); the
//! default is `NONE` and it cannot be changed after creation.
//!
//! ## Verdicts
//! - met: `TLS`;
//! - not met: `NONE` or absent;
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
//!       ClusterEndpointEncryptionType: TLS
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
//!   cluster_endpoint_encryption_type = "TLS"
//! }
//! ```
//! ```hcl fail
//! resource "aws_dax_cluster" "cache" {
//!   cluster_name       = "cache"
//!   node_type          = "dax.r5.large"
//!   replication_factor = 3
//!   iam_role_arn       = "arn:aws:iam::123456789012:role/dax"
//!   cluster_endpoint_encryption_type = "NONE"
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "dax.tls-endpoint",
    title: "DAX clusters encrypt client connections with TLS",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: &["AWS::DAX::Cluster"],
    tf_types: &["aws_dax_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &["DynamoDB.7"],
        config: &["DAX_TLS_ENDPOINT_ENCRYPTION"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_239", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "ClusterEndpointEncryptionType",
        "cluster_endpoint_encryption_type",
        &["TLS"],
        Some("NONE"),
        "an encrypted endpoint",
    )
}
