//! # macie.enabled: Amazon Macie is enabled and not paused
//!
//! ## Why this is your duty
//! Amazon Macie is an abstracted service: AWS runs the discovery of sensitive
//! data (credentials, personal and financial data) in your S3 buckets and
//! reports buckets that are public or shared, but only in accounts and
//! Regions where you enable it. Knowing where your sensitive data sits is
//! part of protecting it.
//!
//! ## What AWS already does
//! Nothing until Macie is enabled. `AWS::Macie::Session` and
//! `aws_macie2_account` enable it with `Status` / `status` `ENABLED` by
//! default; `PAUSED` suspends every Macie activity.
//!
//! ## Verdicts
//! Follows Security Hub Macie.1 (`macie-status-check`). Judged where code
//! enables Macie; an account whose code declares no session gets no verdict:
//! attest it, or check it with a live scan of the account.
//! - met: `Status` / `status` is `ENABLED` or absent;
//! - not met: `PAUSED`;
//! - unknown: the value is not static.
//!
//! Automated sensitive data discovery (Macie.2) has no CloudFormation or
//! Terraform setting and is not judged.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Macie:
//!     Type: AWS::Macie::Session
//!     Properties:
//!       FindingPublishingFrequency: FIFTEEN_MINUTES
//! ```
//! ```yaml fail
//! Resources:
//!   Macie:
//!     Type: AWS::Macie::Session
//!     Properties:
//!       Status: PAUSED
//! ```
//! ```hcl pass
//! resource "aws_macie2_account" "main" {
//!   status = "ENABLED"
//! }
//! ```
//! ```hcl fail
//! resource "aws_macie2_account" "main" {
//!   status = "PAUSED"
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "macie.enabled",
    title: "Amazon Macie is enabled and not paused",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::Macie::Session"],
    tf_types: &["aws_macie2_account"],
    reads: &[],
    controls: Controls {
        fsbp: &["Macie.1"],
        config: &["MACIE_STATUS_CHECK"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "Status",
        "status",
        &["ENABLED"],
        Some("ENABLED"),
        "Macie",
    )
}
