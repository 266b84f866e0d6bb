//! # ecr.policy-not-public: ECR repository policies do not allow everyone
//!
//! ## Why this is your duty
//! ECR is an abstracted service: AWS stores the images and enforces the
//! repository policy you attach.
//! A statement that allows the principal `*` (or uses `NotPrincipal` with
//! `Allow`) grants its actions to every AWS account, unless a condition
//! limits the caller. Writing the policy is yours alone.
//!
//! ## What AWS already does
//! A repository has no policy until you attach one; only identities of the
//! owning account that IAM allows can pull or push.
//!
//! ## Verdicts
//! Judged on the repository, over every policy for it: CloudFormation `RepositoryPolicyText`; Terraform `aws_ecr_repository_policy` (`repository`).
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
//! ```yaml fail
//! Resources:
//!   Images:
//!     Type: AWS::ECR::Repository
//!     Properties:
//!       RepositoryPolicyText:
//!         Statement:
//!           - Effect: Allow
//!             Principal: "*"
//!             Action: [ecr:BatchGetImage, ecr:GetDownloadUrlForLayer]
//! ```
//! ```yaml pass
//! Resources:
//!   Images:
//!     Type: AWS::ECR::Repository
//!     Properties:
//!       RepositoryPolicyText:
//!         Statement:
//!           - Effect: Allow
//!             Principal: "*"
//!             Action: [ecr:BatchGetImage, ecr:GetDownloadUrlForLayer]
//!             Condition:
//!               StringEquals:
//!                 aws:PrincipalOrgID: o-abc123
//! ```
//! ```hcl fail
//! resource "aws_ecr_repository" "images" {
//!   name = "images"
//! }
//! resource "aws_ecr_repository_policy" "images" {
//!   repository = aws_ecr_repository.images.name
//!   policy = jsonencode({
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = "*"
//!       Action    = ["ecr:BatchGetImage"]
//!     }]
//!   })
//! }
//! ```
//! ```hcl pass
//! resource "aws_ecr_repository" "images" {
//!   name = "images"
//! }
//! resource "aws_ecr_repository_policy" "images" {
//!   repository = aws_ecr_repository.images.name
//!   policy = jsonencode({
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = "*"
//!       Action    = ["ecr:BatchGetImage"]
//!       Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abc123" } }
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
    id: "ecr.policy-not-public",
    title: "ECR repository policies do not allow everyone",
    duty: Duty::AccessControl,
    severity: Severity::Critical,
    cfn_types: &["AWS::ECR::Repository"],
    tf_types: &["aws_ecr_repository"],
    reads: &["aws_ecr_repository_policy"],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_32", Same)],
    check,
    file: file!(),
};

const LINKS: &[Link] = &[Link {
    types: &["aws_ecr_repository_policy"],
    attr: "repository",
    name_attr: Some("name"),
    policy: "policy",
}];

fn check(resource: &Resource, cx: &Context) -> Verdict {
    public_policy_verdict(
        resource,
        cx,
        ("RepositoryPolicyText", ""),
        LINKS,
        "repository",
        "no repository policy: only the owning account can use the repository",
    )
}
