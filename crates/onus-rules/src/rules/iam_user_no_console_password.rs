//! # iam.user-no-console-password: IAM users get no console password from code
//!
//! ## Why this is your duty
//! IAM is an abstracted service: AWS authenticates sign-ins, but which
//! identities can sign in to the console, and how, is yours. A console
//! password on an IAM user is a long-lived credential that IAM cannot force
//! MFA on (that takes a policy, and Security Hub IAM.5 checks it at run
//! time). People should sign in through IAM Identity Center or federation,
//! with MFA and short sessions.
//!
//! ## What AWS already does
//! Gives an IAM user no console access until a login profile (password) is
//! created for it.
//!
//! ## Verdicts
//! - met: the user has no `LoginProfile` (Terraform: no
//!   `aws_iam_user_login_profile` whose `user` names it);
//! - not met: a login profile gives the user a console password.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Deployer:
//!     Type: AWS::IAM::User
//! ```
//! ```yaml fail
//! Resources:
//!   Alice:
//!     Type: AWS::IAM::User
//!     Properties:
//!       LoginProfile:
//!         Password: "{{resolve:secretsmanager:alice-initial}}"
//!         PasswordResetRequired: true
//! ```
//! ```hcl pass
//! resource "aws_iam_user" "deployer" {
//!   name = "deployer"
//! }
//! ```
//! ```hcl fail
//! resource "aws_iam_user" "alice" {
//!   name = "alice"
//! }
//! resource "aws_iam_user_login_profile" "alice" {
//!   user = aws_iam_user.alice.name
//! }
//! ```

use crate::check::get;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "iam.user-no-console-password",
    title: "IAM users get no console password from code",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &["AWS::IAM::User"],
    tf_types: &["aws_iam_user"],
    reads: &["aws_iam_user_login_profile"],
    controls: Controls::NONE,
    peers: &[checkov("CKV2_AWS_22", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let why = "a console password for an IAM user: sign people in through IAM Identity Center or federation";
    if resource.format.is_terraform() {
        let profiles = cx.linked(
            resource,
            &["aws_iam_user_login_profile"],
            "user",
            Some("name"),
        );
        return match profiles.first() {
            Some(p) => Verdict::not_met(p, p.name_span, "", why),
            None => Verdict::met_by_default(resource, "", "no login profile: no console access"),
        };
    }
    match get(resource, "LoginProfile") {
        Some(p) => Verdict::not_met(resource, p.span, "LoginProfile", why),
        None => Verdict::met_by_default(
            resource,
            "LoginProfile",
            "no LoginProfile: no console access",
        ),
    }
}
