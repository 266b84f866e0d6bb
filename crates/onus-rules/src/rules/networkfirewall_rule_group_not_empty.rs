//! # networkfirewall.rule-group-not-empty: stateless rule groups contain rules
//!
//! ## Why this is your duty
//! AWS Network Firewall is an abstracted service: what it filters is the
//! rules you write. A stateless rule group without rules matches nothing; a
//! policy that relies on it to drop or allow traffic falls through to its
//! default actions, and the group looks like protection it is not.
//!
//! ## What AWS already does
//! Evaluates the stateless rules of a group in priority order; accepts an
//! empty group.
//!
//! ## Verdicts
//! Reads `AWS::NetworkFirewall::RuleGroup` and Terraform
//! `aws_networkfirewall_rule_group` of type `STATELESS`
//! (`RuleGroup.RulesSource.StatelessRulesAndCustomActions.StatelessRules`,
//! `rule_group { rules_source { stateless_rules_and_custom_actions {
//! stateless_rule } } }`):
//! - met: at least one stateless rule;
//! - not met: none;
//! - not applicable: a stateful rule group;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Group:
//!     Type: AWS::NetworkFirewall::RuleGroup
//!     Properties:
//!       RuleGroupName: drop-telnet
//!       Type: STATELESS
//!       Capacity: 10
//!       RuleGroup:
//!         RulesSource:
//!           StatelessRulesAndCustomActions:
//!             StatelessRules:
//!               - Priority: 1
//!                 RuleDefinition:
//!                   Actions: ["aws:drop"]
//!                   MatchAttributes:
//!                     DestinationPorts:
//!                       - FromPort: 23
//!                         ToPort: 23
//!                     Protocols: [6]
//! ```
//! ```yaml fail
//! Resources:
//!   Group:
//!     Type: AWS::NetworkFirewall::RuleGroup
//!     Properties:
//!       RuleGroupName: empty
//!       Type: STATELESS
//!       Capacity: 10
//!       RuleGroup:
//!         RulesSource:
//!           StatelessRulesAndCustomActions:
//!             StatelessRules: []
//! ```
//! ```hcl pass
//! resource "aws_networkfirewall_rule_group" "drop_telnet" {
//!   name     = "drop-telnet"
//!   type     = "STATELESS"
//!   capacity = 10
//!   rule_group {
//!     rules_source {
//!       stateless_rules_and_custom_actions {
//!         stateless_rule {
//!           priority = 1
//!           rule_definition {
//!             actions = ["aws:drop"]
//!             match_attributes {
//!               protocols = [6]
//!             }
//!           }
//!         }
//!       }
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_networkfirewall_rule_group" "empty" {
//!   name     = "empty"
//!   type     = "STATELESS"
//!   capacity = 10
//! }
//! ```

use crate::check::{prop, require_set};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "networkfirewall.rule-group-not-empty",
    title: "Network Firewall stateless rule groups contain rules",
    duty: Duty::NetworkExposure,
    severity: Severity::Medium,
    cfn_types: &["AWS::NetworkFirewall::RuleGroup"],
    tf_types: &["aws_networkfirewall_rule_group"],
    reads: &[],
    controls: Controls {
        fsbp: &["NetworkFirewall.6"],
        config: &["NETFW_STATELESS_RULE_GROUP_NOT_EMPTY"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let (kind, path) = prop(resource, "Type", "type");
    match kind.map(|n| (&n.value, n.as_str())) {
        Some((_, Some(t))) if t.eq_ignore_ascii_case("STATELESS") => {}
        Some((Value::Unknown(what), _)) => {
            let span = kind.map_or(resource.name_span, |n| n.span);
            return Verdict::unknown(resource, span, path, what.clone());
        }
        _ => return Verdict::not_applicable(resource, "a stateful rule group"),
    }
    require_set(
        resource,
        "RuleGroup.RulesSource.StatelessRulesAndCustomActions.StatelessRules",
        "rule_group.rules_source.stateless_rules_and_custom_actions.stateless_rule",
        "the stateless rule group has no rule",
    )
}
