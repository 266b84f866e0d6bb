//! # networkfirewall.logging: Network Firewall firewalls log their traffic decisions
//!
//! ## Why this is your duty
//! AWS Network Firewall is an abstracted service: AWS runs the inspection
//! fleet, and recording what your rules allowed, dropped and alerted on is
//! logging on your side of the model. Without logs, a blocked attack and a
//! broken application look the same, and an intrusion leaves no trace in the
//! firewall.
//!
//! ## What AWS already does
//! Publishes CloudWatch metrics; sends flow, alert and TLS logs to S3,
//! CloudWatch Logs or Firehose only when a logging configuration names a
//! destination. A new firewall has none.
//!
//! ## Verdicts
//! Reads `AWS::NetworkFirewall::Firewall` and Terraform
//! `aws_networkfirewall_firewall`:
//! - met: an `AWS::NetworkFirewall::LoggingConfiguration`
//!   (`aws_networkfirewall_logging_configuration`) refers to the firewall
//!   with `FirewallArn` (`firewall_arn`);
//! - not met: none does;
//! - unknown: none found, but one in the same template or module targets a
//!   firewall onus cannot resolve.
//!
//! ## Examples
//! ```yaml Firewall=met
//! Resources:
//!   Firewall:
//!     Type: AWS::NetworkFirewall::Firewall
//!     Properties:
//!       FirewallName: egress
//!       FirewallPolicyArn: arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/egress
//!       VpcId: vpc-123
//!       SubnetMappings:
//!         - SubnetId: subnet-1
//!   Logging:
//!     Type: AWS::NetworkFirewall::LoggingConfiguration
//!     Properties:
//!       FirewallArn: !Ref Firewall
//!       LoggingConfiguration:
//!         LogDestinationConfigs:
//!           - LogType: ALERT
//!             LogDestinationType: CloudWatchLogs
//!             LogDestination:
//!               logGroup: firewall-alerts
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
//! ```
//! ```hcl aws_networkfirewall_firewall.egress=met
//! resource "aws_networkfirewall_firewall" "egress" {
//!   name                = "egress"
//!   firewall_policy_arn = "arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/egress"
//!   vpc_id              = "vpc-123"
//!   subnet_mapping {
//!     subnet_id = "subnet-1"
//!   }
//! }
//! resource "aws_networkfirewall_logging_configuration" "egress" {
//!   firewall_arn = aws_networkfirewall_firewall.egress.arn
//!   logging_configuration {
//!     log_destination_config {
//!       log_destination = {
//!         logGroup = "firewall-alerts"
//!       }
//!       log_destination_type = "CloudWatchLogs"
//!       log_type             = "ALERT"
//!     }
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

use crate::context::Context;
use crate::lists::companion;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "networkfirewall.logging",
    title: "Network Firewall firewalls have a logging configuration",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::NetworkFirewall::Firewall"],
    tf_types: &["aws_networkfirewall_firewall"],
    reads: &[
        "AWS::NetworkFirewall::LoggingConfiguration",
        "aws_networkfirewall_logging_configuration",
    ],
    controls: Controls {
        fsbp: &["NetworkFirewall.2"],
        config: &["NETFW_LOGGING_ENABLED"],
        cis: &[],
    },
    peers: &[checkov("CKV2_AWS_63", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let (types, attr): (&[&str], &str) = if resource.format.is_terraform() {
        (
            &["aws_networkfirewall_logging_configuration"],
            "firewall_arn",
        )
    } else {
        (
            &["AWS::NetworkFirewall::LoggingConfiguration"],
            "FirewallArn",
        )
    };
    match companion(resource, cx, types, attr, None) {
        Ok(found) if !found.is_empty() => Verdict::met(
            resource,
            resource.name_span,
            "",
            format!("logging configuration {} covers this firewall", found[0].id),
        ),
        Ok(_) => Verdict::missing(
            resource,
            "",
            format!("no {} refers to this firewall: nothing is logged", types[0]),
        ),
        Err(what) => Verdict::unknown(resource, resource.name_span, "", what),
    }
}
