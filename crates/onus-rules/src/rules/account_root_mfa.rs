//! # account.root-mfa: the root user signs in with MFA
//!
//! ## Why this is your duty
//! Account management is an abstracted service: AWS runs the sign-in, but
//! protecting the root user's password with a second factor is yours. The root
//! user can close the account, change its contacts and undo every IAM control.
//!
//! ## What AWS already does
//! Since 2024 AWS requires MFA for the root user of standalone and management
//! accounts at sign-in, registering it within a grace period; an account whose
//! root user has no MFA device registered is still open to a password alone.
//!
//! ## Verdicts
//! Follows the AWS Config rule `root-account-mfa-enabled` (Security Hub IAM.9,
//! CIS 1.5). Judged only by a live scan (`onus scan --aws`), on the
//! account-wide `AWS::Account` resource, from IAM's account summary
//! (`AccountMFAEnabled`).
//! - met: the root user has an MFA device;
//! - not met: it has none;
//! - unknown: the account summary could not be read;
//! - not applicable: a Region's account resource.
//!
//! Fix: sign in as root and register an MFA device (a hardware key or passkey
//! for IAM.6).
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Account:
//!     Type: AWS::Account
//!     Properties:
//!       RootMfaEnabled: true
//! ```
//! ```yaml fail
//! Resources:
//!   Account:
//!     Type: AWS::Account
//!     Properties:
//!       RootMfaEnabled: false
//! ```

use crate::account::judge_fact;
use crate::check::Judgement;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "account.root-mfa",
    title: "The root user has MFA",
    duty: Duty::AccessControl,
    severity: Severity::Critical,
    cfn_types: &["AWS::Account"],
    tf_types: &[],
    reads: &[],
    controls: Controls {
        fsbp: &[],
        config: &["ROOT_ACCOUNT_MFA_ENABLED"],
        cis: &["1.5"],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    judge_fact(
        resource,
        "RootMfaEnabled",
        |n| match n.as_bool() {
            Some(on) => Judgement::from_bool(on, n, || "the root user has no MFA device"),
            None => Judgement::no(n, "RootMfaEnabled is not a boolean"),
        },
        "the root user has an MFA device",
    )
}
