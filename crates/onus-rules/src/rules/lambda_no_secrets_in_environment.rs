//! # lambda.no-secrets-in-environment: Lambda environment variables hold no hard-coded secrets
//!
//! ## Why this is your duty
//! Lambda is an abstracted service: AWS runs the function, but what you put
//! in its configuration is yours. Environment variables are returned by
//! `GetFunctionConfiguration` to anyone allowed to read the function, shown
//! in the console, and written in the code and every copy of it; a password
//! or key placed there is no longer a secret.
//!
//! ## What AWS already does
//! Encrypts environment variables at rest with an AWS managed key (or your
//! KMS key), and offers Secrets Manager and Parameter Store (through the
//! Parameters and Secrets Lambda extension) to fetch secrets at run time.
//!
//! ## Verdicts
//! Every value of `Environment.Variables` / `environment.variables`,
//! including values that come from a parameter's `Default`, a variable's
//! default or a local (those are written in the code too):
//! - met: no variables, or none holds a secret;
//! - not met: a value in a known key format (AWS access key id, private
//!   key, GitHub, GitLab, Slack, Stripe, Google, SendGrid, npm or Twilio
//!   token, JWT, password in a URL), or a literal under a name that says it
//!   is a secret (`DB_PASSWORD`, `API_KEY`, `CLIENT_SECRET`, `*_TOKEN`...),
//!   not an ARN, a parameter path or a `{{resolve:...}}` reference. The
//!   message shows a masked prefix only;
//! - a value onus cannot resolve (a parameter without a default, a
//!   reference) is not in the code, and does not fail.
//!
//! ## Examples
//! ```yaml fail
//! Resources:
//!   Api:
//!     Type: AWS::Lambda::Function
//!     Properties:
//!       Runtime: python3.12
//!       Handler: app.handler
//!       Role: arn:aws:iam::111122223333:role/api
//!       Code:
//!         ZipFile: "def handler(e, c): pass"
//!       Environment:
//!         Variables:
//!           LOG_LEVEL: info
//!           STRIPE_API_KEY: sk_live_abcdefghijklmnopqrstuvwx
//! ```
//! ```yaml fail
//! Parameters:
//!   DbPassword:
//!     Type: String
//!     Default: hunter2hunter2
//! Resources:
//!   Api:
//!     Type: AWS::Lambda::Function
//!     Properties:
//!       Runtime: python3.12
//!       Handler: app.handler
//!       Role: arn:aws:iam::111122223333:role/api
//!       Code:
//!         ZipFile: "def handler(e, c): pass"
//!       Environment:
//!         Variables:
//!           DB_PASSWORD: !Ref DbPassword
//! ```
//! ```yaml pass
//! Parameters:
//!   DbPassword:
//!     Type: String
//!     NoEcho: true
//! Resources:
//!   Api:
//!     Type: AWS::Lambda::Function
//!     Properties:
//!       Runtime: python3.12
//!       Handler: app.handler
//!       Role: arn:aws:iam::111122223333:role/api
//!       Code:
//!         ZipFile: "def handler(e, c): pass"
//!       Environment:
//!         Variables:
//!           DB_PASSWORD: !Ref DbPassword
//!           DB_SECRET_ARN: arn:aws:secretsmanager:eu-west-1:111122223333:secret:db
//!           LOG_LEVEL: info
//! ```
//! ```hcl fail
//! locals {
//!   github_token = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"
//! }
//! resource "aws_lambda_function" "api" {
//!   function_name = "api"
//!   role          = "arn:aws:iam::111122223333:role/api"
//!   runtime       = "python3.12"
//!   handler       = "app.handler"
//!   filename      = "api.zip"
//!   environment {
//!     variables = { GITHUB_TOKEN = local.github_token }
//!   }
//! }
//! ```
//! ```hcl pass
//! variable "db_password" {
//!   type      = string
//!   sensitive = true
//! }
//! resource "aws_lambda_function" "api" {
//!   function_name = "api"
//!   role          = "arn:aws:iam::111122223333:role/api"
//!   runtime       = "python3.12"
//!   handler       = "app.handler"
//!   filename      = "api.zip"
//!   environment {
//!     variables = { DB_PASSWORD = var.db_password, LOG_LEVEL = "info" }
//!   }
//! }
//! ```

use crate::check::prop;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::secrets::judge_block;
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "lambda.no-secrets-in-environment",
    title: "Lambda environment variables hold no hard-coded secrets",
    duty: Duty::SecretsHandling,
    severity: Severity::High,
    cfn_types: &["AWS::Lambda::Function"],
    tf_types: &["aws_lambda_function"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_45", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let (node, path) = prop(resource, "Environment.Variables", "environment.variables");
    judge_block(
        resource,
        cx.workload.file(resource.file).lines.text(),
        node,
        path,
        false,
        "read it at run time from Secrets Manager or Parameter Store instead",
        "no environment variables",
    )
}
