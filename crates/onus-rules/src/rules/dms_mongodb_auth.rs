//! # dms.mongodb-auth: DMS endpoints for MongoDB authenticate
//!
//! ## Why this is your duty
//! DMS is a container service: AWS runs the replication, but whether it
//! logs in to *your* MongoDB or DocumentDB source is access control, the
//! customer's side of the model; a source that accepts unauthenticated
//! reads exposes every collection.
//!
//! ## What AWS already does
//! Authenticates with a user name and password when
//! `MongoDbSettings.AuthType` / `mongodb_settings { auth_type }` is
//! `password`, and without any when it is `no` (the two values the
//! CloudFormation reference allows). The Terraform provider defaults
//! `auth_type` to `password`; neither the CloudFormation reference nor the
//! DMS API reference states the default when the property is absent.
//!
//! ## Verdicts
//! - met: `password`, or absent in Terraform;
//! - not met: `no`, or another value;
//! - unknown: absent in CloudFormation (the default is undocumented);
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
//! ```yaml unknown
//! Resources:
//!   Target:
//!     Type: AWS::DMS::Endpoint
//!     Properties:
//!       EndpointType: target
//!       EngineName: mongodb
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

use crate::check::{dms_engine_is, get, require_one_of, undocumented_default};
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
    if !resource.format.is_terraform() && get(resource, "MongoDbSettings.AuthType").is_none() {
        return undocumented_default(resource, "MongoDbSettings.AuthType", "authentication");
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
