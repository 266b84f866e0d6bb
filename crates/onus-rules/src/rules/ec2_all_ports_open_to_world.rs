//! # ec2.all-ports-open-to-world: no security group opens every port to the internet
//!
//! ## Why this is your duty
//! Security groups are the firewall the Shared Responsibility Model leaves to
//! you in every category that runs in your VPC. A rule that admits all
//! protocols, or every TCP port, from `0.0.0.0/0` or `::/0` turns the group
//! into no firewall at all: every listening service on every instance in it
//! (admin ports, databases, debug endpoints) is reachable from anywhere.
//!
//! ## What AWS already does
//! Security groups deny all inbound traffic until you add a rule.
//!
//! ## Verdicts
//! Every ingress rule is read: inline rules on the group and standalone
//! `AWS::EC2::SecurityGroupIngress`, `aws_security_group_rule` and
//! `aws_vpc_security_group_ingress_rule` resources, each judged on its own.
//! A rule counts when its protocol is all (`-1`, `all`), or TCP with a port
//! range from 0 or 1 to 65535 (or `-1`), and its source is `0.0.0.0/0` or
//! `::/0`.
//! - not met: such a rule exists (the finding points at the CIDR);
//! - unknown: a port, protocol or CIDR onus cannot resolve, or a
//!   Terraform `dynamic "ingress"` block whose `for_each` is not static
//!   (whether any such rule exists is unknown);
//! - met: otherwise (narrower world-open ports are checked by
//!   `ec2.ssh-open-to-world`, `ec2.rdp-open-to-world`).
//!
//! Open only the ports the workload serves (e.g. 443 on a load balancer's
//! group) and reference other security groups instead of CIDRs inside the VPC.
//!
//! ## Examples
//! ```yaml fail
//! Resources:
//!   Open:
//!     Type: AWS::EC2::SecurityGroup
//!     Properties:
//!       GroupDescription: open
//!       SecurityGroupIngress:
//!         - IpProtocol: "-1"
//!           CidrIp: 0.0.0.0/0
//! ```
//! ```yaml fail
//! Resources:
//!   Open:
//!     Type: AWS::EC2::SecurityGroupIngress
//!     Properties:
//!       GroupId: sg-123
//!       IpProtocol: tcp
//!       FromPort: 0
//!       ToPort: 65535
//!       CidrIpv6: ::/0
//! ```
//! ```yaml pass
//! Resources:
//!   Web:
//!     Type: AWS::EC2::SecurityGroup
//!     Properties:
//!       GroupDescription: web
//!       SecurityGroupIngress:
//!         - IpProtocol: tcp
//!           FromPort: 443
//!           ToPort: 443
//!           CidrIp: 0.0.0.0/0
//!         - IpProtocol: "-1"
//!           CidrIp: 10.0.0.0/16
//! ```
//! ```hcl fail
//! resource "aws_security_group" "open" {
//!   ingress {
//!     protocol    = "-1"
//!     from_port   = 0
//!     to_port     = 0
//!     cidr_blocks = ["0.0.0.0/0"]
//!   }
//! }
//! ```
//! ```hcl pass
//! resource "aws_security_group" "web" {
//!   ingress {
//!     protocol    = "tcp"
//!     from_port   = 443
//!     to_port     = 443
//!     cidr_blocks = ["0.0.0.0/0"]
//!   }
//!   ingress {
//!     protocol    = "-1"
//!     from_port   = 0
//!     to_port     = 0
//!     cidr_blocks = ["10.0.0.0/16"]
//!   }
//! }
//! ```
//! ```hcl unknown
//! variable "open_ports" {
//!   type = list(number)
//! }
//! resource "aws_security_group" "dynamic" {
//!   dynamic "ingress" {
//!     for_each = var.open_ports
//!     content {
//!       protocol    = "-1"
//!       from_port   = 0
//!       to_port     = 0
//!       cidr_blocks = ["0.0.0.0/0"]
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_security_group_rule" "all_tcp" {
//!   type              = "ingress"
//!   protocol          = "tcp"
//!   from_port         = 1
//!   to_port           = 65535
//!   ipv6_cidr_blocks  = ["::/0"]
//!   security_group_id = "sg-123"
//! }
//! ```

use crate::context::Context;
use crate::net::{Exposure, INGRESS_CFN, INGRESS_TF, check_exposure};
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ec2.all-ports-open-to-world",
    title: "No security group opens all ports or protocols to the internet",
    duty: Duty::NetworkExposure,
    severity: Severity::Critical,
    cfn_types: INGRESS_CFN,
    tf_types: INGRESS_TF,
    reads: &[],
    controls: Controls::NONE,
    peers: &[
        checkov("CKV_AWS_277", Same),
        cfn_nag("W2", Related),
        cfn_nag("W42", Related),
        trivy("AVD-AWS-0107", Related),
        guard("VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS", Related),
        guard("RESTRICTED_INCOMING_TRAFFIC", Related),
        guard("SECURITY_GROUP_INGRESS_ALL_PROTOCOLS_RULE", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    check_exposure(resource, Exposure::AllPorts, "all ports")
}
