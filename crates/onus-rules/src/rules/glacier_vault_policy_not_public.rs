//! # glacier.vault-policy-not-public: S3 Glacier vault access policies do not allow everyone
//!
//! ## Why this is your duty
//! S3 Glacier is an abstracted service: AWS stores the archives, and the
//! vault access policy you write decides who else may reach them.
//! A statement that allows the principal `*` (or uses `NotPrincipal` with
//! `Allow`) grants its actions to every AWS account, unless a condition
//! limits the caller. Writing the policy is yours alone.
//!
//! ## What AWS already does
//! A vault has no access policy until you set one; CloudFormation has no
//! Glacier resource types.
//!
//! ## Verdicts
//! Judged on the vault, over every policy for it: Terraform `aws_glacier_vault` (`access_policy`).
//! - met: no policy, or no `Allow` statement to everyone;
//! - not met: an `Allow` statement whose `Principal` is `"*"` or has `"*"` in
//!   `AWS`, or that uses `NotPrincipal`, with no condition that limits the
//!   caller to fixed values: `aws:SourceArn`, `aws:SourceAccount`,
//!   `aws:SourceOwner`, `aws:PrincipalOrgID`, `aws:PrincipalAccount`,
//!   `aws:PrincipalArn`, `aws:SourceVpce`, `aws:SourceVpc`, `aws:SourceIp`...
//!   tested with `StringEquals`, `ArnEquals`, or `StringLike`/`ArnLike`
//!   without a wildcard (a negated operator, `...IfExists` or
//!   `ForAllValues:` does not limit anyone, nor does `aws:SecureTransport`);
//! - unknown: the policy, a statement's principal, effect or a condition
//!   value is something onus cannot resolve.
//!
//! ## Examples
//! ```hcl fail
//! resource "aws_glacier_vault" "archive" {
//!   name = "archive"
//!   access_policy = jsonencode({
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = "*"
//!       Action    = ["glacier:InitiateJob", "glacier:GetJobOutput"]
//!       Resource  = "arn:aws:glacier:eu-west-1:111122223333:vaults/archive"
//!     }]
//!   })
//! }
//! ```
//! ```hcl pass
//! resource "aws_glacier_vault" "archive" {
//!   name = "archive"
//!   access_policy = jsonencode({
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = "*"
//!       Action    = ["glacier:InitiateJob", "glacier:GetJobOutput"]
//!       Resource  = "arn:aws:glacier:eu-west-1:111122223333:vaults/archive"
//!       Condition = { StringEquals = { "aws:PrincipalAccount" = "111122223333" } }
//!     }]
//!   })
//! }
//! ```

use crate::context::Context;
use crate::policy::{Link, public_policy_verdict};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "glacier.vault-policy-not-public",
    title: "S3 Glacier vault access policies do not allow everyone",
    duty: Duty::AccessControl,
    severity: Severity::Critical,
    cfn_types: &[],
    tf_types: &["aws_glacier_vault"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_167", Same)],
    check,
    file: file!(),
};

const LINKS: &[Link] = &[];

fn check(resource: &Resource, cx: &Context) -> Verdict {
    public_policy_verdict(
        resource,
        cx,
        ("", "access_policy"),
        LINKS,
        "vault access",
        "no access policy: only the owning account can use the vault",
    )
}
