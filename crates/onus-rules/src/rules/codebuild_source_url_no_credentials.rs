//! # codebuild.source-url-no-credentials: CodeBuild source URLs carry no credentials
//!
//! ## Why this is your duty
//! CodeBuild is an abstracted service: AWS runs the builds, but how a
//! project reaches its repository is yours to configure. A source location
//! such as `https://user:password@bitbucket.org/...` stores the password or
//! personal access token in the project, where everyone who can read the
//! project (and the code) sees it.
//!
//! ## What AWS already does
//! Connects to Bitbucket, GitHub and GitLab through source credentials
//! (`AWS::CodeBuild::SourceCredential`) or CodeConnections, kept out of the
//! project definition.
//!
//! ## Verdicts
//! `Source.Location` and each `SecondarySources[].Location` (Terraform
//! `source` / `secondary_sources` `location`):
//! - met: no location holds credentials;
//! - not met: a URL with a password (`user:password@`), or a known token
//!   format (GitHub, GitLab...) anywhere in it; the message shows a masked
//!   prefix only;
//! - a location onus cannot resolve is not judged.
//!
//! ## Examples
//! ```yaml fail
//! Resources:
//!   Build:
//!     Type: AWS::CodeBuild::Project
//!     Properties:
//!       Artifacts: {Type: NO_ARTIFACTS}
//!       ServiceRole: arn:aws:iam::111122223333:role/build
//!       Environment: {Type: LINUX_CONTAINER, ComputeType: BUILD_GENERAL1_SMALL, Image: aws/codebuild/standard:7.0}
//!       Source:
//!         Type: BITBUCKET
//!         Location: https://builder:hunter2hunter2@bitbucket.org/acme/app.git
//! ```
//! ```yaml pass
//! Resources:
//!   Build:
//!     Type: AWS::CodeBuild::Project
//!     Properties:
//!       Artifacts: {Type: NO_ARTIFACTS}
//!       ServiceRole: arn:aws:iam::111122223333:role/build
//!       Environment: {Type: LINUX_CONTAINER, ComputeType: BUILD_GENERAL1_SMALL, Image: aws/codebuild/standard:7.0}
//!       Source:
//!         Type: BITBUCKET
//!         Location: https://bitbucket.org/acme/app.git
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
//!   source {
//!     type     = "GITHUB"
//!     location = "https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/acme/app.git"
//!   }
//! }
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
//!   source {
//!     type     = "GITHUB"
//!     location = "https://github.com/acme/app.git"
//!   }
//! }
//! ```

use crate::check::{get, get_in, items, spelling};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, guard};
use crate::secrets::{known_formats, mask};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "codebuild.source-url-no-credentials",
    title: "CodeBuild source URLs carry no credentials",
    duty: Duty::SecretsHandling,
    severity: Severity::Critical,
    cfn_types: &["AWS::CodeBuild::Project"],
    tf_types: &["aws_codebuild_project"],
    reads: &[],
    controls: Controls {
        fsbp: &["CodeBuild.1"],
        config: &["CODEBUILD_PROJECT_SOURCE_REPO_URL_CHECK"],
        cis: &[],
    },
    peers: &[guard("CODEBUILD_PROJECT_SOURCE_REPO_URL_CHECK", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let (source, secondary, location) = (
        spelling(resource, "Source", "source"),
        spelling(resource, "SecondarySources", "secondary_sources"),
        spelling(resource, "Location", "location"),
    );
    let mut locations = Vec::new();
    locations.extend(
        get(resource, source)
            .and_then(|s| get_in(s, location))
            .map(|n| (n, format!("{source}.{location}"))),
    );
    for (i, s) in items(get(resource, secondary)).into_iter().enumerate() {
        if let Some(n) = get_in(s, location) {
            locations.push((n, format!("{secondary}[{i}].{location}")));
        }
    }
    for (node, path) in &locations {
        if let Some(url) = node.as_str()
            && let Some(hit) = known_formats(url).into_iter().next()
        {
            return Verdict::not_met(
                resource,
                node.span,
                path,
                format!(
                    "the source location holds {} ({}): connect through source credentials or CodeConnections instead",
                    hit.kind,
                    mask(&url[hit.start..hit.end])
                ),
            );
        }
    }
    match locations.first() {
        Some((node, path)) => Verdict::met(
            resource,
            node.span,
            path,
            "the source location holds no credentials",
        ),
        None => Verdict::met_by_default(resource, source, "no source location"),
    }
}
