//! # ssm.automation-logging: SSM Automation sends its script output to CloudWatch Logs
//!
//! ## Why this is your duty
//! Systems Manager is an abstracted service: AWS runs your Automation
//! runbooks, including the scripts in their `aws:executeScript` steps, with
//! the permissions you give them. What those scripts did is evidence you need
//! for audit and incident response, and only you can send it somewhere.
//!
//! ## What AWS already does
//! Keeps no script output beyond the execution's step results until the
//! service setting `/ssm/automation/customer-script-log-destination` is set
//! to `CloudWatch`.
//!
//! ## Verdicts
//! Follows Security Hub SSM.6 (`ssm-automation-logging-enabled`). Judged
//! where code sets it: Terraform's `aws_ssm_service_setting` for that setting
//! (CloudFormation has no resource for service settings). An account whose
//! code does not set it gets no verdict: attest it, or check it with a live
//! scan of the account.
//! - met: `setting_value = "CloudWatch"`;
//! - not met: any other value;
//! - unknown: the id or value is not static;
//! - not applicable: service settings other than this one.
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_ssm_service_setting" "automation_logs" {
//!   setting_id    = "/ssm/automation/customer-script-log-destination"
//!   setting_value = "CloudWatch"
//! }
//! ```
//! ```hcl fail
//! resource "aws_ssm_service_setting" "automation_logs" {
//!   setting_id    = "/ssm/automation/customer-script-log-destination"
//!   setting_value = "None"
//! }
//! ```

use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::ssm::service_setting;
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ssm.automation-logging",
    title: "SSM Automation logs script output to CloudWatch Logs",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &[],
    tf_types: &["aws_ssm_service_setting"],
    reads: &[],
    controls: Controls {
        fsbp: &["SSM.6"],
        config: &["SSM_AUTOMATION_LOGGING_ENABLED"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    service_setting(
        resource,
        "/ssm/automation/customer-script-log-destination",
        "CloudWatch",
        "Automation script logs",
    )
    .unwrap_or_else(|| Verdict::not_applicable(resource, "another service setting"))
}
