//! # glue.connection-password-encryption: Glue returns connection passwords encrypted
//!
//! ## Why this is your duty
//! Glue is an abstracted service: AWS stores the connection definitions your
//! jobs use to reach databases, including their passwords. Whether
//! `GetConnection` hands those passwords back in clear text to anyone
//! allowed to call it is a catalog setting you choose; protecting secrets
//! you store in a service is the customer's duty.
//!
//! ## What AWS already does
//! Returns connection passwords in clear text unless connection password
//! encryption is on.
//!
//! ## Verdicts
//! - met: `DataCatalogEncryptionSettings.ConnectionPasswordEncryption.ReturnConnectionPasswordEncrypted`
//!   (`data_catalog_encryption_settings { connection_password_encryption {
//!   return_connection_password_encrypted }}`) is true;
//! - not met: false or absent;
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
//!         ConnectionPasswordEncryption:
//!           ReturnConnectionPasswordEncrypted: true
//!           KmsKeyId: alias/glue
//! ```
//! ```yaml fail
//! Resources:
//!   Catalog:
//!     Type: AWS::Glue::DataCatalogEncryptionSettings
//!     Properties:
//!       CatalogId: "111122223333"
//!       DataCatalogEncryptionSettings:
//!         EncryptionAtRest:
//!           CatalogEncryptionMode: SSE-KMS
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
//!       catalog_encryption_mode = "SSE-KMS"
//!     }
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
    id: "glue.connection-password-encryption",
    title: "Glue Data Catalog returns connection passwords encrypted",
    duty: Duty::SecretsHandling,
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
    require_bool(
        resource,
        "DataCatalogEncryptionSettings.ConnectionPasswordEncryption.ReturnConnectionPasswordEncrypted",
        "data_catalog_encryption_settings.connection_password_encryption.return_connection_password_encrypted",
        true,
        false,
        "connection password encryption",
    )
}
