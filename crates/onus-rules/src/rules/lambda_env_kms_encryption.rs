//! # lambda.env-kms-encryption: Lambda environment variables use a customer managed KMS key
//!
//! ## Why this is your duty
//! Lambda is an abstracted service (whether runtime patching is yours
//! varies, see `onus explain lambda`), but the keys protecting your data are
//! always your choice. Environment variables often carry configuration that
//! is sensitive; with a customer managed key you decide who may decrypt
//! them, can audit every use in CloudTrail and can revoke access.
//!
//! ## What AWS already does
//! Lambda always encrypts environment variables at rest, by default with the
//! AWS managed key `aws/lambda`: they are never stored in plaintext. What the
//! default does not give you is control over the key policy, rotation or
//! revocation. Secrets belong in Secrets Manager or Parameter Store rather
//! than in environment variables at all.
//!
//! ## Verdicts
//! - met: `KmsKeyArn` / `kms_key_arn` is set (a key reference counts);
//! - not met: the function has environment variables (`Environment.Variables`
//!   / `environment { variables = {...} }` not empty) and no key: they are
//!   encrypted with the AWS managed key only;
//! - unknown: no key, and the variables or the key are values onus cannot
//!   resolve;
//! - not applicable: no environment variables (nothing to encrypt).
//!
//! Fix: create a KMS key and set `KmsKeyArn` / `kms_key_arn` to its ARN.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Key:
//!     Type: AWS::KMS::Key
//!   Fn:
//!     Type: AWS::Lambda::Function
//!     Properties:
//!       Runtime: python3.13
//!       Handler: app.handler
//!       Role: arn:aws:iam::111122223333:role/app
//!       Code:
//!         ZipFile: "def handler(e, c): pass"
//!       KmsKeyArn: !GetAtt Key.Arn
//!       Environment:
//!         Variables:
//!           TABLE: orders
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
//!       Environment:
//!         Variables:
//!           TABLE: orders
//! ```
//! ```yaml not-applicable
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
//! ```yaml fail
//! Transform: AWS::Serverless-2016-10-31
//! Resources:
//!   Fn:
//!     Type: AWS::Serverless::Function
//!     Properties:
//!       Runtime: nodejs22.x
//!       Handler: index.handler
//!       CodeUri: src/
//!       Environment:
//!         Variables:
//!           STAGE: prod
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "fn" {}
//! resource "aws_lambda_function" "fn" {
//!   function_name = "app"
//!   role          = "arn:aws:iam::111122223333:role/app"
//!   runtime       = "python3.13"
//!   handler       = "app.handler"
//!   filename      = "app.zip"
//!   kms_key_arn   = aws_kms_key.fn.arn
//!   environment {
//!     variables = {
//!       TABLE = "orders"
//!     }
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
//!   environment {
//!     variables = {
//!       TABLE = "orders"
//!     }
//!   }
//! }
//! ```
//! ```hcl not-applicable
//! resource "aws_lambda_function" "fn" {
//!   function_name = "app"
//!   role          = "arn:aws:iam::111122223333:role/app"
//!   runtime       = "python3.13"
//!   handler       = "app.handler"
//!   filename      = "app.zip"
//! }
//! ```
//! ```hcl unknown
//! variable "env" {
//!   type = map(string)
//! }
//! resource "aws_lambda_function" "fn" {
//!   function_name = "app"
//!   role          = "arn:aws:iam::111122223333:role/app"
//!   runtime       = "python3.13"
//!   handler       = "app.handler"
//!   filename      = "app.zip"
//!   environment {
//!     variables = var.env
//!   }
//! }
//! ```

use crate::check::{Judgement, is_empty, judge, prop, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "lambda.env-kms-encryption",
    title: "Lambda environment variables are encrypted with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::Lambda::Function"],
    tf_types: &["aws_lambda_function"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_173", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let (vars, vars_path) = prop(resource, "Environment.Variables", "environment.variables");
    // Whether the function has environment variables: Yes = none on any
    // branch, No = some branch has some, Unknown = unresolved.
    let has_vars = match vars {
        None => Judgement::Yes,
        Some(node) => judge(node, &mut |n| match &n.value {
            Value::Map(_) | Value::List(_) | Value::String(_) | Value::Null if is_empty(n) => {
                Judgement::Yes
            }
            Value::Map(_) => Judgement::no(n, "the function has environment variables"),
            Value::Ref(_) => Judgement::Unknown(n.span, format!("{vars_path} (a reference)")),
            _ => Judgement::no(n, "the function has environment variables"),
        }),
    };
    if has_vars == Judgement::Yes {
        return Verdict::not_applicable(resource, "the function has no environment variables");
    }
    let (key, key_path) = prop(resource, "KmsKeyArn", "kms_key_arn");
    if let Some(key) = key {
        let j = judge(key, &mut |n| {
            Judgement::from_bool(!is_empty(n), n, || {
                format!(
                    "{key_path} is empty or unset on a condition: environment variables use the AWS managed key aws/lambda"
                )
            })
        });
        if j == Judgement::Yes {
            return verdict_of(
                resource,
                key,
                key_path,
                j,
                format!("{key_path} is set: environment variables use your KMS key"),
            );
        }
        if let Judgement::Unknown(..) = j {
            return verdict_of(resource, key, key_path, j, "");
        }
        if let Judgement::Unknown(span, what) = has_vars {
            return Verdict::unknown(resource, span, vars_path, what);
        }
        return verdict_of(resource, key, key_path, j, "");
    }
    match has_vars {
        Judgement::Unknown(span, what) => Verdict::unknown(resource, span, vars_path, what),
        _ => Verdict::missing(
            resource,
            key_path,
            format!(
                "{key_path} is not set: environment variables are encrypted only with the AWS managed key aws/lambda"
            ),
        ),
    }
}
