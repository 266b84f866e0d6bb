//! # waf.known-bad-inputs: web ACLs block known exploit patterns such as Log4Shell
//!
//! ## Why this is your duty
//! AWS WAF is an abstracted service: AWS keeps its managed rule groups up to
//! date, but which of them protect your applications is your choice. The
//! `AWSManagedRulesKnownBadInputsRuleSet` group blocks request patterns of
//! actively exploited vulnerabilities — the Log4j JNDI lookups of
//! CVE-2021-44228 (Log4Shell) among them — before they reach code you may
//! not have patched yet.
//!
//! ## What AWS already does
//! Maintains the managed group and adds rules as new exploits appear
//! (`Log4JRCE` rules since December 2021); a web ACL uses it only if one of
//! its rules references it, in blocking mode.
//!
//! ## Verdicts
//! Reads the rules of `AWS::WAFv2::WebACL` and Terraform `aws_wafv2_web_acl`:
//! - met: a rule references the managed group
//!   `AWSManagedRulesKnownBadInputsRuleSet` (vendor `AWS`) without counting
//!   only (`OverrideAction: Count`), without excluding the `Log4JRCE` rules,
//!   and without overriding them to count or allow;
//! - not met: no such rule, or one that only counts or switches off the
//!   Log4j rules;
//! - unknown: the rules are a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Acl:
//!     Type: AWS::WAFv2::WebACL
//!     Properties:
//!       Scope: REGIONAL
//!       DefaultAction:
//!         Allow: {}
//!       VisibilityConfig:
//!         SampledRequestsEnabled: true
//!         CloudWatchMetricsEnabled: true
//!         MetricName: acl
//!       Rules:
//!         - Name: known-bad-inputs
//!           Priority: 0
//!           OverrideAction:
//!             None: {}
//!           Statement:
//!             ManagedRuleGroupStatement:
//!               VendorName: AWS
//!               Name: AWSManagedRulesKnownBadInputsRuleSet
//!           VisibilityConfig:
//!             SampledRequestsEnabled: true
//!             CloudWatchMetricsEnabled: true
//!             MetricName: known-bad-inputs
//! ```
//! ```yaml fail
//! Resources:
//!   Acl:
//!     Type: AWS::WAFv2::WebACL
//!     Properties:
//!       Scope: REGIONAL
//!       DefaultAction:
//!         Allow: {}
//!       VisibilityConfig:
//!         SampledRequestsEnabled: true
//!         CloudWatchMetricsEnabled: true
//!         MetricName: acl
//!       Rules:
//!         - Name: known-bad-inputs
//!           Priority: 0
//!           OverrideAction:
//!             None: {}
//!           Statement:
//!             ManagedRuleGroupStatement:
//!               VendorName: AWS
//!               Name: AWSManagedRulesKnownBadInputsRuleSet
//!               ExcludedRules:
//!                 - Name: Log4JRCE
//!           VisibilityConfig:
//!             SampledRequestsEnabled: true
//!             CloudWatchMetricsEnabled: true
//!             MetricName: known-bad-inputs
//! ```
//! ```hcl pass
//! resource "aws_wafv2_web_acl" "acl" {
//!   name  = "acl"
//!   scope = "REGIONAL"
//!   default_action {
//!     allow {}
//!   }
//!   rule {
//!     name     = "known-bad-inputs"
//!     priority = 0
//!     override_action {
//!       none {}
//!     }
//!     statement {
//!       managed_rule_group_statement {
//!         name        = "AWSManagedRulesKnownBadInputsRuleSet"
//!         vendor_name = "AWS"
//!       }
//!     }
//!     visibility_config {
//!       cloudwatch_metrics_enabled = true
//!       metric_name                = "known-bad-inputs"
//!       sampled_requests_enabled   = true
//!     }
//!   }
//!   visibility_config {
//!     cloudwatch_metrics_enabled = true
//!     metric_name                = "acl"
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
//!   rule {
//!     name     = "known-bad-inputs"
//!     priority = 0
//!     override_action {
//!       count {}
//!     }
//!     statement {
//!       managed_rule_group_statement {
//!         name        = "AWSManagedRulesKnownBadInputsRuleSet"
//!         vendor_name = "AWS"
//!       }
//!     }
//!     visibility_config {
//!       cloudwatch_metrics_enabled = true
//!       metric_name                = "known-bad-inputs"
//!       sampled_requests_enabled   = true
//!     }
//!   }
//!   visibility_config {
//!     cloudwatch_metrics_enabled = true
//!     metric_name                = "acl"
//!     sampled_requests_enabled   = true
//!   }
//! }
//! ```

