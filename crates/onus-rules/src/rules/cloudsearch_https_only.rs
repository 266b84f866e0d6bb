//! # cloudsearch.https-only: CloudSearch domains accept HTTPS requests only
//!
//! ## Why this is your duty
//! CloudSearch is an abstracted service: AWS runs the search instances and
//! serves every domain endpoint over HTTPS as well as HTTP. Whether plain
//! HTTP requests (and the documents and queries in them) are refused is a
//! domain setting: protecting network traffic is the customer's.
//!
//! ## What AWS already does
//! Offers HTTPS on every search and document endpoint, but accepts plain
//! HTTP too unless `EnforceHTTPS` is turned on: the API's and Terraform's
//! `endpoint_options.enforce_https` default is `false`. CloudSearch has no
//! CloudFormation resource type.
//!
//! ## Verdicts
//! - met: `endpoint_options { enforce_https = true }`;
//! - not met: `false`, or absent (the default, HTTP allowed);
//! - unknown: the value comes from a variable onus cannot resolve.
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_cloudsearch_domain" "catalog" {
//!   name = "catalog"
//!   endpoint_options {
//!     enforce_https       = true
//!     tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_cloudsearch_domain" "catalog" {
//!   name = "catalog"
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "cloudsearch.https-only",
    title: "CloudSearch domain requires HTTPS",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: &[],
    tf_types: &["aws_cloudsearch_domain"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_220", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "",
        "endpoint_options.enforce_https",
        true,
        false,
        "HTTPS-only access",
    )
}
