//! # keyspaces.customer-managed-key: Keyspaces tables are encrypted with your KMS key
//!
//! ## Why this is your duty
//! Keyspaces is an abstracted service: AWS always encrypts tables, but with
//! an AWS owned key unless you choose a customer managed one. Key management
//! is the customer's side of the model.
//!
//! ## What AWS already does
//! Uses an AWS owned key (`AWS_OWNED_KMS_KEY`, the default since customer
//! managed keys arrived in 2021) unless `EncryptionSpecification.EncryptionType`
//! / `encryption_specification { type }` is `CUSTOMER_MANAGED_KMS_KEY`.
//!
//! ## Verdicts
//! - met: `CUSTOMER_MANAGED_KMS_KEY`;
//! - not met: `AWS_OWNED_KMS_KEY` or absent;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Events:
//!     Type: AWS::Cassandra::Table
//!     Properties:
//!       KeyspaceName: app
//!       PartitionKeyColumns:
//!         - ColumnName: id
//!           ColumnType: text
//!       EncryptionSpecification:
//!         EncryptionType: CUSTOMER_MANAGED_KMS_KEY
//!         KmsKeyIdentifier: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
//! ```
//! ```yaml fail
//! Resources:
//!   Events:
//!     Type: AWS::Cassandra::Table
//!     Properties:
//!       KeyspaceName: app
//!       PartitionKeyColumns:
//!         - ColumnName: id
//!           ColumnType: text
//! ```
//! ```hcl pass
//! resource "aws_keyspaces_table" "events" {
//!   keyspace_name = "app"
//!   table_name    = "events"
//!   schema_definition {
//!     column {
//!       name = "id"
//!       type = "text"
//!     }
//!     partition_key {
//!       name = "id"
//!     }
//!   }
//!   encryption_specification {
//!     type               = "CUSTOMER_MANAGED_KMS_KEY"
//!     kms_key_identifier = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_keyspaces_table" "events" {
//!   keyspace_name = "app"
//!   table_name    = "events"
//!   schema_definition {
//!     column {
//!       name = "id"
//!       type = "text"
//!     }
//!     partition_key {
//!       name = "id"
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
    id: "keyspaces.customer-managed-key",
    title: "Keyspaces tables are encrypted with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::Cassandra::Table"],
    tf_types: &["aws_keyspaces_table"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_265", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "EncryptionSpecification.EncryptionType",
        "encryption_specification.type",
        &["CUSTOMER_MANAGED_KMS_KEY"],
        Some("AWS_OWNED_KMS_KEY"),
        "a customer managed key",
    )
}
