//! # rds.deletion-protection: RDS databases have deletion protection on
//!
//! ## Why this is your duty
//! RDS is a container service: AWS runs the database engine, but whether a
//! database can be deleted by a stray API call or stack update is your
//! choice. Deletion protection is off unless you turn it on, so keeping the
//! data from accidental deletion (part of the backups duty) is yours.
//!
//! ## What AWS already does
//! Offers the `DeletionProtection` flag; while it is on, AWS refuses to
//! delete the instance or cluster until the flag is turned off first.
//!
//! ## Verdicts
//! - met: `DeletionProtection: true` / `deletion_protection = true`;
//! - not met: false or absent (the default is false);
//! - not applicable: an Aurora instance (`DBClusterIdentifier`; Terraform's
//!   are `aws_rds_cluster_instance`, not judged here), which is protected through its cluster;
//! - unknown: the flag comes from a value onus cannot resolve.
//!
//! Fix: set `DeletionProtection: true` / `deletion_protection = true`.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.t3.micro
//!       DeletionProtection: true
//! ```
//! ```yaml fail
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.t3.micro
//! ```
//! ```hcl pass
//! resource "aws_db_instance" "db" {
//!   engine              = "postgres"
//!   instance_class      = "db.t3.micro"
//!   deletion_protection = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_db_instance" "db" {
//!   engine         = "postgres"
//!   instance_class = "db.t3.micro"
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "rds.deletion-protection",
    title: "RDS databases have deletion protection enabled",
    duty: Duty::Backups,
    severity: Severity::Medium,
    cfn_types: &["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"],
    tf_types: &["aws_db_instance", "aws_rds_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &["RDS.8", "RDS.7"],
        config: &[
            "RDS_INSTANCE_DELETION_PROTECTION_ENABLED",
            "RDS_CLUSTER_DELETION_PROTECTION_ENABLED",
        ],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_293", Same),
        checkov("CKV_AWS_139", Same),
        cfn_nag("F80", Same),
        trivy("AVD-AWS-0177", Same),
        trivy("AVD-AWS-0343", Same),
        guard("RDS_INSTANCE_DELETION_PROTECTION_ENABLED", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    if let Some(na) =
        crate::rds::cluster_member(resource, "deletion protection is set on the cluster")
    {
        return na;
    }
    require_bool(
        resource,
        "DeletionProtection",
        "deletion_protection",
        true,
        false,
        "deletion protection",
    )
}
