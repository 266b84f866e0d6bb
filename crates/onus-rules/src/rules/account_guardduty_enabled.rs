//! # account.guardduty-enabled: GuardDuty runs in the Region
//!
//! ## Why this is your duty
//! GuardDuty is an abstracted service: AWS runs the detection, but turning it
//! on, in every Region you use (and the ones you don't), is yours. A Region
//! without a detector is where stolen credentials mine coins unseen.
//!
//! ## What AWS already does
//! Nothing until you create a detector; a new detector is enabled.
//!
//! ## Verdicts
//! Follows the AWS Config rule `guardduty-enabled-centralized` (Security Hub
//! GuardDuty.1). Judged only by a live scan (`onus scan --aws`), on each
//! Region's `AWS::Account` resource (`ListDetectors`, `GetDetector`); the
//! detector itself is also judged by `guardduty.enabled` and the protection
//! plan rules.
//! - met: the Region's detector is enabled;
//! - not met: no detector, or a suspended one;
//! - unknown: the detectors could not be read;
//! - not applicable: the account-wide resource.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Account:
//!     Type: AWS::Account
//!     Properties:
//!       GuardDuty:
//!         DetectorId: 12abc34d567e8fa901bc2d34e56789f0
//!         Status: ENABLED
//! ```
//! ```yaml fail
//! Resources:
//!   Account:
//!     Type: AWS::Account
//!     Properties:
//!       GuardDuty: null
//! ```

use crate::account::{judge_fact, text};
use crate::check::Judgement;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "account.guardduty-enabled",
    title: "GuardDuty runs in every Region",
    duty: Duty::Logging,
    severity: Severity::High,
    cfn_types: &["AWS::Account"],
    tf_types: &[],
    reads: &[],
    controls: Controls {
        fsbp: &["GuardDuty.1"],
        config: &["GUARDDUTY_ENABLED_CENTRALIZED"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    judge_fact(
        resource,
        "GuardDuty",
        |n| match text(n, "Status") {
            Some("ENABLED") => Judgement::Yes,
            Some(other) => Judgement::no(n, format!("the detector is {other}")),
            None => Judgement::no(n, "no GuardDuty detector in this Region"),
        },
        "the Region's GuardDuty detector is enabled",
    )
}
