//! # iam.trust-policy-restricted: IAM role trust policies do not allow everyone
//!
//! ## Why this is your duty
//! IAM is a global, abstracted service: AWS enforces the trust policy you
//! write on every `sts:AssumeRole`. A trust policy allowing the principal `*`
//! without a condition lets any AWS account in the world assume the role and
//! use its permissions.
//!
//! ## What AWS already does
//! Requires a trust policy on every role and evaluates it on each
//! assume-role call; nothing assumes a role that its trust policy does not
//! allow.
//!
//! ## Verdicts
//! - met: no `Allow` statement in `AssumeRolePolicyDocument`
//!   (`assume_role_policy`) trusts everyone;
//! - not met: an `Allow` statement with `Principal` `"*"` or `AWS: "*"` (or
//!   with `NotPrincipal`) and no condition limiting the caller to fixed
//!   values (`aws:PrincipalOrgID`, `aws:PrincipalAccount`,
//!   `aws:PrincipalArn`, `aws:SourceAccount`... with `StringEquals` or a
//!   wildcard-free `StringLike`); `sts:ExternalId` is not a secret and does
//!   not limit who may assume the role;
//! - unknown: the trust policy or a statement is a value onus cannot resolve
//!   (including a trust policy that is not declared).
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Worker:
//!     Type: AWS::IAM::Role
//!     Properties:
//!       AssumeRolePolicyDocument:
//!         Version: "2012-10-17"
//!         Statement:
//!           - Effect: Allow
//!             Principal:
//!               Service: lambda.amazonaws.com
//!             Action: sts:AssumeRole
//! ```
//! ```yaml fail
//! Resources:
//!   Worker:
//!     Type: AWS::IAM::Role
//!     Properties:
//!       AssumeRolePolicyDocument:
//!         Version: "2012-10-17"
//!         Statement:
//!           - Effect: Allow
//!             Principal:
//!               AWS: "*"
//!             Action: sts:AssumeRole
//! ```
//! ```yaml pass
//! Resources:
//!   Partner:
//!     Type: AWS::IAM::Role
//!     Properties:
//!       AssumeRolePolicyDocument:
//!         Version: "2012-10-17"
//!         Statement:
//!           - Effect: Allow
//!             Principal: "*"
//!             Action: sts:AssumeRole
//!             Condition:
//!               StringEquals:
//!                 aws:PrincipalOrgID: o-abc123
//! ```
//! ```yaml fail
//! Resources:
//!   Partner:
//!     Type: AWS::IAM::Role
//!     Properties:
//!       AssumeRolePolicyDocument:
//!         Statement:
//!           - Effect: Allow
//!             Principal:
//!               AWS: "*"
//!             Action: sts:AssumeRole
//!             Condition:
//!               StringEquals:
//!                 sts:ExternalId: partner-1234
//! ```
//! ```hcl pass
//! resource "aws_iam_role" "worker" {
//!   name = "worker"
//!   assume_role_policy = jsonencode({
//!     Version = "2012-10-17"
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = { Service = "lambda.amazonaws.com" }
//!       Action    = "sts:AssumeRole"
//!     }]
//!   })
//! }
//! ```
//! ```hcl fail
//! resource "aws_iam_role" "worker" {
//!   name = "worker"
//!   assume_role_policy = jsonencode({
//!     Version = "2012-10-17"
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = { AWS = "*" }
//!       Action    = "sts:AssumeRole"
//!     }]
//!   })
//! }
//! ```
//! ```hcl fail
//! data "aws_iam_policy_document" "trust" {
//!   statement {
//!     actions = ["sts:AssumeRole"]
//!     principals {
//!       type        = "AWS"
//!       identifiers = ["*"]
//!     }
//!   }
//! }
//! resource "aws_iam_role" "worker" {
//!   name               = "worker"
//!   assume_role_policy = data.aws_iam_policy_document.trust.json
//! }
//! ```

use crate::check::prop;
use crate::context::Context;
use crate::policy::{Document, Public, at, find_public};
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "iam.trust-policy-restricted",
    title: "IAM role trust policy does not allow everyone",
    duty: Duty::AccessControl,
    severity: Severity::Critical,
    cfn_types: &["AWS::IAM::Role"],
    tf_types: &["aws_iam_role"],
    reads: &["aws_iam_policy_document"],
    controls: Controls::NONE,
    peers: &[
        checkov("CKV_AWS_60", Same),
        checkov("CKV_AWS_61", Related),
        cfn_nag("F2", Related),
        cfn_nag("F6", Related),
        guard("IAM_ROLE_NO_ALLOW_PLUS_NOT_PRINCIPAL", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let (node, path) = prop(resource, "AssumeRolePolicyDocument", "assume_role_policy");
    let Some(node) = node else {
        return Verdict::unknown(
            resource,
            resource.name_span,
            path,
            format!("{path} is not declared"),
        );
    };
    match find_public(&Document::read(node, resource, cx)) {
        Public::Yes(span, file, whom) => at(
            Verdict::not_met(
                resource,
                span,
                path,
                format!(
                    "the trust policy lets {whom} assume the role, with no condition limiting the caller's account or organization"
                ),
            ),
            file,
        ),
        Public::Unknown(what, span, file) => at(Verdict::unknown(resource, span, path, what), file),
        Public::No => Verdict::met(
            resource,
            node.span,
            path,
            "the trust policy names who may assume the role",
        ),
    }
}
