//! # route53domains.transfer-lock: registered domains are locked against transfer
//!
//! ## Why this is your duty
//! Route 53 Domains registers your domain names; who controls them is access
//! control on your side of the model. A domain without the transfer lock
//! can be moved to another registrar by anyone who obtains its
//! authorization code (through a compromised account, a support request, a
//! phishing mail) — and with it every website, mail route and certificate
//! validation that depends on it.
//!
//! ## What AWS already does
//! Turns the transfer lock on when it registers a domain for supported
//! top-level domains; Terraform's `aws_route53domains_registered_domain`
//! defaults `transfer_lock` to true. CloudFormation has no resource for
//! registered domains.
//!
//! ## Verdicts
//! Reads Terraform `aws_route53domains_registered_domain` and
//! `aws_route53domains_domain` `transfer_lock`:
//! - met: true, or absent;
//! - not met: false;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_route53domains_registered_domain" "example" {
//!   domain_name = "example.com"
//! }
//! ```
//! ```hcl fail
//! resource "aws_route53domains_registered_domain" "example" {
//!   domain_name   = "example.com"
//!   transfer_lock = false
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "route53domains.transfer-lock",
    title: "Route 53 registered domains are locked against transfer",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &[],
    tf_types: &[
        "aws_route53domains_registered_domain",
        "aws_route53domains_domain",
    ],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_377", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "TransferLock",
        "transfer_lock",
        true,
        true,
        "the transfer lock",
    )
}
