//! # cognito.client-user-existence-errors: Cognito app clients do not reveal which users exist
//!
//! ## Why this is your duty
//! Cognito is an abstracted service: AWS authenticates your users, but what
//! an app client tells a caller who tries an unknown username is your
//! setting. With `LEGACY` errors, sign-in, confirmation and password recovery
//! answer `UserNotFoundException`, which lets anyone enumerate your users'
//! names or e-mail addresses before guessing passwords.
//!
//! ## What AWS already does
//! App clients created through the API, CloudFormation or Terraform get
//! `LEGACY` errors unless `PreventUserExistenceErrors` /
//! `prevent_user_existence_errors` is `ENABLED` (only the console selects
//! `ENABLED` by default).
//!
//! ## Verdicts
//! - met: `ENABLED`;
//! - not met: `LEGACY` or absent;
//! - unknown: the value is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   WebClient:
//!     Type: AWS::Cognito::UserPoolClient
//!     Properties:
//!       UserPoolId: eu-west-1_abcdefghi
//!       PreventUserExistenceErrors: ENABLED
//! ```
//! ```yaml fail
//! Resources:
//!   WebClient:
//!     Type: AWS::Cognito::UserPoolClient
//!     Properties:
//!       UserPoolId: eu-west-1_abcdefghi
//! ```
//! ```hcl pass
//! resource "aws_cognito_user_pool_client" "web" {
//!   name                          = "web"
//!   user_pool_id                  = "eu-west-1_abcdefghi"
//!   prevent_user_existence_errors = "ENABLED"
//! }
//! ```
//! ```hcl fail
//! resource "aws_cognito_user_pool_client" "web" {
//!   name                          = "web"
//!   user_pool_id                  = "eu-west-1_abcdefghi"
//!   prevent_user_existence_errors = "LEGACY"
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "cognito.client-user-existence-errors",
    title: "Cognito app clients prevent user existence errors",
    duty: Duty::AccessControl,
    severity: Severity::Low,
    cfn_types: &["AWS::Cognito::UserPoolClient"],
    tf_types: &["aws_cognito_user_pool_client"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "PreventUserExistenceErrors",
        "prevent_user_existence_errors",
        &["ENABLED"],
        Some("LEGACY"),
        "hiding which users exist",
    )
}
