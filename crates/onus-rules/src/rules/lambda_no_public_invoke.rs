//! # lambda.no-public-invoke: Lambda permissions do not let everyone invoke the function
//!
//! ## Why this is your duty
//! Lambda is an abstracted service (whether runtime patching is yours
//! varies, see `onus explain lambda`), but who may invoke your function is
//! your access-control decision, written in its resource-based policy. A
//! permission for the principal `*` lets any AWS account call it; a
//! permission for an AWS service with no source lets that service invoke it
//! on behalf of *any* customer's resource (the confused-deputy problem).
//!
//! ## What AWS already does
//! A function has no resource-based policy until you add permissions: only
//! principals in your account with IAM permissions can invoke it. Lambda
//! evaluates `SourceArn`, `SourceAccount` and `PrincipalOrgID` as conditions
//! of the statement each permission creates.
//!
//! ## Verdicts
//! Judged on each `AWS::Lambda::Permission` / `aws_lambda_permission`:
//! - met: the principal is an account, an IAM ARN or another named
//!   principal; a service principal (`sns.amazonaws.com`,
//!   `events.amazonaws.com`, ...) with `SourceArn` / `source_arn` or
//!   `SourceAccount` / `source_account`; `s3.amazonaws.com` with
//!   `SourceAccount`; the principal `*` restricted by `SourceArn`,
//!   `SourceAccount` or `PrincipalOrgID` / `principal_org_id`; a service
//!   principal with `PrincipalOrgID` (a service's requests carry no
//!   `aws:PrincipalOrgID`, so the permission lets no one invoke);
//! - not met: the principal `*` with none of those (anyone may invoke); a
//!   service principal with neither `SourceArn` nor `SourceAccount` (any
//!   resource of that service, in any account, may invoke);
//!   `s3.amazonaws.com` without `SourceAccount`, whatever `SourceArn` says (a
//!   bucket ARN names no account: a bucket of that name in another account,
//!   e.g. after you delete yours, may invoke);
//! - unknown: the principal, or the restricting value, is not static.
//!
//! A restriction that a condition leaves unset on one branch counts as
//! unset, and so does one whose value names no one (`*`, or an ARN pattern
//! such as `arn:aws:s3:::*` with neither a fixed account nor a fixed
//! resource name), judged as the shared policy analysis judges an
//! `aws:SourceArn` / `aws:SourceAccount` / `aws:PrincipalOrgID` condition. Fix: name the account, or add `SourceArn` (the bucket, topic or
//! rule that invokes the function) and `SourceAccount`.
//!
//! ## Examples
//! ```yaml fail
//! Resources:
//!   Public:
//!     Type: AWS::Lambda::Permission
//!     Properties:
//!       Action: lambda:InvokeFunction
//!       FunctionName: app
//!       Principal: "*"
//! ```
//! ```yaml pass
//! Resources:
//!   Topic:
//!     Type: AWS::SNS::Topic
//!   FromTopic:
//!     Type: AWS::Lambda::Permission
//!     Properties:
//!       Action: lambda:InvokeFunction
//!       FunctionName: app
//!       Principal: sns.amazonaws.com
//!       SourceArn: !Ref Topic
//! ```
//! ```yaml fail
//! Resources:
//!   FromBucket:
//!     Type: AWS::Lambda::Permission
//!     Properties:
//!       Action: lambda:InvokeFunction
//!       FunctionName: app
//!       Principal: s3.amazonaws.com
//! ```
//! ```yaml pass
//! Resources:
//!   FromAccount:
//!     Type: AWS::Lambda::Permission
//!     Properties:
//!       Action: lambda:InvokeFunction
//!       FunctionName: app
//!       Principal: "111122223333"
//! ```
//! ```yaml unknown
//! Parameters:
//!   Caller:
//!     Type: String
//! Resources:
//!   FromCaller:
//!     Type: AWS::Lambda::Permission
//!     Properties:
//!       Action: lambda:InvokeFunction
//!       FunctionName: app
//!       Principal: !Ref Caller
//! ```
//! ```yaml fail
//! Parameters:
//!   TopicArn:
//!     Type: String
//!     Default: ""
//! Conditions:
//!   HasTopic: !Not [!Equals [!Ref TopicArn, ""]]
//! Resources:
//!   FromTopic:
//!     Type: AWS::Lambda::Permission
//!     Properties:
//!       Action: lambda:InvokeFunction
//!       FunctionName: app
//!       Principal: sns.amazonaws.com
//!       SourceArn: !If [HasTopic, !Ref TopicArn, !Ref AWS::NoValue]
//! ```
//! ```hcl fail
//! resource "aws_lambda_permission" "any_bucket" {
//!   action        = "lambda:InvokeFunction"
//!   function_name = "app"
//!   principal     = "s3.amazonaws.com"
//!   source_arn    = "arn:aws:s3:::*"
//! }
//! ```
//! ```hcl fail
//! resource "aws_lambda_permission" "public" {
//!   action        = "lambda:InvokeFunction"
//!   function_name = "app"
//!   principal     = "*"
//! }
//! ```
//! ```hcl pass
//! resource "aws_sns_topic" "t" {
//!   name = "t"
//! }
//! resource "aws_lambda_permission" "from_topic" {
//!   action        = "lambda:InvokeFunction"
//!   function_name = "app"
//!   principal     = "sns.amazonaws.com"
//!   source_arn    = aws_sns_topic.t.arn
//! }
//! ```
//! ```hcl fail
//! resource "aws_lambda_permission" "from_bucket" {
//!   action        = "lambda:InvokeFunction"
//!   function_name = "app"
//!   principal     = "s3.amazonaws.com"
//! }
//! ```
//! ```hcl pass
//! resource "aws_lambda_permission" "from_bucket" {
//!   action         = "lambda:InvokeFunction"
//!   function_name  = "app"
//!   principal      = "s3.amazonaws.com"
//!   source_account = "111122223333"
//! }
//! ```
//! ```hcl fail
//! resource "aws_lambda_permission" "from_bucket_arn" {
//!   action        = "lambda:InvokeFunction"
//!   function_name = "app"
//!   principal     = "s3.amazonaws.com"
//!   source_arn    = "arn:aws:s3:::uploads"
//! }
//! ```
//! ```yaml pass
//! Resources:
//!   OrgOnly:
//!     Type: AWS::Lambda::Permission
//!     Properties:
//!       Action: lambda:InvokeFunction
//!       FunctionName: app
//!       Principal: events.amazonaws.com
//!       PrincipalOrgID: o-abc123
//! ```
//! ```hcl pass
//! resource "aws_lambda_permission" "org" {
//!   action           = "lambda:InvokeFunction"
//!   function_name    = "app"
//!   principal        = "*"
//!   principal_org_id = "o-abc123"
//! }
//! ```

