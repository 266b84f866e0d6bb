//! # rds.performance-insights-key: Performance Insights data is encrypted with your KMS key
//!
//! ## Why this is your duty
//! RDS is a container service: AWS stores Performance Insights data for
//! you, and that data holds the text of the SQL your applications run, with
//! whatever literals they carry. AWS encrypts it, but with the AWS managed
//! key `aws/rds` unless you name your own; choosing and controlling the key
//! is the customer's key-management duty.
//!
//! ## What AWS already does
//! Performance Insights (since November 2017) is off unless enabled; when
//! on, its data is always encrypted, with `aws/rds` when no key is named.
//! The key cannot be changed after it is set.
//!
//! ## Verdicts
//! - met: Performance Insights is on and `PerformanceInsightsKMSKeyId` /
//!   `performance_insights_kms_key_id` names a customer managed key;
//! - not met: on, with no key or an AWS managed alias;
//! - not applicable: Performance Insights is off (the default);
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Key:
//!     Type: AWS::KMS::Key
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.m6g.large
//!       EnablePerformanceInsights: true
//!       PerformanceInsightsKMSKeyId: !GetAtt Key.Arn
//! ```
//! ```yaml fail
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.m6g.large
//!       EnablePerformanceInsights: true
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.m6g.large
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "pi" {}
//! resource "aws_rds_cluster_instance" "member" {
//!   cluster_identifier              = "orders"
//!   engine                          = "aurora-mysql"
//!   instance_class                  = "db.r6g.large"
//!   performance_insights_enabled    = true
//!   performance_insights_kms_key_id = aws_kms_key.pi.arn
//! }
//! ```
//! ```hcl fail
//! resource "aws_db_instance" "db" {
//!   engine                          = "mysql"
//!   instance_class                  = "db.m6g.large"
//!   performance_insights_enabled    = true
//!   performance_insights_kms_key_id = "alias/aws/rds"
//! }
//! ```

use crate::check::{require_bool, require_customer_managed_key};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::{Status, Verdict};
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "rds.performance-insights-key",
    title: "RDS Performance Insights data is encrypted with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"],
    tf_types: &[
        "aws_db_instance",
        "aws_rds_cluster_instance",
        "aws_rds_cluster",
    ],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_354", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let cfn_cluster = resource.resource_type == "AWS::RDS::DBCluster";
    let (flag, key) = if cfn_cluster {
        ("PerformanceInsightsEnabled", "PerformanceInsightsKmsKeyId")
    } else {
        ("EnablePerformanceInsights", "PerformanceInsightsKMSKeyId")
    };
    let enabled = require_bool(
        resource,
        flag,
        "performance_insights_enabled",
        true,
        false,
        "Performance Insights",
    );
    match enabled.status {
        Status::Met => require_customer_managed_key(
            resource,
            key,
            "performance_insights_kms_key_id",
            "aws/rds",
        ),
        Status::Unknown => enabled,
        _ => Verdict::not_applicable(resource, "Performance Insights is off: it stores no data"),
    }
}
