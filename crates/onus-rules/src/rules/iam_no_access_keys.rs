//! # iam.no-access-keys: no long-lived IAM access keys are created in code
//!
//! ## Why this is your duty
//! IAM is an abstracted service: AWS authenticates every request, but which
//! credentials exist is yours. An access key is a long-lived secret: it works
//! until someone deletes it, from anywhere, and code that creates one also
//! hands its secret to the template's outputs or to Terraform state
//! (plain text unless `pgp_key` is set). Roles, IAM Identity Center and
//! IAM Roles Anywhere give temporary credentials instead.
//!
//! ## What AWS already does
//! Creates the key `Active` unless `Status` / `status` says `Inactive`.
//!
//! ## Verdicts
//! - met: the key is created `Inactive`;
//! - not met: an active key (`Active`, the default);
//! - unknown: the status is not static.
//!
//! Rotation and use of keys created elsewhere (IAM.3, IAM.4, IAM.8) are
//! runtime state that code does not show.
//!
//! Fix: give the workload a role (instance profile, task role, IRSA, Roles
//! Anywhere) and remove the key.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   OldKey:
//!     Type: AWS::IAM::AccessKey
//!     Properties:
//!       UserName: ci
//!       Status: Inactive
//! ```
//! ```yaml fail
//! Resources:
//!   Key:
//!     Type: AWS::IAM::AccessKey
//!     Properties:
//!       UserName: ci
//! ```
//! ```hcl pass
//! resource "aws_iam_access_key" "old" {
//!   user   = "ci"
//!   status = "Inactive"
//! }
//! ```
//! ```hcl fail
//! resource "aws_iam_access_key" "ci" {
//!   user = "ci"
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "iam.no-access-keys",
    title: "No active long-lived IAM access keys are created in code",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &["AWS::IAM::AccessKey"],
    tf_types: &["aws_iam_access_key"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_348", Related)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "Status",
        "status",
        &["Inactive"],
        Some("Active"),
        "no long-lived credential (use a role)",
    )
}
