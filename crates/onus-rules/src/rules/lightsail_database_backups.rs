//! # lightsail.database-backups: Lightsail databases keep automatic backups
//!
//! ## Why this is your duty
//! A Lightsail managed database is a container service: AWS runs the engine
//! and takes the backups, but only while automatic backup retention is on,
//! which is your setting. Turning it off also deletes the existing automatic
//! backups.
//!
//! ## What AWS already does
//! Enables automatic daily backups (kept 7 days) on new databases.
//!
//! ## Verdicts
//! - met: `BackupRetention` / `backup_retention_enabled` absent (on by default) or true;
//! - not met: false;
//! - unknown: the value is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Db:
//!     Type: AWS::Lightsail::Database
//!     Properties:
//!       RelationalDatabaseName: app
//!       RelationalDatabaseBlueprintId: postgres_16
//!       RelationalDatabaseBundleId: micro_2_0
//!       MasterDatabaseName: app
//!       MasterUsername: app
//!       BackupRetention: true
//! ```
//! ```yaml fail
//! Resources:
//!   Db:
//!     Type: AWS::Lightsail::Database
//!     Properties:
//!       RelationalDatabaseName: app
//!       RelationalDatabaseBlueprintId: postgres_16
//!       RelationalDatabaseBundleId: micro_2_0
//!       MasterDatabaseName: app
//!       MasterUsername: app
//!       BackupRetention: false
//! ```
//! ```hcl pass
//! resource "aws_lightsail_database" "db" {
//!   relational_database_name = "app"
//!   blueprint_id             = "postgres_16"
//!   bundle_id                = "micro_2_0"
//!   master_database_name     = "app"
//!   master_username          = "app"
//!   master_password          = var.password
//! }
//! ```
//! ```hcl fail
//! resource "aws_lightsail_database" "db" {
//!   relational_database_name = "app"
//!   blueprint_id             = "postgres_16"
//!   bundle_id                = "micro_2_0"
//!   master_database_name     = "app"
//!   master_username          = "app"
//!   master_password          = var.password
//!   backup_retention_enabled = false
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "lightsail.database-backups",
    title: "Lightsail databases keep automatic backups",
    duty: Duty::Backups,
    severity: Severity::Medium,
    cfn_types: &["AWS::Lightsail::Database"],
    tf_types: &["aws_lightsail_database"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "BackupRetention",
        "backup_retention_enabled",
        true,
        true,
        "automatic backups",
    )
}
