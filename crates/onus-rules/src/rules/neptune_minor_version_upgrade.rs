//! # neptune.minor-version-upgrade: Neptune instances take minor engine upgrades automatically
//!
//! ## Why this is your duty
//! Neptune is a container service: AWS builds the engine's patch releases,
//! but applying them to *your* instances is your decision. Keeping the
//! platform patched is shared, and turning automatic minor upgrades off
//! moves it to you.
//!
//! ## What AWS already does
//! Applies minor engine versions in the maintenance window while
//! `AutoMinorVersionUpgrade` / `auto_minor_version_upgrade` is true, the
//! default since Neptune's launch in 2018.
//!
//! ## Verdicts
//! - met: true or absent (the default);
//! - not met: false;
//! - unknown: the value comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Instance:
//!     Type: AWS::Neptune::DBInstance
//!     Properties:
//!       DBInstanceClass: db.r6g.large
//!       DBClusterIdentifier: graph
//! ```
//! ```yaml fail
//! Resources:
//!   Instance:
//!     Type: AWS::Neptune::DBInstance
//!     Properties:
//!       DBInstanceClass: db.r6g.large
//!       DBClusterIdentifier: graph
//!       AutoMinorVersionUpgrade: false
//! ```
//! ```hcl pass
//! resource "aws_neptune_cluster_instance" "graph" {
//!   cluster_identifier = "graph"
//!   instance_class     = "db.r6g.large"
//! }
//! ```
//! ```hcl fail
//! resource "aws_neptune_cluster_instance" "graph" {
//!   cluster_identifier         = "graph"
//!   instance_class             = "db.r6g.large"
//!   auto_minor_version_upgrade = false
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "neptune.minor-version-upgrade",
    title: "Neptune instances have automatic minor version upgrades enabled",
    duty: Duty::PlatformPatching,
    severity: Severity::Medium,
    cfn_types: &["AWS::Neptune::DBInstance"],
    tf_types: &["aws_neptune_cluster_instance"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "AutoMinorVersionUpgrade",
        "auto_minor_version_upgrade",
        true,
        true,
        "automatic minor version upgrades",
    )
}
