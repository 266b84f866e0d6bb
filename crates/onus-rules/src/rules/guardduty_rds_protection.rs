//! # guardduty.rds-protection: GuardDuty RDS Protection is enabled
//!
//! ## Why this is your duty
//! GuardDuty is an abstracted service: AWS runs the threat detection, but each
//! protection plan runs only where you turn it on. RDS Protection analyses
//! login activity on your Aurora and RDS databases to detect brute force and
//! logins from unusual places. Database users and who logs in as them are yours
//! in the container category; GuardDuty watches them only where you let it.
//!
//! ## What AWS already does
//! Enables RDS Protection on a detector whose request does not mention it:
//! `CreateDetector` turns on every optional protection plan except Runtime
//! Monitoring
//! (detectors created before the plan existed kept it off until enabled).
//!
//! ## Verdicts
//! Follows Security Hub GuardDuty.9. Judged on each detector the code declares
//! (`AWS::GuardDuty::Detector`, `aws_guardduty_detector`); an account whose
//! code declares none gets no verdict: attest it, or check it with a live scan
//! of the account.
//! - met: the detector's `Features` (Terraform: an
//!   `aws_guardduty_detector_feature` whose `detector_id` names it) lists
//!   `RDS_LOGIN_EVENTS` with `Status: ENABLED`, or the feature is not declared
//!   at all (the default turns it on);
//! - not met: the feature is declared `DISABLED`, or the detector is suspended
//!   (`Enable: false`);
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
//!         - Name: RDS_LOGIN_EVENTS
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
//!   name        = "RDS_LOGIN_EVENTS"
//!   status      = "DISABLED"
//! }
//! ```

use crate::context::Context;
use crate::guardduty::{Protection, protection};
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "guardduty.rds-protection",
    title: "GuardDuty RDS Protection is enabled",
    duty: Duty::Logging,
    severity: Severity::High,
    cfn_types: &["AWS::GuardDuty::Detector"],
    tf_types: &["aws_guardduty_detector"],
    reads: &["aws_guardduty_detector_feature"],
    controls: Controls {
        fsbp: &["GuardDuty.9"],
        config: &["GUARDDUTY_RDS_PROTECTION_ENABLED"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

const PLAN: Protection = Protection {
    features: &["RDS_LOGIN_EVENTS"],
    agent: None,
    legacy: None,
    default_on: true,
    what: "RDS Protection",
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    protection(resource, cx, &PLAN)
}
