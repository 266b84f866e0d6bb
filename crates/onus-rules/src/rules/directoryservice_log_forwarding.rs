//! # directoryservice.log-forwarding: Managed Microsoft AD forwards its security logs
//!
//! ## Why this is your duty
//! Directory Service is a container-category service: AWS runs and patches
//! the domain controllers, but the directory's users, groups and sign-ins are
//! yours, and so is watching them. The domain controllers' security event
//! logs (logons, lockouts, group changes) reach you only through a log
//! subscription to CloudWatch Logs.
//!
//! ## What AWS already does
//! Keeps the security logs on the domain controllers, where you cannot read
//! them, until a log subscription forwards them.
//!
//! ## Verdicts
//! Terraform only: CloudFormation has no resource for log subscriptions.
//! - met: an `aws_directory_service_log_subscription` whose `directory_id`
//!   names the directory;
//! - not met: none for a `MicrosoftAD` directory;
//! - unknown: the directory type is not static;
//! - not applicable: Simple AD and AD Connector, which have no log forwarding.
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_directory_service_directory" "corp" {
//!   name     = "corp.example.com"
//!   password = var.admin_password
//!   type     = "MicrosoftAD"
//!   edition  = "Standard"
//!   vpc_settings {
//!     vpc_id     = "vpc-12345678"
//!     subnet_ids = ["subnet-12345678", "subnet-87654321"]
//!   }
//! }
//! resource "aws_directory_service_log_subscription" "corp" {
//!   directory_id   = aws_directory_service_directory.corp.id
//!   log_group_name = "/aws/directoryservice/corp"
//! }
//! ```
//! ```hcl fail
//! resource "aws_directory_service_directory" "corp" {
//!   name     = "corp.example.com"
//!   password = var.admin_password
//!   type     = "MicrosoftAD"
//!   edition  = "Standard"
//!   vpc_settings {
//!     vpc_id     = "vpc-12345678"
//!     subnet_ids = ["subnet-12345678", "subnet-87654321"]
//!   }
//! }
//! ```

use crate::check::{Judgement, get, is_text, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "directoryservice.log-forwarding",
    title: "Managed Microsoft AD directories forward security logs to CloudWatch",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &[],
    tf_types: &["aws_directory_service_directory"],
    reads: &["aws_directory_service_log_subscription"],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    // The provider's default type is SimpleAD.
    let Some(kind) = get(resource, "type") else {
        return Verdict::not_applicable(resource, "a Simple AD directory (the default type)");
    };
    match is_text(kind, "MicrosoftAD", "type") {
        Judgement::Yes => {}
        Judgement::No(..) => {
            return Verdict::not_applicable(resource, "Simple AD and AD Connector forward no logs");
        }
        u @ Judgement::Unknown(..) => return verdict_of(resource, kind, "type", u, ""),
    }
    let subs = cx.linked(
        resource,
        &["aws_directory_service_log_subscription"],
        "directory_id",
        None,
    );
    match subs.first() {
        Some(s) => Verdict::met(
            s,
            s.name_span,
            "",
            format!("{} forwards the security logs", s.id),
        ),
        None => Verdict::missing(
            resource,
            "aws_directory_service_log_subscription",
            "no log subscription: the domain controllers' security logs stay on them",
        ),
    }
}
