//! # kms.key-policy-defined: KMS keys have a key policy of their own
//!
//! ## Why this is your duty
//! KMS is an abstracted service: AWS protects the key material in its HSMs,
//! but who may use and administer a customer managed key is decided by the
//! key policy you write. Every key has one; a key created without one gets
//! the default key policy, which hands the whole decision to the account's
//! IAM policies: any principal of the account whose IAM policy allows a
//! `kms:` action may perform it on the key.
//!
//! ## What AWS already does
//! Attaches the default key policy (the account root principal may perform
//! `kms:*`, which enables IAM policies) when `KeyPolicy` (Terraform
//! `policy`, or an `aws_kms_key_policy`) is absent.
//!
//! ## Verdicts
//! Opt-in (`enable = ["*", "kms.key-policy-defined"]`): the default key
//! policy is a valid choice whose reach the IAM rules judge; writing the key
//! policy yourself separates key administrators from key users.
//! - met: `KeyPolicy` / `policy` is set, or an `aws_kms_key_policy` names the
//!   key; a key policy resource whose key is not in the scanned code is met
//!   on its own;
//! - not met: none is, so the default key policy applies;
//! - unknown: an `aws_kms_key_policy` in the same module names its key by a
//!   value onus cannot resolve (it may be this key).
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   DataKey:
//!     Type: AWS::KMS::Key
//!     Properties:
//!       KeyPolicy:
//!         Version: "2012-10-17"
//!         Statement:
//!           - Effect: Allow
//!             Principal: {AWS: arn:aws:iam::111122223333:role/key-admin}
//!             Action: "kms:*"
//!             Resource: "*"
//! ```
//! ```yaml fail
//! Resources:
//!   DataKey:
//!     Type: AWS::KMS::Key
//!     Properties:
//!       EnableKeyRotation: true
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "data" {
//!   enable_key_rotation = true
//! }
//! resource "aws_kms_key_policy" "data" {
//!   key_id = aws_kms_key.data.id
//!   policy = jsonencode({
//!     Version   = "2012-10-17"
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = { AWS = "arn:aws:iam::111122223333:role/key-admin" }
//!       Action    = "kms:*"
//!       Resource  = "*"
//!     }]
//!   })
//! }
//! ```
//! ```hcl fail
//! resource "aws_kms_key" "data" {
//!   enable_key_rotation = true
//! }
//! ```

use crate::check::{get, spelling};
use crate::context::Context;
use crate::parent::KMS_KEY;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "kms.key-policy-defined",
    title: "KMS key has a key policy of its own",
    duty: Duty::AccessControl,
    severity: Severity::Low,
    cfn_types: &["AWS::KMS::Key"],
    tf_types: &["aws_kms_key", "aws_kms_key_policy"],
    reads: &["aws_kms_key_policy"],
    controls: Controls::NONE,
    peers: &[checkov("CKV2_AWS_64", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let alone = |policy: &Resource| {
        Verdict::met(
            policy,
            policy.name_span,
            "policy",
            "the key policy is defined here",
        )
    };
    if let Some(v) = KMS_KEY.judge_alone(resource, cx, alone) {
        return v;
    }
    let path = spelling(resource, "KeyPolicy", "policy");
    if let Some(policy) = get(resource, path) {
        return Verdict::met(
            resource,
            policy.span,
            path,
            "the key has its own key policy",
        );
    }
    if resource.format.is_terraform() {
        let linked = cx.linked(resource, &["aws_kms_key_policy"], "key_id", None);
        if let Some(p) = linked.first() {
            return Verdict::met(
                p,
                p.name_span,
                "",
                format!("{} defines the key policy", p.id),
            );
        }
        if let Some(u) = cx.unresolved_link(resource, &["aws_kms_key_policy"], "key_id", None) {
            return u;
        }
    }
    Verdict::missing(
        resource,
        path,
        format!(
            "{path} is not set: the default key policy leaves every use of the key to IAM policies"
        ),
    )
}
