//! # glue.resource-policy-not-public: The Glue Data Catalog resource policy does not allow everyone
//!
//! ## Why this is your duty
//! AWS Glue is an abstracted service: AWS runs the Data Catalog, and the
//! catalog's resource policy you set decides which other accounts may read or
//! change its databases and tables.
//! A statement that allows the principal `*` (or uses `NotPrincipal` with
//! `Allow`) grants its actions to every AWS account, unless a condition
//! limits the caller. Writing the policy is yours alone.
//!
//! ## What AWS already does
//! The Data Catalog has no resource policy until you set one (one per account
//! and Region); CloudFormation has no resource type for it.
//!
//! ## Verdicts
//! Judged on the Data, over every policy for it: Terraform `aws_glue_resource_policy` (`policy`).
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
//! resource "aws_glue_resource_policy" "catalog" {
//!   policy = jsonencode({
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = { AWS = "*" }
//!       Action    = "glue:GetTable"
//!       Resource  = "arn:aws:glue:eu-west-1:111122223333:*"
//!     }]
//!   })
//! }
//! ```
//! ```hcl pass
//! resource "aws_glue_resource_policy" "catalog" {
//!   policy = jsonencode({
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = { AWS = "*" }
//!       Action    = "glue:GetTable"
//!       Resource  = "arn:aws:glue:eu-west-1:111122223333:*"
//!       Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abc123" } }
//!     }]
//!   })
//! }
//! ```

use crate::context::Context;
use crate::policy::{Link, public_policy_verdict};
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "glue.resource-policy-not-public",
    title: "The Glue Data Catalog resource policy does not allow everyone",
    duty: Duty::AccessControl,
    severity: Severity::Critical,
    cfn_types: &[],
    tf_types: &["aws_glue_resource_policy"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

const LINKS: &[Link] = &[];

fn check(resource: &Resource, cx: &Context) -> Verdict {
    public_policy_verdict(
        resource,
        cx,
        ("", "policy"),
        LINKS,
        "Data Catalog",
        "no resource policy",
    )
}
