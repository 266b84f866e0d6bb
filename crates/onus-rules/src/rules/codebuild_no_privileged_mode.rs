//! # codebuild.no-privileged-mode: CodeBuild builds do not run privileged
//!
//! ## Why this is your duty
//! CodeBuild runs your build commands in a container on hosts AWS manages.
//! Privileged mode gives that container root access to the host's devices,
//! needed only to run a Docker daemon inside the build (to build images).
//! Anything the build runs (a dependency, a test, a pull request's script)
//! then gets those rights; granting them is an access-control decision
//! that is yours.
//!
//! ## What AWS already does
//! Runs builds unprivileged: `PrivilegedMode` defaults to false.
//!
//! ## Verdicts
//! - met: `Environment.PrivilegedMode` (`environment { privileged_mode }`)
//!   is absent or false;
//! - not met: true (build Docker images another way, or suppress this for
//!   projects whose only job is building images from trusted sources);
//! - unknown: the flag is not static.
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
//!       Environment:
//!         Type: LINUX_CONTAINER
//!         ComputeType: BUILD_GENERAL1_SMALL
//!         Image: aws/codebuild/standard:7.0
//!         PrivilegedMode: true
//!       Source: {Type: CODEPIPELINE}
//! ```
//! ```hcl pass
//! resource "aws_codebuild_project" "build" {
//!   name         = "build"
//!   service_role = "arn:aws:iam::111122223333:role/build"
//!   artifacts { type = "NO_ARTIFACTS" }
//!   environment {
//!     compute_type    = "BUILD_GENERAL1_SMALL"
//!     image           = "aws/codebuild/standard:7.0"
//!     type            = "LINUX_CONTAINER"
//!     privileged_mode = false
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
//!     compute_type    = "BUILD_GENERAL1_SMALL"
//!     image           = "aws/codebuild/standard:7.0"
//!     type            = "LINUX_CONTAINER"
//!     privileged_mode = true
//!   }
//!   source { type = "CODEPIPELINE" }
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "codebuild.no-privileged-mode",
    title: "CodeBuild projects do not run builds in privileged mode",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &["AWS::CodeBuild::Project"],
    tf_types: &["aws_codebuild_project"],
    reads: &[],
    controls: Controls {
        fsbp: &[],
        config: &["CODEBUILD_PROJECT_ENVIRONMENT_PRIVILEGED_CHECK"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_316", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "Environment.PrivilegedMode",
        "environment.privileged_mode",
        false,
        false,
        "unprivileged builds",
    )
}
