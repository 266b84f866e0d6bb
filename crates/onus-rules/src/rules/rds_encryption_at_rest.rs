//! # rds.encryption-at-rest: RDS databases encrypt their storage
//!
//! ## Why this is your duty
//! RDS is a container service: AWS runs the operating system and the database
//! engine, but encrypting the data is yours. Storage encryption is off unless
//! you turn it on, and it can only be chosen when the database is created.
//!
//! ## What AWS already does
//! Offers AES-256 storage encryption with KMS, covering the instance's
//! storage, automated backups, read replicas and snapshots once it is on.
//! Absent, the API, CloudFormation and Terraform create an unencrypted
//! database (only the console defaults to encrypted).
//!
//! ## Verdicts
//! - met: `StorageEncrypted: true` / `storage_encrypted = true`;
//! - not met: false or absent (the default is unencrypted);
//! - a read replica (`SourceDBInstanceIdentifier` / `replicate_source_db`)
//!   that leaves it unset is encrypted as its source is: judged on the
//!   source when it is in the scanned code, unknown when it is not;
//! - not applicable: an Aurora instance (`DBClusterIdentifier`; Terraform's
//!   are `aws_rds_cluster_instance`, not judged here), which inherits its cluster's setting;
//! - unknown: the flag comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.t3.micro
//!       StorageEncrypted: true
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
//!   engine            = "postgres"
//!   instance_class    = "db.t3.micro"
//!   storage_encrypted = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_rds_cluster" "db" {
//!   engine            = "aurora-postgresql"
//!   storage_encrypted = false
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "rds.encryption-at-rest",
    title: "RDS database storage is encrypted",
    duty: Duty::EncryptionAtRest,
    severity: Severity::High,
    cfn_types: &["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"],
    tf_types: &["aws_db_instance", "aws_rds_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &["RDS.3", "RDS.27"],
        config: &["RDS_STORAGE_ENCRYPTED", "RDS_CLUSTER_ENCRYPTED_AT_REST"],
        cis: &["2.3.1"],
    },
    peers: &[
        checkov("CKV_AWS_16", Same),
        checkov("CKV_AWS_96", Same),
        cfn_nag("F26", Same),
        cfn_nag("F27", Same),
        trivy("AVD-AWS-0080", Same),
        trivy("AVD-AWS-0079", Same),
        guard("RDS_STORAGE_ENCRYPTED", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    if let Some(na) =
        crate::rds::cluster_member(resource, "storage encryption is set on the cluster")
    {
        return na;
    }
    let own = |r: &Resource| {
        require_bool(
            r,
            "StorageEncrypted",
            "storage_encrypted",
            true,
            false,
            "storage encryption",
        )
    };
    crate::rds::inherited(resource, cx, "StorageEncrypted", "storage_encrypted", own)
        .unwrap_or_else(|| own(resource))
}
