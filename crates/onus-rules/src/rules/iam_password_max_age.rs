//! # iam.password-max-age: IAM user passwords expire within 90 days
//!
//! ## Why this is your duty
//! IAM is an abstracted service: AWS checks the passwords, but how long an
//! IAM user's console password stays valid is your policy. A password that
//! never expires keeps working for as long as it is known, including after it
//! leaked. (NIST SP 800-63B now prefers changing passwords on evidence of
//! compromise over periodic expiry; keep this rule if your standard still
//! asks for it, and suppress it otherwise.)
//!
//! ## What AWS already does
//! Passwords never expire unless the account password policy sets a maximum
//! age.
//!
//! ## Verdicts
//! Follows the `MaxPasswordAge` parameter (90) of the AWS Config rule
//! `iam-password-policy`. Terraform only: CloudFormation has no resource for
//! the account password policy.
//! - met: `max_password_age` between 1 and 90 days;
//! - not met: longer, or not set (passwords never expire);
//! - unknown: the value is not static.
//!
//! A value AWS rejects (a maximum age outside 1 to 1095 days) is not met and
//! said to be invalid.
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_iam_account_password_policy" "strict" {
//!   minimum_password_length = 14
//!   max_password_age        = 90
//! }
//! ```
//! ```hcl fail
//! resource "aws_iam_account_password_policy" "strict" {
//!   minimum_password_length = 14
//! }
//! ```

use crate::check::require_number_in;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "iam.password-max-age",
    title: "IAM user passwords expire within 90 days",
    duty: Duty::AccessControl,
    severity: Severity::Low,
    cfn_types: &[],
    tf_types: &["aws_iam_account_password_policy"],
    reads: &[],
    controls: Controls {
        fsbp: &[],
        config: &["IAM_PASSWORD_POLICY"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_9", Same),
        guard("IAM_PASSWORD_POLICY", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_number_in(
        resource,
        "",
        "max_password_age",
        &[(1.0, 1095.0)],
        None,
        |days| (1.0..=90.0).contains(&days),
        "passwords expire within 90 days (absent: never)",
    )
}
