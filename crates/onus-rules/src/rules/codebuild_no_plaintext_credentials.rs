//! # codebuild.no-plaintext-credentials: CodeBuild environment variables hold no plaintext credentials
//!
//! ## Why this is your duty
//! CodeBuild is an abstracted service: AWS runs the build containers, but
//! the project's configuration is yours. `PLAINTEXT` environment variables
//! are stored in the project, returned by `BatchGetProjects`, shown in the
//! console and in the code; credentials placed there leak to everyone who
//! can read the project.
//!
//! ## What AWS already does
//! Offers `PARAMETER_STORE` and `SECRETS_MANAGER` variable types, which
//! CodeBuild resolves when the build starts so that the value is never stored
//! in the project; a variable without `Type` is `PLAINTEXT`.
//!
//! ## Verdicts
//! Each variable of `Environment.EnvironmentVariables` (Terraform
//! `environment` `environment_variable` blocks) whose type is `PLAINTEXT`
//! (or not set):
//! - met: no variables, or no plaintext one holds a credential;
//! - not met: a plaintext value in a known key format (AWS access key id,
//!   private key, GitHub, GitLab, Slack, Stripe or npm token...), or a
//!   literal under a name that says it is a secret (`AWS_SECRET_ACCESS_KEY`,
//!   `DOCKERHUB_PASSWORD`, `NPM_TOKEN`...), including one that comes from a
//!   parameter's default or a variable's default; the message shows a masked
//!   prefix only.
//!
//! ## Examples
//! ```yaml fail
//! Resources:
//!   Build:
//!     Type: AWS::CodeBuild::Project
//!     Properties:
//!       Artifacts: {Type: NO_ARTIFACTS}
//!       Source: {Type: NO_SOURCE, BuildSpec: "version: 0.2"}
//!       ServiceRole: arn:aws:iam::111122223333:role/build
//!       Environment:
//!         Type: LINUX_CONTAINER
//!         ComputeType: BUILD_GENERAL1_SMALL
//!         Image: aws/codebuild/standard:7.0
//!         EnvironmentVariables:
//!           - Name: AWS_ACCESS_KEY_ID
//!             Value: AKIAIOSFODNN7EXAMPLE
//! ```
//! ```yaml pass
//! Resources:
//!   Build:
//!     Type: AWS::CodeBuild::Project
//!     Properties:
//!       Artifacts: {Type: NO_ARTIFACTS}
//!       Source: {Type: NO_SOURCE, BuildSpec: "version: 0.2"}
//!       ServiceRole: arn:aws:iam::111122223333:role/build
//!       Environment:
//!         Type: LINUX_CONTAINER
//!         ComputeType: BUILD_GENERAL1_SMALL
//!         Image: aws/codebuild/standard:7.0
//!         EnvironmentVariables:
//!           - Name: DOCKERHUB_PASSWORD
//!             Type: SECRETS_MANAGER
//!             Value: dockerhub:password
//!           - Name: STAGE
//!             Value: prod
//! ```
//! ```hcl fail
//! resource "aws_codebuild_project" "build" {
//!   name         = "build"
//!   service_role = "arn:aws:iam::111122223333:role/build"
//!   artifacts { type = "NO_ARTIFACTS" }
//!   source { type = "NO_SOURCE" }
//!   environment {
//!     compute_type = "BUILD_GENERAL1_SMALL"
//!     image        = "aws/codebuild/standard:7.0"
//!     type         = "LINUX_CONTAINER"
//!     environment_variable {
//!       name  = "NPM_TOKEN"
//!       value = "npm_abcdefghijklmnopqrstuvwxyz0123456789"
//!     }
//!   }
//! }
//! ```
//! ```hcl pass
//! resource "aws_codebuild_project" "build" {
//!   name         = "build"
//!   service_role = "arn:aws:iam::111122223333:role/build"
//!   artifacts { type = "NO_ARTIFACTS" }
//!   source { type = "NO_SOURCE" }
//!   environment {
//!     compute_type = "BUILD_GENERAL1_SMALL"
//!     image        = "aws/codebuild/standard:7.0"
//!     type         = "LINUX_CONTAINER"
//!     environment_variable {
//!       name  = "NPM_TOKEN"
//!       type  = "PARAMETER_STORE"
//!       value = "/build/npm-token"
//!     }
//!   }
//! }
//! ```

use crate::check::{get_in, items, prop};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, guard};
use crate::secrets::judge_nodes;
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "codebuild.no-plaintext-credentials",
    title: "CodeBuild environment variables hold no plaintext credentials",
    duty: Duty::SecretsHandling,
    severity: Severity::Critical,
    cfn_types: &["AWS::CodeBuild::Project"],
    tf_types: &["aws_codebuild_project"],
    reads: &[],
    controls: Controls {
        fsbp: &["CodeBuild.2"],
        config: &["CODEBUILD_PROJECT_ENVVAR_AWSCRED_CHECK"],
        cis: &[],
    },
    peers: &[guard("CODEBUILD_PROJECT_ENVVAR_AWSCRED_CHECK", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let (vars, path) = prop(
        resource,
        "Environment.EnvironmentVariables",
        "environment.environment_variable",
    );
    let Some(list) = vars else {
        return Verdict::met_by_default(resource, path, "no environment variables");
    };
    let plaintext: Vec<&Node> = items(Some(list))
        .into_iter()
        .filter(|v| {
            get_in(v, "Type")
                .or_else(|| get_in(v, "type"))
                .and_then(Node::as_str)
                .is_none_or(|t| t.eq_ignore_ascii_case("PLAINTEXT"))
        })
        .collect();
    judge_nodes(
        resource,
        cx.workload.file(resource.file).lines.text(),
        &plaintext,
        list.span,
        path,
        false,
        "use a PARAMETER_STORE or SECRETS_MANAGER variable instead",
    )
}
