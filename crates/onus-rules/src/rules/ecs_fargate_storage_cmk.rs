//! # ecs.fargate-storage-cmk: ECS clusters encrypt Fargate ephemeral storage with your KMS key
//!
//! ## Why this is your duty
//! ECS on Fargate is a container service: AWS runs the hosts and always
//! encrypts the tasks' ephemeral storage, with a key AWS owns. Which key
//! protects the data your tasks write to disk, who may use it, and whether
//! you can revoke it is the part of key management the model leaves to you.
//!
//! ## What AWS already does
//! Encrypts Fargate ephemeral storage (platform 1.4.0 and later) with an
//! AWS-owned key; uses your KMS key when the cluster's managed storage
//! configuration names one.
//!
//! ## Verdicts
//! - met: `Configuration.ManagedStorageConfiguration.FargateEphemeralStorageKmsKeyId`
//!   / `configuration.managed_storage_configuration.fargate_ephemeral_storage_kms_key_id` is set;
//! - not met: absent (AWS-owned key);
//! - unknown: the value is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Key:
//!     Type: AWS::KMS::Key
//!     Properties:
//!       EnableKeyRotation: true
//!   Cluster:
//!     Type: AWS::ECS::Cluster
//!     Properties:
//!       Configuration:
//!         ManagedStorageConfiguration:
//!           FargateEphemeralStorageKmsKeyId: !Ref Key
//! ```
//! ```yaml fail
//! Resources:
//!   Cluster:
//!     Type: AWS::ECS::Cluster
//!     Properties:
//!       ClusterName: app
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "ecs" {
//!   enable_key_rotation = true
//! }
//! resource "aws_ecs_cluster" "app" {
//!   name = "app"
//!   configuration {
//!     managed_storage_configuration {
//!       fargate_ephemeral_storage_kms_key_id = aws_kms_key.ecs.id
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_ecs_cluster" "app" {
//!   name = "app"
//! }
//! ```

use crate::check::require_set;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ecs.fargate-storage-cmk",
    title: "ECS clusters encrypt Fargate ephemeral storage with a customer-managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::ECS::Cluster"],
    tf_types: &["aws_ecs_cluster"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_set(
        resource,
        "Configuration.ManagedStorageConfiguration.FargateEphemeralStorageKmsKeyId",
        "configuration.managed_storage_configuration.fargate_ephemeral_storage_kms_key_id",
        "Fargate ephemeral storage is encrypted only with an AWS-owned key",
    )
}
