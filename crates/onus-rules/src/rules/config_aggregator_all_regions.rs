//! # config.aggregator-all-regions: AWS Config aggregators cover every Region
//!
//! ## Why this is your duty
//! AWS Config is an abstracted service: AWS records resource configurations
//! in each Region where you run a recorder, and an aggregator gathers them
//! into one view. An aggregator limited to a list of Regions cannot show the
//! resources someone created elsewhere (the Regions you do not use are where
//! an intruder's resources hide), and misses Regions enabled later.
//!
//! ## What AWS already does
//! Aggregates only the Regions you name unless `AllAwsRegions` /
//! `all_regions` is true; with it, Regions added later are included.
//!
//! ## Verdicts
//! - met: every `AccountAggregationSources` entry and the
//!   `OrganizationAggregationSource` (Terraform `account_aggregation_source`,
//!   `organization_aggregation_source`) set `AllAwsRegions` / `all_regions`
//!   to true;
//! - not met: a source limited to listed Regions (or with neither);
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Aggregator:
//!     Type: AWS::Config::ConfigurationAggregator
//!     Properties:
//!       OrganizationAggregationSource:
//!         AllAwsRegions: true
//!         RoleArn: arn:aws:iam::123456789012:role/config-aggregator
//! ```
//! ```yaml fail
//! Resources:
//!   Aggregator:
//!     Type: AWS::Config::ConfigurationAggregator
//!     Properties:
//!       AccountAggregationSources:
//!         - AccountIds:
//!             - "123456789012"
//!           AwsRegions:
//!             - eu-west-1
//! ```
//! ```hcl pass
//! resource "aws_config_configuration_aggregator" "org" {
//!   name = "org"
//!   organization_aggregation_source {
//!     all_regions = true
//!     role_arn    = "arn:aws:iam::123456789012:role/config-aggregator"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_config_configuration_aggregator" "accounts" {
//!   name = "accounts"
//!   account_aggregation_source {
//!     account_ids = ["123456789012"]
//!     regions     = ["eu-west-1"]
//!   }
//! }
//! ```

use crate::check::{Judgement, all_of, items, judge, prop, spelling, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "config.aggregator-all-regions",
    title: "AWS Config aggregators aggregate every Region",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::Config::ConfigurationAggregator"],
    tf_types: &["aws_config_configuration_aggregator"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_121", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let sources = [
        ("AccountAggregationSources", "account_aggregation_source"),
        (
            "OrganizationAggregationSource",
            "organization_aggregation_source",
        ),
    ];
    let flag = spelling(resource, "AllAwsRegions", "all_regions");
    let mut verdicts = Vec::new();
    for (cfn, tf) in sources {
        let (node, path) = prop(resource, cfn, tf);
        for source in items(node) {
            verdicts.push(match source.get(flag) {
                None => Verdict::not_met(
                    resource,
                    source.span,
                    path,
                    format!("{path} does not set {flag}: only the listed Regions are aggregated"),
                ),
                Some(f) => {
                    let j = judge(f, &mut |n| match n.as_bool() {
                        Some(b) => Judgement::from_bool(b, n, || {
                            format!("{flag} is false: only the listed Regions are aggregated")
                        }),
                        None => Judgement::no(n, format!("{flag} is not a boolean")),
                    });
                    verdict_of(resource, f, path, j, "every Region is aggregated")
                }
            });
        }
    }
    all_of(verdicts).unwrap_or_else(|| Verdict::missing(resource, "", "no aggregation source"))
}
