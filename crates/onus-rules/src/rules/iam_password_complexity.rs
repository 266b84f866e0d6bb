//! # iam.password-complexity: the account password policy requires all four character types
//!
//! ## Why this is your duty
//! IAM is an abstracted service: AWS stores and checks credentials, but the
//! rules your IAM users' console passwords must follow are yours to set.
//! Requiring upper- and lower-case letters, numbers and symbols widens the
//! space an attacker must guess.
//!
//! ## What AWS already does
//! Without a custom policy, IAM applies its default: at least 8 characters
//! and at least three of the four character types. A custom policy
//! (`UpdateAccountPasswordPolicy`, `aws_iam_account_password_policy`)
//! replaces it, and each requirement it leaves out is off.
//!
//! ## Verdicts
//! Follows Security Hub IAM.7 (`iam-password-policy` with its default
//! parameters for character types; the length, stricter at 14, is
//! `iam.password-policy`). Terraform only: CloudFormation has no resource for
//! the account password policy, and an account whose code declares none gets
//! no verdict (attest it, or check it with a live scan of the account).
//! - met: `require_uppercase_characters`, `require_lowercase_characters`,
//!   `require_numbers` and `require_symbols` are all true;
//! - not met: any of them false or left out (off);
//! - unknown: a value is not static.
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_iam_account_password_policy" "strict" {
//!   minimum_password_length      = 14
//!   password_reuse_prevention    = 24
//!   require_uppercase_characters = true
//!   require_lowercase_characters = true
//!   require_numbers              = true
//!   require_symbols              = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_iam_account_password_policy" "strict" {
//!   minimum_password_length   = 14
//!   password_reuse_prevention = 24
//!   require_symbols           = true
//! }
//! ```

use crate::check::{all_of, require_bool};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "iam.password-complexity",
    title: "The IAM account password policy requires upper and lower case, numbers and symbols",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &[],
    tf_types: &["aws_iam_account_password_policy"],
    reads: &[],
    controls: Controls {
        fsbp: &["IAM.7"],
        config: &["IAM_PASSWORD_POLICY"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_11", Related),
        checkov("CKV_AWS_12", Related),
        checkov("CKV_AWS_14", Related),
        checkov("CKV_AWS_15", Related),
        guard("IAM_PASSWORD_POLICY", Related),
    ],
    check,
    file: file!(),
};

const REQUIREMENTS: [(&str, &str); 4] = [
    ("require_uppercase_characters", "an upper-case letter"),
    ("require_lowercase_characters", "a lower-case letter"),
    ("require_numbers", "a number"),
    ("require_symbols", "a symbol"),
];

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let verdicts = REQUIREMENTS
        .iter()
        .map(|(key, what)| {
            require_bool(
                resource,
                "",
                key,
                true,
                false,
                &format!("passwords must contain {what}"),
            )
        })
        .collect();
    all_of(verdicts).unwrap_or_else(|| Verdict::not_applicable(resource, "no settings"))
}
