//! # codebuild.encryption-at-rest: CodeBuild does not turn off encryption of artifacts and S3 logs
//!
//! ## Why this is your duty
//! CodeBuild is abstracted: AWS encrypts the build output it writes to S3
//! (artifacts, and build logs sent to S3) by default. The customer's duty is
//! not to switch that off: build output often holds code, packages and
//! secrets printed by mistake.
//!
//! ## What AWS already does
//! Encrypts artifacts and S3 logs with the project's KMS key, or the AWS
//! managed key for S3 (`aws/s3`), unless `EncryptionDisabled` is true (an
//! option meant for publishing static websites).
//!
//! ## Verdicts
//! - met: `EncryptionDisabled` is absent or false on `Artifacts`, every
//!   `SecondaryArtifacts` item and `LogsConfig.S3Logs`
//!   (`artifacts`, `secondary_artifacts`, `logs_config { s3_logs }` with
//!   `encryption_disabled`);
//! - not met: one of them sets it to true;
//! - unknown: a flag that is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Build:
//!     Type: AWS::CodeBuild::Project
//!     Properties:
//!       ServiceRole: arn:aws:iam::111122223333:role/build
//!       Artifacts: {Type: S3, Location: artifacts-bucket}
//!       Environment: {Type: LINUX_CONTAINER, ComputeType: BUILD_GENERAL1_SMALL, Image: aws/codebuild/standard:7.0}
//!       Source: {Type: CODEPIPELINE}
//! ```
//! ```yaml fail
//! Resources:
//!   Build:
//!     Type: AWS::CodeBuild::Project
//!     Properties:
//!       ServiceRole: arn:aws:iam::111122223333:role/build
//!       Artifacts: {Type: S3, Location: artifacts-bucket, EncryptionDisabled: true}
//!       Environment: {Type: LINUX_CONTAINER, ComputeType: BUILD_GENERAL1_SMALL, Image: aws/codebuild/standard:7.0}
//!       Source: {Type: CODEPIPELINE}
//! ```
//! ```hcl pass
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
//!   logs_config {
//!     s3_logs {
//!       status              = "ENABLED"
//!       location            = "logs-bucket/build"
//!       encryption_disabled = true
//!     }
//!   }
//! }
//! ```

use crate::check::{Every, Judgement, get_in, is_null, items, judge, prop, spelling};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "codebuild.encryption-at-rest",
    title: "CodeBuild keeps artifacts and S3 logs encrypted",
    duty: Duty::EncryptionAtRest,
    severity: Severity::Medium,
    cfn_types: &["AWS::CodeBuild::Project"],
    tf_types: &["aws_codebuild_project"],
    reads: &[],
    controls: Controls {
        fsbp: &["CodeBuild.3"],
        config: &[
            "CODEBUILD_PROJECT_S3_LOGS_ENCRYPTED",
            "CODEBUILD_PROJECT_ARTIFACT_ENCRYPTION",
        ],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_78", Same), checkov("CKV_AWS_311", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let flag = spelling(resource, "EncryptionDisabled", "encryption_disabled");
    let mut places: Vec<(String, &Node)> = Vec::new();
    for (cfn, tf) in [
        ("Artifacts", "artifacts"),
        ("LogsConfig.S3Logs", "logs_config.s3_logs"),
    ] {
        if let (Some(n), path) = prop(resource, cfn, tf) {
            places.push((path.to_owned(), n));
        }
    }
    let (secondary, path) = prop(resource, "SecondaryArtifacts", "secondary_artifacts");
    for (i, item) in items(secondary).into_iter().enumerate() {
        places.push((format!("{path}[{i}]"), item));
    }
    let mut every = Every::default();
    for (path, node) in &places {
        let Some(disabled) = get_in(node, flag) else {
            continue;
        };
        let label = format!("{path}.{flag}");
        let j = judge(disabled, &mut |n| match n.as_bool() {
            Some(off) => Judgement::from_bool(!off, n, || {
                format!("{label} is true: this output is written unencrypted")
            }),
            None if is_null(n) => Judgement::Yes,
            None => Judgement::no(n, format!("{label} is not a boolean")),
        });
        if let Some(not_met) = every.add(resource, &label, j) {
            return not_met;
        }
    }
    every.finish(|| {
        Verdict::met_by_default(
            resource,
            flag,
            "artifacts and S3 logs keep CodeBuild's default encryption",
        )
    })
}
