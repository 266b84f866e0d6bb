//! # codeartifact.domain-kms: CodeArtifact domains encrypt packages with your KMS key
//!
//! ## Why this is your duty
//! CodeArtifact is abstracted: AWS stores the packages of every repository
//! in a domain, encrypted at rest with the domain's key. Which key that is,
//! who may use it and when it rotates is the key-management duty, yours
//! whenever your policy asks for keys you control.
//!
//! ## What AWS already does
//! Encrypts the domain's assets with the AWS managed key
//! `aws/codeartifact` unless `EncryptionKey` names one. The key is fixed
//! when the domain is created.
//!
//! ## Verdicts
//! - met: `EncryptionKey` / `encryption_key` names a customer managed key;
//! - not met: absent, or an AWS managed key alias;
//! - unknown: the key is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Domain:
//!     Type: AWS::CodeArtifact::Domain
//!     Properties:
//!       DomainName: acme
//!       EncryptionKey: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
//! ```
//! ```yaml fail
//! Resources:
//!   Domain:
//!     Type: AWS::CodeArtifact::Domain
//!     Properties:
//!       DomainName: acme
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "packages" {}
//! resource "aws_codeartifact_domain" "acme" {
//!   domain         = "acme"
//!   encryption_key = aws_kms_key.packages.arn
//! }
//! ```
//! ```hcl fail
//! resource "aws_codeartifact_domain" "acme" {
//!   domain = "acme"
//! }
//! ```

use crate::check::require_customer_managed_key;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "codeartifact.domain-kms",
    title: "CodeArtifact domains are encrypted with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::CodeArtifact::Domain"],
    tf_types: &["aws_codeartifact_domain"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_221", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_customer_managed_key(
        resource,
        "EncryptionKey",
        "encryption_key",
        "the AWS managed key aws/codeartifact",
    )
}
