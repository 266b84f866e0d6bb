//! # waf.web-acl-not-empty: web ACLs contain rules
//!
//! ## Why this is your duty
//! AWS WAF is an abstracted service: AWS runs the filtering fleet, and what
//! it filters is the rules you put in your web ACL. A web ACL without rules
//! applies only its default action to every request: with `Allow`, it
//! inspects nothing while looking, in the console and to other tools, like
//! protection.
//!
//! ## What AWS already does
//! Evaluates a web ACL's rules in priority order and applies the default
//! action to requests no rule matched. A new web ACL has no rules.
//!
//! ## Verdicts
//! Reads `AWS::WAFv2::WebACL` `Rules`, WAF Classic `AWS::WAF::WebACL` and
//! `AWS::WAFRegional::WebACL` `Rules`, and Terraform `aws_wafv2_web_acl`
//! (`rule` blocks), `aws_waf_web_acl` (`rules`) and `aws_wafregional_web_acl`
//! (`rule`):
//! - met: at least one rule or rule group;
//! - not met: none;
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
//!         - Name: common
//!           Priority: 0
//!           OverrideAction:
//!             None: {}
//!           Statement:
//!             ManagedRuleGroupStatement:
//!               VendorName: AWS
//!               Name: AWSManagedRulesCommonRuleSet
//!           VisibilityConfig:
//!             SampledRequestsEnabled: true
//!             CloudWatchMetricsEnabled: true
//!             MetricName: common
//! ```
//! ```yaml fail
//! Resources:
//!   Acl:
//!     Type: AWS::WAFRegional::WebACL
//!     Properties:
//!       Name: acl
//!       MetricName: acl
//!       DefaultAction:
//!         Type: ALLOW
//! ```
//! ```hcl pass
//! resource "aws_waf_web_acl" "acl" {
//!   name        = "acl"
//!   metric_name = "acl"
//!   default_action {
//!     type = "ALLOW"
//!   }
//!   rules {
//!     priority = 1
//!     rule_id  = "abc123"
//!     action {
//!       type = "BLOCK"
//!     }
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
//!     cloudwatch_metrics_enabled = true
//!     metric_name                = "acl"
//!     sampled_requests_enabled   = true
//!   }
//! }
//! ```

use crate::check::require_set;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "waf.web-acl-not-empty",
    title: "WAF web ACLs contain at least one rule",
    duty: Duty::NetworkExposure,
    severity: Severity::Medium,
    cfn_types: &[
        "AWS::WAFv2::WebACL",
        "AWS::WAF::WebACL",
        "AWS::WAFRegional::WebACL",
    ],
    tf_types: &[
        "aws_wafv2_web_acl",
        "aws_waf_web_acl",
        "aws_wafregional_web_acl",
    ],
    reads: &[],
    controls: Controls {
        fsbp: &["WAF.4", "WAF.8", "WAF.10"],
        config: &[
            "WAF_REGIONAL_WEBACL_NOT_EMPTY",
            "WAF_GLOBAL_WEBACL_NOT_EMPTY",
            "WAFV2_WEBACL_NOT_EMPTY",
        ],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_175", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let tf = if resource.resource_type == "aws_waf_web_acl" {
        "rules"
    } else {
        "rule"
    };
    require_set(
        resource,
        "Rules",
        tf,
        "the web ACL has no rules: only its default action applies",
    )
}
