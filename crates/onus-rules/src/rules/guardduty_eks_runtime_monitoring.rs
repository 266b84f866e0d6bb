//! # guardduty.eks-runtime-monitoring: GuardDuty Runtime Monitoring covers EKS with a managed agent
//!
//! ## Why this is your duty
//! GuardDuty is an abstracted service: AWS runs the threat detection, but each
//! protection plan runs only where you turn it on. EKS Runtime Monitoring
//! watches process, file and network activity in your pods through a GuardDuty
//! agent running as an EKS add-on. Your containers and nodes are yours in the
//! container category; with automated agent management GuardDuty keeps the
//! agent deployed on every cluster.
//!
//! ## What AWS already does
//! Does not manage the EKS agent unless you ask: Runtime Monitoring (or the
//! older EKS Runtime Monitoring) must be enabled together with the
//! `EKS_ADDON_MANAGEMENT` additional configuration.
//!
//! ## Verdicts
//! Follows Security Hub GuardDuty.7. Judged on each detector the code declares
//! (`AWS::GuardDuty::Detector`, `aws_guardduty_detector`); an account whose
//! code declares none gets no verdict: attest it, or check it with a live scan
//! of the account.
//! - met: the detector's `Features` (Terraform: an
//!   `aws_guardduty_detector_feature` whose `detector_id` names it) lists
//!   `RUNTIME_MONITORING` (or `EKS_RUNTIME_MONITORING`) with `Status: ENABLED`
//!   and the additional configuration `EKS_ADDON_MANAGEMENT` `ENABLED`;
//! - not met: the feature is declared `DISABLED`, or it is not declared (it is
//!   off by default), or `EKS_ADDON_MANAGEMENT` is not enabled (the agent is
//!   then not managed), or the detector is suspended (`Enable: false`);
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
//!           AdditionalConfiguration:
//!             - Name: EKS_ADDON_MANAGEMENT
//!               Status: ENABLED
//! ```
//! ```yaml fail
//! Resources:
//!   Detector:
//!     Type: AWS::GuardDuty::Detector
//!     Properties:
//!       Enable: true
//!       Features:
//!         - Name: RUNTIME_MONITORING
//!           Status: ENABLED
//! ```
//! ```hcl pass
//! resource "aws_guardduty_detector" "main" {
//!   enable = true
//! }
//! resource "aws_guardduty_detector_feature" "runtime" {
//!   detector_id = aws_guardduty_detector.main.id
//!   name        = "RUNTIME_MONITORING"
//!   status      = "ENABLED"
//!   additional_configuration {
//!     name   = "EKS_ADDON_MANAGEMENT"
//!     status = "ENABLED"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_guardduty_detector" "main" {
//!   enable = true
//! }
//! resource "aws_guardduty_detector_feature" "runtime" {
//!   detector_id = aws_guardduty_detector.main.id
//!   name        = "RUNTIME_MONITORING"
//!   status      = "ENABLED"
//!   additional_configuration {
//!     name   = "EKS_ADDON_MANAGEMENT"
//!     status = "DISABLED"
//!   }
//! }
//! ```

use crate::context::Context;
use crate::guardduty::{Protection, protection};
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "guardduty.eks-runtime-monitoring",
    title: "GuardDuty Runtime Monitoring covers EKS with a managed agent",
    duty: Duty::Logging,
    severity: Severity::High,
    cfn_types: &["AWS::GuardDuty::Detector"],
    tf_types: &["aws_guardduty_detector"],
    reads: &["aws_guardduty_detector_feature"],
    controls: Controls {
        fsbp: &["GuardDuty.7"],
        config: &["GUARDDUTY_EKS_PROTECTION_RUNTIME_ENABLED"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

const PLAN: Protection = Protection {
    features: &["RUNTIME_MONITORING", "EKS_RUNTIME_MONITORING"],
    agent: Some("EKS_ADDON_MANAGEMENT"),
    legacy: None,
    default_on: false,
    what: "EKS Runtime Monitoring",
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    protection(resource, cx, &PLAN)
}
