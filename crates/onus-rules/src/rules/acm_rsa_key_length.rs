//! # acm.rsa-key-length: ACM certificates use RSA keys of at least 2048 bits
//!
//! ## Why this is your duty
//! Certificate Manager is an abstracted service: AWS generates, stores and
//! renews the private key of the certificates it issues, but the key
//! algorithm is your request. An RSA key shorter than 2048 bits is within
//! reach of attackers, and the TLS clients you serve increasingly refuse it.
//!
//! ## What AWS already does
//! Requests `RSA_2048` keys when `KeyAlgorithm` / `key_algorithm` is absent.
//! ACM issues public certificates only with `RSA_2048`, `EC_prime256v1` or
//! `EC_secp384r1`; the larger RSA and EC sizes are for private certificates.
//!
//! ## Verdicts
//! Follows the AWS Config rule `acm-certificate-rsa-check` (Security Hub
//! ACM.2).
//! - met: `KeyAlgorithm` absent (`RSA_2048`), `RSA_2048`, `RSA_3072`,
//!   `RSA_4096` or an elliptic-curve algorithm;
//! - not met: `RSA_1024`, or a value ACM does not accept (said to be
//!   invalid);
//! - unknown: the value is not static, or (Terraform) an imported
//!   certificate, whose key is in its `certificate_body`.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Cert:
//!     Type: AWS::CertificateManager::Certificate
//!     Properties:
//!       DomainName: example.com
//!       ValidationMethod: DNS
//!       KeyAlgorithm: EC_prime256v1
//! ```
//! ```yaml fail
//! Resources:
//!   Cert:
//!     Type: AWS::CertificateManager::Certificate
//!     Properties:
//!       DomainName: internal.example.com
//!       CertificateAuthorityArn: arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/11111111-1111-1111-1111-111111111111
//!       KeyAlgorithm: RSA_1024
//! ```
//! ```hcl pass
//! resource "aws_acm_certificate" "cert" {
//!   domain_name       = "example.com"
//!   validation_method = "DNS"
//! }
//! ```
//! ```hcl fail
//! resource "aws_acm_certificate" "cert" {
//!   domain_name       = "example.com"
//!   validation_method = "DNS"
//!   key_algorithm     = "RSA_512"
//! }
//! ```

use crate::check::{Judgement, get, judge, prop, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "acm.rsa-key-length",
    title: "ACM certificates use RSA keys of at least 2048 bits (or elliptic curves)",
    duty: Duty::EncryptionInTransit,
    severity: Severity::High,
    cfn_types: &["AWS::CertificateManager::Certificate"],
    tf_types: &["aws_acm_certificate"],
    reads: &[],
    controls: Controls {
        fsbp: &["ACM.2"],
        config: &["ACM_CERTIFICATE_RSA_CHECK"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

const STRONG: &[&str] = &[
    "RSA_2048",
    "RSA_3072",
    "RSA_4096",
    "EC_prime256v1",
    "EC_secp384r1",
    "EC_secp521r1",
];

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    if resource.format.is_terraform()
        && let Some(body) = get(resource, "certificate_body")
    {
        return Verdict::unknown(
            resource,
            body.span,
            "certificate_body",
            "the key length of an imported certificate, which is in its certificate_body",
        );
    }
    let (node, path) = prop(resource, "KeyAlgorithm", "key_algorithm");
    let Some(node) = node else {
        return Verdict::met_by_default(resource, path, format!("{path} defaults to RSA_2048"));
    };
    let j = judge(node, &mut |n| match n.as_str() {
        Some("RSA_1024") => {
            Judgement::no(n, format!("{path} is RSA_1024: a 1024-bit key is too weak"))
        }
        Some(a) => Judgement::from_bool(STRONG.contains(&a), n, || {
            format!("{path} is {a:?}, which ACM does not accept (invalid)")
        }),
        None => Judgement::no(n, format!("{path} is not a key algorithm name")),
    });
    verdict_of(resource, node, path, j, "a key of at least 2048 bits")
}
