//! # ssm.patch-baseline-approval: patch baselines approve security patches within 30 days
//!
//! ## Why this is your duty
//! Systems Manager is an abstracted service, but the patch baseline is your
//! policy for the operating systems you run on infrastructure services (EC2,
//! Lightsail, on-premises): it decides which patches `AWS-RunPatchBaseline`
//! installs. A baseline without auto-approval rules, or with a long delay,
//! leaves known vulnerabilities unpatched.
//!
//! ## What AWS already does
//! Provides predefined baselines (critical and important security updates
//! approved 7 days after release on Amazon Linux). A custom baseline does
//! only what its rules say.
//!
//! ## Verdicts
//! - met: at least one approval rule (`ApprovalRules.PatchRules` /
//!   `approval_rule`), and every rule approves within 30 days
//!   (`ApproveAfterDays` / `approve_after_days` ≤ 30; a rule with a fixed
//!   `ApproveUntilDate` is accepted);
//! - not met: no approval rule (only patches listed by hand get installed),
//!   or a rule that waits more than 30 days;
//! - unknown: a delay is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Baseline:
//!     Type: AWS::SSM::PatchBaseline
//!     Properties:
//!       Name: linux
//!       OperatingSystem: AMAZON_LINUX_2023
//!       ApprovalRules:
//!         PatchRules:
//!           - ApproveAfterDays: 7
//!             ComplianceLevel: CRITICAL
//!             PatchFilterGroup:
//!               PatchFilters:
//!                 - Key: CLASSIFICATION
//!                   Values: [Security]
//! ```
//! ```yaml fail
//! Resources:
//!   Baseline:
//!     Type: AWS::SSM::PatchBaseline
//!     Properties:
//!       Name: linux
//!       OperatingSystem: AMAZON_LINUX_2023
//!       ApprovedPatches: [kernel-6.1.0]
//! ```
//! ```hcl pass
//! resource "aws_ssm_patch_baseline" "linux" {
//!   name             = "linux"
//!   operating_system = "AMAZON_LINUX_2023"
//!   approval_rule {
//!     approve_after_days = 7
//!     compliance_level   = "CRITICAL"
//!     patch_filter {
//!       key    = "CLASSIFICATION"
//!       values = ["Security"]
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_ssm_patch_baseline" "linux" {
//!   name             = "linux"
//!   operating_system = "AMAZON_LINUX_2023"
//!   approval_rule {
//!     approve_after_days = 60
//!     patch_filter {
//!       key    = "CLASSIFICATION"
//!       values = ["Security"]
//!     }
//!   }
//! }
//! ```

use crate::check::{Judgement, get, get_in, items_cond, judge};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ssm.patch-baseline-approval",
    title: "Patch baselines auto-approve patches within 30 days",
    duty: Duty::OsPatching,
    severity: Severity::Medium,
    cfn_types: &["AWS::SSM::PatchBaseline"],
    tf_types: &["aws_ssm_patch_baseline"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

const MAX_DAYS: f64 = 30.0;

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let tf = resource.format.is_terraform();
    let (path, days_key, until_key) = if tf {
        ("approval_rule", "approve_after_days", "approve_until_date")
    } else {
        (
            "ApprovalRules.PatchRules",
            "ApproveAfterDays",
            "ApproveUntilDate",
        )
    };
    let rules = items_cond(get(resource, path));
    if rules.iter().all(|(_, conditional)| *conditional) {
        return Verdict::missing(
            resource,
            path,
            format!(
                "{path} is not set: no patch is approved automatically, only those listed by hand"
            ),
        );
    }
    let mut unknown = None;
    for (rule, _) in &rules {
        let Some(days) = get_in(rule, days_key) else {
            if get_in(rule, until_key).is_some() {
                continue;
            }
            return Verdict::not_met(
                resource,
                rule.span,
                path,
                format!("an approval rule sets neither {days_key} nor {until_key}"),
            );
        };
        match judge(days, &mut |n| match n.as_f64() {
            Some(d) => Judgement::from_bool(d <= MAX_DAYS, n, || {
                format!("{days_key} is {d}: security patches wait more than {MAX_DAYS} days")
            }),
            None if crate::check::is_null(n) => Judgement::Yes,
            None => Judgement::no(n, format!("{days_key} is not a number")),
        }) {
            Judgement::Yes => {}
            Judgement::No(span, why) => return Verdict::not_met(resource, span, path, why),
            Judgement::Unknown(span, w) => {
                unknown.get_or_insert(Verdict::unknown(resource, span, path, w));
            }
        }
    }
    unknown.unwrap_or_else(|| {
        let span = get(resource, path)
            .map(|n| n.span)
            .unwrap_or(resource.name_span);
        Verdict::met(
            resource,
            span,
            path,
            format!("patches are approved within {MAX_DAYS} days"),
        )
    })
}
