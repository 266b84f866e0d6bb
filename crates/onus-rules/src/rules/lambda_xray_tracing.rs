//! # lambda.xray-tracing: Lambda functions send traces to X-Ray
//!
//! ## Why this is your duty
//! Lambda is abstracted: AWS runs the functions, and monitoring what your
//! code does with requests is yours. Active tracing records each invocation
//! and the calls it makes to other services, which is what tells you which
//! request reached which database, queue or API when you investigate an
//! incident. AWS does not turn it on for you.
//!
//! ## What AWS already does
//! Sends each function's output to CloudWatch Logs and publishes invocation
//! metrics. `TracingConfig.Mode` defaults to `PassThrough`: the function is
//! traced only when its caller already sampled the request (X-Ray
//! integration since 2017).
//!
//! ## Verdicts
//! - met: `TracingConfig.Mode` (`tracing_config { mode }`, SAM's
//!   `Tracing`) is `Active`;
//! - not met: `PassThrough`, or absent (the default);
//! - unknown: the mode is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Fn:
//!     Type: AWS::Lambda::Function
//!     Properties:
//!       Runtime: python3.13
//!       Handler: app.handler
//!       Role: arn:aws:iam::111122223333:role/app
//!       Code:
//!         ZipFile: "def handler(e, c): pass"
//!       TracingConfig:
//!         Mode: Active
//! ```
//! ```yaml fail
//! Resources:
//!   Fn:
//!     Type: AWS::Lambda::Function
//!     Properties:
//!       Runtime: python3.13
//!       Handler: app.handler
//!       Role: arn:aws:iam::111122223333:role/app
//!       Code:
//!         ZipFile: "def handler(e, c): pass"
//! ```
//! ```hcl pass
//! resource "aws_lambda_function" "fn" {
//!   function_name = "app"
//!   role          = "arn:aws:iam::111122223333:role/app"
//!   runtime       = "python3.13"
//!   handler       = "app.handler"
//!   filename      = "app.zip"
//!   tracing_config {
//!     mode = "Active"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_lambda_function" "fn" {
//!   function_name = "app"
//!   role          = "arn:aws:iam::111122223333:role/app"
//!   runtime       = "python3.13"
//!   handler       = "app.handler"
//!   filename      = "app.zip"
//!   tracing_config {
//!     mode = "PassThrough"
//!   }
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "lambda.xray-tracing",
    title: "Lambda functions have X-Ray active tracing",
    duty: Duty::Logging,
    severity: Severity::Low,
    cfn_types: &["AWS::Lambda::Function"],
    tf_types: &["aws_lambda_function"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_50", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "TracingConfig.Mode",
        "tracing_config.mode",
        &["Active"],
        Some("PassThrough"),
        "active X-Ray tracing",
    )
}
