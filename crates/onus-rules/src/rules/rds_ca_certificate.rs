//! # rds.ca-certificate: RDS DB instances use a current certificate authority
//!
//! ## Why this is your duty
//! RDS is a container service: AWS installs the server certificate, but
//! which certificate authority signs it is a setting of *your* instance,
//! and clients that verify the server need a CA that has not expired.
//! Protecting data in transit is the customer's side of the model.
//!
//! ## What AWS already does
//! Signs an instance that names no CA with the Region's default CA, or with
//! the account's override of it (`ModifyCertificates`, which only accepts
//! CAs RDS still offers). The CAs RDS offers, `rds-ca-rsa2048-g1`,
//! `rds-ca-rsa4096-g1` and `rds-ca-ecc384-g1`, are all current;
//! `rds-ca-2019`, the previous default, expired on 22 August 2024, and
//! `rds-ca-2015` on 5 March 2020.
//!
//! ## Verdicts
//! - met: `CACertificateIdentifier` / `ca_cert_identifier` is absent (a
//!   current default) or one of `rds-ca-rsa2048-g1`, `rds-ca-rsa4096-g1`,
//!   `rds-ca-ecc384-g1`;
//! - not met: an expired CA (`rds-ca-2019`, `rds-ca-2015`) or a name RDS
//!   does not issue;
//! - unknown: the value comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.m6g.large
//!       CACertificateIdentifier: rds-ca-ecc384-g1
//! ```
//! ```yaml fail
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.m6g.large
//!       CACertificateIdentifier: rds-ca-2019
//! ```
//! ```hcl pass
//! resource "aws_db_instance" "db" {
//!   engine         = "mysql"
//!   instance_class = "db.t3.micro"
//! }
//! ```
//! ```hcl fail
//! resource "aws_rds_cluster_instance" "member" {
//!   cluster_identifier = "orders"
//!   engine             = "aurora-mysql"
//!   instance_class     = "db.r6g.large"
//!   ca_cert_identifier = "rds-ca-2019"
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "rds.ca-certificate",
    title: "RDS DB instances use a certificate authority that has not expired",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: &["AWS::RDS::DBInstance"],
    tf_types: &["aws_db_instance", "aws_rds_cluster_instance"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_211", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "CACertificateIdentifier",
        "ca_cert_identifier",
        &["rds-ca-rsa2048-g1", "rds-ca-rsa4096-g1", "rds-ca-ecc384-g1"],
        Some("rds-ca-rsa2048-g1"),
        "a current certificate authority",
    )
}
