//! # waf.rule-not-empty: WAF Classic rules and rule groups are not empty
//!
//! ## Why this is your duty
//! AWS WAF Classic is an abstracted service: AWS runs the filtering, and
//! what a rule matches is your configuration. A rule without conditions
//! matches nothing, and a rule group without rules does nothing: a web ACL
//! that relies on them filters less than it appears to.
//!
//! ## What AWS already does
//! Evaluates the conditions (predicates) of a rule and the rules of a rule
//! group; creates both empty. AWS has announced the end of WAF Classic:
//! migrate to AWS WAF (v2), whose web ACLs `waf.web-acl-not-empty` judges.
//!
//! ## Verdicts
//! Reads WAF Classic rules — `AWS::WAF::Rule` and `AWS::WAFRegional::Rule`
//! `Predicates`, Terraform `aws_waf_rule` (`predicates`) and
//! `aws_wafregional_rule` (`predicate`) — and rule groups, Terraform
//! `aws_waf_rule_group` and `aws_wafregional_rule_group` (`activated_rule`):
//! - met: at least one condition or rule;
//! - not met: none;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   BadIps:
//!     Type: AWS::WAFRegional::Rule
//!     Properties:
//!       Name: bad-ips
//!       MetricName: badips
//!       Predicates:
//!         - DataId: ipset-123
//!           Negated: false
//!           Type: IPMatch
//! ```
//! ```yaml fail
//! Resources:
//!   Empty:
//!     Type: AWS::WAF::Rule
//!     Properties:
//!       Name: empty
//!       MetricName: empty
//! ```
//! ```hcl pass
//! resource "aws_wafregional_rule_group" "group" {
//!   name        = "group"
//!   metric_name = "group"
//!   activated_rule {
//!     action {
//!       type = "BLOCK"
//!     }
//!     priority = 50
//!     rule_id  = "abc123"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_waf_rule" "empty" {
//!   name        = "empty"
//!   metric_name = "empty"
//! }
//! ```

use crate::check::require_set;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "waf.rule-not-empty",
    title: "WAF Classic rules have conditions and rule groups have rules",
    duty: Duty::NetworkExposure,
    severity: Severity::Medium,
    cfn_types: &["AWS::WAF::Rule", "AWS::WAFRegional::Rule"],
    tf_types: &[
        "aws_waf_rule",
        "aws_wafregional_rule",
        "aws_waf_rule_group",
        "aws_wafregional_rule_group",
    ],
    reads: &[],
    controls: Controls {
        fsbp: &["WAF.2", "WAF.3", "WAF.6", "WAF.7"],
        config: &[
            "WAF_REGIONAL_RULE_NOT_EMPTY",
            "WAF_REGIONAL_RULEGROUP_NOT_EMPTY",
            "WAF_GLOBAL_RULE_NOT_EMPTY",
            "WAF_GLOBAL_RULEGROUP_NOT_EMPTY",
        ],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let (tf, what) = match resource.resource_type.as_str() {
        "aws_waf_rule" => (
            "predicates",
            "the rule has no condition: it matches nothing",
        ),
        "aws_wafregional_rule" => ("predicate", "the rule has no condition: it matches nothing"),
        _ => (
            "activated_rule",
            "the rule group has no rule: it does nothing",
        ),
    };
    require_set(resource, "Predicates", tf, what)
}
