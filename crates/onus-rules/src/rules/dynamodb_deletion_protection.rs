//! # dynamodb.deletion-protection: DynamoDB tables have deletion protection
//!
//! ## Why this is your duty
//! DynamoDB is an abstracted service: AWS replicates every table across
//! three zones, but a `DeleteTable` made with your credentials, or a stack
//! that drops the resource, removes the table and its point-in-time history.
//! Guarding against your own mistakes is the part of the backup duty the
//! model leaves to you.
//!
//! ## What AWS already does
//! Deletes a table on request: deletion protection (since March 2023) is off
//! unless `DeletionProtectionEnabled` / `deletion_protection_enabled` is true.
//!
//! ## Verdicts
//! - met: true;
//! - not met: false or absent (the default);
//! - unknown: the value comes from a value onus cannot resolve.
//!
//! Replicas declared as `aws_dynamodb_table_replica` carry their own flag and
//! are judged too.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Orders:
//!     Type: AWS::DynamoDB::Table
//!     Properties:
//!       BillingMode: PAY_PER_REQUEST
//!       AttributeDefinitions:
//!         - AttributeName: id
//!           AttributeType: S
//!       KeySchema:
//!         - AttributeName: id
//!           KeyType: HASH
//!       DeletionProtectionEnabled: true
//! ```
//! ```yaml fail
//! Resources:
//!   Orders:
//!     Type: AWS::DynamoDB::Table
//!     Properties:
//!       BillingMode: PAY_PER_REQUEST
//!       AttributeDefinitions:
//!         - AttributeName: id
//!           AttributeType: S
//!       KeySchema:
//!         - AttributeName: id
//!           KeyType: HASH
//! ```
//! ```hcl pass
//! resource "aws_dynamodb_table" "orders" {
//!   name         = "orders"
//!   billing_mode = "PAY_PER_REQUEST"
//!   hash_key     = "id"
//!   attribute {
//!     name = "id"
//!     type = "S"
//!   }
//!   deletion_protection_enabled = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_dynamodb_table_replica" "eu" {
//!   global_table_arn = "arn:aws:dynamodb:us-east-1:123456789012:table/orders"
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "dynamodb.deletion-protection",
    title: "DynamoDB tables have deletion protection",
    duty: Duty::Backups,
    severity: Severity::Medium,
    cfn_types: &["AWS::DynamoDB::Table"],
    tf_types: &["aws_dynamodb_table", "aws_dynamodb_table_replica"],
    reads: &[],
    controls: Controls {
        fsbp: &["DynamoDB.6"],
        config: &["DYNAMODB_TABLE_DELETION_PROTECTION_ENABLED"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "DeletionProtectionEnabled",
        "deletion_protection_enabled",
        true,
        false,
        "deletion protection",
    )
}
