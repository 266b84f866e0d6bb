//! # kms.policy-no-wildcard-principal: KMS key policies do not allow everyone
//!
//! ## Why this is your duty
//! AWS KMS is an abstracted service: AWS protects the key material, and the
//! key policy you write decides who may use or manage the key. A statement
//! allowing the principal `*` without a condition lets any AWS account use
//! the key, and with it decrypt the data it protects.
//!
//! ## What AWS already does
//! When you give no key policy, KMS attaches the default one, which allows
//! only your own account (`arn:aws:iam::ACCOUNT:root`) and so delegates to
//! IAM.
//!
//! ## Verdicts
//! - met: no key policy (the default allows only the account), or no `Allow`
//!   statement to everyone;
//! - not met: an `Allow` statement with `Principal` `"*"` or `AWS: "*"` (or
//!   with `NotPrincipal`) and no condition limiting the caller to fixed
//!   values (`kms:CallerAccount`, `aws:PrincipalOrgID`,
//!   `aws:PrincipalAccount`, `aws:SourceVpce`... with `StringEquals` or a
//!   wildcard-free `StringLike`; `kms:ViaService` alone still lets every
//!   account in through that service), in CloudFormation `KeyPolicy`,
//!   Terraform `policy` on `aws_kms_key` or an `aws_kms_key_policy` for the
//!   key;
//! - unknown: the policy or a statement is a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Key:
//!     Type: AWS::KMS::Key
//!     Properties:
//!       KeyPolicy:
//!         Version: "2012-10-17"
//!         Statement:
//!           - Effect: Allow
//!             Principal:
//!               AWS: !Sub "arn:aws:iam::${AWS::AccountId}:root"
//!             Action: "kms:*"
//!             Resource: "*"
//! ```
//! ```yaml fail
//! Resources:
//!   Key:
//!     Type: AWS::KMS::Key
//!     Properties:
//!       KeyPolicy:
//!         Version: "2012-10-17"
//!         Statement:
//!           - Effect: Allow
//!             Principal:
//!               AWS: "*"
//!             Action: "kms:Decrypt"
//!             Resource: "*"
//! ```
//! ```yaml pass
//! Resources:
//!   Key:
//!     Type: AWS::KMS::Key
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "key" {
//!   policy = jsonencode({
//!     Version = "2012-10-17"
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = { AWS = "*" }
//!       Action    = "kms:Decrypt"
//!       Resource  = "*"
//!       Condition = { StringEquals = { "kms:CallerAccount" = "111122223333" } }
//!     }]
//!   })
//! }
//! ```
//! ```hcl fail
//! resource "aws_kms_key" "key" {
//!   policy = jsonencode({
//!     Version = "2012-10-17"
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = "*"
//!       Action    = "kms:*"
//!       Resource  = "*"
//!     }]
//!   })
//! }
//! ```
//! ```hcl fail
//! resource "aws_kms_key" "key" {
//!   description = "data"
//! }
//! resource "aws_kms_key_policy" "key" {
//!   key_id = aws_kms_key.key.id
//!   policy = jsonencode({
//!     Version = "2012-10-17"
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = { AWS = ["*"] }
//!       Action    = "kms:Decrypt"
//!       Resource  = "*"
//!     }]
//!   })
//! }
//! ```

use crate::context::Context;
use crate::policy::{Link, public_policy_verdict};
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "kms.policy-no-wildcard-principal",
    title: "KMS key policy does not allow everyone",
    duty: Duty::AccessControl,
    severity: Severity::Critical,
    cfn_types: &["AWS::KMS::Key"],
    tf_types: &["aws_kms_key"],
    reads: &["aws_kms_key_policy"],
    controls: Controls {
        fsbp: &["KMS.5"],
        config: &[],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_33", Same), cfn_nag("F76", Same)],
    check,
    file: file!(),
};

const LINKS: &[Link] = &[Link {
    types: &["aws_kms_key_policy"],
    attr: "key_id",
    name_attr: None,
    policy: "policy",
}];

fn check(resource: &Resource, cx: &Context) -> Verdict {
    public_policy_verdict(
        resource,
        cx,
        ("KeyPolicy", "policy"),
        LINKS,
        "key",
        "no key policy: the default policy allows only this account",
    )
}
