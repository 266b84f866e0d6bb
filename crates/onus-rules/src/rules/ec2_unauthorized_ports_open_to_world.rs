//! # ec2.unauthorized-ports-open-to-world: only HTTP and HTTPS are open to the whole internet
//!
//! ## Why this is your duty
//! Security groups are the firewall the Shared Responsibility Model leaves to
//! you in every category that runs in your VPC. Least privilege for network
//! access means the only ports anyone on the internet may reach are the ones
//! a public service answers on — for web workloads, 80 and 443. Every other
//! world-open port (a game server, a VPN, a UDP service, a forgotten debug
//! port) is an exposure someone has to justify.
//!
//! ## What AWS already does
//! A security group denies all inbound traffic until you add a rule (so
//! since security groups were introduced).
//!
//! ## Verdicts
//! Every ingress rule is read (inline rules and standalone
//! `AWS::EC2::SecurityGroupIngress`, `aws_security_group_rule`,
//! `aws_vpc_security_group_ingress_rule`), each judged on its own. A rule
//! counts when its source is `0.0.0.0/0` or `::/0` and it admits anything but
//! TCP 80 and 443: all protocols, another TCP port, or any UDP port. ICMP
//! rules are not counted (they have no ports).
//! - not met: such a rule exists;
//! - unknown: a port, protocol or CIDR onus cannot resolve;
//! - met: otherwise.
//!
//! This is Security Hub control EC2.18 with its default authorised ports
//! (TCP 80 and 443). A service that must be public on another port is a
//! documented exception: suppress this rule on that group with a reason.
//!
//! ## Examples
//! ```yaml fail
//! Resources:
//!   Game:
//!     Type: AWS::EC2::SecurityGroup
//!     Properties:
//!       GroupDescription: game
//!       SecurityGroupIngress:
//!         - IpProtocol: udp
//!           FromPort: 27015
//!           ToPort: 27015
//!           CidrIp: 0.0.0.0/0
//! ```
//! ```yaml pass
//! Resources:
//!   Web:
//!     Type: AWS::EC2::SecurityGroup
//!     Properties:
//!       GroupDescription: web
//!       SecurityGroupIngress:
//!         - IpProtocol: tcp
//!           FromPort: 80
//!           ToPort: 80
//!           CidrIp: 0.0.0.0/0
//!         - IpProtocol: tcp
//!           FromPort: 443
//!           ToPort: 443
//!           CidrIpv6: ::/0
//!         - IpProtocol: icmp
//!           FromPort: 8
//!           ToPort: -1
//!           CidrIp: 0.0.0.0/0
//!         - IpProtocol: tcp
//!           FromPort: 8443
//!           ToPort: 8443
//!           CidrIp: 10.0.0.0/8
//! ```
//! ```hcl fail
//! resource "aws_security_group" "web" {
//!   ingress {
//!     protocol    = "tcp"
//!     from_port   = 80
//!     to_port     = 443
//!     cidr_blocks = ["0.0.0.0/0"]
//!   }
//! }
//! ```
//! ```hcl pass
//! resource "aws_vpc_security_group_ingress_rule" "https" {
//!   security_group_id = "sg-123"
//!   ip_protocol       = "tcp"
//!   from_port         = 443
//!   to_port           = 443
//!   cidr_ipv4         = "0.0.0.0/0"
//! }
//! ```

use crate::context::Context;
use crate::net::{Exposure, INGRESS_CFN, INGRESS_TF, check_exposure};
use crate::rule::{Controls, Relation::*, Rule, Severity, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ec2.unauthorized-ports-open-to-world",
    title: "Security groups open only TCP 80 and 443 to the internet",
    duty: Duty::NetworkExposure,
    severity: Severity::Medium,
    cfn_types: INGRESS_CFN,
    tf_types: INGRESS_TF,
    reads: &[],
    controls: Controls {
        fsbp: &["EC2.18"],
        config: &["VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS"],
        cis: &[],
    },
    peers: &[guard("VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS", Same)],
    check,
    file: file!(),
};

/// Security Hub's default authorised TCP ports for EC2.18.
const AUTHORIZED: &[i64] = &[80, 443];

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    check_exposure(
        resource,
        Exposure::AnyBut(AUTHORIZED),
        "ports other than TCP 80 and 443",
    )
}
