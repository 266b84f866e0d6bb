//! # account.root-no-access-keys: the root user has no access keys
//!
//! ## Why this is your duty
//! Account management is an abstracted service: AWS runs the account and its
//! root user, but whether that user has long-lived access keys is your choice.
//! The root user can do anything in the account, and no IAM policy limits it:
//! a leaked root key is the whole account.
//!
//! ## What AWS already does
//! A new account's root user has no access keys; they exist only if someone
//! created them.
//!
//! ## Verdicts
//! Follows the AWS Config rule `iam-root-access-key-check` (Security Hub
//! IAM.4, CIS 1.4). Judged only by a live scan (`onus scan --aws`), on the
//! account-wide `AWS::Account` resource, from IAM's account summary
//! (`AccountAccessKeysPresent`).
//! - met: the root user has no access keys;
//! - not met: it has one or more;
//! - unknown: the account summary could not be read;
//! - not applicable: a Region's account resource (the root user is account-wide).
//!
//! Fix: delete the root user's access keys (Security credentials page, signed
//! in as root) and use IAM roles instead.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Account:
//!     Type: AWS::Account
//!     Properties:
//!       RootAccessKeysPresent: 0
//! ```
//! ```yaml fail
//! Resources:
//!   Account:
//!     Type: AWS::Account
//!     Properties:
//!       RootAccessKeysPresent: 1
//! ```

use crate::account::judge_fact;
use crate::check::Judgement;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "account.root-no-access-keys",
    title: "The root user has no access keys",
    duty: Duty::AccessControl,
    severity: Severity::Critical,
    cfn_types: &["AWS::Account"],
    tf_types: &[],
    reads: &[],
    controls: Controls {
        fsbp: &["IAM.4"],
        config: &["IAM_ROOT_ACCESS_KEY_CHECK"],
        cis: &["1.4"],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    judge_fact(
        resource,
        "RootAccessKeysPresent",
        |n| match n.as_f64() {
            Some(k) => Judgement::from_bool(k == 0.0, n, || {
                format!("the root user has {k} access key(s)")
            }),
            None => Judgement::no(n, "RootAccessKeysPresent is not a number"),
        },
        "the root user has no access keys",
    )
}
