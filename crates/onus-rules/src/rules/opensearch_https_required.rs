//! # opensearch.https-required: OpenSearch domains accept only HTTPS with TLS 1.2 or later
//!
//! ## Why this is your duty
//! Network traffic protection is the customer's in the container category: a
//! domain's endpoint accepts plain HTTP and old TLS versions unless you require
//! HTTPS and choose a TLS 1.2 security policy.
//!
//! ## What AWS already does
//! Serves the domain endpoint over HTTPS with an AWS certificate. The API
//! accepts `Policy-Min-TLS-1-0-2019-07`, `Policy-Min-TLS-1-2-2019-07`,
//! `Policy-Min-TLS-1-2-PFS-2023-10` and `Policy-Min-TLS-1-2-RFC9151-FIPS-2024-08`
//! as `TLSSecurityPolicy`, but neither it nor CloudFormation states a default
//! for that policy or for `EnforceHTTPS`. The Terraform provider defaults
//! `enforce_https` to true inside a `domain_endpoint_options` block and
//! leaves the policy to the API.
//!
//! ## Verdicts
//! - met: `DomainEndpointOptions.EnforceHTTPS: true` / `domain_endpoint_options
//!   { enforce_https = true }` and `TLSSecurityPolicy` / `tls_security_policy` is
//!   one of the three TLS 1.2 policies (enforcement absent from a Terraform
//!   `domain_endpoint_options` block counts as true);
//! - not met: HTTPS not enforced, or `Policy-Min-TLS-1-0-2019-07` (or a name
//!   OpenSearch does not offer);
//! - unknown: enforcement or policy absent where no default is documented,
//!   or a value onus cannot resolve.
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
//! ```hcl unknown
//! resource "aws_opensearch_domain" "search" {
//!   domain_name = "search"
//! }
//! ```
//! ```hcl fail
//! resource "aws_opensearch_domain" "search" {
//!   domain_name = "search"
//!   domain_endpoint_options {
//!     enforce_https       = false
//!     tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
//!   }
//! }
//! ```

use crate::check::{
    all_of, get, require_bool_where_documented, require_one_of, spelling, undocumented_default,
};
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
    "Policy-Min-TLS-1-2-RFC9151-FIPS-2024-08",
];

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    // Terraform's enforce_https default applies inside the block only.
    let block =
        resource.format.is_terraform() && get(resource, "domain_endpoint_options").is_some();
    let (cfn, tf) = (
        "DomainEndpointOptions.TLSSecurityPolicy",
        "domain_endpoint_options.tls_security_policy",
    );
    let policy = match get(resource, spelling(resource, cfn, tf)) {
        None => undocumented_default(
            resource,
            spelling(resource, cfn, tf),
            "the minimum TLS version",
        ),
        Some(_) => require_one_of(
            resource,
            cfn,
            tf,
            TLS_1_2,
            None,
            "a TLS 1.2 security policy",
        ),
    };
    let verdicts = vec![
        require_bool_where_documented(
            resource,
            (
                "DomainEndpointOptions.EnforceHTTPS",
                "domain_endpoint_options.enforce_https",
            ),
            true,
            true,
            block,
            "HTTPS enforcement",
        ),
        policy,
    ];
    all_of(verdicts).unwrap_or_else(|| Verdict::not_applicable(resource, "nothing to check"))
}
