//! # cognito.no-unauthenticated-identities: Cognito identity pools do not hand out guest credentials
//!
//! ## Why this is your duty
//! Cognito is an abstracted service: AWS issues temporary AWS credentials to
//! whoever the identity pool accepts, and what they can do is the IAM role
//! you attach. Allowing unauthenticated identities gives every anonymous
//! caller on the internet credentials for the guest role.
//!
//! ## What AWS already does
//! Issues credentials only to authenticated identities unless
//! `AllowUnauthenticatedIdentities` / `allow_unauthenticated_identities` is
//! true (required in CloudFormation, false by default in Terraform).
//!
//! ## Verdicts
//! Follows the AWS Config rule `cognito-identity-pool-unauth-access-check`
//! (Security Hub Cognito.2).
//! - met: false or absent;
//! - not met: true;
//! - unknown: the value is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Identities:
//!     Type: AWS::Cognito::IdentityPool
//!     Properties:
//!       AllowUnauthenticatedIdentities: false
//! ```
//! ```yaml fail
//! Resources:
//!   Identities:
//!     Type: AWS::Cognito::IdentityPool
//!     Properties:
//!       AllowUnauthenticatedIdentities: true
//! ```
//! ```hcl pass
//! resource "aws_cognito_identity_pool" "identities" {
//!   identity_pool_name = "identities"
//! }
//! ```
//! ```hcl fail
//! resource "aws_cognito_identity_pool" "identities" {
//!   identity_pool_name               = "identities"
//!   allow_unauthenticated_identities = true
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "cognito.no-unauthenticated-identities",
    title: "Cognito identity pools do not allow unauthenticated identities",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &["AWS::Cognito::IdentityPool"],
    tf_types: &["aws_cognito_identity_pool"],
    reads: &[],
    controls: Controls {
        fsbp: &["Cognito.2"],
        config: &["COGNITO_IDENTITY_POOL_UNAUTH_ACCESS_CHECK"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_366", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "AllowUnauthenticatedIdentities",
        "allow_unauthenticated_identities",
        false,
        false,
        "refusing unauthenticated callers",
    )
}
