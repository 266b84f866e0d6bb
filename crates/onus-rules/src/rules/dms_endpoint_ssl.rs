//! # dms.endpoint-ssl: DMS database endpoints connect over SSL/TLS
//!
//! ## Why this is your duty
//! DMS is a container service: AWS runs the replication instance, but how it
//! connects to *your* source and target databases is the endpoint's
//! `SslMode`, which you set. Data in transit between your databases is the
//! customer's to protect.
//!
//! ## What AWS already does
//! Connects without SSL (`SslMode: none`) unless told otherwise.
//!
//! ## Verdicts
//! - met: `SslMode` (`ssl_mode`) is `require`, `verify-ca` or `verify-full`;
//! - not met: `none`, or absent (the default is `none`);
//! - not applicable: engines whose connections `SslMode` does not govern
//!   (`s3`, `dynamodb`, `kinesis`, `kafka`, `opensearch`, `elasticsearch`,
//!   `neptune`, `redis`, `redshift`, `redshift-serverless`: AWS APIs over
//!   HTTPS or their own TLS settings);
//! - unknown: the mode or the engine onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Source:
//!     Type: AWS::DMS::Endpoint
//!     Properties:
//!       EndpointType: source
//!       EngineName: postgres
//!       ServerName: db.internal
//!       Port: 5432
//!       SslMode: verify-full
//! ```
//! ```yaml fail
//! Resources:
//!   Source:
//!     Type: AWS::DMS::Endpoint
//!     Properties:
//!       EndpointType: source
//!       EngineName: postgres
//!       ServerName: db.internal
//!       Port: 5432
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Target:
//!     Type: AWS::DMS::Endpoint
//!     Properties:
//!       EndpointType: target
//!       EngineName: s3
//! ```
//! ```hcl pass
//! resource "aws_dms_endpoint" "source" {
//!   endpoint_id   = "source"
//!   endpoint_type = "source"
//!   engine_name   = "mysql"
//!   server_name   = "db.internal"
//!   port          = 3306
//!   ssl_mode      = "require"
//! }
//! ```
//! ```hcl fail
//! resource "aws_dms_endpoint" "source" {
//!   endpoint_id   = "source"
//!   endpoint_type = "source"
//!   engine_name   = "mysql"
//!   server_name   = "db.internal"
//!   port          = 3306
//!   ssl_mode      = "none"
//! }
//! ```
//! ```hcl not-applicable
//! resource "aws_dms_endpoint" "target" {
//!   endpoint_id   = "target"
//!   endpoint_type = "target"
//!   engine_name   = "dynamodb"
//! }
//! ```

use crate::check::{get, require_one_of, spelling};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "dms.endpoint-ssl",
    title: "DMS endpoint connects to the database over SSL/TLS",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: &["AWS::DMS::Endpoint"],
    tf_types: &["aws_dms_endpoint"],
    reads: &[],
    controls: Controls {
        fsbp: &["DMS.9"],
        config: &["DMS_ENDPOINT_SSL_CONFIGURED"],
        cis: &[],
    },
    peers: &[checkov("CKV2_AWS_49", Same)],
    check,
    file: file!(),
};

const NO_SSL_MODE: &[&str] = &[
    "s3",
    "dynamodb",
    "kinesis",
    "kafka",
    "opensearch",
    "elasticsearch",
    "neptune",
    "redis",
    "redshift",
    "redshift-serverless",
];

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let path = spelling(resource, "EngineName", "engine_name");
    match get(resource, path) {
        None => return Verdict::missing(resource, path, format!("{path} is not set")),
        Some(engine) => match (&engine.value, engine.as_str()) {
            (_, Some(e)) if NO_SSL_MODE.iter().any(|n| n.eq_ignore_ascii_case(e)) => {
                return Verdict::not_applicable(
                    resource,
                    format!("a {e} endpoint: SslMode does not govern its connection"),
                );
            }
            (_, Some(_)) => {}
            (Value::Unknown(u), _) => {
                return Verdict::unknown(resource, engine.span, path, u.clone());
            }
            _ => {
                return Verdict::unknown(
                    resource,
                    engine.span,
                    path,
                    format!("{path}, which is not static"),
                );
            }
        },
    }
    require_one_of(
        resource,
        "SslMode",
        "ssl_mode",
        &["require", "verify-ca", "verify-full"],
        Some("none"),
        "an encrypted database connection",
    )
}
