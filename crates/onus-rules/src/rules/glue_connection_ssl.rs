//! # glue.connection-ssl: Glue JDBC connections enforce SSL
//!
//! ## Why this is your duty
//! Glue is an abstracted service: AWS runs the crawlers and jobs, but
//! whether they reach *your* database over an encrypted, verified connection
//! is a property of the connection you define. Protecting data in transit is
//! the customer's side of the model.
//!
//! ## What AWS already does
//! Connects without requiring SSL unless the connection property
//! `JDBC_ENFORCE_SSL` is `true` (the default is false); with it, Glue refuses
//! a connection it cannot encrypt and verify.
//!
//! ## Verdicts
//! - met: `JDBC_ENFORCE_SSL` is `true`;
//! - not met: `false` or absent;
//! - not applicable: connections other than JDBC (`ConnectionType` /
//!   `connection_type`, default `JDBC`);
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Warehouse:
//!     Type: AWS::Glue::Connection
//!     Properties:
//!       CatalogId: "123456789012"
//!       ConnectionInput:
//!         ConnectionType: JDBC
//!         ConnectionProperties:
//!           JDBC_CONNECTION_URL: jdbc:postgresql://db.internal:5432/warehouse
//!           JDBC_ENFORCE_SSL: "true"
//! ```
//! ```yaml fail
//! Resources:
//!   Warehouse:
//!     Type: AWS::Glue::Connection
//!     Properties:
//!       CatalogId: "123456789012"
//!       ConnectionInput:
//!         ConnectionType: JDBC
//!         ConnectionProperties:
//!           JDBC_CONNECTION_URL: jdbc:postgresql://db.internal:5432/warehouse
//! ```
//! ```hcl pass
//! resource "aws_glue_connection" "warehouse" {
//!   name            = "warehouse"
//!   connection_type = "JDBC"
//!   connection_properties = {
//!     JDBC_CONNECTION_URL = "jdbc:postgresql://db.internal:5432/warehouse"
//!     JDBC_ENFORCE_SSL    = "true"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_glue_connection" "warehouse" {
//!   name            = "warehouse"
//!   connection_type = "JDBC"
//!   connection_properties = {
//!     JDBC_CONNECTION_URL = "jdbc:postgresql://db.internal:5432/warehouse"
//!     JDBC_ENFORCE_SSL    = "false"
//!   }
//! }
//! ```

use crate::check::{require_bool, static_text};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "glue.connection-ssl",
    title: "Glue JDBC connections enforce SSL",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: &["AWS::Glue::Connection"],
    tf_types: &["aws_glue_connection"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    match static_text(
        resource,
        "ConnectionInput.ConnectionType",
        "connection_type",
    ) {
        Err(unknown) => return unknown,
        Ok(Some(t)) if !t.eq_ignore_ascii_case("JDBC") => {
            return Verdict::not_applicable(resource, format!("a {t} connection, not JDBC"));
        }
        Ok(_) => {}
    }
    require_bool(
        resource,
        "ConnectionInput.ConnectionProperties.JDBC_ENFORCE_SSL",
        "connection_properties.JDBC_ENFORCE_SSL",
        true,
        false,
        "enforced SSL",
    )
}
