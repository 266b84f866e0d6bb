//! # codebuild.logging: CodeBuild projects keep their build logs
//!
//! ## Why this is your duty
//! CodeBuild is abstracted: AWS runs the builds, but their logs (which
//! commands ran, what was downloaded and deployed) are kept only where your
//! project says. A build with no log destination leaves no trace of what
//! went into your software. Logging your workloads is yours.
//!
//! ## What AWS already does
//! Sends build logs to CloudWatch Logs by default (`CloudWatchLogs.Status`
//! is `ENABLED` unless set otherwise); S3 logs are off unless enabled.
//!
//! ## Verdicts
//! - met: `LogsConfig.CloudWatchLogs.Status`
//!   (`logs_config { cloudwatch_logs { status } }`) is absent or `ENABLED`,
//!   or `LogsConfig.S3Logs.Status` is `ENABLED`;
//! - not met: CloudWatch Logs `DISABLED` and S3 logs absent or `DISABLED`;
//! - unknown: a status that is not static.
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
//!       LogsConfig:
//!         CloudWatchLogs:
//!           Status: DISABLED
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
//!   logs_config {
//!     cloudwatch_logs { status = "DISABLED" }
//!     s3_logs {
//!       status   = "ENABLED"
//!       location = "logs-bucket/build"
//!     }
//!   }
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
//!     cloudwatch_logs { status = "DISABLED" }
//!   }
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::{Status, Verdict};
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "codebuild.logging",
    title: "CodeBuild projects send build logs to CloudWatch Logs or S3",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::CodeBuild::Project"],
    tf_types: &["aws_codebuild_project"],
    reads: &[],
    controls: Controls {
        fsbp: &["CodeBuild.4"],
        config: &["CODEBUILD_PROJECT_LOGGING_ENABLED"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_314", Related)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let cloudwatch = require_one_of(
        resource,
        "LogsConfig.CloudWatchLogs.Status",
        "logs_config.cloudwatch_logs.status",
        &["ENABLED"],
        Some("ENABLED"),
        "CloudWatch build logs",
    );
    if cloudwatch.status != Status::NotMet {
        return cloudwatch;
    }
    let s3 = require_one_of(
        resource,
        "LogsConfig.S3Logs.Status",
        "logs_config.s3_logs.status",
        &["ENABLED"],
        Some("DISABLED"),
        "S3 build logs",
    );
    match s3.status {
        Status::NotMet => Verdict {
            message: format!("{}; {}", cloudwatch.message, s3.message).into(),
            ..cloudwatch
        },
        _ => s3,
    }
}
