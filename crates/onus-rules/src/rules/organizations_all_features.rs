//! # organizations.all-features: the organization has all features enabled
//!
//! ## Why this is your duty
//! AWS Organizations is an abstracted service: AWS enforces the guardrails
//! you attach to accounts and OUs, but only in an organization with all
//! features enabled. With consolidated billing only, no service control
//! policy, resource control policy, tag or backup policy can apply, and the
//! management account cannot limit what member accounts do.
//!
//! ## What AWS already does
//! Creates organizations with all features (`FeatureSet` / `feature_set`
//! `ALL`) unless asked for `CONSOLIDATED_BILLING`.
//!
//! ## Verdicts
//! - met: `ALL` or absent;
//! - not met: `CONSOLIDATED_BILLING`;
//! - unknown: the value is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Org:
//!     Type: AWS::Organizations::Organization
//!     Properties:
//!       FeatureSet: ALL
//! ```
//! ```yaml fail
//! Resources:
//!   Org:
//!     Type: AWS::Organizations::Organization
//!     Properties:
//!       FeatureSet: CONSOLIDATED_BILLING
//! ```
//! ```hcl pass
//! resource "aws_organizations_organization" "org" {
//!   enabled_policy_types = ["SERVICE_CONTROL_POLICY"]
//! }
//! ```
//! ```hcl fail
//! resource "aws_organizations_organization" "org" {
//!   feature_set = "CONSOLIDATED_BILLING"
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "organizations.all-features",
    title: "The organization has all features enabled (policies can apply)",
    duty: Duty::AccessControl,
    severity: Severity::Low,
    cfn_types: &["AWS::Organizations::Organization"],
    tf_types: &["aws_organizations_organization"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "FeatureSet",
        "feature_set",
        &["ALL"],
        Some("ALL"),
        "organization policies",
    )
}
