//! # sagemaker.feature-group-kms: SageMaker feature groups encrypt their offline store with your KMS key
//!
//! ## Why this is your duty
//! SageMaker Feature Store is a container service: AWS writes the offline
//! store of a feature group to an S3 location you name, encrypted at rest.
//! Which key protects those features, who may use it and when it rotates is
//! the key-management duty, yours whenever your policy asks for keys you
//! control.
//!
//! ## What AWS already does
//! Writes offline-store objects to S3, where the bucket's default encryption
//! applies (SSE-S3 on every new object since January 2023) unless
//! `KmsKeyId` names a KMS key.
//!
//! ## Verdicts
//! - met: `OfflineStoreConfig.S3StorageConfig.KmsKeyId`
//!   (`offline_store_config { s3_storage_config { kms_key_id } }`) names a
//!   customer managed key;
//! - not met: absent, or an AWS managed key alias;
//! - unknown: the key is not static;
//! - not applicable: no offline store.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Features:
//!     Type: AWS::SageMaker::FeatureGroup
//!     Properties:
//!       FeatureGroupName: customers
//!       RecordIdentifierFeatureName: id
//!       EventTimeFeatureName: ts
//!       OfflineStoreConfig:
//!         S3StorageConfig:
//!           S3Uri: s3://features/customers
//!           KmsKeyId: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
//! ```
//! ```yaml fail
//! Resources:
//!   Features:
//!     Type: AWS::SageMaker::FeatureGroup
//!     Properties:
//!       FeatureGroupName: customers
//!       RecordIdentifierFeatureName: id
//!       EventTimeFeatureName: ts
//!       OfflineStoreConfig:
//!         S3StorageConfig:
//!           S3Uri: s3://features/customers
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "features" {}
//! resource "aws_sagemaker_feature_group" "customers" {
//!   feature_group_name             = "customers"
//!   record_identifier_feature_name = "id"
//!   event_time_feature_name        = "ts"
//!   role_arn                       = "arn:aws:iam::111122223333:role/features"
//!   offline_store_config {
//!     s3_storage_config {
//!       s3_uri     = "s3://features/customers"
//!       kms_key_id = aws_kms_key.features.arn
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_sagemaker_feature_group" "customers" {
//!   feature_group_name             = "customers"
//!   record_identifier_feature_name = "id"
//!   event_time_feature_name        = "ts"
//!   role_arn                       = "arn:aws:iam::111122223333:role/features"
//!   offline_store_config {
//!     s3_storage_config {
//!       s3_uri = "s3://features/customers"
//!     }
//!   }
//! }
//! ```

use crate::check::{prop, require_customer_managed_key};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "sagemaker.feature-group-kms",
    title: "SageMaker feature groups encrypt the offline store with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Medium,
    cfn_types: &["AWS::SageMaker::FeatureGroup"],
    tf_types: &["aws_sagemaker_feature_group"],
    reads: &[],
    controls: Controls {
        fsbp: &["SageMaker.17"],
        config: &["SAGEMAKER_FEATUREGROUP_ENCRYPTION_AT_REST"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    if prop(resource, "OfflineStoreConfig", "offline_store_config")
        .0
        .is_none()
    {
        return Verdict::not_applicable(resource, "the feature group has no offline store");
    }
    require_customer_managed_key(
        resource,
        "OfflineStoreConfig.S3StorageConfig.KmsKeyId",
        "offline_store_config.s3_storage_config.kms_key_id",
        "the S3 bucket's default encryption",
    )
}
