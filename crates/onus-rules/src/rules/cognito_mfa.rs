//! # cognito.mfa: Cognito user pools offer or require MFA
//!
//! ## Why this is your duty
//! Cognito is an abstracted service: AWS runs the identity platform, but how
//! strongly *your* users must prove who they are is your configuration.
//! Access control, including the platform-level identities a service keeps
//! for you, is the customer's duty in every category.
//!
//! ## What AWS already does
//! Supports SMS, TOTP and email one-time codes as second factors; MFA is
//! `OFF` on a new user pool.
//!
//! ## Verdicts
//! - met: `MfaConfiguration` (`mfa_configuration`) is `ON` or `OPTIONAL`
//!   (with `OPTIONAL`, each user decides whether to enrol: prefer `ON`);
//! - not met: `OFF`, or absent (the default is `OFF`);
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Users:
//!     Type: AWS::Cognito::UserPool
//!     Properties:
//!       UserPoolName: customers
//!       MfaConfiguration: "ON"
//!       EnabledMfas: [SOFTWARE_TOKEN_MFA]
//! ```
//! ```yaml fail
//! Resources:
//!   Users:
//!     Type: AWS::Cognito::UserPool
//!     Properties:
//!       UserPoolName: customers
//! ```
//! ```hcl pass
//! resource "aws_cognito_user_pool" "users" {
//!   name              = "customers"
//!   mfa_configuration = "OPTIONAL"
//!   software_token_mfa_configuration {
//!     enabled = true
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_cognito_user_pool" "users" {
//!   name              = "customers"
//!   mfa_configuration = "OFF"
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "cognito.mfa",
    title: "Cognito user pool has MFA on or optional",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &["AWS::Cognito::UserPool"],
    tf_types: &["aws_cognito_user_pool"],
    reads: &[],
    controls: Controls {
        fsbp: &["Cognito.5"],
        config: &["COGNITO_USER_POOL_MFA_ENABLED"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "MfaConfiguration",
        "mfa_configuration",
        &["ON", "OPTIONAL"],
        Some("OFF"),
        "multi-factor authentication",
    )
}
