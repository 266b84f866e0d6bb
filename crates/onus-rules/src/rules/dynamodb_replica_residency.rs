//! # dynamodb.replica-residency: DynamoDB global table replicas stay in the allowed Regions
//!
//! ## Why this is your duty
//! DynamoDB is an abstracted service: AWS replicates a global table to every
//! Region you list and keeps the replicas in sync. Each replica is a full copy
//! of the table's data in that Region, so the replica list decides where the
//! data lives, which is always the customer's choice.
//!
//! ## What AWS already does
//! Keeps a table in its own Region. Data leaves it only for the replica
//! Regions you configure.
//!
//! ## Verdicts
//! Only with `--allowed-regions`:
//! - met: every replica Region (CloudFormation `AWS::DynamoDB::GlobalTable`
//!   `Replicas[].Region`, which includes the stack's own Region; Terraform
//!   `aws_dynamodb_table` `replica { region_name }`, and the Region of every
//!   `aws_dynamodb_table_replica` whose `global_table_arn` refers to the
//!   table) is allowed;
//! - not met: a replica in another Region;
//! - unknown: a replica Region onus cannot resolve;
//! - not applicable: no allowed Regions given, or a table without replicas.
//!
//! The table's own Region is checked by `region.data-residency`.
//!
//! ## Examples
//! ```yaml fail allowed-regions=eu-west-1,eu-central-1
//! Resources:
//!   Orders:
//!     Type: AWS::DynamoDB::GlobalTable
//!     Properties:
//!       AttributeDefinitions:
//!         - AttributeName: id
//!           AttributeType: S
//!       KeySchema:
//!         - AttributeName: id
//!           KeyType: HASH
//!       BillingMode: PAY_PER_REQUEST
//!       Replicas:
//!         - Region: eu-west-1
//!         - Region: us-east-1
//! ```
//! ```yaml pass allowed-regions=eu-west-1,eu-central-1
//! Resources:
//!   Orders:
//!     Type: AWS::DynamoDB::GlobalTable
//!     Properties:
//!       AttributeDefinitions:
//!         - AttributeName: id
//!           AttributeType: S
//!       KeySchema:
//!         - AttributeName: id
//!           KeyType: HASH
//!       BillingMode: PAY_PER_REQUEST
//!       Replicas:
//!         - Region: eu-west-1
//!         - Region: eu-central-1
//! ```
//! ```hcl fail allowed-regions=eu-west-1,eu-central-1
//! resource "aws_dynamodb_table" "orders" {
//!   name             = "orders"
//!   billing_mode     = "PAY_PER_REQUEST"
//!   hash_key         = "id"
//!   stream_enabled   = true
//!   stream_view_type = "NEW_AND_OLD_IMAGES"
//!   attribute {
//!     name = "id"
//!     type = "S"
//!   }
//!   replica {
//!     region_name = "us-east-1"
//!   }
//! }
//! ```
//! ```hcl pass allowed-regions=eu-west-1,eu-central-1
//! resource "aws_dynamodb_table" "orders" {
//!   name             = "orders"
//!   billing_mode     = "PAY_PER_REQUEST"
//!   hash_key         = "id"
//!   stream_enabled   = true
//!   stream_view_type = "NEW_AND_OLD_IMAGES"
//!   attribute {
//!     name = "id"
//!     type = "S"
//!   }
//!   replica {
//!     region_name = "eu-central-1"
//!   }
//! }
//! ```
//! ```hcl not-applicable allowed-regions=eu-west-1
//! resource "aws_dynamodb_table" "orders" {
//!   name         = "orders"
//!   billing_mode = "PAY_PER_REQUEST"
//!   hash_key     = "id"
//!   attribute {
//!     name = "id"
//!     type = "S"
//!   }
//! }
//! ```
//! ```hcl fail allowed-regions=eu-west-1
//! provider "aws" {
//!   region = "eu-west-1"
//! }
//! provider "aws" {
//!   alias  = "us"
//!   region = "us-east-1"
//! }
//! resource "aws_dynamodb_table" "orders" {
//!   name             = "orders"
//!   billing_mode     = "PAY_PER_REQUEST"
//!   hash_key         = "id"
//!   stream_enabled   = true
//!   stream_view_type = "NEW_AND_OLD_IMAGES"
//!   attribute {
//!     name = "id"
//!     type = "S"
//!   }
//! }
//! resource "aws_dynamodb_table_replica" "orders_us" {
//!   provider         = aws.us
//!   global_table_arn = aws_dynamodb_table.orders.arn
//! }
//! ```

use crate::check::get_in;
use crate::context::Context;
use crate::residency::{Dest, dests_of, judge};
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::{Region, Resource};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "dynamodb.replica-residency",
    title: "DynamoDB global table replicas stay in allowed Regions",
    duty: Duty::DataResidency,
    severity: Severity::High,
    cfn_types: &["AWS::DynamoDB::GlobalTable"],
    tf_types: &["aws_dynamodb_table"],
    reads: &["aws_dynamodb_table_replica"],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let (list, key, path) = if resource.format.is_terraform() {
        ("replica", "region_name", "replica.region_name")
    } else {
        ("Replicas", "Region", "Replicas.Region")
    };
    let mut dests: Vec<Dest> = Vec::new();
    if let Some(replicas) = get_in(&resource.properties, list) {
        let items: Vec<&onus_ingest::Node> = match replicas.as_list() {
            Some(items) => items.iter().collect(),
            None => vec![replicas],
        };
        for r in items {
            match get_in(r, key) {
                Some(region) => dests_of(resource, region, cx, false, &mut dests),
                None => dests.push(Dest::Unknown(
                    format!("a replica without {key}"),
                    r.span,
                    resource.file,
                )),
            }
        }
    }
    if resource.format.is_terraform() {
        // Replicas declared as separate resources, each in its provider's Region.
        for replica in cx.linked(
            resource,
            &["aws_dynamodb_table_replica"],
            "global_table_arn",
            None,
        ) {
            match &replica.region {
                Region::Known(r) => {
                    dests.push(Dest::Known(r.clone(), replica.name_span, replica.file))
                }
                Region::Unknown(why) => dests.push(Dest::Unknown(
                    format!("the Region of {}: {why}", replica.id),
                    replica.name_span,
                    replica.file,
                )),
            }
        }
    }
    judge(resource, cx, path, "table replicas", &dests)
}
