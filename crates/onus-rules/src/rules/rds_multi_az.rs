//! # rds.multi-az: RDS DB instances run with a Multi-AZ standby
//!
//! ## Why this is your duty
//! RDS is a container service: AWS runs the engine, keeps the standby in step
//! and fails over when a zone or host fails, but only for an instance you
//! deploy as Multi-AZ. A Single-AZ instance goes down with its zone, and
//! choosing the deployment is yours.
//!
//! ## What AWS already does
//! Creates a Single-AZ instance unless you ask for Multi-AZ (`MultiAZ` /
//! `multi_az` defaults to false). With Multi-AZ, AWS keeps a synchronous
//! standby in another zone and switches the endpoint to it on failure.
//!
//! ## Verdicts
//! - met: `MultiAZ: true` / `multi_az = true`;
//! - not met: false or absent (the default is Single-AZ);
//! - not applicable: an Aurora instance (`DBClusterIdentifier`, or a
//!   Terraform `aws_rds_cluster_instance`), whose cluster spreads its
//!   instances over zones;
//! - unknown: the value is not static.
//!
//! Fix: set `MultiAZ: true` / `multi_az = true`.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.m6g.large
//!       MultiAZ: true
//! ```
//! ```yaml fail
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.m6g.large
//! ```
//! ```hcl pass
//! resource "aws_db_instance" "db" {
//!   engine         = "postgres"
//!   instance_class = "db.m6g.large"
//!   multi_az       = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_db_instance" "db" {
//!   engine         = "postgres"
//!   instance_class = "db.m6g.large"
//!   multi_az       = false
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "rds.multi-az",
    title: "RDS DB instances are deployed in multiple Availability Zones",
    duty: Duty::Resilience,
    severity: Severity::Medium,
    cfn_types: &["AWS::RDS::DBInstance"],
    tf_types: &["aws_db_instance"],
    reads: &[],
    controls: Controls {
        fsbp: &["RDS.5"],
        config: &["RDS_MULTI_AZ_SUPPORT"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_157", Same),
        guard("RDS_MULTI_AZ_SUPPORT", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    if let Some(na) = crate::rds::cluster_member(resource, "the cluster places its instances") {
        return na;
    }
    require_bool(
        resource,
        "MultiAZ",
        "multi_az",
        true,
        false,
        "Multi-AZ deployment",
    )
}
