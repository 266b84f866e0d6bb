//! # opensearch.node-to-node-encryption: OpenSearch domains encrypt traffic between nodes
//!
//! ## Why this is your duty
//! Network traffic protection is the customer's in the container category: the nodes of a domain talk
//! to each other inside your VPC, and that traffic is in plaintext unless you enable node-to-node
//! encryption when you create the domain.
//!
//! ## What AWS already does
//! Runs the TLS between nodes once enabled; it cannot be turned off again.
//!
//! ## Verdicts
//! - met: `NodeToNodeEncryptionOptions.Enabled: true` / `node_to_node_encryption { enabled = true }`;
//! - not met: false or absent (the default is off);
//! - unknown: the flag comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Search:
//!     Type: AWS::OpenSearchService::Domain
//!     Properties:
//!       NodeToNodeEncryptionOptions:
//!         Enabled: true
//! ```
//! ```yaml fail
//! Resources:
//!   Search:
//!     Type: AWS::Elasticsearch::Domain
//!     Properties:
//!       ElasticsearchVersion: "7.10"
//! ```
//! ```hcl pass
//! resource "aws_opensearch_domain" "search" {
//!   domain_name = "search"
//!   node_to_node_encryption {
//!     enabled = true
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_elasticsearch_domain" "search" {
//!   domain_name = "search"
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "opensearch.node-to-node-encryption",
    title: "OpenSearch domains encrypt traffic between nodes",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: &[
        "AWS::OpenSearchService::Domain",
        "AWS::Elasticsearch::Domain",
    ],
    tf_types: &["aws_opensearch_domain", "aws_elasticsearch_domain"],
    reads: &[],
    controls: Controls {
        fsbp: &["Opensearch.3", "ES.3"],
        config: &[
            "OPENSEARCH_NODE_TO_NODE_ENCRYPTION_CHECK",
            "ELASTICSEARCH_NODE_TO_NODE_ENCRYPTION_CHECK",
        ],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_6", Same),
        trivy("AVD-AWS-0043", Same),
        guard("OPENSEARCH_NODE_TO_NODE_ENCRYPTION_CHECK", Same),
        guard("ELASTICSEARCH_NODE_TO_NODE_ENCRYPTION_CHECK", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "NodeToNodeEncryptionOptions.Enabled",
        "node_to_node_encryption.enabled",
        true,
        false,
        "node-to-node encryption",
    )
}
