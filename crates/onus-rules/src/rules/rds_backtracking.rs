//! # rds.backtracking: Aurora MySQL clusters can be rewound with Backtrack
//!
//! ## Why this is your duty
//! Aurora is a container service: AWS replicates the storage six ways
//! across three zones, but that copies a bad `DELETE` as faithfully as good
//! data. Recovering from your own mistakes is the backup duty the model
//! leaves to the customer; Backtrack rewinds the cluster in place within
//! minutes, without restoring a new cluster from a backup.
//!
//! ## What AWS already does
//! Keeps automated backups for point-in-time restore into a *new* cluster.
//! Backtrack (Aurora MySQL, since May 2018) is off unless `BacktrackWindow`
//! is set: the default window has always been 0.
//!
//! ## Verdicts
//! - met: `BacktrackWindow` / `backtrack_window` is more than 0 (up to
//!   259,200 seconds, 72 hours);
//! - not met: 0 or absent (the default), or more than 72 hours (invalid);
//! - not applicable: engines other than Aurora MySQL (`aurora-mysql`, or
//!   the older `aurora`), which do not offer Backtrack;
//! - unknown: the window or the engine comes from a value onus cannot
//!   resolve.
//!
//! Backtrack can only be turned on when the cluster is created.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Cluster:
//!     Type: AWS::RDS::DBCluster
//!     Properties:
//!       Engine: aurora-mysql
//!       BacktrackWindow: 86400
//! ```
//! ```yaml fail
//! Resources:
//!   Cluster:
//!     Type: AWS::RDS::DBCluster
//!     Properties:
//!       Engine: aurora-mysql
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Cluster:
//!     Type: AWS::RDS::DBCluster
//!     Properties:
//!       Engine: aurora-postgresql
//! ```
//! ```hcl pass
//! resource "aws_rds_cluster" "orders" {
//!   engine           = "aurora-mysql"
//!   backtrack_window = 21600
//! }
//! ```
//! ```hcl fail
//! resource "aws_rds_cluster" "orders" {
//!   engine           = "aurora-mysql"
//!   backtrack_window = 0
//! }
//! ```

use crate::check::{require_valid_number, static_text};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "rds.backtracking",
    title: "Aurora MySQL clusters have Backtrack enabled",
    duty: Duty::Backups,
    severity: Severity::Low,
    cfn_types: &["AWS::RDS::DBCluster"],
    tf_types: &["aws_rds_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &["RDS.14"],
        config: &["AURORA_MYSQL_BACKTRACKING_ENABLED"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_326", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    match static_text(resource, "Engine", "engine") {
        Err(unknown) => return unknown,
        Ok(Some(e)) if matches!(e.to_ascii_lowercase().as_str(), "aurora-mysql" | "aurora") => {}
        Ok(e) => {
            return Verdict::not_applicable(
                resource,
                format!(
                    "Backtrack exists only for Aurora MySQL, not {}",
                    e.unwrap_or("a cluster without an engine")
                ),
            );
        }
    }
    require_valid_number(
        resource,
        "BacktrackWindow",
        "backtrack_window",
        Some(0.0),
        |v| (0.0..=259_200.0).contains(&v),
        |v| v > 0.0,
        "Backtrack needs a window above 0 seconds",
    )
}
