//! # cognito.password-length: Cognito user pools require passwords of 8 characters or more
//!
//! ## Why this is your duty
//! Cognito is an abstracted service: AWS stores and verifies your users'
//! passwords, but the password policy is yours. Lowering it below the default
//! weakens every account in the pool; access control is the customer's duty.
//!
//! ## What AWS already does
//! Applies a default policy of at least 8 characters with lower- and
//! upper-case letters, numbers and symbols when no policy is given.
//!
//! ## Verdicts
//! - met: `Policies.PasswordPolicy.MinimumLength`
//!   (`password_policy { minimum_length }`) is 8 or more, or absent (the
//!   default is 8);
//! - not met: below 8; outside 6 to 99, which Cognito rejects (said to be
//!   invalid);
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Users:
//!     Type: AWS::Cognito::UserPool
//!     Properties:
//!       UserPoolName: customers
//!       Policies:
//!         PasswordPolicy:
//!           MinimumLength: 14
//! ```
//! ```yaml fail
//! Resources:
//!   Users:
//!     Type: AWS::Cognito::UserPool
//!     Properties:
//!       UserPoolName: customers
//!       Policies:
//!         PasswordPolicy:
//!           MinimumLength: 6
//! ```
//! ```hcl pass
//! resource "aws_cognito_user_pool" "users" {
//!   name = "customers"
//! }
//! ```
//! ```hcl fail
//! resource "aws_cognito_user_pool" "users" {
//!   name = "customers"
//!   password_policy {
//!     minimum_length = 6
//!   }
//! }
//! ```

use crate::check::require_number_in;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "cognito.password-length",
    title: "Cognito user pool requires passwords of at least 8 characters",
    duty: Duty::AccessControl,
    severity: Severity::Low,
    cfn_types: &["AWS::Cognito::UserPool"],
    tf_types: &["aws_cognito_user_pool"],
    reads: &[],
    controls: Controls {
        fsbp: &["Cognito.3"],
        config: &["COGNITO_USER_POOL_PASSWORD_POLICY_CHECK"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_number_in(
        resource,
        "Policies.PasswordPolicy.MinimumLength",
        "password_policy.minimum_length",
        &[(6.0, 99.0)],
        Some(8.0),
        |n| n >= 8.0,
        "passwords must be at least 8 characters",
    )
}
