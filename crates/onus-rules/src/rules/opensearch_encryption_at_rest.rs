//! # opensearch.encryption-at-rest: OpenSearch domains encrypt data at rest
//!
//! ## Why this is your duty
//! An OpenSearch domain is a container service: AWS runs the nodes, their operating system and the
//! OpenSearch engine, but the indices are your data and encrypting them is yours. Encryption at rest is
//! off unless you turn it on.
//!
//! ## What AWS already does
//! Offers AES-256 encryption of indices, logs, swap and automated snapshots with a KMS key once enabled.
//! Absent, `EncryptionAtRestOptions.Enabled` is false (the API default).
//!
//! ## Verdicts
//! - met: `EncryptionAtRestOptions.Enabled: true` / `encrypt_at_rest { enabled = true }`;
//! - not met: false or absent (the default is off);
//! - unknown: the flag comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Search:
//!     Type: AWS::OpenSearchService::Domain
//!     Properties:
//!       EncryptionAtRestOptions:
//!         Enabled: true
//! ```
//! ```yaml fail
//! Resources:
//!   Search:
//!     Type: AWS::OpenSearchService::Domain
//!     Properties:
//!       EngineVersion: OpenSearch_2.13
//! ```
//! ```hcl pass
//! resource "aws_opensearch_domain" "search" {
//!   domain_name = "search"
//!   encrypt_at_rest {
//!     enabled = true
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_opensearch_domain" "search" {
//!   domain_name = "search"
//!   encrypt_at_rest {
//!     enabled = false
//!   }
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "opensearch.encryption-at-rest",
    title: "OpenSearch domains encrypt data at rest",
    duty: Duty::EncryptionAtRest,
    severity: Severity::High,
    cfn_types: &[
        "AWS::OpenSearchService::Domain",
        "AWS::Elasticsearch::Domain",
    ],
    tf_types: &["aws_opensearch_domain", "aws_elasticsearch_domain"],
    reads: &[],
    controls: Controls {
        fsbp: &["Opensearch.1", "ES.1"],
        config: &[
            "OPENSEARCH_ENCRYPTED_AT_REST",
            "ELASTICSEARCH_ENCRYPTED_AT_REST",
        ],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_5", Same),
        cfn_nag("W54", Related),
        trivy("AVD-AWS-0048", Same),
        guard("OPENSEARCH_ENCRYPTED_AT_REST", Same),
        guard("ELASTICSEARCH_ENCRYPTED_AT_REST", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "EncryptionAtRestOptions.Enabled",
        "encrypt_at_rest.enabled",
        true,
        false,
        "encryption at rest",
    )
}
