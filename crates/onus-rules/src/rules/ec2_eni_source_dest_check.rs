//! # ec2.eni-source-dest-check: network interfaces keep source/destination checking on
//!
//! ## Why this is your duty
//! EC2 is an infrastructure service and the network path through your VPC is
//! yours to design. With source/destination checking off, an interface
//! accepts and forwards traffic that is neither from nor to its own
//! addresses: the instance can act as a router, and a compromised one can
//! relay or spoof traffic between subnets.
//!
//! ## What AWS already does
//! Turns source/destination checking on for every network interface; it
//! stays on unless you switch it off (a NAT instance or a firewall appliance
//! needs it off).
//!
//! ## Verdicts
//! Reads `AWS::EC2::NetworkInterface` `SourceDestCheck` and Terraform
//! `aws_network_interface` `source_dest_check`:
//! - met: `true`, or absent (the default);
//! - not met: `false`;
//! - unknown: a value onus cannot resolve.
//!
//! An appliance that must route (NAT, firewall, VPN) is a deliberate
//! exception: suppress this rule on its interface with a reason.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Eni:
//!     Type: AWS::EC2::NetworkInterface
//!     Properties:
//!       SubnetId: subnet-123
//! ```
//! ```yaml fail
//! Resources:
//!   Eni:
//!     Type: AWS::EC2::NetworkInterface
//!     Properties:
//!       SubnetId: subnet-123
//!       SourceDestCheck: false
//! ```
//! ```hcl pass
//! resource "aws_network_interface" "eni" {
//!   subnet_id         = "subnet-123"
//!   source_dest_check = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_network_interface" "eni" {
//!   subnet_id         = "subnet-123"
//!   source_dest_check = false
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ec2.eni-source-dest-check",
    title: "Network interfaces keep source/destination checking on",
    duty: Duty::NetworkExposure,
    severity: Severity::Medium,
    cfn_types: &["AWS::EC2::NetworkInterface"],
    tf_types: &["aws_network_interface"],
    reads: &[],
    controls: Controls {
        fsbp: &["EC2.180"],
        config: &["EC2_ENIS_SOURCE_DESTINATION_CHECK_ENABLED"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "SourceDestCheck",
        "source_dest_check",
        true,
        true,
        "source/destination checking",
    )
}
