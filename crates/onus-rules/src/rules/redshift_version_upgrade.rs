//! # redshift.version-upgrade: Redshift clusters take engine version upgrades automatically
//!
//! ## Why this is your duty
//! Redshift is a container service: AWS builds and ships new cluster
//! versions, but whether *your* cluster takes them in its maintenance window
//! is a setting you own. Keeping the platform patched is shared, and turning
//! upgrades off moves it to you.
//!
//! ## What AWS already does
//! Applies new versions in the maintenance window while `AllowVersionUpgrade`
//! / `allow_version_upgrade` is true, the default since Redshift launched in
//! 2013.
//!
//! ## Verdicts
//! - met: true or absent (the default);
//! - not met: false;
//! - unknown: the value comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
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
//!       AllowVersionUpgrade: false
//! ```
//! ```hcl pass
//! resource "aws_redshift_cluster" "warehouse" {
//!   cluster_identifier     = "warehouse"
//!   node_type              = "ra3.xlplus"
//!   number_of_nodes        = 2
//!   master_username        = "analytics_owner"
//!   manage_master_password = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_redshift_cluster" "warehouse" {
//!   cluster_identifier     = "warehouse"
//!   node_type              = "ra3.xlplus"
//!   number_of_nodes        = 2
//!   master_username        = "analytics_owner"
//!   manage_master_password = true
//!   allow_version_upgrade = false
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "redshift.version-upgrade",
    title: "Redshift clusters take engine version upgrades automatically",
    duty: Duty::PlatformPatching,
    severity: Severity::Medium,
    cfn_types: &["AWS::Redshift::Cluster"],
    tf_types: &["aws_redshift_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &["Redshift.6"],
        config: &["REDSHIFT_CLUSTER_MAINTENANCESETTINGS_CHECK"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_141", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "AllowVersionUpgrade",
        "allow_version_upgrade",
        true,
        true,
        "automatic version upgrades",
    )
}
