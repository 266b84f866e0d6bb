//! # acm.transparency-logging: ACM certificates are published to Certificate Transparency logs
//!
//! ## Why this is your duty
//! ACM is an abstracted service: AWS issues the certificates, and publishes
//! them to public Certificate Transparency logs unless you opt out. Those logs
//! are how you (and browsers) notice a certificate for your domain that you
//! did not ask for; opting out removes that record.
//!
//! ## What AWS already does
//! Logs every public certificate it issues (`ENABLED` is the default);
//! browsers distrust public certificates that are not logged.
//!
//! ## Verdicts
//! - met: `CertificateTransparencyLoggingPreference` /
//!   `options.certificate_transparency_logging_preference` absent or `ENABLED`;
//! - not met: `DISABLED`;
//! - unknown: the value is not static;
//! - not applicable: private and imported certificates.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Cert:
//!     Type: AWS::CertificateManager::Certificate
//!     Properties:
//!       DomainName: www.example.com
//!       ValidationMethod: DNS
//! ```
//! ```yaml fail
//! Resources:
//!   Cert:
//!     Type: AWS::CertificateManager::Certificate
//!     Properties:
//!       DomainName: www.example.com
//!       ValidationMethod: DNS
//!       CertificateTransparencyLoggingPreference: DISABLED
//! ```
//! ```hcl pass
//! resource "aws_acm_certificate" "cert" {
//!   domain_name       = "www.example.com"
//!   validation_method = "DNS"
//! }
//! ```
//! ```hcl fail
//! resource "aws_acm_certificate" "cert" {
//!   domain_name       = "www.example.com"
//!   validation_method = "DNS"
//!   options {
//!     certificate_transparency_logging_preference = "DISABLED"
//!   }
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::rules::acm_dns_validation::not_requested;
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "acm.transparency-logging",
    title: "ACM certificates are published to Certificate Transparency logs",
    duty: Duty::Logging,
    severity: Severity::Low,
    cfn_types: &["AWS::CertificateManager::Certificate"],
    tf_types: &["aws_acm_certificate"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_234", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    if let Some(v) = not_requested(resource) {
        return v;
    }
    require_one_of(
        resource,
        "CertificateTransparencyLoggingPreference",
        "options.certificate_transparency_logging_preference",
        &["ENABLED"],
        Some("ENABLED"),
        "Certificate Transparency logging",
    )
}
