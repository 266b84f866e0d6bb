//! # inspector.lambda-scanning: Amazon Inspector Lambda standard scanning is enabled
//!
//! ## Why this is your duty
//! Amazon Inspector is an abstracted service: AWS runs the scanners and keeps
//! their vulnerability data current, but scans only the resource types you
//! enable. Lambda standard scanning finds known vulnerabilities in the packages
//! your functions and layers depend on. Your function code and its dependencies
//! are yours in the abstracted category.
//!
//! ## What AWS already does
//! Scans nothing until Inspector is enabled for the account and the scan
//! type: the `Enable` API, and so `aws_inspector2_enabler`, turns on exactly
//! the resource types it lists.
//!
//! ## Verdicts
//! Follows Security Hub Inspector.4. Judged where code enables Inspector:
//! Terraform's `aws_inspector2_enabler` (CloudFormation has no resource for
//! it). An account whose code declares none gets no verdict: attest it, or
//! check it with a live scan of the account.
//! - met: `resource_types` lists `LAMBDA`, on this enabler or on another
//!   `aws_inspector2_enabler` of the same module;
//! - not met: no enabler of the module lists `LAMBDA`;
//! - unknown: the list comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_inspector2_enabler" "scans" {
//!   account_ids    = ["123456789012"]
//!   resource_types = ["LAMBDA"]
//! }
//! ```
//! ```hcl pass
//! resource "aws_inspector2_enabler" "containers" {
//!   account_ids    = ["123456789012"]
//!   resource_types = ["ECR"]
//! }
//! resource "aws_inspector2_enabler" "more" {
//!   account_ids    = ["123456789012"]
//!   resource_types = ["LAMBDA"]
//! }
//! ```
//! ```hcl fail
//! resource "aws_inspector2_enabler" "scans" {
//!   account_ids    = ["123456789012"]
//!   resource_types = ["ECR"]
//! }
//! ```

use crate::context::Context;
use crate::inspector::scan_type;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "inspector.lambda-scanning",
    title: "Amazon Inspector Lambda standard scanning is enabled",
    duty: Duty::Logging,
    severity: Severity::High,
    cfn_types: &[],
    tf_types: &["aws_inspector2_enabler"],
    reads: &[],
    controls: Controls {
        fsbp: &["Inspector.4"],
        config: &["INSPECTOR_LAMBDA_STANDARD_SCAN_ENABLED"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    scan_type(resource, cx, "LAMBDA", "Lambda standard scanning")
}
