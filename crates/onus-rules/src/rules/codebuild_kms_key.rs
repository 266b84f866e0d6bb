//! # codebuild.kms-key: CodeBuild projects encrypt their output with your KMS key
//!
//! ## Why this is your duty
//! CodeBuild is abstracted: AWS encrypts build artifacts (and S3 build logs)
//! at rest. Which key protects them, who may use it and when it rotates is
//! the key-management duty, yours whenever your policy asks for keys you
//! control, e.g. to share artifacts across accounts only through a key
//! policy you write.
//!
//! ## What AWS already does
//! Uses the AWS managed key for S3 (`aws/s3`) unless `EncryptionKey` names a
//! key.
//!
//! ## Verdicts
//! - met: `EncryptionKey` / `encryption_key` names a customer managed key;
//! - not met: absent, or `alias/aws/s3`;
//! - unknown: the key is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Build:
//!     Type: AWS::CodeBuild::Project
//!     Properties:
//!       ServiceRole: arn:aws:iam::111122223333:role/build
//!       Artifacts: {Type: NO_ARTIFACTS}
//!       Environment: {Type: LINUX_CONTAINER, ComputeType: BUILD_GENERAL1_SMALL, Image: aws/codebuild/standard:7.0}
//!       Source: {Type: CODEPIPELINE}
//!       EncryptionKey: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
//! ```
//! ```yaml fail
//! Resources:
//!   Build:
//!     Type: AWS::CodeBuild::Project
//!     Properties:
//!       ServiceRole: arn:aws:iam::111122223333:role/build
//!       Artifacts: {Type: NO_ARTIFACTS}
//!       Environment: {Type: LINUX_CONTAINER, ComputeType: BUILD_GENERAL1_SMALL, Image: aws/codebuild/standard:7.0}
//!       Source: {Type: CODEPIPELINE}
//!       EncryptionKey: alias/aws/s3
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "build" {}
//! resource "aws_codebuild_project" "build" {
//!   name           = "build"
//!   service_role   = "arn:aws:iam::111122223333:role/build"
//!   encryption_key = aws_kms_key.build.arn
//!   artifacts { type = "NO_ARTIFACTS" }
//!   environment {
//!     compute_type = "BUILD_GENERAL1_SMALL"
//!     image        = "aws/codebuild/standard:7.0"
//!     type         = "LINUX_CONTAINER"
//!   }
//!   source { type = "CODEPIPELINE" }
//! }
//! ```
//! ```hcl fail
//! resource "aws_codebuild_project" "build" {
//!   name         = "build"
//!   service_role = "arn:aws:iam::111122223333:role/build"
//!   artifacts { type = "NO_ARTIFACTS" }
//!   environment {
//!     compute_type = "BUILD_GENERAL1_SMALL"
//!     image        = "aws/codebuild/standard:7.0"
//!     type         = "LINUX_CONTAINER"
//!   }
//!   source { type = "CODEPIPELINE" }
//! }
//! ```

use crate::check::require_customer_managed_key;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "codebuild.kms-key",
    title: "CodeBuild projects encrypt output with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::CodeBuild::Project"],
    tf_types: &["aws_codebuild_project"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_147", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_customer_managed_key(
        resource,
        "EncryptionKey",
        "encryption_key",
        "the AWS managed key aws/s3",
    )
}
