//! # keyspaces.point-in-time-recovery: Keyspaces tables have point-in-time recovery enabled
//!
//! ## Why this is your duty
//! Keyspaces is an abstracted service: AWS replicates every table across
//! three zones, but that copies a bad write or a dropped row as faithfully as
//! good data. Restoring to a moment before a mistake is the backup duty the
//! model leaves to you.
//!
//! ## What AWS already does
//! Keeps no continuous backups unless point-in-time recovery is on
//! (available since 2021; off by default).
//!
//! ## Verdicts
//! - met: `PointInTimeRecoveryEnabled: true` / `point_in_time_recovery {
//!   status = "ENABLED" }`;
//! - not met: false, `DISABLED` or absent;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Events:
//!     Type: AWS::Cassandra::Table
//!     Properties:
//!       KeyspaceName: app
//!       PartitionKeyColumns:
//!         - ColumnName: id
//!           ColumnType: text
//!       PointInTimeRecoveryEnabled: true
//! ```
//! ```yaml fail
//! Resources:
//!   Events:
//!     Type: AWS::Cassandra::Table
//!     Properties:
//!       KeyspaceName: app
//!       PartitionKeyColumns:
//!         - ColumnName: id
//!           ColumnType: text
//! ```
//! ```hcl pass
//! resource "aws_keyspaces_table" "events" {
//!   keyspace_name = "app"
//!   table_name    = "events"
//!   schema_definition {
//!     column {
//!       name = "id"
//!       type = "text"
//!     }
//!     partition_key {
//!       name = "id"
//!     }
//!   }
//!   point_in_time_recovery {
//!     status = "ENABLED"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_keyspaces_table" "events" {
//!   keyspace_name = "app"
//!   table_name    = "events"
//!   schema_definition {
//!     column {
//!       name = "id"
//!       type = "text"
//!     }
//!     partition_key {
//!       name = "id"
//!     }
//!   }
//! }
//! ```

use crate::check::{require_bool, require_one_of};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "keyspaces.point-in-time-recovery",
    title: "Keyspaces tables have point-in-time recovery enabled",
    duty: Duty::Backups,
    severity: Severity::Medium,
    cfn_types: &["AWS::Cassandra::Table"],
    tf_types: &["aws_keyspaces_table"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    if resource.format.is_terraform() {
        return require_one_of(
            resource,
            "",
            "point_in_time_recovery.status",
            &["ENABLED"],
            Some("DISABLED"),
            "point-in-time recovery",
        );
    }
    require_bool(
        resource,
        "PointInTimeRecoveryEnabled",
        "",
        true,
        false,
        "point-in-time recovery",
    )
}
