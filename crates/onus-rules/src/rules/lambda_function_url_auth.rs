//! # lambda.function-url-auth: Lambda function URLs require IAM authentication
//!
//! ## Why this is your duty
//! Lambda is an abstracted service: AWS runs the endpoint, but who may invoke
//! your function through it is your access-control decision. A function URL
//! with `AuthType: NONE` is a public HTTPS endpoint: anyone on the internet
//! can call the function, and only the function's own code stands in the way.
//!
//! ## What AWS already does
//! Serves the URL over HTTPS and, with `AWS_IAM`, checks SigV4-signed requests
//! against IAM and the function's resource policy. There is no default: the
//! auth type must be chosen.
//!
//! ## Verdicts
//! - met: `AuthType` / `authorization_type` is `AWS_IAM`;
//! - not met: `NONE` (public; put authentication in front, e.g. CloudFront
//!   with origin access control, or authenticate in code and suppress this);
//! - unknown: the value is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Url:
//!     Type: AWS::Lambda::Url
//!     Properties:
//!       TargetFunctionArn: arn:aws:lambda:eu-west-1:111122223333:function:app
//!       AuthType: AWS_IAM
//! ```
//! ```yaml fail
//! Resources:
//!   Url:
//!     Type: AWS::Lambda::Url
//!     Properties:
//!       TargetFunctionArn: arn:aws:lambda:eu-west-1:111122223333:function:app
//!       AuthType: NONE
//! ```
//! ```hcl pass
//! resource "aws_lambda_function_url" "url" {
//!   function_name      = "app"
//!   authorization_type = "AWS_IAM"
//! }
//! ```
//! ```hcl fail
//! resource "aws_lambda_function_url" "url" {
//!   function_name      = "app"
//!   authorization_type = "NONE"
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "lambda.function-url-auth",
    title: "Lambda function URLs require IAM authentication",
    duty: Duty::AccessControl,
    severity: Severity::High,
    cfn_types: &["AWS::Lambda::Url"],
    tf_types: &["aws_lambda_function_url"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_258", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "AuthType",
        "authorization_type",
        &["AWS_IAM"],
        None,
        "an authenticated function URL",
    )
}
