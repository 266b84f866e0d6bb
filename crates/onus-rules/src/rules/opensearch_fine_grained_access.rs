//! # opensearch.fine-grained-access: OpenSearch domains have fine-grained access control enabled
//!
//! ## Why this is your duty
//! OpenSearch Service is a container service: AWS enforces the domain's
//! access policy, but which user may read which index, document or field is
//! access control inside *your* domain, the customer's side of the model.
//! Fine-grained access control adds users, roles and index-level permissions.
//!
//! ## What AWS already does
//! Leaves fine-grained access control off unless `AdvancedSecurityOptions.Enabled`
//! / `advanced_security_options { enabled }` is true (available since
//! February 2020); the domain's resource policy is then the only control.
//!
//! ## Verdicts
//! - met: true;
//! - not met: false or absent;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Search:
//!     Type: AWS::OpenSearchService::Domain
//!     Properties:
//!       EngineVersion: OpenSearch_2.13
//!       AdvancedSecurityOptions:
//!         Enabled: true
//!         InternalUserDatabaseEnabled: false
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
//!   domain_name    = "search"
//!   engine_version = "OpenSearch_2.13"
//!   advanced_security_options {
//!     enabled = true
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_elasticsearch_domain" "search" {
//!   domain_name           = "search"
//!   elasticsearch_version = "7.10"
//!   advanced_security_options {
//!     enabled = false
//!   }
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "opensearch.fine-grained-access",
    title: "OpenSearch domains have fine-grained access control enabled",
    duty: Duty::AccessControl,
    severity: Severity::High,
    cfn_types: &[
        "AWS::OpenSearchService::Domain",
        "AWS::Elasticsearch::Domain",
    ],
    tf_types: &["aws_opensearch_domain", "aws_elasticsearch_domain"],
    reads: &[],
    controls: Controls {
        fsbp: &["Opensearch.7"],
        config: &["OPENSEARCH_ACCESS_CONTROL_ENABLED"],
        cis: &[],
    },
    peers: &[checkov("CKV2_AWS_52", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "AdvancedSecurityOptions.Enabled",
        "advanced_security_options.enabled",
        true,
        false,
        "fine-grained access control",
    )
}
