//! # account.access-analyzer: IAM Access Analyzer watches for external access
//!
//! ## Why this is your duty
//! IAM is an abstracted service: AWS evaluates policies, but finding the
//! buckets, keys, roles and queues your policies share outside the account is
//! yours. An external access analyzer reports each one as it appears.
//!
//! ## What AWS already does
//! Nothing until you create an analyzer; analyzers are per Region.
//!
//! ## Verdicts
//! Follows CIS 1.20 ("IAM Access Analyzer is enabled for all Regions") and
//! Security Hub IAM.28. Judged only by a live scan (`onus scan --aws`), on
//! each Region's `AWS::Account` resource (`ListAnalyzers`).
//! - met: an active analyzer of type `ACCOUNT` or `ORGANIZATION` (external
//!   access) exists;
//! - not met: none (unused-access analyzers do not count);
//! - unknown: the analyzers could not be read;
//! - not applicable: the account-wide resource.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Account:
//!     Type: AWS::Account
//!     Properties:
//!       AccessAnalyzers:
//!         - Name: external
//!           Type: ACCOUNT
//!           Status: ACTIVE
//! ```
//! ```yaml fail
//! Resources:
//!   Account:
//!     Type: AWS::Account
//!     Properties:
//!       AccessAnalyzers:
//!         - Name: unused
//!           Type: ACCOUNT_UNUSED_ACCESS
//!           Status: ACTIVE
//! ```

use crate::account::{judge_fact, text};
use crate::check::Judgement;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "account.access-analyzer",
    title: "IAM Access Analyzer watches for external access in every Region",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &["AWS::Account"],
    tf_types: &[],
    reads: &[],
    controls: Controls {
        fsbp: &[],
        config: &[],
        cis: &["1.20"],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    judge_fact(
        resource,
        "AccessAnalyzers",
        |n| {
            let external = n.as_list().unwrap_or(&[]).iter().any(|a| {
                matches!(text(a, "Type"), Some("ACCOUNT" | "ORGANIZATION"))
                    && text(a, "Status") == Some("ACTIVE")
            });
            Judgement::from_bool(
                external,
                n,
                || "no active external access analyzer in this Region",
            )
        },
        "an external access analyzer is active",
    )
}
