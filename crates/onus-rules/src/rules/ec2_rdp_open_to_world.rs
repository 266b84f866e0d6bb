//! # ec2.rdp-open-to-world: RDP is not open to the whole internet
//!
//! ## Why this is your duty
//! Security groups are the firewall the Shared Responsibility Model leaves to
//! you in every category that runs in your VPC. An ingress rule that lets
//! `0.0.0.0/0` or `::/0` reach TCP port 3389 exposes every Windows instance
//! in the group to password guessing and to Remote Desktop vulnerabilities
//! (BlueKeep-class bugs are exploited within hours of disclosure).
//!
//! ## What AWS already does
//! Security groups deny all inbound traffic until you add a rule.
//!
//! ## Verdicts
//! Every ingress rule is read: inline rules on the group and standalone
//! `AWS::EC2::SecurityGroupIngress`, `aws_security_group_rule` and
//! `aws_vpc_security_group_ingress_rule` resources, each judged on its own.
//! A rule counts when its protocol is TCP (`tcp`, `6`) or all (`-1`, `all`)
//! and its port range includes 3389, and its source is `0.0.0.0/0` or `::/0`.
//! - not met: such a rule exists (the finding points at the CIDR);
//! - unknown: a port, protocol or CIDR onus cannot resolve;
//! - met: otherwise.
//!
//! Reach Windows hosts through Systems Manager Fleet Manager / Session
//! Manager port forwarding, or restrict the source to known addresses.
//!
//! ## Examples
//! ```yaml fail
//! Resources:
//!   Win:
//!     Type: AWS::EC2::SecurityGroup
//!     Properties:
//!       GroupDescription: windows
//!       SecurityGroupIngress:
//!         - IpProtocol: tcp
//!           FromPort: 3389
//!           ToPort: 3389
//!           CidrIp: 0.0.0.0/0
//! ```
//! ```yaml pass
//! Resources:
//!   Win:
//!     Type: AWS::EC2::SecurityGroup
//!     Properties:
//!       GroupDescription: windows
//!       SecurityGroupIngress:
//!         - IpProtocol: tcp
//!           FromPort: 3389
//!           ToPort: 3389
//!           CidrIp: 10.0.0.0/8
//! ```
//! ```yaml unknown
//! Parameters:
//!   AdminCidr:
//!     Type: String
//! Resources:
//!   Rdp:
//!     Type: AWS::EC2::SecurityGroupIngress
//!     Properties:
//!       GroupId: sg-123
//!       IpProtocol: tcp
//!       FromPort: 3389
//!       ToPort: 3389
//!       CidrIp: !Ref AdminCidr
//! ```
//! ```hcl fail
//! resource "aws_security_group" "win" {
//!   ingress {
//!     protocol    = "tcp"
//!     from_port   = 3389
//!     to_port     = 3389
//!     cidr_blocks = ["0.0.0.0/0"]
//!   }
//! }
//! ```
//! ```hcl pass
//! resource "aws_security_group" "win" {
//!   ingress {
//!     protocol    = "tcp"
//!     from_port   = 3389
//!     to_port     = 3389
//!     cidr_blocks = ["10.0.0.0/8"]
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_vpc_security_group_ingress_rule" "rdp" {
//!   security_group_id = "sg-123"
//!   ip_protocol       = "tcp"
//!   from_port         = 3389
//!   to_port           = 3389
//!   cidr_ipv6         = "::/0"
//! }
//! ```

use crate::context::Context;
use crate::net::{Exposure, INGRESS_CFN, INGRESS_TF, check_exposure};
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ec2.rdp-open-to-world",
    title: "No security group opens RDP (3389) to the internet",
    duty: Duty::NetworkExposure,
    severity: Severity::High,
    cfn_types: INGRESS_CFN,
    tf_types: INGRESS_TF,
    reads: &[],
    controls: Controls {
        fsbp: &["EC2.19"],
        config: &["RESTRICTED_INCOMING_TRAFFIC"],
        cis: &["5.2"],
    },
    peers: &[
        checkov("CKV_AWS_25", Same),
        cfn_nag("W2", Related),
        trivy("AVD-AWS-0107", Related),
        guard("RESTRICTED_INCOMING_TRAFFIC", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    check_exposure(resource, Exposure::TcpPort(3389), "RDP (TCP 3389)")
}
