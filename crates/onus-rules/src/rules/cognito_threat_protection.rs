//! # cognito.threat-protection: Cognito user pools enforce threat protection
//!
//! ## Why this is your duty
//! Cognito is an abstracted service: AWS detects compromised credentials and
//! risky sign-ins for user pools that turn threat protection (advanced
//! security) on, and acts on them only in full-function (`ENFORCED`) mode.
//! Choosing that protection for your users is access control on the
//! customer's side.
//!
//! ## What AWS already does
//! Runs the risk engine; threat protection is `OFF` by default, and `AUDIT`
//! only records risks without blocking or challenging sign-ins. (It needs the
//! Plus feature plan, or the legacy advanced security features.)
//!
//! ## Verdicts
//! - met: `UserPoolAddOns.AdvancedSecurityMode`
//!   (`user_pool_add_ons { advanced_security_mode }`) is `ENFORCED`;
//! - not met: `AUDIT`, `OFF`, or absent (default `OFF`);
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Users:
//!     Type: AWS::Cognito::UserPool
//!     Properties:
//!       UserPoolName: customers
//!       UserPoolTier: PLUS
//!       UserPoolAddOns:
//!         AdvancedSecurityMode: ENFORCED
//! ```
//! ```yaml fail
//! Resources:
//!   Users:
//!     Type: AWS::Cognito::UserPool
//!     Properties:
//!       UserPoolName: customers
//!       UserPoolAddOns:
//!         AdvancedSecurityMode: AUDIT
//! ```
//! ```hcl pass
//! resource "aws_cognito_user_pool" "users" {
//!   name           = "customers"
//!   user_pool_tier = "PLUS"
//!   user_pool_add_ons {
//!     advanced_security_mode = "ENFORCED"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_cognito_user_pool" "users" {
//!   name = "customers"
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "cognito.threat-protection",
    title: "Cognito user pool enforces threat protection",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &["AWS::Cognito::UserPool"],
    tf_types: &["aws_cognito_user_pool"],
    reads: &[],
    controls: Controls {
        fsbp: &["Cognito.1"],
        config: &["COGNITO_USER_POOL_ADVANCED_SECURITY_ENABLED"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "UserPoolAddOns.AdvancedSecurityMode",
        "user_pool_add_ons.advanced_security_mode",
        &["ENFORCED"],
        Some("OFF"),
        "threat protection in full-function mode",
    )
}
