//! # cloudformation.stack-service-role: CloudFormation stacks run with a service role
//!
//! ## Why this is your duty
//! CloudFormation is an abstracted service: AWS creates, updates and deletes
//! a stack's resources with the credentials you give it. Without a service
//! role it acts with the caller's own permissions, so everyone who may update
//! the stack needs every permission its resources need; with one, callers
//! need only `iam:PassRole` and the stack's reach is the role's policy.
//!
//! ## What AWS already does
//! Uses the caller's credentials for every operation unless the stack names a
//! role (`RoleARN`, Terraform `iam_role_arn`).
//!
//! ## Verdicts
//! Follows the AWS Config rule `cloudformation-stack-service-role-check`
//! (Security Hub CloudFormation.4). Terraform only: a nested
//! `AWS::CloudFormation::Stack` always runs with its root stack's role, which
//! is chosen outside the template.
//! - met: `iam_role_arn` is set;
//! - not met: it is not;
//! - unknown: the value is not static.
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_cloudformation_stack" "network" {
//!   name         = "network"
//!   template_url = "https://example.s3.amazonaws.com/network.yaml"
//!   iam_role_arn = "arn:aws:iam::123456789012:role/cfn-network"
//! }
//! ```
//! ```hcl fail
//! resource "aws_cloudformation_stack" "network" {
//!   name         = "network"
//!   template_url = "https://example.s3.amazonaws.com/network.yaml"
//! }
//! ```

use crate::check::require_set;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "cloudformation.stack-service-role",
    title: "CloudFormation stacks run with a service role",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &[],
    tf_types: &["aws_cloudformation_stack"],
    reads: &[],
    controls: Controls {
        fsbp: &["CloudFormation.4"],
        config: &["CLOUDFORMATION_STACK_SERVICE_ROLE_CHECK"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_set(
        resource,
        "",
        "iam_role_arn",
        "the stack acts with its caller's own permissions",
    )
}
