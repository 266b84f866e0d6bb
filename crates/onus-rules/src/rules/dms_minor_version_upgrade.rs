//! # dms.minor-version-upgrade: DMS replication instances take minor engine upgrades automatically
//!
//! ## Why this is your duty
//! DMS is a container service: AWS builds the replication engine's patch
//! releases, but applying them to *your* instance follows your setting.
//! Keeping the platform patched is shared, and turning automatic minor
//! upgrades off moves it to you.
//!
//! ## What AWS already does
//! Applies minor engine versions in the maintenance window while
//! `AutoMinorVersionUpgrade` / `auto_minor_version_upgrade` is true. The
//! `CreateReplicationInstance` API default is true, which CloudFormation
//! leaves in place when the property is absent. The Terraform provider
//! always sends the flag, so an absent `auto_minor_version_upgrade` is sent
//! as false.
//!
//! ## Verdicts
//! - met: true, or absent in CloudFormation;
//! - not met: false, or absent in Terraform;
//! - unknown: the value comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Replication:
//!     Type: AWS::DMS::ReplicationInstance
//!     Properties:
//!       ReplicationInstanceClass: dms.t3.medium
//!       PubliclyAccessible: false
//! ```
//! ```yaml fail
//! Resources:
//!   Replication:
//!     Type: AWS::DMS::ReplicationInstance
//!     Properties:
//!       ReplicationInstanceClass: dms.t3.medium
//!       PubliclyAccessible: false
//!       AutoMinorVersionUpgrade: false
//! ```
//! ```hcl pass
//! resource "aws_dms_replication_instance" "replication" {
//!   replication_instance_id    = "replication"
//!   replication_instance_class = "dms.t3.medium"
//!   auto_minor_version_upgrade = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_dms_replication_instance" "replication" {
//!   replication_instance_id    = "replication"
//!   replication_instance_class = "dms.t3.medium"
//!   auto_minor_version_upgrade = false
//! }
//! ```
//! ```hcl fail
//! resource "aws_dms_replication_instance" "replication" {
//!   replication_instance_id    = "replication"
//!   replication_instance_class = "dms.t3.medium"
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "dms.minor-version-upgrade",
    title: "DMS replication instances take minor engine upgrades automatically",
    duty: Duty::PlatformPatching,
    severity: Severity::Medium,
    cfn_types: &["AWS::DMS::ReplicationInstance"],
    tf_types: &["aws_dms_replication_instance"],
    reads: &[],
    controls: Controls {
        fsbp: &["DMS.6"],
        config: &["DMS_AUTO_MINOR_VERSION_UPGRADE_CHECK"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_222", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    // The Terraform provider sends `d.Get(...)`, false when absent.
    let default = !resource.format.is_terraform();
    require_bool(
        resource,
        "AutoMinorVersionUpgrade",
        "auto_minor_version_upgrade",
        true,
        default,
        "automatic minor version upgrades",
    )
}
