//! # iam.password-policy: the account password policy requires long, non-reused passwords
//!
//! ## Why this is your duty
//! IAM is an abstracted service: AWS stores and checks credentials, but the
//! rules your users' passwords must follow are yours to set. Without a policy
//! IAM accepts any password of 8 or more characters and lets users reuse old
//! ones.
//!
//! ## What AWS already does
//! Applies a default policy (at least 8 characters, 3 character types) when
//! the account has none.
//!
//! ## Verdicts
//! Terraform only: CloudFormation has no resource for the account password
//! policy. Follows CIS AWS Foundations 1.8 and 1.9.
//! - met: `minimum_password_length` ≥ 14 and `password_reuse_prevention` ≥ 24;
//! - not met: a shorter minimum (absent: the provider's default of 6) or
//!   reuse prevention below 24 or not set; a length outside 6 to 128 or a
//!   reuse prevention outside 1 to 24, which IAM rejects (said to be invalid);
//! - unknown: a value is not static.
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_iam_account_password_policy" "strict" {
//!   minimum_password_length   = 14
//!   password_reuse_prevention = 24
//!   require_symbols           = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_iam_account_password_policy" "strict" {
//!   minimum_password_length = 8
//! }
//! ```
//! ```hcl fail
//! resource "aws_iam_account_password_policy" "strict" {
//!   minimum_password_length = 16
//! }
//! ```

use crate::check::{all_of, require_number_in};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "iam.password-policy",
    title: "The IAM account password policy requires 14+ characters and prevents reuse",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &[],
    tf_types: &["aws_iam_account_password_policy"],
    reads: &[],
    controls: Controls {
        fsbp: &[],
        config: &["IAM_PASSWORD_POLICY"],
        cis: &["1.8", "1.9"],
    },
    peers: &[
        checkov("CKV_AWS_10", Related),
        checkov("CKV_AWS_13", Related),
        guard("IAM_PASSWORD_POLICY", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let length = require_number_in(
        resource,
        "",
        "minimum_password_length",
        &[(6.0, 128.0)],
        Some(6.0),
        |n| n >= 14.0,
        "passwords of at least 14 characters",
    );
    let reuse = require_number_in(
        resource,
        "",
        "password_reuse_prevention",
        &[(1.0, 24.0)],
        None,
        |n| n >= 24.0,
        "the last 24 passwords may not be reused",
    );
    all_of(vec![length, reuse]).unwrap_or_else(|| {
        Verdict::not_applicable(resource, "no password policy settings to judge")
    })
}
