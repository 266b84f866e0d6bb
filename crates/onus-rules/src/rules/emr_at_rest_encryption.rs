//! # emr.at-rest-encryption: EMR security configurations encrypt data at rest
//!
//! ## Why this is your duty
//! EMR is a container service: AWS provisions and manages the cluster's
//! instances and Hadoop/Spark platform, but encryption of the data the
//! cluster stores — EMRFS objects in S3, local disks and HDFS — is switched
//! on by the security configuration you write. Encrypting your data is the
//! customer's side of the model for container services.
//!
//! ## What AWS already does
//! Encrypts EBS root volumes of recent releases; without
//! `EnableAtRestEncryption` no local-disk or EMRFS encryption is set up.
//!
//! ## Verdicts
//! Reads `SecurityConfiguration` (a map in CloudFormation; the JSON string
//! `configuration` in Terraform):
//! - met: `EncryptionConfiguration.EnableAtRestEncryption` is true;
//! - not met: false, absent, or no document;
//! - unknown: the document or the flag onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Security:
//!     Type: AWS::EMR::SecurityConfiguration
//!     Properties:
//!       SecurityConfiguration:
//!         EncryptionConfiguration:
//!           EnableAtRestEncryption: true
//!           EnableInTransitEncryption: true
//!           AtRestEncryptionConfiguration:
//!             S3EncryptionConfiguration:
//!               EncryptionMode: SSE-S3
//!             LocalDiskEncryptionConfiguration:
//!               EncryptionKeyProviderType: AwsKms
//!               AwsKmsKey: arn:aws:kms:eu-west-1:111122223333:key/abc
//!           InTransitEncryptionConfiguration:
//!             TLSCertificateConfiguration:
//!               CertificateProviderType: PEM
//!               S3Object: s3://certs/emr.zip
//! ```
//! ```yaml fail
//! Resources:
//!   Security:
//!     Type: AWS::EMR::SecurityConfiguration
//!     Properties:
//!       SecurityConfiguration:
//!         EncryptionConfiguration:
//!           EnableAtRestEncryption: false
//!           EnableInTransitEncryption: true
//! ```
//! ```hcl pass
//! resource "aws_emr_security_configuration" "security" {
//!   name = "security"
//!   configuration = jsonencode({
//!     EncryptionConfiguration = {
//!       EnableAtRestEncryption    = true
//!       EnableInTransitEncryption = false
//!       AtRestEncryptionConfiguration = {
//!         S3EncryptionConfiguration = { EncryptionMode = "SSE-S3" }
//!         LocalDiskEncryptionConfiguration = {
//!           EncryptionKeyProviderType = "AwsKms"
//!           AwsKmsKey                 = "arn:aws:kms:eu-west-1:111122223333:key/abc"
//!         }
//!       }
//!     }
//!   })
//! }
//! ```
//! ```hcl fail
//! resource "aws_emr_security_configuration" "security" {
//!   name = "security"
//!   configuration = jsonencode({
//!     EncryptionConfiguration = {
//!       EnableAtRestEncryption    = false
//!       EnableInTransitEncryption = false
//!     }
//!   })
//! }
//! ```

use crate::context::Context;
use crate::emr::flag;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "emr.at-rest-encryption",
    title: "EMR security configuration encrypts data at rest",
    duty: Duty::EncryptionAtRest,
    severity: Severity::High,
    cfn_types: &["AWS::EMR::SecurityConfiguration"],
    tf_types: &["aws_emr_security_configuration"],
    reads: &[],
    controls: Controls {
        fsbp: &["EMR.3"],
        config: &["EMR_SECURITY_CONFIGURATION_ENCRYPTION_REST"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_349", Related),
        checkov("CKV_AWS_350", Related),
        checkov("CKV_AWS_171", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    flag(resource, "EnableAtRestEncryption", "at-rest encryption")
}
