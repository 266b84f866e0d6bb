//! # cognito.custom-auth-threat-protection: threat protection covers custom authentication
//!
//! ## Why this is your duty
//! Cognito is an abstracted service: AWS scores the risk of every sign-in
//! for user pools with threat protection, but for custom authentication
//! (sign-ins driven by your `DefineAuthChallenge` Lambda triggers) it acts
//! only in the mode you set for those flows. Blocking or challenging risky
//! sign-ins there is access control on your side.
//!
//! ## What AWS already does
//! Applies no threat protection to custom authentication flows unless
//! `UserPoolAddOns.AdvancedSecurityAdditionalFlows.CustomAuthMode` is set;
//! `AUDIT` only records risks. (Threat protection needs the Plus feature
//! plan.)
//!
//! ## Verdicts
//! Follows Security Hub Cognito.4.
//! - met: `CustomAuthMode` (`user_pool_add_ons { advanced_security_additional_flows { custom_auth_mode } }`,
//!   Terraform AWS provider 5.98 and later) is `ENFORCED`;
//! - not met: `AUDIT`, or not set, on a pool with a `DefineAuthChallenge`
//!   trigger;
//! - unknown: a value onus cannot resolve;
//! - not applicable: a pool without custom authentication (no
//!   `LambdaConfig.DefineAuthChallenge` / `lambda_config.define_auth_challenge`).
//!
//! Standard authentication is `cognito.threat-protection`.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Users:
//!     Type: AWS::Cognito::UserPool
//!     Properties:
//!       UserPoolTier: PLUS
//!       LambdaConfig:
//!         DefineAuthChallenge: arn:aws:lambda:eu-west-1:123456789012:function:define
//!       UserPoolAddOns:
//!         AdvancedSecurityMode: ENFORCED
//!         AdvancedSecurityAdditionalFlows:
//!           CustomAuthMode: ENFORCED
//! ```
//! ```yaml fail
//! Resources:
//!   Users:
//!     Type: AWS::Cognito::UserPool
//!     Properties:
//!       UserPoolTier: PLUS
//!       LambdaConfig:
//!         DefineAuthChallenge: arn:aws:lambda:eu-west-1:123456789012:function:define
//!       UserPoolAddOns:
//!         AdvancedSecurityMode: ENFORCED
//! ```
//! ```hcl pass
//! resource "aws_cognito_user_pool" "users" {
//!   name           = "users"
//!   user_pool_tier = "PLUS"
//!   lambda_config {
//!     define_auth_challenge = "arn:aws:lambda:eu-west-1:123456789012:function:define"
//!   }
//!   user_pool_add_ons {
//!     advanced_security_mode = "ENFORCED"
//!     advanced_security_additional_flows {
//!       custom_auth_mode = "ENFORCED"
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_cognito_user_pool" "users" {
//!   name           = "users"
//!   user_pool_tier = "PLUS"
//!   lambda_config {
//!     define_auth_challenge = "arn:aws:lambda:eu-west-1:123456789012:function:define"
//!   }
//!   user_pool_add_ons {
//!     advanced_security_mode = "ENFORCED"
//!     advanced_security_additional_flows {
//!       custom_auth_mode = "AUDIT"
//!     }
//!   }
//! }
//! ```

use crate::check::{prop, require_one_of};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "cognito.custom-auth-threat-protection",
    title: "Cognito threat protection is enforced for custom authentication",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &["AWS::Cognito::UserPool"],
    tf_types: &["aws_cognito_user_pool"],
    reads: &[],
    controls: Controls {
        fsbp: &["Cognito.4"],
        config: &["COGNITO_USERPOOL_CUST_AUTH_THREAT_FULL_CHECK"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let (trigger, _) = prop(
        resource,
        "LambdaConfig.DefineAuthChallenge",
        "lambda_config.define_auth_challenge",
    );
    if trigger.is_none() {
        return Verdict::not_applicable(resource, "no custom authentication (DefineAuthChallenge)");
    }
    require_one_of(
        resource,
        "UserPoolAddOns.AdvancedSecurityAdditionalFlows.CustomAuthMode",
        "user_pool_add_ons.advanced_security_additional_flows.custom_auth_mode",
        &["ENFORCED"],
        None,
        "threat protection in full-function mode for custom authentication",
    )
}
