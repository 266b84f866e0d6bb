//! # opensearch.customer-managed-key: OpenSearch domains are encrypted with your KMS key
//!
//! ## Why this is your duty
//! OpenSearch Service is a container service: AWS encrypts an encrypted
//! domain's indexes, logs and snapshots with the key you name, and with the
//! AWS managed key `aws/es` when you name none. Key management is the
//! customer's side of the model.
//!
//! ## What AWS already does
//! Uses `aws/es` when `EncryptionAtRestOptions.KmsKeyId` / `encrypt_at_rest
//! { kms_key_id }` is absent (since encryption at rest launched in 2017).
//!
//! ## Verdicts
//! - met: a key that is not an AWS managed alias (a reference counts);
//! - not met: absent on an encrypted domain, or `alias/aws/es`;
//! - not applicable: encryption at rest is off (`opensearch.encryption-at-rest`
//!   fails it);
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Search:
//!     Type: AWS::OpenSearchService::Domain
//!     Properties:
//!       EngineVersion: OpenSearch_2.13
//!       EncryptionAtRestOptions:
//!         Enabled: true
//!         KmsKeyId: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
//! ```
//! ```yaml fail
//! Resources:
//!   Search:
//!     Type: AWS::OpenSearchService::Domain
//!     Properties:
//!       EngineVersion: OpenSearch_2.13
//!       EncryptionAtRestOptions:
//!         Enabled: true
//! ```
//! ```hcl pass
//! resource "aws_opensearch_domain" "search" {
//!   domain_name    = "search"
//!   engine_version = "OpenSearch_2.13"
//!   encrypt_at_rest {
//!     enabled    = true
//!     kms_key_id = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_elasticsearch_domain" "search" {
//!   domain_name           = "search"
//!   elasticsearch_version = "7.10"
//!   encrypt_at_rest {
//!     enabled = true
//!   }
//! }
//! ```

use crate::check::require_storage_key;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "opensearch.customer-managed-key",
    title: "OpenSearch domains are encrypted with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &[
        "AWS::OpenSearchService::Domain",
        "AWS::Elasticsearch::Domain",
    ],
    tf_types: &["aws_opensearch_domain", "aws_elasticsearch_domain"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_247", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_storage_key(
        resource,
        (
            "EncryptionAtRestOptions.KmsKeyId",
            "encrypt_at_rest.kms_key_id",
        ),
        &[],
        ("EncryptionAtRestOptions.Enabled", "encrypt_at_rest.enabled"),
        "the AWS managed key aws/es",
    )
}
