//! # ssm.block-public-sharing: the account blocks public sharing of SSM documents
//!
//! ## Why this is your duty
//! Systems Manager is an abstracted service: AWS stores and runs your
//! documents, and whether anyone in the account may publish one to every AWS
//! account is your setting. Blocking public sharing at the account level
//! stops a single mistaken share from exposing a document's commands and
//! secrets.
//!
//! ## What AWS already does
//! Allows public sharing (`Enable`) until the service setting
//! `/ssm/documents/console/public-sharing-permission` is set to `Disable`.
//!
//! ## Verdicts
//! Follows Security Hub SSM.7 (`ssm-automation-block-public-sharing`).
//! Judged where code sets it: Terraform's `aws_ssm_service_setting` for that
//! setting (CloudFormation has no resource for service settings). An account
//! whose code does not set it gets no verdict: attest it, or check it with a
//! live scan of the account.
//! - met: `setting_value = "Disable"`;
//! - not met: any other value;
//! - unknown: the id or value is not static;
//! - not applicable: service settings other than this one.
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_ssm_service_setting" "no_public_documents" {
//!   setting_id    = "/ssm/documents/console/public-sharing-permission"
//!   setting_value = "Disable"
//! }
//! ```
//! ```hcl fail
//! resource "aws_ssm_service_setting" "no_public_documents" {
//!   setting_id    = "arn:aws:ssm:eu-west-1:123456789012:servicesetting/ssm/documents/console/public-sharing-permission"
//!   setting_value = "Enable"
//! }
//! ```

use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::ssm::service_setting;
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ssm.block-public-sharing",
    title: "The account blocks public sharing of SSM documents",
    duty: Duty::AccessControl,
    severity: Severity::Critical,
    cfn_types: &[],
    tf_types: &["aws_ssm_service_setting"],
    reads: &[],
    controls: Controls {
        fsbp: &["SSM.7"],
        config: &["SSM_AUTOMATION_BLOCK_PUBLIC_SHARING"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    service_setting(
        resource,
        "/ssm/documents/console/public-sharing-permission",
        "Disable",
        "public sharing of documents",
    )
    .unwrap_or_else(|| Verdict::not_applicable(resource, "another service setting"))
}
