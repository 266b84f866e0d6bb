//! # guardduty.runtime-monitoring: GuardDuty Runtime Monitoring is enabled
//!
//! ## Why this is your duty
//! GuardDuty is an abstracted service: AWS runs the threat detection, but each
//! protection plan runs only where you turn it on. Runtime Monitoring watches
//! process, file and network activity inside your EC2 instances, ECS tasks and
//! EKS pods through a security agent. What runs inside them is your operating
//! system and application duty; this plan is GuardDuty's view into it.
//!
//! ## What AWS already does
//! Leaves Runtime Monitoring off: `CreateDetector` enables every optional
//! protection plan except this one, which you must enable explicitly.
//!
//! ## Verdicts
//! Follows Security Hub GuardDuty.11. Judged on each detector the code declares
//! (`AWS::GuardDuty::Detector`, `aws_guardduty_detector`); an account whose
//! code declares none gets no verdict: attest it, or check it with a live scan
//! of the account.
//! - met: the detector's `Features` (Terraform: an
//!   `aws_guardduty_detector_feature` whose `detector_id` names it) lists
//!   `RUNTIME_MONITORING` with `Status: ENABLED`;
//! - not met: the feature is declared `DISABLED`, or it is not declared (it is
//!   off by default), or the detector is suspended (`Enable: false`);
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Detector:
//!     Type: AWS::GuardDuty::Detector
//!     Properties:
//!       Enable: true
//!       Features:
//!         - Name: RUNTIME_MONITORING
//!           Status: ENABLED
//! ```
//! ```yaml fail
//! Resources:
//!   Detector:
//!     Type: AWS::GuardDuty::Detector
//!     Properties:
//!       Enable: true
//! ```
//! ```hcl pass
//! resource "aws_guardduty_detector" "main" {
//!   enable = true
//! }
//! resource "aws_guardduty_detector_feature" "runtime" {
//!   detector_id = aws_guardduty_detector.main.id
//!   name        = "RUNTIME_MONITORING"
//!   status      = "ENABLED"
//! }
//! ```
//! ```hcl fail
//! resource "aws_guardduty_detector" "main" {
//!   enable = true
//! }
//! ```

use crate::context::Context;
use crate::guardduty::{Protection, protection};
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "guardduty.runtime-monitoring",
    title: "GuardDuty Runtime Monitoring is enabled",
    duty: Duty::Logging,
    severity: Severity::High,
    cfn_types: &["AWS::GuardDuty::Detector"],
    tf_types: &["aws_guardduty_detector"],
    reads: &["aws_guardduty_detector_feature"],
    controls: Controls {
        fsbp: &["GuardDuty.11"],
        config: &["GUARDDUTY_RUNTIME_MONITORING_ENABLED"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

const PLAN: Protection = Protection {
    features: &["RUNTIME_MONITORING"],
    agent: None,
    legacy: None,
    default_on: false,
    what: "Runtime Monitoring",
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    protection(resource, cx, &PLAN)
}
