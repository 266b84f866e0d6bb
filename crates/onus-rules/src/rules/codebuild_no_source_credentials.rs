//! # codebuild.no-source-credentials: CodeBuild source URLs carry no credentials
//!
//! ## Why this is your duty
//! CodeBuild is abstracted: AWS runs the build, but how it reaches your
//! repository is your configuration. A password or personal access token
//! written into the repository URL is stored in plain text in the project,
//! shown to anyone who can read it (and in your template's history), and
//! never rotated. Handling secrets is always the customer's duty.
//!
//! ## What AWS already does
//! Connects to GitHub, GitHub Enterprise, GitLab and Bitbucket through
//! source credentials it stores encrypted (`AWS::CodeBuild::SourceCredential`,
//! CodeConnections), so a URL never needs a secret.
//!
//! ## Verdicts
//! Reads `Source.Location` and every `SecondarySources[].Location`
//! (`source { location }`, `secondary_sources { location }`).
//! - met: no URL has a password (`https://user:secret@host/...`) or an
//!   access token (`https://ghp_...@github.com/...`, a long token-like user
//!   part) before its host;
//! - not met: one does (the secret is not shown, only that it is there);
//! - unknown: a location that is not static.
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
//!       Source:
//!         Type: BITBUCKET
//!         Location: https://ops@bitbucket.org/acme/app.git
//! ```
//! ```yaml fail
//! Resources:
//!   Build:
//!     Type: AWS::CodeBuild::Project
//!     Properties:
//!       ServiceRole: arn:aws:iam::111122223333:role/build
//!       Artifacts: {Type: NO_ARTIFACTS}
//!       Environment: {Type: LINUX_CONTAINER, ComputeType: BUILD_GENERAL1_SMALL, Image: aws/codebuild/standard:7.0}
//!       Source:
//!         Type: BITBUCKET
//!         Location: https://ops:hunter2hunter2@bitbucket.org/acme/app.git
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
//!     location = "https://github.com/acme/app.git"
//!   }
//!   secondary_sources {
//!     type              = "GITHUB"
//!     source_identifier = "lib"
//!     location          = "https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/acme/lib.git"
//!   }
//! }
//! ```

use crate::check::{Every, Judgement, get_in, judge, prop, spelling};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "codebuild.no-source-credentials",
    title: "CodeBuild source repository URLs contain no credentials",
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
    peers: &[],
    check,
    file: file!(),
};

const TOKEN_PREFIXES: &[&str] = &[
    "ghp_",
    "gho_",
    "ghu_",
    "ghs_",
    "ghr_",
    "github_pat_",
    "glpat-",
];

/// What secret the URL carries before its host, if any.
fn secret_in(url: &str) -> Option<&'static str> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let (user, _host) = authority.rsplit_once('@')?;
    if user.contains(':') {
        return Some("a password");
    }
    let token_like = TOKEN_PREFIXES.iter().any(|p| user.starts_with(p))
        || (user.len() >= 32 && user.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
    token_like.then_some("an access token")
}

fn judge_location(node: &Node, path: &str) -> Judgement {
    judge(node, &mut |n| match n.as_str() {
        Some(url) => match secret_in(url) {
            Some(what) => Judgement::no(
                n,
                format!("{path} carries {what} in the URL: use CodeBuild source credentials"),
            ),
            None => Judgement::Yes,
        },
        // A reference (a repository's clone URL) carries no written secret.
        None => Judgement::Yes,
    })
}

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let (location, path) = prop(resource, "Source.Location", "source.location");
    let mut places: Vec<(String, &Node)> =
        location.map(|l| (path.to_owned(), l)).into_iter().collect();
    let (secondary, secondary_path) = prop(resource, "SecondarySources", "secondary_sources");
    let location_key = spelling(resource, "Location", "location");
    for (i, item) in crate::check::items(secondary).into_iter().enumerate() {
        if let Some(loc) = get_in(item, location_key) {
            places.push((format!("{secondary_path}[{i}].{location_key}"), loc));
        }
    }
    let mut every = Every::default();
    for (label, loc) in &places {
        if let Some(not_met) = every.add(resource, label, judge_location(loc, label)) {
            return not_met;
        }
    }
    every.finish(|| match places.first() {
        Some((label, loc)) => Verdict::met(
            resource,
            loc.span,
            label,
            "the source URLs carry no credentials",
        ),
        None => Verdict::met_by_default(
            resource,
            path,
            "no source URL (CodePipeline, S3 or no source): no credentials in it",
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::secret_in;

    #[test]
    fn credentials_in_urls() {
        assert_eq!(
            secret_in("https://u:p@bitbucket.org/a/b.git"),
            Some("a password")
        );
        assert_eq!(secret_in("https://ops@bitbucket.org/a/b.git"), None);
        assert_eq!(
            secret_in("https://ghp_0123456789abcdef@github.com/a/b"),
            Some("an access token")
        );
        assert_eq!(secret_in("https://github.com/a/b@v1"), None);
        assert_eq!(secret_in("s3://bucket/key"), None);
    }
}
