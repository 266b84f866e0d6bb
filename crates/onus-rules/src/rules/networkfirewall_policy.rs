//! # networkfirewall.policy: firewall policies inspect traffic and drop what no rule handles
//!
//! ## Why this is your duty
//! AWS Network Firewall is an abstracted service: AWS runs the inspection,
//! and what a firewall lets through is the policy you write. A policy
//! without rule groups inspects nothing; a stateless default action of
//! `aws:pass` lets every packet no stateless rule matched bypass the
//! stateful engine entirely — full packets and fragments alike.
//!
//! ## What AWS already does
//! Applies the stateless default actions you choose (both are required) to
//! packets that match no stateless rule; only `aws:forward_to_sfe` sends
//! them on to your stateful rules, and `aws:drop` drops them.
//!
//! ## Verdicts
//! Reads `AWS::NetworkFirewall::FirewallPolicy` (`FirewallPolicy`) and
//! Terraform `aws_networkfirewall_firewall_policy` (`firewall_policy`):
//! - met: the policy references at least one stateful or stateless rule
//!   group, and both `StatelessDefaultActions` and
//!   `StatelessFragmentDefaultActions` (`stateless_default_actions`,
//!   `stateless_fragment_default_actions`) are `aws:drop` or
//!   `aws:forward_to_sfe`;
//! - not met: no rule group, or a default action that passes packets;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Policy:
//!     Type: AWS::NetworkFirewall::FirewallPolicy
//!     Properties:
//!       FirewallPolicyName: egress
//!       FirewallPolicy:
//!         StatelessDefaultActions: ["aws:forward_to_sfe"]
//!         StatelessFragmentDefaultActions: ["aws:forward_to_sfe"]
//!         StatefulRuleGroupReferences:
//!           - ResourceArn: arn:aws:network-firewall:eu-west-1:111122223333:stateful-rulegroup/domains
//! ```
//! ```yaml fail
//! Resources:
//!   Policy:
//!     Type: AWS::NetworkFirewall::FirewallPolicy
//!     Properties:
//!       FirewallPolicyName: egress
//!       FirewallPolicy:
//!         StatelessDefaultActions: ["aws:pass"]
//!         StatelessFragmentDefaultActions: ["aws:pass"]
//! ```
//! ```hcl pass
//! resource "aws_networkfirewall_firewall_policy" "egress" {
//!   name = "egress"
//!   firewall_policy {
//!     stateless_default_actions          = ["aws:drop"]
//!     stateless_fragment_default_actions = ["aws:drop"]
//!     stateless_rule_group_reference {
//!       priority     = 1
//!       resource_arn = "arn:aws:network-firewall:eu-west-1:111122223333:stateless-rulegroup/allow"
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_networkfirewall_firewall_policy" "egress" {
//!   name = "egress"
//!   firewall_policy {
//!     stateless_default_actions          = ["aws:forward_to_sfe"]
//!     stateless_fragment_default_actions = ["aws:pass"]
//!     stateful_rule_group_reference {
//!       resource_arn = "arn:aws:network-firewall:eu-west-1:111122223333:stateful-rulegroup/domains"
//!     }
//!   }
//! }
//! ```

use crate::check::{all_of, get, is_empty, spelling};
use crate::context::Context;
use crate::lists::require_item;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "networkfirewall.policy",
    title: "Network Firewall policies have rule groups and drop or inspect unmatched packets",
    duty: Duty::NetworkExposure,
    severity: Severity::Medium,
    cfn_types: &["AWS::NetworkFirewall::FirewallPolicy"],
    tf_types: &["aws_networkfirewall_firewall_policy"],
    reads: &[],
    controls: Controls {
        fsbp: &[
            "NetworkFirewall.3",
            "NetworkFirewall.4",
            "NetworkFirewall.5",
        ],
        config: &[
            "NETFW_POLICY_RULE_GROUP_ASSOCIATED",
            "NETFW_POLICY_DEFAULT_ACTION_FULL_PACKETS",
            "NETFW_POLICY_DEFAULT_ACTION_FRAGMENT_PACKETS",
        ],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

const INSPECT_OR_DROP: &[&str] = &["aws:drop", "aws:forward_to_sfe"];

fn rule_groups(resource: &Resource) -> Verdict {
    let policy = spelling(resource, "FirewallPolicy", "firewall_policy");
    let keys: [&str; 2] = if resource.format.is_terraform() {
        [
            "stateful_rule_group_reference",
            "stateless_rule_group_reference",
        ]
    } else {
        [
            "StatefulRuleGroupReferences",
            "StatelessRuleGroupReferences",
        ]
    };
    let present = keys
        .iter()
        .find_map(|k| get(resource, &format!("{policy}.{k}")).filter(|n| !is_empty(n)));
    match present {
        Some(n) => Verdict::met(
            resource,
            n.span,
            policy,
            "the policy references rule groups",
        ),
        None => Verdict::missing(
            resource,
            policy,
            "the policy references no rule group: the firewall inspects nothing",
        ),
    }
}

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let full = require_item(
        resource,
        "FirewallPolicy.StatelessDefaultActions",
        "firewall_policy.stateless_default_actions",
        INSPECT_OR_DROP,
        "packets no stateless rule matched pass uninspected",
    );
    let fragments = require_item(
        resource,
        "FirewallPolicy.StatelessFragmentDefaultActions",
        "firewall_policy.stateless_fragment_default_actions",
        INSPECT_OR_DROP,
        "fragmented packets no stateless rule matched pass uninspected",
    );
    all_of(vec![rule_groups(resource), full, fragments]).unwrap_or_else(|| rule_groups(resource))
}
