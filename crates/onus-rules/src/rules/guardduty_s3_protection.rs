//! # guardduty.s3-protection: GuardDuty S3 Protection is enabled
//!
//! ## Why this is your duty
//! GuardDuty is an abstracted service: AWS runs the threat detection, but each
//! protection plan runs only where you turn it on. S3 Protection reads
//! CloudTrail S3 data events (GetObject, PutObject, DeleteObject) to spot data
//! being exfiltrated or destroyed with stolen credentials. Your buckets'
//! contents and who reads them are yours to watch; GuardDuty only watches where
//! you let it.
//!
//! ## What AWS already does
//! Enables S3 Protection on a detector whose request does not mention it:
//! `CreateDetector` turns on every optional protection plan except Runtime
//! Monitoring (a detector created before
//! the plan existed kept it off until enabled).
//!
//! ## Verdicts
//! Follows Security Hub GuardDuty.10. Judged on each detector the code declares
//! (`AWS::GuardDuty::Detector`, `aws_guardduty_detector`); an account whose
//! code declares none gets no verdict: attest it, or check it with a live scan
//! of the account.
//! - met: the detector's `Features` (Terraform: an
//!   `aws_guardduty_detector_feature` whose `detector_id` names it) lists
//!   `S3_DATA_EVENTS` with `Status: ENABLED`, or the legacy
//!   `DataSources.S3Logs.Enable` (`datasources { s3_logs { enable } }`) is
//!   true, or the feature is not declared at all (the default turns it on);
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
//!         - Name: S3_DATA_EVENTS
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
//!   name        = "S3_DATA_EVENTS"
//!   status      = "DISABLED"
//! }
//! ```
//! ```hcl fail
//! resource "aws_guardduty_detector" "main" {
//!   datasources {
//!     s3_logs {
//!       enable = false
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
    id: "guardduty.s3-protection",
    title: "GuardDuty S3 Protection is enabled",
    duty: Duty::Logging,
    severity: Severity::High,
    cfn_types: &["AWS::GuardDuty::Detector"],
    tf_types: &["aws_guardduty_detector"],
    reads: &["aws_guardduty_detector_feature"],
    controls: Controls {
        fsbp: &["GuardDuty.10"],
        config: &["GUARDDUTY_S3_PROTECTION_ENABLED"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

const PLAN: Protection = Protection {
    features: &["S3_DATA_EVENTS"],
    agent: None,
    legacy: Some(("DataSources.S3Logs.Enable", "datasources.s3_logs.enable")),
    default_on: true,
    what: "S3 Protection",
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    protection(resource, cx, &PLAN)
}
