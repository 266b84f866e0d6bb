//! # emr.in-transit-encryption: EMR security configurations encrypt data in transit
//!
//! ## Why this is your duty
//! EMR is a container service: AWS manages the cluster's instances and
//! platform, but TLS between nodes and for EMRFS traffic is turned on by the
//! security configuration you write, with certificates you provide.
//! Protecting data in transit is the customer's side of the model for
//! container services.
//!
//! ## What AWS already does
//! Without `EnableInTransitEncryption`, the open-source frameworks talk to
//! each other in clear text inside your VPC.
//!
//! ## Verdicts
//! Reads `SecurityConfiguration` (a map in CloudFormation; the JSON string
//! `configuration` in Terraform):
//! - met: `EncryptionConfiguration.EnableInTransitEncryption` is true;
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
//!           EnableAtRestEncryption: false
//!           EnableInTransitEncryption: true
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
//!           EnableAtRestEncryption: true
//! ```
//! ```hcl pass
//! resource "aws_emr_security_configuration" "security" {
//!   name = "security"
//!   configuration = jsonencode({
//!     EncryptionConfiguration = {
//!       EnableAtRestEncryption    = false
//!       EnableInTransitEncryption = true
//!       InTransitEncryptionConfiguration = {
//!         TLSCertificateConfiguration = {
//!           CertificateProviderType = "PEM"
//!           S3Object                = "s3://certs/emr.zip"
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
//!       EnableAtRestEncryption    = true
//!       EnableInTransitEncryption = false
//!     }
//!   })
//! }
//! ```
//! ```hcl unknown
//! variable "security" {
//!   type = string
//! }
//! resource "aws_emr_security_configuration" "security" {
//!   name          = "security"
//!   configuration = var.security
//! }
//! ```

use crate::context::Context;
use crate::emr::flag;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "emr.in-transit-encryption",
    title: "EMR security configuration encrypts data in transit",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: &["AWS::EMR::SecurityConfiguration"],
    tf_types: &["aws_emr_security_configuration"],
    reads: &[],
    controls: Controls {
        fsbp: &["EMR.4"],
        config: &["EMR_SECURITY_CONFIGURATION_ENCRYPTION_TRANSIT"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_351", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    flag(
        resource,
        "EnableInTransitEncryption",
        "in-transit encryption",
    )
}
