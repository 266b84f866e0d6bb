//! # cloudsearch.tls-policy: CloudSearch domains require TLS 1.2
//!
//! ## Why this is your duty
//! CloudSearch is an abstracted service: AWS terminates TLS on the domain's
//! endpoints with the security policy you choose. Refusing the old TLS
//! versions that clients may still offer is part of protecting network
//! traffic, which the model leaves to the customer.
//!
//! ## What AWS already does
//! Accepts TLS 1.0 and later unless told otherwise: the default
//! `tls_security_policy` is `Policy-Min-TLS-1-0-2019-07`, kept for old
//! clients; AWS recommends `Policy-Min-TLS-1-2-2019-07`. CloudSearch has no
//! CloudFormation resource type.
//!
//! ## Verdicts
//! - met: `endpoint_options { tls_security_policy = "Policy-Min-TLS-1-2-2019-07" }`;
//! - not met: `Policy-Min-TLS-1-0-2019-07`, absent (that default), or any
//!   other value (AWS accepts only these two);
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
//!   endpoint_options {
//!     enforce_https = true
//!   }
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "cloudsearch.tls-policy",
    title: "CloudSearch domain requires TLS 1.2 or later",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: &[],
    tf_types: &["aws_cloudsearch_domain"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_218", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "",
        "endpoint_options.tls_security_policy",
        &["Policy-Min-TLS-1-2-2019-07"],
        Some("Policy-Min-TLS-1-0-2019-07"),
        "TLS 1.2 or later",
    )
}
