//! # account.securityhub-enabled: Security Hub runs in the Region
//!
//! ## Why this is your duty
//! Security Hub is an abstracted service: AWS runs the checks, but turning it
//! on in each Region, and the standards it checks, is yours. Without it the
//! findings of GuardDuty, Inspector and Config stay scattered and unchecked
//! against a standard.
//!
//! ## What AWS already does
//! Nothing until you enable Security Hub in a Region.
//!
//! ## Verdicts
//! Follows the AWS Config rule `securityhub-enabled` and CIS 4.16. Judged only
//! by a live scan (`onus scan --aws`), on each Region's `AWS::Account`
//! resource (`DescribeHub`); the hub itself is also judged by
//! `securityhub.standards-enabled`.
//! - met: Security Hub is enabled;
//! - not met: it is not;
//! - unknown: `DescribeHub` failed for another reason;
//! - not applicable: the account-wide resource.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Account:
//!     Type: AWS::Account
//!     Properties:
//!       SecurityHub:
//!         Enabled: true
//! ```
//! ```yaml fail
//! Resources:
//!   Account:
//!     Type: AWS::Account
//!     Properties:
//!       SecurityHub:
//!         Enabled: false
//! ```

use crate::account::judge_fact;
use crate::check::Judgement;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "account.securityhub-enabled",
    title: "Security Hub runs in every Region",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::Account"],
    tf_types: &[],
    reads: &[],
    controls: Controls {
        fsbp: &[],
        config: &["SECURITYHUB_ENABLED"],
        cis: &["4.16"],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    judge_fact(
        resource,
        "SecurityHub",
        |n| match n.get("Enabled").and_then(|e| e.as_bool()) {
            Some(true) => Judgement::Yes,
            _ => Judgement::no(n, "Security Hub is not enabled in this Region"),
        },
        "Security Hub is enabled",
    )
}
