//! # lightsail.database-not-public: Lightsail databases are not publicly accessible
//!
//! ## Why this is your duty
//! A Lightsail managed database is a container service: AWS runs and patches
//! the engine, but whether it answers connections from the internet is your
//! choice. A public database is one leaked or weak password away from your data.
//!
//! ## What AWS already does
//! Creates databases in private mode (reachable only from Lightsail
//! resources in the same Region) unless you make them public.
//!
//! ## Verdicts
//! - met: `PubliclyAccessible` / `publicly_accessible` absent (false) or false;
//! - not met: true;
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
//!       PubliclyAccessible: true
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
//!   publicly_accessible      = true
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "lightsail.database-not-public",
    title: "Lightsail databases are not publicly accessible",
    duty: Duty::NetworkExposure,
    severity: Severity::High,
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
        "PubliclyAccessible",
        "publicly_accessible",
        false,
        false,
        "a private database",
    )
}
