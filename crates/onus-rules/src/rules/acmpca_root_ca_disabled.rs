//! # acmpca.root-ca-disabled: AWS Private CA root CAs are disabled when not in use
//!
//! ## Why this is your duty
//! AWS Private CA is an abstracted service: AWS keeps each CA's private key in
//! HSMs, but when the CA signs is yours to control. A root CA is the trust
//! anchor of everything below it: it should sign its subordinate CAs'
//! certificates and then be disabled, so that nothing (and nobody) can issue
//! from it day to day.
//!
//! ## What AWS already does
//! Keeps a CA active once its certificate is installed; `enabled` defaults to
//! true in Terraform.
//!
//! ## Verdicts
//! Follows the AWS Config rule `acm-pca-root-ca-disabled` (Security Hub
//! PCA.1). Terraform only: `AWS::ACMPCA::CertificateAuthority` has no
//! setting to disable a CA, so a CloudFormation root CA must be disabled
//! outside the template (attest it).
//! - met: a root CA (`type = "ROOT"`) with `enabled = false`;
//! - not met: a root CA left enabled (the default);
//! - unknown: a value onus cannot resolve;
//! - not applicable: subordinate CAs (`type` absent or `SUBORDINATE`).
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_acmpca_certificate_authority" "root" {
//!   type    = "ROOT"
//!   enabled = false
//!   certificate_authority_configuration {
//!     key_algorithm     = "RSA_4096"
//!     signing_algorithm = "SHA512WITHRSA"
//!     subject {
//!       common_name = "example.com root"
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_acmpca_certificate_authority" "root" {
//!   type = "ROOT"
//!   certificate_authority_configuration {
//!     key_algorithm     = "RSA_4096"
//!     signing_algorithm = "SHA512WITHRSA"
//!     subject {
//!       common_name = "example.com root"
//!     }
//!   }
//! }
//! ```

use crate::check::{Judgement, get, is_text, require_bool, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "acmpca.root-ca-disabled",
    title: "AWS Private CA root CAs are disabled",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &[],
    tf_types: &["aws_acmpca_certificate_authority"],
    reads: &[],
    controls: Controls {
        fsbp: &["PCA.1"],
        config: &["ACM_PCA_ROOT_CA_DISABLED"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let Some(kind) = get(resource, "type") else {
        return Verdict::not_applicable(resource, "a subordinate CA (the default type)");
    };
    match is_text(kind, "ROOT", "type") {
        Judgement::Yes => {}
        Judgement::No(..) => return Verdict::not_applicable(resource, "a subordinate CA"),
        u @ Judgement::Unknown(..) => return verdict_of(resource, kind, "type", u, ""),
    }
    require_bool(
        resource,
        "",
        "enabled",
        false,
        true,
        "keeping the root CA out of use",
    )
}
