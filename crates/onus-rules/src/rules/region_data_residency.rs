//! # region.data-residency: resources stay in the allowed Regions
//!
//! ## Why this is your duty
//! Choosing the Region of every resource, to meet data-sovereignty laws and
//! contracts, is always the customer's. AWS never moves your content out of
//! the Region you chose.
//!
//! ## What AWS already does
//! Keeps each regional resource, and its data, in the Region where you create
//! it.
//!
//! ## Verdicts
//! Only with `--allowed-regions` (or `allowed_regions` in `onus.toml`):
//! - not met: the resource's Region is known and not in the list;
//! - unknown: the Region is not known statically (a CloudFormation stack
//!   without `--region`, a Terraform provider region from a variable);
//! - not applicable: no allowed Regions were given, or the service is global
//!   (IAM, CloudFront, Route 53, Organizations...), where Region choice does
//!   not apply.
//!
//! Replication and copy targets (S3 replication, backup copies, DynamoDB
//! replicas) are checked by their own rules.
//!
//! ## Examples
//! ```hcl fail allowed-regions=eu-west-1
//! provider "aws" {
//!   region = "us-east-1"
//! }
//! resource "aws_sqs_queue" "jobs" {
//!   name = "jobs"
//! }
//! ```
//! ```hcl pass allowed-regions=eu-west-1
//! provider "aws" {
//!   region = "eu-west-1"
//! }
//! resource "aws_sqs_queue" "jobs" {
//!   name = "jobs"
//! }
//! ```
//! ```yaml unknown allowed-regions=eu-west-1
//! Resources:
//!   Jobs:
//!     Type: AWS::SQS::Queue
//! ```
//! ```yaml fail allowed-regions=eu-west-1 region=us-east-1
//! Resources:
//!   Jobs:
//!     Type: AWS::SQS::Queue
//! ```
//! ```yaml pass allowed-regions=eu-west-1 region=eu-west-1
//! Resources:
//!   Jobs:
//!     Type: AWS::SQS::Queue
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Jobs:
//!     Type: AWS::SQS::Queue
//! ```

use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::{Region, Resource};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "region.data-residency",
    title: "Resources are in an allowed Region",
    duty: Duty::DataResidency,
    severity: Severity::High,
    cfn_types: &["*"],
    tf_types: &["*"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

/// Type prefixes of global services: no Region to choose.
const GLOBAL: &[&str] = &[
    // The live scan's account resources hold settings, not data.
    "AWS::Account",
    "AWS::IAM::",
    "aws_iam_",
    "AWS::CloudFront::",
    "aws_cloudfront_",
    "AWS::Route53::",
    "aws_route53_record",
    "aws_route53_zone",
    "aws_route53_health_check",
    "AWS::Organizations::",
    "aws_organizations_",
    "AWS::GlobalAccelerator::",
    "aws_globalaccelerator_",
    "AWS::WAF::",
    "aws_waf_",
    "AWS::Budgets::",
    "aws_budgets_",
    "AWS::CE::",
    "aws_ce_",
    "AWS::Shield::",
    "aws_shield_",
];

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let Some(allowed) = &cx.settings.allowed_regions else {
        return Verdict::not_applicable(
            resource,
            "no allowed Regions given (--allowed-regions): confirm the Region choice yourself",
        );
    };
    if GLOBAL.iter().any(|p| resource.resource_type.starts_with(p)) {
        return Verdict::not_applicable(resource, "a global service: Region choice does not apply");
    }
    match &resource.region {
        Region::Known(region) if allowed.iter().any(|a| a == region) => Verdict::met(
            resource,
            resource.name_span,
            "",
            format!("in {region}, an allowed Region"),
        ),
        Region::Known(region) => Verdict::not_met(
            resource,
            resource.name_span,
            "",
            format!(
                "in {region}, outside the allowed Regions ({})",
                allowed.join(", ")
            ),
        ),
        Region::Unknown(why) => Verdict::unknown(resource, resource.name_span, "", why.clone()),
    }
}