use crate::check::{get_in, items, spelling};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "waf.known-bad-inputs",
    title: "WAF web ACLs block known exploit inputs such as Log4Shell",
    duty: Duty::NetworkExposure,
    severity: Severity::Medium,
    cfn_types: &["AWS::WAFv2::WebACL"],
    tf_types: &["aws_wafv2_web_acl"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[
        checkov("CKV_AWS_192", Same),
        checkov("CKV2_AWS_47", Related),
        checkov("CKV2_AWS_76", Related),
        checkov("CKV2_AWS_77", Related),
        checkov("CKV2_AWS_78", Related),
    ],
    check,
    file: file!(),
};

const GROUP: &str = "AWSManagedRulesKnownBadInputsRuleSet";

/// Why a reference to the group does not block the Log4j rules, if it does not.
fn weakness(resource: &Resource, rule: &Node, statement: &Node) -> Option<&'static str> {
    let k = |cfn, tf| spelling(resource, cfn, tf);
    if get_in(
        rule,
        &format!(
            "{}.{}",
            k("OverrideAction", "override_action"),
            k("Count", "count")
        ),
    )
    .is_some()
    {
        return Some("the rule only counts matches (override action Count)");
    }
    let log4j = |n: &Node| {
        get_in(n, k("Name", "name"))
            .and_then(Node::as_str)
            .is_some_and(|name| name.starts_with("Log4JRCE"))
    };
    if items(get_in(statement, k("ExcludedRules", "excluded_rule")))
        .into_iter()
        .any(log4j)
    {
        return Some("the Log4JRCE rules are excluded");
    }
    let weakened = items(get_in(
        statement,
        k("RuleActionOverrides", "rule_action_override"),
    ))
    .into_iter()
    .filter(|o| log4j(o))
    .any(|o| {
        let action = k("ActionToUse", "action_to_use");
        get_in(o, &format!("{action}.{}", k("Count", "count"))).is_some()
            || get_in(o, &format!("{action}.{}", k("Allow", "allow"))).is_some()
    });
    weakened.then_some("the Log4JRCE rules are overridden to count or allow")
}

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let rules_key = spelling(resource, "Rules", "rule");
    let rules = get_in(&resource.properties, rules_key);
    if let Some(Value::Unknown(what)) = rules.map(|r| &r.value) {
        let span = rules.map_or(resource.name_span, |r| r.span);
        return Verdict::unknown(resource, span, rules_key, what.clone());
    }
    let statement_path = spelling(
        resource,
        "Statement.ManagedRuleGroupStatement",
        "statement.managed_rule_group_statement",
    );
    let mut weak = None;
    for (i, rule) in items(rules).into_iter().enumerate() {
        let Some(statement) = get_in(rule, statement_path) else {
            continue;
        };
        let name = get_in(statement, spelling(resource, "Name", "name")).and_then(Node::as_str);
        let vendor = get_in(statement, spelling(resource, "VendorName", "vendor_name"))
            .and_then(Node::as_str);
        if name != Some(GROUP) || vendor != Some("AWS") {
            continue;
        }
        let path = format!("{rules_key}[{i}]");
        match weakness(resource, rule, statement) {
            None => {
                return Verdict::met(
                    resource,
                    rule.span,
                    &path,
                    format!("{GROUP} blocks known exploit inputs, Log4Shell included"),
                );
            }
            Some(why) => {
                weak.get_or_insert((rule.span, path, why));
            }
        }
    }
    match weak {
        Some((span, path, why)) => Verdict::not_met(
            resource,
            span,
            &path,
            format!("{GROUP} is referenced but {why}"),
        ),
        None => Verdict::missing(
            resource,
            rules_key,
            format!(
                "no rule references the managed group {GROUP}: Log4Shell payloads are not blocked"
            ),
        ),
    }
}
