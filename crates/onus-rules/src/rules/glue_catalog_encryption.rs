//! # glue.catalog-encryption: the Glue Data Catalog is encrypted with KMS
//!
//! ## Why this is your duty
//! Glue is an abstracted service: AWS stores the Data Catalog — databases,
//! tables, partitions, connection definitions — but encrypts that metadata
//! with KMS only when you turn catalog encryption on for the account and
//! Region. Encryption settings of an abstracted service are the customer's
//! choice.
//!
//! ## What AWS already does
//! Stores catalog metadata without KMS encryption until
//! `CatalogEncryptionMode` is set to `SSE-KMS`.
//!
//! ## Verdicts
//! Reads `AWS::Glue::DataCatalogEncryptionSettings` /
//! `aws_glue_data_catalog_encryption_settings`:
//! - met: `DataCatalogEncryptionSettings.EncryptionAtRest.CatalogEncryptionMode`
//!   (`data_catalog_encryption_settings { encryption_at_rest {
//!   catalog_encryption_mode }}`) is `SSE-KMS` or `SSE-KMS-WITH-SERVICE-ROLE`;
//! - not met: `DISABLED` or absent;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Catalog:
//!     Type: AWS::Glue::DataCatalogEncryptionSettings
//!     Properties:
//!       CatalogId: "111122223333"
//!       DataCatalogEncryptionSettings:
//!         EncryptionAtRest:
//!           CatalogEncryptionMode: SSE-KMS
//!           SseAwsKmsKeyId: alias/glue
//! ```
//! ```yaml fail
//! Resources:
//!   Catalog:
//!     Type: AWS::Glue::DataCatalogEncryptionSettings
//!     Properties:
//!       CatalogId: "111122223333"
//!       DataCatalogEncryptionSettings:
//!         EncryptionAtRest:
//!           CatalogEncryptionMode: DISABLED
//! ```
//! ```hcl pass
//! resource "aws_glue_data_catalog_encryption_settings" "catalog" {
//!   data_catalog_encryption_settings {
//!     connection_password_encryption {
//!       return_connection_password_encrypted = true
//!       aws_kms_key_id                       = "alias/glue"
//!     }
//!     encryption_at_rest {
//!       catalog_encryption_mode = "SSE-KMS"
//!       sse_aws_kms_key_id      = "alias/glue"
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_glue_data_catalog_encryption_settings" "catalog" {
//!   data_catalog_encryption_settings {
//!     connection_password_encryption {
//!       return_connection_password_encrypted = false
//!     }
//!     encryption_at_rest {
//!       catalog_encryption_mode = "DISABLED"
//!     }
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
    id: "glue.catalog-encryption",
    title: "Glue Data Catalog metadata is encrypted with KMS",
    duty: Duty::EncryptionAtRest,
    severity: Severity::Medium,
    cfn_types: &["AWS::Glue::DataCatalogEncryptionSettings"],
    tf_types: &["aws_glue_data_catalog_encryption_settings"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_94", Related)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "DataCatalogEncryptionSettings.EncryptionAtRest.CatalogEncryptionMode",
        "data_catalog_encryption_settings.encryption_at_rest.catalog_encryption_mode",
        &["SSE-KMS", "SSE-KMS-WITH-SERVICE-ROLE"],
        Some("DISABLED"),
        "catalog encryption",
    )
}
