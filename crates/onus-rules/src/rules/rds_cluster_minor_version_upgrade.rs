//! # rds.cluster-minor-version-upgrade: RDS DB clusters take minor engine upgrades automatically
//!
//! ## Why this is your duty
//! RDS is a container service: AWS builds and ships the engine's patch
//! releases, but applying them to *your* cluster is your decision. Keeping
//! the platform patched is shared, and turning automatic minor upgrades off
//! moves it to you.
//!
//! ## What AWS already does
//! Applies minor engine upgrades in the maintenance window unless
//! `AutoMinorVersionUpgrade` is false: the default is true for Multi-AZ DB
//! clusters (since they launched in March 2022) and Aurora clusters.
//!
//! ## Verdicts
//! - met: `AutoMinorVersionUpgrade` is true or absent (the default);
//! - not met: false;
//! - unknown: the value comes from a value onus cannot resolve.
//!
//! The Terraform `aws_rds_cluster` has no such argument (provider 5.x): its
//! instances carry `auto_minor_version_upgrade`, which `rds.minor-version-upgrade`
//! judges.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Cluster:
//!     Type: AWS::RDS::DBCluster
//!     Properties:
//!       Engine: postgres
//!       DBClusterInstanceClass: db.m6gd.large
//!       AllocatedStorage: 100
//!       StorageType: io1
//!       Iops: 1000
//! ```
//! ```yaml fail
//! Resources:
//!   Cluster:
//!     Type: AWS::RDS::DBCluster
//!     Properties:
//!       Engine: postgres
//!       DBClusterInstanceClass: db.m6gd.large
//!       AllocatedStorage: 100
//!       StorageType: io1
//!       Iops: 1000
//!       AutoMinorVersionUpgrade: false
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "rds.cluster-minor-version-upgrade",
    title: "RDS DB clusters have automatic minor version upgrades enabled",
    duty: Duty::PlatformPatching,
    severity: Severity::Medium,
    cfn_types: &["AWS::RDS::DBCluster"],
    tf_types: &[],
    reads: &[],
    controls: Controls {
        fsbp: &["RDS.35"],
        config: &["RDS_CLUSTER_AUTO_MINOR_VERSION_UPGRADE_ENABLE"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "AutoMinorVersionUpgrade",
        "",
        true,
        true,
        "automatic minor version upgrades",
    )
}
