//! The registry: every rule, one file each. To add a rule, add its file here
//! (`mod`) and to [`ALL`].

use crate::rule::Rule;

mod backup_copy_residency;
mod cloudtrail_cloudwatch_logs;
mod cloudtrail_kms_encryption;
mod cloudtrail_log_file_validation;
mod cloudtrail_multi_region;
mod dynamodb_replica_residency;
mod ec2_ssh_open_to_world;
mod iam_no_admin_policy;
mod iam_no_user_policies;
mod iam_trust_policy_restricted;
mod kms_key_rotation;
mod kms_policy_no_wildcard_principal;
mod rds_encryption_at_rest;
mod region_data_residency;
mod s3_access_logging;
mod s3_encryption_at_rest;
mod s3_kms_encryption;
mod s3_policy_no_wildcard_principal;
mod s3_public_access_block;
mod s3_public_acl;
mod s3_replication_residency;
mod s3_tls_only;
mod s3_versioning;
mod secretsmanager_kms_encryption;
mod secretsmanager_rotation;

/// Every rule, sorted by id.
pub static ALL: &[&Rule] = &[
    &backup_copy_residency::RULE,
    &cloudtrail_cloudwatch_logs::RULE,
    &cloudtrail_kms_encryption::RULE,
    &cloudtrail_log_file_validation::RULE,
    &cloudtrail_multi_region::RULE,
    &dynamodb_replica_residency::RULE,
    &ec2_ssh_open_to_world::RULE,
    &iam_no_admin_policy::RULE,
    &iam_no_user_policies::RULE,
    &iam_trust_policy_restricted::RULE,
    &kms_key_rotation::RULE,
    &kms_policy_no_wildcard_principal::RULE,
    &rds_encryption_at_rest::RULE,
    &region_data_residency::RULE,
    &s3_access_logging::RULE,
    &s3_encryption_at_rest::RULE,
    &s3_kms_encryption::RULE,
    &s3_policy_no_wildcard_principal::RULE,
    &s3_public_access_block::RULE,
    &s3_public_acl::RULE,
    &s3_replication_residency::RULE,
    &s3_tls_only::RULE,
    &s3_versioning::RULE,
    &secretsmanager_kms_encryption::RULE,
    &secretsmanager_rotation::RULE,
];

/// A rule by id.
pub fn by_id(id: &str) -> Option<&'static Rule> {
    ALL.iter().copied().find(|r| r.id == id)
}
