//! # opensearch.https-required: OpenSearch domains accept only HTTPS with TLS 1.2 or later
//!
//! ## Why this is your duty
//! Network traffic protection is the customer's in the container category: a
//! domain's endpoint accepts plain HTTP and old TLS versions unless you require
//! HTTPS and choose a TLS 1.2 security policy.
//!
//! ## What AWS already does
//! Serves the domain endpoint over HTTPS with an AWS certificate; plaintext and
//! TLS 1.0/1.1 stay possible until you forbid them.
//!
//! ## Verdicts
//! - met: `DomainEndpointOptions.EnforceHTTPS: true` / `domain_endpoint_options
//!   { enforce_https = true }` and `TLSSecurityPolicy` / `tls_security_policy` is
//!   `Policy-Min-TLS-1-2-2019-07` or `Policy-Min-TLS-1-2-PFS-2023-10`;
//! - not met: HTTPS not enforced (the default), or no TLS 1.2 policy named (onus
//!   asks for an explicit one, since the API default has allowed TLS 1.0);
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Search:
//!     Type: AWS::OpenSearchService::Domain
//!     Properties:
//!       DomainEndpointOptions:
//!         EnforceHTTPS: true
//!         TLSSecurityPolicy: Policy-Min-TLS-1-2-2019-07
//! ```
//! ```yaml fail
//! Resources:
//!   Search:
//!     Type: AWS::OpenSearchService::Domain
//!     Properties:
//!       DomainEndpointOptions:
//!         EnforceHTTPS: true
//!         TLSSecurityPolicy: Policy-Min-TLS-1-0-2019-07
//! ```
//! ```hcl pass
//! resource "aws_opensearch_domain" "search" {
//!   domain_name = "search"
//!   domain_endpoint_options {
//!     enforce_https       = true
//!     tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_opensearch_domain" "search" {
//!   domain_name = "search"
//! }
//! ```

use crate::check::{all_of, require_bool, require_one_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "opensearch.https-required",
    title: "OpenSearch domains require HTTPS with TLS 1.2 or later",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: &[
        "AWS::OpenSearchService::Domain",
        "AWS::Elasticsearch::Domain",
    ],
    tf_types: &["aws_opensearch_domain", "aws_elasticsearch_domain"],
    reads: &[],
    controls: Controls {
        fsbp: &["Opensearch.8", "ES.8"],
        config: &["OPENSEARCH_HTTPS_REQUIRED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_83", Related),
        trivy("AVD-AWS-0046", Related),
        trivy("AVD-AWS-0126", Related),
        guard("OPENSEARCH_HTTPS_REQUIRED", Same),
        guard("ELASTICSEARCH_HTTPS_REQUIRED", Same),
        checkov("CKV_AWS_228", Related),
    ],
    check,
    file: file!(),
};

const TLS_1_2: &[&str] = &[
    "Policy-Min-TLS-1-2-2019-07",
    "Policy-Min-TLS-1-2-PFS-2023-10",
];

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let verdicts = vec![
        require_bool(
            resource,
            "DomainEndpointOptions.EnforceHTTPS",
            "domain_endpoint_options.enforce_https",
            true,
            false,
            "HTTPS enforcement",
        ),
        require_one_of(
            resource,
            "DomainEndpointOptions.TLSSecurityPolicy",
            "domain_endpoint_options.tls_security_policy",
            TLS_1_2,
            None,
            "a TLS 1.2 security policy",
        ),
    ];
    all_of(verdicts).unwrap_or_else(|| Verdict::not_applicable(resource, "nothing to check"))
}
