//! # logs.resource-policy-not-public: CloudWatch Logs resource policies do not allow everyone
//!
//! ## Why this is your duty
//! CloudWatch Logs is an abstracted service: AWS stores and encrypts the
//! logs; who may write to (or read) your log groups through a resource
//! policy is yours to decide. A statement allowing the principal `*` lets
//! any AWS account put events into your log groups (forging or flooding the
//! records you investigate with) or read them.
//!
//! ## What AWS already does
//! Without a resource policy, only identities of the account (through their
//! IAM policies) reach its log groups. AWS services that deliver logs
//! (Route 53 query logs, EventBridge, OpenSearch...) need a resource policy
//! that names their service principal.
//!
//! ## Verdicts
//! Judged on `AWS::Logs::ResourcePolicy` (`PolicyDocument`, a JSON string)
//! and Terraform `aws_cloudwatch_log_resource_policy` (`policy_document`):
//! - met: no `Allow` statement to everyone;
//! - not met: an `Allow` to `*` (or with `NotPrincipal`) with no condition
//!   limiting the caller to fixed values (`aws:SourceAccount`,
//!   `aws:SourceArn`, `aws:PrincipalOrgID`...);
//! - unknown: the policy or a statement is something onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   QueryLogs:
//!     Type: AWS::Logs::ResourcePolicy
//!     Properties:
//!       PolicyName: route53-query-logs
//!       PolicyDocument: '{"Statement":[{"Effect":"Allow","Principal":{"Service":"route53.amazonaws.com"},"Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":"arn:aws:logs:us-east-1:111122223333:log-group:/aws/route53/*"}]}'
//! ```
//! ```yaml fail
//! Resources:
//!   Open:
//!     Type: AWS::Logs::ResourcePolicy
//!     Properties:
//!       PolicyName: open
//!       PolicyDocument: '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"logs:PutLogEvents","Resource":"*"}]}'
//! ```
//! ```hcl pass
//! resource "aws_cloudwatch_log_resource_policy" "es" {
//!   policy_name = "opensearch-logs"
//!   policy_document = jsonencode({
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = "*"
//!       Action    = ["logs:PutLogEvents", "logs:CreateLogStream"]
//!       Resource  = "arn:aws:logs:*:111122223333:log-group:/aws/opensearch/*"
//!       Condition = { StringEquals = { "aws:SourceAccount" = "111122223333" } }
//!     }]
//!   })
//! }
//! ```
//! ```hcl fail
//! resource "aws_cloudwatch_log_resource_policy" "open" {
//!   policy_name = "open"
//!   policy_document = jsonencode({
//!     Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "logs:*", Resource = "*" }]
//!   })
//! }
//! ```

use crate::check::{get, spelling};
use crate::context::Context;
use crate::policy::no_public_grant;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "logs.resource-policy-not-public",
    title: "CloudWatch Logs resource policies do not allow everyone",
    duty: Duty::AccessControl,
    severity: Severity::High,
    cfn_types: &["AWS::Logs::ResourcePolicy"],
    tf_types: &["aws_cloudwatch_log_resource_policy"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let path = spelling(resource, "PolicyDocument", "policy_document");
    let policies: Vec<_> = get(resource, path)
        .map(|n| (resource, n, path))
        .into_iter()
        .collect();
    no_public_grant(
        resource,
        &policies,
        cx,
        "log",
        "no policy document: only the account's own identities reach its log groups",
    )
}
