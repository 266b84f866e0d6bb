//! # waf.cloudwatch-metrics: WAF web ACLs, rule groups and their rules publish CloudWatch metrics
//!
//! ## Why this is your duty
//! AWS WAF is an abstracted service: AWS counts what each rule matched, and
//! watching those counts — a rule that suddenly blocks thousands of
//! requests, one that never matches — is monitoring on your side of the
//! model. A rule or rule group with CloudWatch metrics off leaves no trace of
//! what it did.
//!
//! ## What AWS already does
//! Publishes per-rule metrics to CloudWatch for every visibility
//! configuration whose `CloudWatchMetricsEnabled` is true; the flag is
//! required, so each one is your choice.
//!
//! ## Verdicts
//! Reads `AWS::WAFv2::RuleGroup` and `AWS::WAFv2::WebACL` (`VisibilityConfig`
//! and every `Rules[].VisibilityConfig`) and Terraform `aws_wafv2_rule_group`
//! and `aws_wafv2_web_acl` (`visibility_config` and every
//! `rule { visibility_config }`):
//! - met: `CloudWatchMetricsEnabled` / `cloudwatch_metrics_enabled` is true
//!   everywhere;
//! - not met: false, or absent, on the group, the ACL or a rule;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Group:
//!     Type: AWS::WAFv2::RuleGroup
//!     Properties:
//!       Scope: REGIONAL
//!       Capacity: 10
//!       VisibilityConfig:
//!         SampledRequestsEnabled: true
//!         CloudWatchMetricsEnabled: true
//!         MetricName: group
//!       Rules:
//!         - Name: block-bad-ips
//!           Priority: 0
//!           Action:
//!             Block: {}
//!           Statement:
//!             IPSetReferenceStatement:
//!               Arn: arn:aws:wafv2:eu-west-1:111122223333:regional/ipset/bad/1
//!           VisibilityConfig:
//!             SampledRequestsEnabled: true
//!             CloudWatchMetricsEnabled: true
//!             MetricName: bad-ips
//! ```
//! ```yaml fail
//! Resources:
//!   Group:
//!     Type: AWS::WAFv2::RuleGroup
//!     Properties:
//!       Scope: REGIONAL
//!       Capacity: 10
//!       VisibilityConfig:
//!         SampledRequestsEnabled: true
//!         CloudWatchMetricsEnabled: true
//!         MetricName: group
//!       Rules:
//!         - Name: block-bad-ips
//!           Priority: 0
//!           Action:
//!             Block: {}
//!           Statement:
//!             IPSetReferenceStatement:
//!               Arn: arn:aws:wafv2:eu-west-1:111122223333:regional/ipset/bad/1
//!           VisibilityConfig:
//!             SampledRequestsEnabled: false
//!             CloudWatchMetricsEnabled: false
//!             MetricName: bad-ips
//! ```
//! ```hcl pass
//! resource "aws_wafv2_rule_group" "group" {
//!   name     = "group"
//!   scope    = "REGIONAL"
//!   capacity = 10
//!   visibility_config {
//!     cloudwatch_metrics_enabled = true
//!     metric_name                = "group"
//!     sampled_requests_enabled   = true
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_wafv2_web_acl" "acl" {
//!   name  = "acl"
//!   scope = "REGIONAL"
//!   default_action {
//!     allow {}
//!   }
//!   visibility_config {
//!     cloudwatch_metrics_enabled = false
//!     metric_name                = "acl"
//!     sampled_requests_enabled   = false
//!   }
//! }
//! ```

use crate::check::{Every, Judgement, get_in, items, judge, spelling};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "waf.cloudwatch-metrics",
    title: "WAF web ACLs, rule groups and rules publish CloudWatch metrics",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::WAFv2::RuleGroup", "AWS::WAFv2::WebACL"],
    tf_types: &["aws_wafv2_rule_group", "aws_wafv2_web_acl"],
    reads: &[],
    controls: Controls {
        fsbp: &["WAF.12"],
        config: &["WAFV2_RULEGROUP_LOGGING_ENABLED"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let config = spelling(resource, "VisibilityConfig", "visibility_config");
    let flag = spelling(
        resource,
        "CloudWatchMetricsEnabled",
        "cloudwatch_metrics_enabled",
    );
    let rules = spelling(resource, "Rules", "rule");
    let mut places: Vec<(String, &Node)> = vec![(String::new(), &resource.properties)];
    for (i, r) in items(get_in(&resource.properties, rules))
        .into_iter()
        .enumerate()
    {
        places.push((format!("{rules}[{i}]."), r));
    }
    let mut every = Every::default();
    for (prefix, node) in places {
        let path = format!("{prefix}{config}.{flag}");
        let Some(value) = get_in(node, config).and_then(|c| get_in(c, flag)) else {
            return Verdict::not_met(
                resource,
                node.span,
                &path,
                format!("{path} is not set: no CloudWatch metrics"),
            );
        };
        let j = judge(value, &mut |n| match n.as_bool() {
            Some(b) => {
                Judgement::from_bool(b, n, || format!("{path} is false: no CloudWatch metrics"))
            }
            None => Judgement::no(n, format!("{path} is not a boolean")),
        });
        if let Some(v) = every.add(resource, &path, j) {
            return v;
        }
    }
    every.finish(|| {
        Verdict::met(
            resource,
            resource.name_span,
            config,
            "CloudWatch metrics are on for the group or ACL and every rule",
        )
    })
}
