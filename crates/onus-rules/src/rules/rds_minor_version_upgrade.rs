//! # rds.minor-version-upgrade: RDS instances take engine minor-version upgrades automatically
//!
//! ## Why this is your duty
//! RDS is a container service: AWS builds and ships the database engine's
//! patches, but whether they are applied to your instance is your setting.
//! Turning automatic minor-version upgrades off leaves known engine flaws
//! unpatched until you upgrade by hand, so platform patching stays yours.
//!
//! ## What AWS already does
//! Patches the operating system, publishes engine minor versions, and, when
//! `AutoMinorVersionUpgrade` is on (the default), applies them in the
//! instance's maintenance window.
//!
//! ## Verdicts
//! - met: `AutoMinorVersionUpgrade: true` / `auto_minor_version_upgrade = true`,
//!   or absent (met by default: AWS's default is true in both formats);
//! - not met: explicitly false;
//! - unknown: the flag comes from a value onus cannot resolve.
//!
//! Fix: remove the setting or set it to true.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.t3.micro
//! ```
//! ```yaml fail
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.t3.micro
//!       AutoMinorVersionUpgrade: false
//! ```
//! ```hcl pass
//! resource "aws_db_instance" "db" {
//!   engine         = "postgres"
//!   instance_class = "db.t3.micro"
//! }
//! ```
//! ```hcl fail
//! resource "aws_db_instance" "db" {
//!   engine                     = "postgres"
//!   instance_class             = "db.t3.micro"
//!   auto_minor_version_upgrade = false
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "rds.minor-version-upgrade",
    title: "RDS instances apply engine minor-version upgrades automatically",
    duty: Duty::PlatformPatching,
    severity: Severity::Low,
    cfn_types: &["AWS::RDS::DBInstance"],
    tf_types: &["aws_db_instance"],
    reads: &[],
    controls: Controls {
        fsbp: &["RDS.13"],
        config: &["RDS_AUTOMATIC_MINOR_VERSION_UPGRADE_ENABLED"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_226", Same)],
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
        "automatic minor-version upgrades",
    )
}
