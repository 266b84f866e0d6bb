//! The registry: every rule, one file each. To add a rule, add its file here
//! (`mod`) and to [`ALL`].

use crate::rule::Rule;

mod ec2_ssh_open_to_world;
mod rds_deletion_protection;
mod rds_encryption_at_rest;
mod region_data_residency;
mod s3_encryption_at_rest;

/// Every rule, sorted by id.
pub static ALL: &[&Rule] = &[
    &ec2_ssh_open_to_world::RULE,
    &rds_deletion_protection::RULE,
    &rds_encryption_at_rest::RULE,
    &region_data_residency::RULE,
    &s3_encryption_at_rest::RULE,
];

/// A rule by id.
pub fn by_id(id: &str) -> Option<&'static Rule> {
    ALL.iter().copied().find(|r| r.id == id)
}
