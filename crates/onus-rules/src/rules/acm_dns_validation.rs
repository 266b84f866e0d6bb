//! # acm.dns-validation: ACM certificates are validated through DNS
//!
//! ## Why this is your duty
//! ACM is an abstracted service: AWS issues and renews the certificates that
//! keep your TLS endpoints working, but only after you prove control of the
//! domain, by the method you choose. With DNS validation the CNAME stays in
//! place and ACM renews by itself; with email validation every renewal waits
//! for someone to click a link, and a missed mail means an expired
//! certificate and broken or bypassed TLS.
//!
//! ## What AWS already does
//! Renews DNS-validated certificates automatically while the validation
//! record resolves. A certificate request without a validation method is
//! validated by email.
//!
//! ## Verdicts
//! - met: `ValidationMethod` / `validation_method` is `DNS`;
//! - not met: `EMAIL`, or absent on a public certificate request (email);
//! - unknown: the value is not static;
//! - not applicable: private certificates (`CertificateAuthorityArn` /
//!   `certificate_authority_arn`) and, in Terraform, imported certificates
//!   (`private_key`), which need no validation.
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
//!       ValidationMethod: EMAIL
//! ```
//! ```json fail
//! {"Resources": {"Cert": {"Type": "AWS::CertificateManager::Certificate", "Properties": {"DomainName": "www.example.com"}}}}
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
//!   validation_method = "EMAIL"
//! }
//! ```

use crate::check::{get, require_one_of, spelling};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "acm.dns-validation",
    title: "ACM certificates use DNS validation so they renew automatically",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Low,
    cfn_types: &["AWS::CertificateManager::Certificate"],
    tf_types: &["aws_acm_certificate"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

/// Not applicable: a private certificate, or an imported one.
pub fn not_requested(resource: &Resource) -> Option<Verdict> {
    if get(
        resource,
        spelling(
            resource,
            "CertificateAuthorityArn",
            "certificate_authority_arn",
        ),
    )
    .is_some()
    {
        return Some(Verdict::not_applicable(
            resource,
            "a private certificate from AWS Private CA",
        ));
    }
    if resource.format.is_terraform() && get(resource, "private_key").is_some() {
        return Some(Verdict::not_applicable(resource, "an imported certificate"));
    }
    None
}

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    if let Some(v) = not_requested(resource) {
        return v;
    }
    require_one_of(
        resource,
        "ValidationMethod",
        "validation_method",
        &["DNS"],
        Some("EMAIL"),
        "automatic renewal",
    )
}
