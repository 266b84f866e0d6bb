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
//! - the same for keys with imported material and multi-Region replica keys
//!   (`AWS::KMS::ReplicaKey`, `aws_kms_external_key`, `aws_kms_replica_key`,
//!   `aws_kms_replica_external_key`), which get the default policy too when
//!   none is given;
//! - judged with the key: an `aws_kms_key_policy` for a key in the scanned code;
//!   one whose key is declared elsewhere (another module or stack) is judged on
//!   its own, and the verdict says the key is not in the scanned code.
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
//! ```hcl fail
//! resource "aws_kms_key_policy" "shared" {
//!   key_id = "1234abcd-12ab-34cd-56ef-1234567890ab"
//!   policy = jsonencode({
//!     Version = "2012-10-17"
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = "*"
//!       Action    = "kms:Decrypt"
//!       Resource  = "*"
//!     }]
//!   })
//! }
//! ```
//! ```hcl fail
//! resource "aws_kms_replica_key" "eu" {
//!   primary_key_arn = "arn:aws:kms:us-east-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab"
//!   policy = jsonencode({
//!     Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "kms:Decrypt", Resource = "*" }]
//!   })
//! }
//! ```
//! ```yaml pass
//! Resources:
//!   Replica:
//!     Type: AWS::KMS::ReplicaKey
//!     Properties:
//!       PrimaryKeyArn: arn:aws:kms:us-east-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab
//!       KeyPolicy:
//!         Statement:
//!           - Effect: Allow
//!             Principal: {AWS: arn:aws:iam::111122223333:root}
//!             Action: kms:*
//!             Resource: "*"
//! ```

use crate::context::Context;
use crate::parent::KMS_KEY;
use crate::policy::{Link, public_policy_verdict};
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "kms.policy-no-wildcard-principal",
    title: "KMS key policy does not allow everyone",
    duty: Duty::AccessControl,
    severity: Severity::Critical,
    cfn_types: &["AWS::KMS::Key", "AWS::KMS::ReplicaKey"],
    tf_types: &[
        "aws_kms_key",
        "aws_kms_key_policy",
        "aws_kms_external_key",
        "aws_kms_replica_key",
        "aws_kms_replica_external_key",
    ],
    reads: &["aws_kms_key_policy"],
    controls: Controls {
        fsbp: &["KMS.5"],
        config: &["KMS_KEY_POLICY_NO_PUBLIC_ACCESS"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_33", Same),
        cfn_nag("F76", Same),
        guard("KMS_NO_WILDCARD_PRINCIPAL", Related),
    ],
    check,
    file: file!(),
};

const LINKS: &[Link] = &[Link {
    types: &["aws_kms_key_policy"],
    attr: "key_id",
    name_attr: None,
    policy: "policy",
}];

/// Keys with imported material and replica keys: their own key policy only.
const OTHER_KEYS: &[&str] = &[
    "AWS::KMS::ReplicaKey",
    "aws_kms_external_key",
    "aws_kms_replica_key",
    "aws_kms_replica_external_key",
];

fn check(resource: &Resource, cx: &Context) -> Verdict {
    const NONE: &str = "no key policy: the default policy allows only this account";
    if OTHER_KEYS.contains(&resource.resource_type.as_str()) {
        return public_policy_verdict(resource, cx, ("KeyPolicy", "policy"), &[], "key", NONE);
    }
    let alone = |r: &Resource| {
        public_policy_verdict(r, cx, ("", "policy"), &[], "key", "the key policy is empty")
    };
    if let Some(v) = KMS_KEY.judge_alone(resource, cx, alone) {
        return v;
    }
    public_policy_verdict(resource, cx, ("KeyPolicy", "policy"), LINKS, "key", NONE)
}
