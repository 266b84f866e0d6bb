//! # secretsmanager.policy-not-public: Secrets Manager resource policies do not allow everyone
//!
//! ## Why this is your duty
//! Secrets Manager is an abstracted service: AWS stores and encrypts the
//! secret, and the resource policy you attach decides who else may read it.
//! A statement that allows the principal `*` (or uses `NotPrincipal` with
//! `Allow`) grants its actions to every AWS account, unless a condition
//! limits the caller. Writing the policy is yours alone.
//!
//! ## What AWS already does
//! A secret has no resource policy until you attach one. `BlockPublicPolicy`
//! (Terraform `block_public_policy`) makes Secrets Manager reject a public
//! policy when it is set.
//!
//! ## Verdicts
//! Judged on the secret, over every policy for it: CloudFormation `AWS::SecretsManager::ResourcePolicy` (`SecretId`); Terraform the secret's `policy` and `aws_secretsmanager_secret_policy` (`secret_arn`).
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
//!   Db:
//!     Type: AWS::SecretsManager::Secret
//!   DbPolicy:
//!     Type: AWS::SecretsManager::ResourcePolicy
//!     Properties:
//!       SecretId: !Ref Db
//!       ResourcePolicy:
//!         Statement:
//!           - Effect: Allow
//!             Principal:
//!               AWS: "*"
//!             Action: secretsmanager:GetSecretValue
//!             Resource: "*"
//! ```
//! ```yaml pass
//! Resources:
//!   Db:
//!     Type: AWS::SecretsManager::Secret
//!   DbPolicy:
//!     Type: AWS::SecretsManager::ResourcePolicy
//!     Properties:
//!       SecretId: !Ref Db
//!       ResourcePolicy:
//!         Statement:
//!           - Effect: Allow
//!             Principal:
//!               AWS: "*"
//!             Action: secretsmanager:GetSecretValue
//!             Resource: "*"
//!             Condition:
//!               StringEquals:
//!                 aws:PrincipalAccount: "111122223333"
//! ```
//! ```hcl fail
//! resource "aws_secretsmanager_secret" "db" {
//!   name = "db"
//! }
//! resource "aws_secretsmanager_secret_policy" "db" {
//!   secret_arn = aws_secretsmanager_secret.db.arn
//!   policy = jsonencode({
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = { AWS = "*" }
//!       Action    = "secretsmanager:GetSecretValue"
//!       Resource  = "*"
//!     }]
//!   })
//! }
//! ```
//! ```hcl pass
//! resource "aws_secretsmanager_secret" "db" {
//!   name = "db"
//! }
//! resource "aws_secretsmanager_secret_policy" "db" {
//!   secret_arn = aws_secretsmanager_secret.db.arn
//!   policy = jsonencode({
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = { AWS = "*" }
//!       Action    = "secretsmanager:GetSecretValue"
//!       Resource  = "*"
//!       Condition = { StringEquals = { "aws:SourceVpce" = "vpce-0123456789abcdef0" } }
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
    id: "secretsmanager.policy-not-public",
    title: "Secrets Manager resource policies do not allow everyone",
    duty: Duty::AccessControl,
    severity: Severity::Critical,
    cfn_types: &["AWS::SecretsManager::Secret"],
    tf_types: &["aws_secretsmanager_secret"],
    reads: &[
        "AWS::SecretsManager::ResourcePolicy",
        "aws_secretsmanager_secret_policy",
    ],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

const LINKS: &[Link] = &[
    Link {
        types: &["AWS::SecretsManager::ResourcePolicy"],
        attr: "SecretId",
        name_attr: None,
        policy: "ResourcePolicy",
    },
    Link {
        types: &["aws_secretsmanager_secret_policy"],
        attr: "secret_arn",
        name_attr: None,
        policy: "policy",
    },
];

fn check(resource: &Resource, cx: &Context) -> Verdict {
    public_policy_verdict(
        resource,
        cx,
        ("", "policy"),
        LINKS,
        "secret",
        "no resource policy: only the owning account can read the secret",
    )
}
