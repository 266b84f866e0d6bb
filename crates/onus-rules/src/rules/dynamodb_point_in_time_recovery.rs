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
//! A global table (`AWS::DynamoDB::GlobalTable`) is met only when every
//! replica in `Replicas` turns it on; a Terraform `aws_dynamodb_table_replica`
//! carries its own `point_in_time_recovery` flag (default false).
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
//! Every replica of a global table needs it:
//! ```yaml fail
//! Resources:
//!   Orders:
//!     Type: AWS::DynamoDB::GlobalTable
//!     Properties:
//!       BillingMode: PAY_PER_REQUEST
//!       AttributeDefinitions:
//!         - AttributeName: id
//!           AttributeType: S
//!       KeySchema:
//!         - AttributeName: id
//!           KeyType: HASH
//!       Replicas:
//!         - Region: us-east-1
//!           PointInTimeRecoverySpecification:
//!             PointInTimeRecoveryEnabled: true
//!         - Region: eu-west-1
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

use crate::check::{Judgement, get_in, items, judge, prop, require_bool, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "dynamodb.point-in-time-recovery",
    title: "DynamoDB tables have point-in-time recovery enabled",
    duty: Duty::Backups,
    severity: Severity::Medium,
    cfn_types: &["AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable"],
    tf_types: &["aws_dynamodb_table", "aws_dynamodb_table_replica"],
    reads: &[],
    controls: Controls {
        fsbp: &["DynamoDB.2"],
        config: &["DYNAMODB_PITR_ENABLED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_28", Same),
        checkov("CKV_AWS_165", Same),
        cfn_nag("W78", Same),
        trivy("AVD-AWS-0024", Same),
        guard("DYNAMODB_PITR_ENABLED", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    match resource.resource_type.as_str() {
        "AWS::DynamoDB::GlobalTable" => return every_replica(resource),
        "aws_dynamodb_table_replica" => {
            return require_bool(
                resource,
                "",
                "point_in_time_recovery",
                true,
                false,
                "point-in-time recovery",
            );
        }
        _ => {}
    }
    require_bool(
        resource,
        "PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled",
        "point_in_time_recovery.enabled",
        true,
        false,
        "point-in-time recovery",
    )
}

/// A global table's replicas each carry their own setting: every one must
/// have point-in-time recovery.
fn every_replica(resource: &Resource) -> Verdict {
    let (node, path) = prop(resource, "Replicas", "");
    let Some(node) = node else {
        return Verdict::missing(resource, path, "Replicas is not set");
    };
    let flag = "PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled";
    let j = judge(node, &mut |list| {
        for replica in items(Some(list)) {
            let region = get_in(replica, "Region")
                .and_then(Node::as_str)
                .unwrap_or("a replica");
            let Some(enabled) = get_in(replica, flag) else {
                return Judgement::no(
                    replica,
                    format!("{region} has no point-in-time recovery (default off)"),
                );
            };
            let j = judge(enabled, &mut |n| {
                Judgement::from_bool(n.as_bool() == Some(true), n, || {
                    format!("{region} has point-in-time recovery off")
                })
            });
            if j != Judgement::Yes {
                return j;
            }
        }
        Judgement::Yes
    });
    verdict_of(
        resource,
        node,
        path,
        j,
        "every replica has point-in-time recovery",
    )
}
