//! # networkfirewall.change-protection: firewalls are protected against deletion and subnet changes
//!
//! ## Why this is your duty
//! AWS Network Firewall is an abstracted service: AWS keeps the firewall
//! endpoints running, but deleting the firewall or moving its endpoints out
//! of a subnet is an API call any sufficiently privileged principal — or a
//! careless stack update — can make, and traffic then flows uninspected.
//! Protecting the network controls you run is part of the customer's side
//! of the model.
//!
//! ## What AWS already does
//! Refuses to delete a firewall, or to change its subnet associations, while
//! the matching protection flag is true. "When you create a firewall, the
//! operation initializes this flag to TRUE" (the `CreateFirewall` API and
//! the CloudFormation `AWS::NetworkFirewall::Firewall` references, for both
//! flags), so CloudFormation's absent properties leave them on. The
//! Terraform provider defaults `delete_protection` and
//! `subnet_change_protection` to false and sends them.
//!
//! ## Verdicts
//! Reads `AWS::NetworkFirewall::Firewall` (`DeleteProtection`,
//! `SubnetChangeProtection`) and Terraform `aws_networkfirewall_firewall`
//! (`delete_protection`, `subnet_change_protection`):
//! - met: both are true, or absent in CloudFormation (initialized to true);
//! - not met: one is false, or absent in Terraform;
//! - unknown: one is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Firewall:
//!     Type: AWS::NetworkFirewall::Firewall
//!     Properties:
//!       FirewallName: egress
//!       FirewallPolicyArn: arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/egress
//!       VpcId: vpc-123
//!       SubnetMappings:
//!         - SubnetId: subnet-1
//!       DeleteProtection: true
//!       SubnetChangeProtection: true
//! ```
//! ```yaml pass
//! Resources:
//!   Firewall:
//!     Type: AWS::NetworkFirewall::Firewall
//!     Properties:
//!       FirewallName: egress
//!       FirewallPolicyArn: arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/egress
//!       VpcId: vpc-123
//!       SubnetMappings:
//!         - SubnetId: subnet-1
//! ```
//! ```yaml fail
//! Resources:
//!   Firewall:
//!     Type: AWS::NetworkFirewall::Firewall
//!     Properties:
//!       FirewallName: egress
//!       FirewallPolicyArn: arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/egress
//!       VpcId: vpc-123
//!       SubnetMappings:
//!         - SubnetId: subnet-1
//!       DeleteProtection: true
//!       SubnetChangeProtection: false
//! ```
//! ```hcl pass
//! resource "aws_networkfirewall_firewall" "egress" {
//!   name                     = "egress"
//!   firewall_policy_arn      = "arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/egress"
//!   vpc_id                   = "vpc-123"
//!   delete_protection        = true
//!   subnet_change_protection = true
//!   subnet_mapping {
//!     subnet_id = "subnet-1"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_networkfirewall_firewall" "egress" {
//!   name                = "egress"
//!   firewall_policy_arn = "arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/egress"
//!   vpc_id              = "vpc-123"
//!   subnet_mapping {
//!     subnet_id = "subnet-1"
//!   }
//! }
//! ```

use crate::check::{all_of, require_bool};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "networkfirewall.change-protection",
    title: "Network Firewall firewalls are protected against deletion and subnet changes",
    duty: Duty::Backups,
    severity: Severity::Medium,
    cfn_types: &["AWS::NetworkFirewall::Firewall"],
    tf_types: &["aws_networkfirewall_firewall"],
    reads: &[],
    controls: Controls {
        fsbp: &["NetworkFirewall.9", "NetworkFirewall.10"],
        config: &[
            "NETFW_DELETION_PROTECTION_ENABLED",
            "NETFW_SUBNET_CHANGE_PROTECTION_ENABLED",
        ],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_344", Related)],
    check,
    file: file!(),
};

fn flag(resource: &Resource, cfn: &str, tf: &str, what: &str) -> Verdict {
    // CreateFirewall initializes both flags to true; the provider sends false.
    let default = !resource.format.is_terraform();
    require_bool(resource, cfn, tf, true, default, what)
}

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let deletion = flag(
        resource,
        "DeleteProtection",
        "delete_protection",
        "deletion protection",
    );
    let subnets = flag(
        resource,
        "SubnetChangeProtection",
        "subnet_change_protection",
        "subnet change protection",
    );
    all_of(vec![deletion, subnets]).unwrap_or_else(|| Verdict::not_applicable(resource, "no flag"))
}