use crate::check::{Judgement, is_empty, judge, prop};
use crate::context::Context;
use crate::policy::{Test, Tri, items};
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "lambda.no-public-invoke",
    title: "Lambda permission does not let everyone invoke the function",
    duty: Duty::AccessControl,
    severity: Severity::Critical,
    cfn_types: &["AWS::Lambda::Permission"],
    tf_types: &["aws_lambda_permission"],
    reads: &[],
    controls: Controls {
        fsbp: &["Lambda.1"],
        config: &["LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_301", Related),
        checkov("CKV_AWS_364", Related),
        cfn_nag("F13", Related),
        trivy("AVD-AWS-0067", Related),
        guard("LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED", Same),
        guard("LAMBDA_NO_WILDCARD_PRINCIPALS", Related),
    ],
    check,
    file: file!(),
};

/// A restriction property: Yes when set on every branch, No (with the
/// branch) when absent or unset on some branch, Unknown when unresolved.
fn restriction(
    resource: &Resource,
    cfn: &str,
    tf: &str,
    key: &str,
) -> (Judgement, String, Option<Node>) {
    let (node, path) = prop(resource, cfn, tf);
    match node {
        None => (
            Judgement::No(resource.name_span, format!("{path} is not set")),
            path.to_owned(),
            None,
        ),
        Some(n) => (
            judge(n, &mut |b| {
                if is_empty(b) {
                    return Judgement::no(b, format!("{path} is unset on a branch"));
                }
                // The shared condition analysis: a value that names no one
                // (`*`, `arn:aws:s3:::*`) does not restrict.
                let test = Test {
                    operator: if cfn == "SourceArn" {
                        "ArnLike"
                    } else {
                        "StringEquals"
                    }
                    .into(),
                    key: key.into(),
                    values: items(b),
                    span: b.span,
                };
                Judgement::from_bool(test.restricts() != Tri::No, b, || {
                    format!("{path} is a pattern that matches any caller")
                })
            }),
            path.to_owned(),
            Some(n.clone()),
        ),
    }
}

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let (principal, ppath) = prop(resource, "Principal", "principal");
    let Some(principal) = principal else {
        return Verdict::missing(resource, ppath, format!("{ppath} is not set"));
    };
    // Classify every possible principal value.
    let mut wildcard = false;
    let mut service = false;
    let mut s3 = false;
    let j = judge(principal, &mut |n| match n.scalar_text() {
        Some(p) if p.trim() == "*" => {
            wildcard = true;
            Judgement::Yes
        }
        Some(p)
            if p.trim().ends_with(".amazonaws.com") || p.trim().ends_with(".amazonaws.com.cn") =>
        {
            service = true;
            s3 |= p.trim().starts_with("s3.");
            Judgement::Yes
        }
        Some(_) => Judgement::Yes,
        None if matches!(n.value, onus_ingest::Value::Ref(_)) => {
            Judgement::Unknown(n.span, format!("{ppath} refers to another resource"))
        }
        None => Judgement::no(n, format!("{ppath} is not a plain value")),
    });
    match j {
        Judgement::Unknown(span, what) => return Verdict::unknown(resource, span, ppath, what),
        Judgement::No(span, why) => return Verdict::not_met(resource, span, ppath, why),
        Judgement::Yes => {}
    }
    if !wildcard && !service {
        return Verdict::met(
            resource,
            principal.span,
            ppath,
            "the permission names a specific principal",
        );
    }
    let org = restriction(
        resource,
        "PrincipalOrgID",
        "principal_org_id",
        "aws:PrincipalOrgID",
    );
    let source_account = || {
        restriction(
            resource,
            "SourceAccount",
            "source_account",
            "aws:SourceAccount",
        )
    };
    // A bucket ARN names no account: only SourceAccount ties S3 to yours.
    let mut checks = if s3 && !wildcard {
        vec![source_account()]
    } else {
        vec![
            restriction(resource, "SourceArn", "source_arn", "aws:SourceArn"),
            source_account(),
        ]
    };
    if service && !wildcard && org.0 == Judgement::Yes {
        // Service callers carry no aws:PrincipalOrgID: nobody matches.
        let span = org.2.as_ref().map_or(resource.name_span, |n| n.span);
        return Verdict::met(
            resource,
            span,
            &org.1,
            format!(
                "{} with an AWS service principal lets no one invoke: a service's requests carry no aws:PrincipalOrgID",
                org.1
            ),
        );
    }
    if wildcard && !service {
        checks.push(org);
    }
    if let Some((_, path, node)) = checks.iter().find(|(j, ..)| *j == Judgement::Yes) {
        let span = node.as_ref().map_or(resource.name_span, |n| n.span);
        return Verdict::met(
            resource,
            span,
            path,
            format!("{path} restricts who can invoke through this permission"),
        );
    }
    if let Some((Judgement::Unknown(span, what), path, _)) = checks
        .iter()
        .find(|(j, ..)| matches!(j, Judgement::Unknown(..)))
    {
        return Verdict::unknown(resource, *span, path, what.clone());
    }
    let names: Vec<&str> = checks.iter().map(|(_, p, _)| p.as_str()).collect();
    // A restriction that is present but left unset by a condition.
    if let Some((Judgement::No(span, why), path, Some(_))) = checks
        .iter()
        .find(|(j, _, n)| matches!(j, Judgement::No(..)) && n.is_some())
    {
        let who = if wildcard {
            "anyone may invoke the function"
        } else {
            "any resource of that service, in any account, may invoke the function (confused deputy)"
        };
        return Verdict::not_met(resource, *span, path, format!("{why}: {who}"));
    }
    let why = if wildcard {
        format!(
            "{ppath} is \"*\" with no {}: anyone may invoke the function",
            names.join(", ")
        )
    } else {
        if s3 {
            format!(
                "{ppath} is s3.amazonaws.com with no {}: a bucket ARN names no account, so a bucket of that name in any account may invoke the function, whatever SourceArn says (confused deputy)",
                names.join(" or ")
            )
        } else {
            format!(
                "{ppath} is an AWS service with no {}: any resource of that service, in any account, may invoke the function (confused deputy)",
                names.join(" or ")
            )
        }
    };
    Verdict::not_met(resource, principal.span, ppath, why)
}
