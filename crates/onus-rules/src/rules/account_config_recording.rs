//! # account.config-recording: AWS Config records in the Region
//!
//! ## Why this is your duty
//! AWS Config is an abstracted service: AWS stores the configuration history,
//! but a recorder that runs in every Region is yours to set up. Without it
//! there is no history of who changed what, and Security Hub's controls,
//! which run on Config, see nothing.
//!
//! ## What AWS already does
//! Nothing until you create and start a configuration recorder.
//!
//! ## Verdicts
//! Follows Security Hub Config.1 and CIS 3.3 ("AWS Config is enabled in all
//! Regions"). Judged only by a live scan (`onus scan --aws`), on each Region's
//! `AWS::Account` resource (`DescribeConfigurationRecorders`,
//! `DescribeConfigurationRecorderStatus`); the recorder itself is also judged
//! by `config.recorder-enabled` and `config.records-all-resources`.
//! Service-linked recorders of other services do not count.
//! - met: a recorder is recording;
//! - not met: no recorder, or it is stopped;
//! - unknown: the recorders could not be read;
//! - not applicable: the account-wide resource.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Account:
//!     Type: AWS::Account
//!     Properties:
//!       ConfigRecorder:
//!         Name: default
//!         Recording: true
//! ```
//! ```yaml fail
//! Resources:
//!   Account:
//!     Type: AWS::Account
//!     Properties:
//!       ConfigRecorder:
//!         Name: default
//!         Recording: false
//! ```

use crate::account::judge_fact;
use crate::check::Judgement;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "account.config-recording",
    title: "AWS Config records in every Region",
    duty: Duty::Logging,
    severity: Severity::High,
    cfn_types: &["AWS::Account"],
    tf_types: &[],
    reads: &[],
    controls: Controls {
        fsbp: &["Config.1"],
        config: &[],
        cis: &["3.3"],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    judge_fact(
        resource,
        "ConfigRecorder",
        |n| match n.get("Recording").and_then(|r| r.as_bool()) {
            Some(true) => Judgement::Yes,
            Some(false) => Judgement::no(n, "the configuration recorder is stopped"),
            None => Judgement::no(n, "no configuration recorder in this Region"),
        },
        "a configuration recorder is recording",
    )
}
