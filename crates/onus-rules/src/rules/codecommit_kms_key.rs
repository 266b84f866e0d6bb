//! # codecommit.kms-key: CodeCommit repositories are encrypted with your KMS key
//!
//! ## Why this is your duty
//! CodeCommit is abstracted: AWS stores your Git repositories encrypted at
//! rest. Which key protects your source code, who may use it and when it
//! rotates is the key-management duty, yours whenever your policy asks for
//! keys you control.
//!
//! ## What AWS already does
//! Encrypts repositories with the AWS managed key `aws/codecommit` unless
//! `KmsKeyId` names a key (possible since 2023).
//!
//! ## Verdicts
//! - met: `KmsKeyId` / `kms_key_id` names a customer managed key;
//! - not met: absent, or an AWS managed key alias;
//! - unknown: the key is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Repo:
//!     Type: AWS::CodeCommit::Repository
//!     Properties:
//!       RepositoryName: app
//!       KmsKeyId: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
//! ```
//! ```yaml fail
//! Resources:
//!   Repo:
//!     Type: AWS::CodeCommit::Repository
//!     Properties:
//!       RepositoryName: app
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "code" {}
//! resource "aws_codecommit_repository" "app" {
//!   repository_name = "app"
//!   kms_key_id      = aws_kms_key.code.arn
//! }
//! ```
//! ```hcl fail
//! resource "aws_codecommit_repository" "app" {
//!   repository_name = "app"
//!   kms_key_id      = "alias/aws/codecommit"
//! }
//! ```

use crate::check::require_customer_managed_key;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "codecommit.kms-key",
    title: "CodeCommit repositories are encrypted with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::CodeCommit::Repository"],
    tf_types: &["aws_codecommit_repository"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_customer_managed_key(
        resource,
        "KmsKeyId",
        "kms_key_id",
        "the AWS managed key aws/codecommit",
    )
}
