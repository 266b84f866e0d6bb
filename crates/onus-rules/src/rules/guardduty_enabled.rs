//! # guardduty.enabled: GuardDuty detectors are enabled
//!
//! ## Why this is your duty
//! GuardDuty is an abstracted service: AWS runs the threat detection, but only
//! where you turn it on. Monitoring your account for compromised credentials
//! and instances is part of your logging and monitoring duty.
//!
//! ## What AWS already does
//! Analyses CloudTrail, VPC flow logs and DNS logs once a detector is enabled
//! in a Region; nothing runs without one.
//!
//! ## Verdicts
//! GuardDuty is enabled per account and Region by a detector; the rule judges
//! each detector the code declares. An account whose code declares no
//! detector gets no verdict from this rule (the detector may be managed by a
//! delegated administrator elsewhere).
//! - met: `Enable` / `enable` is true (Terraform's default);
//! - not met: false (a suspended detector);
//! - unknown: the value is not static.
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
//!       Enable: false
//! ```
//! ```hcl pass
//! resource "aws_guardduty_detector" "main" {}
//! ```
//! ```hcl fail
//! resource "aws_guardduty_detector" "main" {
//!   enable = false
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "guardduty.enabled",
    title: "GuardDuty detectors are enabled",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::GuardDuty::Detector"],
    tf_types: &["aws_guardduty_detector"],
    reads: &[],
    controls: Controls {
        fsbp: &["GuardDuty.1"],
        config: &["GUARDDUTY_ENABLED_CENTRALIZED"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_238", Same), checkov("CKV2_AWS_3", Related)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    // CloudFormation requires Enable; absent there means an invalid template.
    let default = resource.format.is_terraform();
    require_bool(
        resource,
        "Enable",
        "enable",
        true,
        default,
        "threat detection",
    )
}
