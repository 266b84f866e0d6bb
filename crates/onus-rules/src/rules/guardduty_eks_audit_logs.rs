//! # guardduty.eks-audit-logs: GuardDuty EKS Audit Log Monitoring is enabled
//!
//! ## Why this is your duty
//! GuardDuty is an abstracted service: AWS runs the threat detection, but each
//! protection plan runs only where you turn it on. EKS Audit Log Monitoring
//! reads your clusters' Kubernetes audit logs to detect credential misuse and
//! suspicious API calls against the control plane. The workloads and identities
//! in your clusters are yours to monitor; GuardDuty does it only where you let
//! it.
//!
//! ## What AWS already does
//! Enables EKS Audit Log Monitoring on a detector whose request does not
//! mention it: `CreateDetector` turns on every optional protection plan except
//! Runtime Monitoring
//! (detectors created before the plan existed kept it off until enabled).
//!
//! ## Verdicts
//! Follows Security Hub GuardDuty.5. Judged on each detector the code declares
//! (`AWS::GuardDuty::Detector`, `aws_guardduty_detector`); an account whose
//! code declares none gets no verdict: attest it, or check it with a live scan
//! of the account.
//! - met: the detector's `Features` (Terraform: an
//!   `aws_guardduty_detector_feature` whose `detector_id` names it) lists
//!   `EKS_AUDIT_LOGS` with `Status: ENABLED`, or the legacy
//!   `DataSources.Kubernetes.AuditLogs.Enable` (`datasources { kubernetes {
//!   audit_logs { enable } } }`) is true, or the feature is not declared at all
//!   (the default turns it on);
//! - not met: the feature is declared `DISABLED`, or the legacy flag is false,
//!   or the detector is suspended (`Enable: false`);
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Detector:
//!     Type: AWS::GuardDuty::Detector
//!     Properties:
//!       Enable: true
//! ```
//! ```yaml fail
//! Resources:
//!   Detector:
//!     Type: AWS::GuardDuty::Detector
//!     Properties:
//!       Enable: true
//!       Features:
//!         - Name: EKS_AUDIT_LOGS
//!           Status: DISABLED
//! ```
//! ```hcl pass
//! resource "aws_guardduty_detector" "main" {
//!   enable = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_guardduty_detector" "main" {
//!   enable = true
//! }
//! resource "aws_guardduty_detector_feature" "off" {
//!   detector_id = aws_guardduty_detector.main.id
//!   name        = "EKS_AUDIT_LOGS"
//!   status      = "DISABLED"
//! }
//! ```
//! ```hcl fail
//! resource "aws_guardduty_detector" "main" {
//!   datasources {
//!     kubernetes {
//!       audit_logs {
//!         enable = false
//!       }
//!     }
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
    id: "guardduty.eks-audit-logs",
    title: "GuardDuty EKS Audit Log Monitoring is enabled",
    duty: Duty::Logging,
    severity: Severity::High,
    cfn_types: &["AWS::GuardDuty::Detector"],
    tf_types: &["aws_guardduty_detector"],
    reads: &["aws_guardduty_detector_feature"],
    controls: Controls {
        fsbp: &["GuardDuty.5"],
        config: &["GUARDDUTY_EKS_PROTECTION_AUDIT_ENABLED"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

const PLAN: Protection = Protection {
    features: &["EKS_AUDIT_LOGS"],
    agent: None,
    legacy: Some((
        "DataSources.Kubernetes.AuditLogs.Enable",
        "datasources.kubernetes.audit_logs.enable",
    )),
    default_on: true,
    what: "EKS Audit Log Monitoring",
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    protection(resource, cx, &PLAN)
}
