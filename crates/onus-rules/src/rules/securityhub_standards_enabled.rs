//! # securityhub.standards-enabled: Security Hub runs security standards
//!
//! ## Why this is your duty
//! Security Hub is an abstracted service: AWS runs the checks, but only the
//! standards you enable are checked. A hub with no standard collects
//! findings from other services yet evaluates none of your configuration.
//!
//! ## What AWS already does
//! Enables the default standards (AWS Foundational Security Best Practices
//! and CIS) when the hub is created, unless you opt out with
//! `EnableDefaultStandards: false` / `enable_default_standards = false`.
//!
//! ## Verdicts
//! Security Hub is enabled per account and Region; the rule judges each hub
//! the code declares (none declared: no verdict).
//! - met: default standards on (the default), or a standards subscription
//!   (`AWS::SecurityHub::Standard` / `aws_securityhub_standards_subscription`)
//!   in the same template or module;
//! - not met: default standards off and no subscription;
//! - unknown: the flag is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Hub:
//!     Type: AWS::SecurityHub::Hub
//! ```
//! ```yaml fail
//! Resources:
//!   Hub:
//!     Type: AWS::SecurityHub::Hub
//!     Properties:
//!       EnableDefaultStandards: false
//! ```
//! ```yaml pass
//! Resources:
//!   Hub:
//!     Type: AWS::SecurityHub::Hub
//!     Properties:
//!       EnableDefaultStandards: false
//!   Fsbp:
//!     Type: AWS::SecurityHub::Standard
//!     Properties:
//!       StandardsArn: arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0
//! ```
//! ```hcl pass
//! resource "aws_securityhub_account" "main" {}
//! ```
//! ```hcl fail
//! resource "aws_securityhub_account" "main" {
//!   enable_default_standards = false
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::{Status, Verdict};
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "securityhub.standards-enabled",
    title: "Security Hub is enabled with security standards",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::SecurityHub::Hub"],
    tf_types: &["aws_securityhub_account"],
    reads: &[
        "AWS::SecurityHub::Standard",
        "aws_securityhub_standards_subscription",
    ],
    controls: Controls {
        fsbp: &[],
        config: &["SECURITYHUB_ENABLED"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let v = require_bool(
        resource,
        "EnableDefaultStandards",
        "enable_default_standards",
        true,
        true,
        "default security standards enabled",
    );
    if v.status != Status::NotMet {
        return v;
    }
    let sub_type = if resource.format.is_terraform() {
        "aws_securityhub_standards_subscription"
    } else {
        "AWS::SecurityHub::Standard"
    };
    match cx.in_scope(resource, &[sub_type]).next() {
        Some(sub) => Verdict::met_by_default(
            resource,
            "",
            format!(
                "default standards are off, but {} subscribes to a standard",
                sub.id
            ),
        ),
        None => Verdict {
            message: format!("{}; and no {sub_type} subscribes to one", v.message).into(),
            ..v
        },
    }
}
