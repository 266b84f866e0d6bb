//! # networkfirewall.customer-managed-key: firewalls, policies and rule groups are encrypted with a customer-managed key
//!
//! ## Why this is your duty
//! AWS Network Firewall encrypts the configuration it stores — rule groups
//! with your allowed domains and IP sets, policies, firewall settings — and
//! which key it uses is key management on your side of the model. Only a
//! customer-managed KMS key lets you restrict, audit and revoke who can
//! decrypt that configuration.
//!
//! ## What AWS already does
//! Encrypts every firewall, policy and rule group at rest with an AWS owned
//! key (`AWS_OWNED_KMS_KEY`) unless an encryption configuration names a
//! customer-managed key (`CUSTOMER_KMS`).
//!
//! ## Verdicts
//! Reads Terraform `aws_networkfirewall_firewall`,
//! `aws_networkfirewall_firewall_policy` and `aws_networkfirewall_rule_group`
//! (`encryption_configuration { type, key_id }`):
//! - met: `type = "CUSTOMER_KMS"` with a `key_id`;
//! - not met: no encryption configuration, or `AWS_OWNED_KMS_KEY`;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_kms_key" "firewall" {
//!   enable_key_rotation = true
//! }
//! resource "aws_networkfirewall_rule_group" "domains" {
//!   name     = "domains"
//!   type     = "STATEFUL"
//!   capacity = 100
//!   encryption_configuration {
//!     type   = "CUSTOMER_KMS"
//!     key_id = aws_kms_key.firewall.arn
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_networkfirewall_firewall_policy" "egress" {
//!   name = "egress"
//!   firewall_policy {
//!     stateless_default_actions          = ["aws:forward_to_sfe"]
//!     stateless_fragment_default_actions = ["aws:forward_to_sfe"]
//!   }
//! }
//! ```

use crate::check::{all_of, require_one_of, require_set};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "networkfirewall.customer-managed-key",
    title: "Network Firewall resources are encrypted with a customer-managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &[],
    tf_types: &[
        "aws_networkfirewall_firewall",
        "aws_networkfirewall_firewall_policy",
        "aws_networkfirewall_rule_group",
    ],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_345", Same), checkov("CKV_AWS_346", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let kind = require_one_of(
        resource,
        "EncryptionConfiguration.Type",
        "encryption_configuration.type",
        &["CUSTOMER_KMS"],
        Some("AWS_OWNED_KMS_KEY"),
        "a customer-managed key",
    );
    let key = require_set(
        resource,
        "EncryptionConfiguration.KeyId",
        "encryption_configuration.key_id",
        "no customer-managed key is named",
    );
    all_of(vec![kind, key]).unwrap_or_else(|| Verdict::not_applicable(resource, "no setting"))
}
