//! # cognito.deletion-protection: Cognito user pools have deletion protection
//!
//! ## Why this is your duty
//! Cognito is an abstracted service: AWS keeps your user directory durable,
//! but deleting it is an API call you (or your pipeline) can make. A deleted
//! user pool takes every user, their passwords and MFA enrolments with it,
//! and cannot be restored; only deletion protection stops the call.
//!
//! ## What AWS already does
//! Creates user pools with deletion protection `INACTIVE`.
//!
//! ## Verdicts
//! Follows the AWS Config rule `cognito-user-pool-deletion-protection-enabled`
//! (Security Hub Cognito.6).
//! - met: `DeletionProtection` / `deletion_protection` is `ACTIVE`;
//! - not met: `INACTIVE`, or absent (the default);
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Users:
//!     Type: AWS::Cognito::UserPool
//!     Properties:
//!       DeletionProtection: ACTIVE
//! ```
//! ```yaml fail
//! Resources:
//!   Users:
//!     Type: AWS::Cognito::UserPool
//! ```
//! ```hcl pass
//! resource "aws_cognito_user_pool" "users" {
//!   name                = "users"
//!   deletion_protection = "ACTIVE"
//! }
//! ```
//! ```hcl fail
//! resource "aws_cognito_user_pool" "users" {
//!   name = "users"
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "cognito.deletion-protection",
    title: "Cognito user pools have deletion protection",
    duty: Duty::Backups,
    severity: Severity::Medium,
    cfn_types: &["AWS::Cognito::UserPool"],
    tf_types: &["aws_cognito_user_pool"],
    reads: &[],
    controls: Controls {
        fsbp: &["Cognito.6"],
        config: &["COGNITO_USER_POOL_DELETION_PROTECTION_ENABLED"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "DeletionProtection",
        "deletion_protection",
        &["ACTIVE"],
        Some("INACTIVE"),
        "deletion protection",
    )
}
