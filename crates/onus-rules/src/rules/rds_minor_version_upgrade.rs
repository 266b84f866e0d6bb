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
//! `AutoMinorVersionUpgrade` is on (the default for a new instance), applies
//! them in the instance's maintenance window. A read replica created without
//! the setting inherits its source instance's value.
//!
//! ## Verdicts
//! - met: `AutoMinorVersionUpgrade: true` / `auto_minor_version_upgrade = true`,
//!   or absent (met by default: AWS's default is true in both formats);
//! - not met: explicitly false;
//! - a read replica (`SourceDBInstanceIdentifier` / `replicate_source_db`)
//!   that leaves it unset takes its source instance's setting: judged on the
//!   source when it is in the scanned code, unknown when it is not;
//! - unknown: the flag comes from a value onus cannot resolve.
//!
//! Aurora instances (`aws_rds_cluster_instance`, or `AWS::RDS::DBInstance`
//! with `DBClusterIdentifier`) carry the setting too and are judged alike.
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
//! ```yaml Replica=unknown
//! Resources:
//!   Replica:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       SourceDBInstanceIdentifier: arn:aws:rds:eu-west-1:111122223333:db:orders
//!       DBInstanceClass: db.t3.micro
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
//! ```hcl fail
//! resource "aws_rds_cluster_instance" "member" {
//!   cluster_identifier         = "orders"
//!   engine                     = "aurora-postgresql"
//!   instance_class             = "db.r6g.large"
//!   auto_minor_version_upgrade = false
//! }
//! ```
//! ```hcl aws_db_instance.primary=not-met aws_db_instance.replica=not-met
//! resource "aws_db_instance" "primary" {
//!   identifier                 = "orders"
//!   engine                     = "postgres"
//!   instance_class             = "db.t3.micro"
//!   auto_minor_version_upgrade = false
//! }
//! resource "aws_db_instance" "replica" {
//!   replicate_source_db = aws_db_instance.primary.identifier
//!   instance_class      = "db.t3.micro"
//! }
//! ```
//! ```hcl unknown
//! resource "aws_db_instance" "replica" {
//!   replicate_source_db = "orders"
//!   instance_class      = "db.t3.micro"
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "rds.minor-version-upgrade",
    title: "RDS instances apply engine minor-version upgrades automatically",
    duty: Duty::PlatformPatching,
    severity: Severity::Low,
    cfn_types: &["AWS::RDS::DBInstance"],
    tf_types: &["aws_db_instance", "aws_rds_cluster_instance"],
    reads: &[],
    controls: Controls {
        fsbp: &["RDS.13"],
        config: &["RDS_AUTOMATIC_MINOR_VERSION_UPGRADE_ENABLED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_226", Same),
        guard("RDS_AUTOMATIC_MINOR_VERSION_UPGRADE_ENABLED", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let own = |r: &Resource| {
        require_bool(
            r,
            "AutoMinorVersionUpgrade",
            "auto_minor_version_upgrade",
            true,
            true,
            "automatic minor-version upgrades",
        )
    };
    crate::rds::inherited(
        resource,
        cx,
        "AutoMinorVersionUpgrade",
        "auto_minor_version_upgrade",
        own,
    )
    .unwrap_or_else(|| own(resource))
}
