//! # dynamodb.point-in-time-recovery: DynamoDB tables have point-in-time recovery on
//!
//! ## Why this is your duty
//! DynamoDB is an abstracted service: AWS runs and replicates the storage,
//! but protecting the table's *contents* from a bad write or delete is a
//! backup setting you choose. Point-in-time recovery is off unless you turn
//! it on.
//!
//! ## What AWS already does
//! Stores every table redundantly across Availability Zones, and once
//! point-in-time recovery is on, keeps continuous backups for up to 35 days.
//!
//! ## Verdicts
//! - met: `PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled: true`
//!   / `point_in_time_recovery { enabled = true }`;
//! - not met: false or absent (the default is off);
//! - unknown: the flag comes from a value onus cannot resolve.
//!
//! Fix: turn point-in-time recovery on.
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
//!       PointInTimeRecoverySpecification:
//!         PointInTimeRecoveryEnabled: true
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
//!   point_in_time_recovery {
//!     enabled = true
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_dynamodb_table" "orders" {
//!   name         = "orders"
//!   billing_mode = "PAY_PER_REQUEST"
//!   hash_key     = "id"
//!   attribute {
//!     name = "id"
//!     type = "S"
//!   }
//!   point_in_time_recovery {
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
    id: "dynamodb.point-in-time-recovery",
    title: "DynamoDB tables have point-in-time recovery enabled",
    duty: Duty::Backups,
    severity: Severity::Medium,
    cfn_types: &["AWS::DynamoDB::Table"],
    tf_types: &["aws_dynamodb_table"],
    reads: &[],
    controls: Controls {
        fsbp: &["DynamoDB.2"],
        config: &["DYNAMODB_PITR_ENABLED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_28", Same),
        cfn_nag("W78", Same),
        trivy("AVD-AWS-0024", Same),
        guard("DYNAMODB_PITR_ENABLED", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled",
        "point_in_time_recovery.enabled",
        true,
        false,
        "point-in-time recovery",
    )
}
