//! # ec2.egress-open-to-world: security groups do not allow all outbound traffic to the internet
//!
//! ## Why this is your duty
//! Security groups filter traffic in both directions, and under the Shared
//! Responsibility Model the network configuration of your VPC is yours.
//! An egress rule that allows every protocol and port to `0.0.0.0/0` or
//! `::/0` lets a compromised instance reach any command-and-control server
//! and send data anywhere; restricting egress to the ports and destinations
//! the workload calls (HTTPS to the internet or to VPC endpoints, the
//! database's security group) contains an intrusion.
//!
//! ## What AWS already does
//! Every new VPC security group gets a default egress rule that allows all
//! traffic to `0.0.0.0/0` (and to `::/0` in IPv6 VPCs). CloudFormation
//! removes it only when the group's own `SecurityGroupEgress` property lists
//! rules (standalone `AWS::EC2::SecurityGroupEgress` resources add rules next
//! to it); Terraform's `aws_security_group` removes it unless an `egress`
//! block re-creates it.
//!
//! ## Verdicts
//! Reads egress rules: `SecurityGroupEgress` of `AWS::EC2::SecurityGroup`,
//! `AWS::EC2::SecurityGroupEgress`, `egress` blocks of `aws_security_group`,
//! `aws_security_group_rule` of type `egress` and
//! `aws_vpc_security_group_egress_rule`. A rule counts when it allows all
//! protocols (`-1`), or every TCP port, to `0.0.0.0/0` or `::/0`.
//! - not met: such a rule; or an `AWS::EC2::SecurityGroup` without
//!   `SecurityGroupEgress` (AWS's allow-all default stays);
//! - unknown: a port, protocol or CIDR onus cannot resolve;
//! - met: otherwise (an `aws_security_group` without `egress` blocks has no
//!   egress rule of its own; an ingress-only rule resource is met).
//!
//! To keep a CloudFormation group from sending anything, list one rule that
//! matches nothing, e.g. `IpProtocol: "-1"` to `127.0.0.1/32`.
//!
//! ## Examples
//! ```yaml fail
//! Resources:
//!   App:
//!     Type: AWS::EC2::SecurityGroup
//!     Properties:
//!       GroupDescription: app
//!       VpcId: vpc-123
//! ```
//! ```yaml fail
//! Resources:
//!   App:
//!     Type: AWS::EC2::SecurityGroup
//!     Properties:
//!       GroupDescription: app
//!       VpcId: vpc-123
//!       SecurityGroupEgress:
//!         - IpProtocol: "-1"
//!           CidrIp: 0.0.0.0/0
//! ```
//! ```yaml pass
//! Resources:
//!   App:
//!     Type: AWS::EC2::SecurityGroup
//!     Properties:
//!       GroupDescription: app
//!       VpcId: vpc-123
//!       SecurityGroupEgress:
//!         - IpProtocol: tcp
//!           FromPort: 443
//!           ToPort: 443
//!           CidrIp: 0.0.0.0/0
//! ```
//! ```hcl fail
//! resource "aws_vpc_security_group_egress_rule" "all" {
//!   security_group_id = "sg-123"
//!   ip_protocol       = "-1"
//!   cidr_ipv4         = "0.0.0.0/0"
//! }
//! ```
//! ```hcl pass
//! resource "aws_security_group" "app" {
//!   egress {
//!     protocol    = "tcp"
//!     from_port   = 443
//!     to_port     = 443
//!     cidr_blocks = ["0.0.0.0/0"]
//!   }
//! }
//! ```
//! ```hcl pass
//! resource "aws_security_group" "app" {
//!   name = "app"
//! }
//! ```

use crate::check::get;
use crate::context::Context;
use crate::net::{Direction, EGRESS_CFN, EGRESS_TF, Exposure, check_rules};
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ec2.egress-open-to-world",
    title: "No security group allows all outbound traffic to the internet",
    duty: Duty::NetworkExposure,
    severity: Severity::Low,
    cfn_types: EGRESS_CFN,
    tf_types: EGRESS_TF,
    reads: &[],
    controls: Controls::NONE,
    peers: &[
        checkov("CKV_AWS_382", Same),
        cfn_nag("W5", Related),
        cfn_nag("W40", Related),
        trivy("AVD-AWS-0104", Related),
        guard("SECURITY_GROUP_EGRESS_ALL_PROTOCOLS_RULE", Related),
        guard("EC2_SECURITY_GROUP_EGRESS_OPEN_TO_WORLD_RULE", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    if resource.resource_type == "AWS::EC2::SecurityGroup"
        && get(resource, "SecurityGroupEgress").is_none()
    {
        return Verdict::missing(
            resource,
            "SecurityGroupEgress",
            "SecurityGroupEgress is not set: AWS keeps its default rule allowing all outbound traffic to 0.0.0.0/0",
        );
    }
    check_rules(
        resource,
        Direction::Egress,
        Exposure::AllPorts,
        "all traffic",
    )
}
