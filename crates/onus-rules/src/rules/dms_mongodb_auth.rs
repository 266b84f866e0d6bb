//! # dms.mongodb-auth: DMS endpoints for MongoDB authenticate
//!
//! ## Why this is your duty
//! DMS is a container service: AWS runs the replication, but whether it
//! logs in to *your* MongoDB or DocumentDB source is access control, the
//! customer's side of the model; a source that accepts unauthenticated
//! reads exposes every collection.
//!
//! ## What AWS already does
//! Authenticates with a user name and password unless `MongoDbSettings.AuthType`
//! / `mongodb_settings { auth_type }` is `no`; the default is `password`.
//!
//! ## Verdicts
//! - met: `password` or absent;
//! - not met: `no`;
//! - not applicable: endpoints for other engines (`EngineName` other than
//!   `mongodb` or `docdb`);
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Target:
//!     Type: AWS::DMS::Endpoint
//!     Properties:
//!       EndpointType: target
//!       EngineName: mongodb
//!       MongoDbSettings:
//!         AuthType: password
//! ```
//! ```yaml fail
//! Resources:
//!   Target:
//!     Type: AWS::DMS::Endpoint
//!     Properties:
//!       EndpointType: target
//!       EngineName: mongodb
//!       MongoDbSettings:
//!         AuthType: "no"
//! ```
//! ```hcl pass
//! resource "aws_dms_endpoint" "target" {
//!   endpoint_id   = "target"
//!   endpoint_type = "target"
//!   engine_name   = "mongodb"
//! }
//! ```
//! ```hcl fail
//! resource "aws_dms_endpoint" "target" {
//!   endpoint_id   = "target"
//!   endpoint_type = "target"
//!   engine_name   = "docdb"
//!   mongodb_settings {
//!     auth_type = "no"
//!   }
//! }
//! ```

use crate::check::{dms_engine_is, require_one_of};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "dms.mongodb-auth",
    title: "DMS endpoints for MongoDB authenticate",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &["AWS::DMS::Endpoint"],
    tf_types: &["aws_dms_endpoint"],
    reads: &[],
    controls: Controls {
        fsbp: &["DMS.11"],
        config: &["DMS_MONGO_DB_AUTHENTICATION_ENABLED"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    if let Some(na) = dms_engine_is(resource, &["mongodb", "docdb"]) {
        return na;
    }
    require_one_of(
        resource,
        "MongoDbSettings.AuthType",
        "mongodb_settings.auth_type",
        &["password"],
        Some("password"),
        "authentication",
    )
}
