//! # cognito.password-complexity: Cognito user pools require complex, short-lived temporary passwords
//!
//! ## Why this is your duty
//! Cognito is an abstracted service: AWS stores and checks your users'
//! passwords, but the rules they must follow are your user pool's password
//! policy. Requiring all four character types widens what an attacker must
//! guess; a temporary password (sent to a new user) that stays valid for
//! weeks is a standing credential in someone's mailbox.
//!
//! ## What AWS already does
//! A user pool created without a password policy requires upper- and
//! lower-case letters, numbers and symbols, and temporary passwords expire
//! after 7 days. A declared policy replaces those defaults: a requirement it
//! leaves out is off.
//!
//! ## Verdicts
//! Follows the AWS Config rule `cognito-user-pool-password-policy-check`
//! with its default parameters (Security Hub Cognito.3); the minimum length
//! is `cognito.password-length`.
//! - met: no `Policies.PasswordPolicy` (`password_policy`) declared, or one
//!   with `RequireUppercase`, `RequireLowercase`, `RequireNumbers` and
//!   `RequireSymbols` (`require_uppercase`, ...) all true and
//!   `TemporaryPasswordValidityDays` (`temporary_password_validity_days`) at
//!   most 7 (absent: 7);
//! - not met: a requirement false or left out of a declared policy, or
//!   temporary passwords valid for more than 7 days;
//! - unknown: a value onus cannot resolve.
//!
//! A value AWS rejects (a temporary password validity outside 0 to 365 days) is
//! not met and said to be invalid.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Users:
//!     Type: AWS::Cognito::UserPool
//!     Properties:
//!       Policies:
//!         PasswordPolicy:
//!           MinimumLength: 12
//!           RequireUppercase: true
//!           RequireLowercase: true
//!           RequireNumbers: true
//!           RequireSymbols: true
//!           TemporaryPasswordValidityDays: 3
//! ```
//! ```yaml fail
//! Resources:
//!   Users:
//!     Type: AWS::Cognito::UserPool
//!     Properties:
//!       Policies:
//!         PasswordPolicy:
//!           MinimumLength: 12
//!           RequireLowercase: true
//!           RequireNumbers: true
//! ```
//! ```hcl pass
//! resource "aws_cognito_user_pool" "users" {
//!   name = "users"
//! }
//! ```
//! ```hcl fail
//! resource "aws_cognito_user_pool" "users" {
//!   name = "users"
//!   password_policy {
//!     minimum_length                   = 12
//!     require_uppercase                = true
//!     require_lowercase                = true
//!     require_numbers                  = true
//!     require_symbols                  = true
//!     temporary_password_validity_days = 30
//!   }
//! }
//! ```

use crate::check::{all_of, get, require_bool, require_number_in, spelling};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "cognito.password-complexity",
    title: "Cognito user pool passwords need all four character types; temporary ones expire within 7 days",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
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

const REQUIREMENTS: [(&str, &str); 4] = [
    ("RequireUppercase", "require_uppercase"),
    ("RequireLowercase", "require_lowercase"),
    ("RequireNumbers", "require_numbers"),
    ("RequireSymbols", "require_symbols"),
];

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let (cfn, tf) = ("Policies.PasswordPolicy", "password_policy");
    let policy = spelling(resource, cfn, tf);
    if get(resource, policy).is_none() {
        return Verdict::met_by_default(
            resource,
            policy,
            "no password policy: Cognito's default needs all four character types and expires temporary passwords after 7 days",
        );
    }
    let mut verdicts: Vec<Verdict> = REQUIREMENTS
        .iter()
        .map(|(c, t)| {
            require_bool(
                resource,
                &format!("{cfn}.{c}"),
                &format!("{tf}.{t}"),
                true,
                false,
                &format!("the password policy ({})", spelling(resource, c, t)),
            )
        })
        .collect();
    verdicts.push(require_number_in(
        resource,
        &format!("{cfn}.TemporaryPasswordValidityDays"),
        &format!("{tf}.temporary_password_validity_days"),
        &[(0.0, 365.0)],
        Some(7.0),
        |days| days <= 7.0,
        "temporary passwords expire within 7 days",
    ));
    all_of(verdicts).unwrap_or_else(|| Verdict::not_applicable(resource, "no policy"))
}
