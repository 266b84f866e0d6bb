//! # rds.enhanced-monitoring: RDS DB instances collect Enhanced Monitoring metrics
//!
//! ## Why this is your duty
//! RDS is a container service: AWS runs the host and the engine, and
//! watches its own layers, but the operating-system metrics of *your*
//! instance (processes, memory, file system, per-second CPU) reach you only
//! if you turn Enhanced Monitoring on. Monitoring your resources is part of
//! the logging duty the model leaves to the customer.
//!
//! ## What AWS already does
//! Publishes the basic one-minute CloudWatch metrics of every instance.
//! Enhanced Monitoring (offered since December 2015) is off unless
//! `MonitoringInterval` is set: the API default has always been 0 (off). It
//! also needs `MonitoringRoleArn` to publish to CloudWatch Logs.
//!
//! ## Verdicts
//! - met: `MonitoringInterval` / `monitoring_interval` is 1, 5, 10, 15, 30
//!   or 60 seconds;
//! - not met: 0 or absent (the default), or a value AWS does not accept
//!   (said to be invalid);
//! - unknown: the interval comes from a value onus cannot resolve.
//!
//! Aurora instances (`DBClusterIdentifier`, `aws_rds_cluster_instance`) are
//! judged too: Enhanced Monitoring is set per instance.
//!
//! Fix: set `MonitoringInterval: 60` and a `MonitoringRoleArn`.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.m6g.large
//!       MonitoringInterval: 60
//!       MonitoringRoleArn: arn:aws:iam::123456789012:role/rds-monitoring
//! ```
//! ```yaml fail
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.m6g.large
//! ```
//! An interval RDS does not offer:
//! ```yaml fail
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.m6g.large
//!       MonitoringInterval: 45
//! ```
//! ```hcl pass
//! resource "aws_rds_cluster_instance" "member" {
//!   cluster_identifier  = "orders"
//!   engine              = "aurora-postgresql"
//!   instance_class      = "db.r6g.large"
//!   monitoring_interval = 30
//!   monitoring_role_arn = "arn:aws:iam::123456789012:role/rds-monitoring"
//! }
//! ```
//! ```hcl fail
//! resource "aws_db_instance" "db" {
//!   engine              = "mysql"
//!   instance_class      = "db.t3.micro"
//!   monitoring_interval = 0
//! }
//! ```

use crate::check::require_valid_number;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "rds.enhanced-monitoring",
    title: "RDS DB instances have Enhanced Monitoring enabled",
    duty: Duty::Logging,
    severity: Severity::Low,
    cfn_types: &["AWS::RDS::DBInstance"],
    tf_types: &["aws_db_instance", "aws_rds_cluster_instance"],
    reads: &[],
    controls: Controls {
        fsbp: &["RDS.6"],
        config: &["RDS_ENHANCED_MONITORING_ENABLED"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_118", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_valid_number(
        resource,
        "MonitoringInterval",
        "monitoring_interval",
        Some(0.0),
        |v| [0.0, 1.0, 5.0, 10.0, 15.0, 30.0, 60.0].contains(&v),
        |v| v > 0.0,
        "Enhanced Monitoring needs an interval of 1 to 60 seconds",
    )
}
