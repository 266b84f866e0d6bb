//! # ec2.ssh-open-to-world: SSH is not open to the whole internet
//!
//! ## Why this is your duty
//! Security groups are the firewall the Shared Responsibility Model leaves to
//! you in every category that runs in your VPC. An ingress rule that lets
//! `0.0.0.0/0` or `::/0` reach TCP port 22 exposes every instance in the group
//! to password guessing and to any SSH vulnerability.
//!
//! ## What AWS already does
//! Security groups deny all inbound traffic until you add a rule.
//!
//! ## Verdicts
//! Every ingress rule is read: inline rules on the group and standalone
//! `AWS::EC2::SecurityGroupIngress`, `aws_security_group_rule` and
//! `aws_vpc_security_group_ingress_rule` resources, each judged on its own.
//! A rule counts when its protocol is TCP (`tcp`, `6`) or all (`-1`, `all`)
//! and its port range includes 22, and its source is `0.0.0.0/0` or `::/0`.
//! - not met: such a rule exists (the finding points at the CIDR);
//! - unknown: a port, protocol or CIDR onus cannot resolve;
//! - met: otherwise.
//!
//! Use a bastion restricted to known addresses, or Systems Manager Session
//! Manager, which needs no inbound port at all.
//!
//! ## Examples
//! ```yaml fail
//! Resources:
//!   Web:
//!     Type: AWS::EC2::SecurityGroup
//!     Properties:
//!       GroupDescription: web
//!       SecurityGroupIngress:
//!         - IpProtocol: tcp
//!           FromPort: 20
//!           ToPort: 30
//!           CidrIpv6: ::/0
//! ```
//! ```yaml pass
//! Resources:
//!   Web:
//!     Type: AWS::EC2::SecurityGroup
//!     Properties:
//!       GroupDescription: web
//!       SecurityGroupIngress:
//!         - IpProtocol: tcp
//!           FromPort: 22
//!           ToPort: 22
//!           CidrIp: 10.0.0.0/8
//! ```
//! ```hcl fail
//! resource "aws_security_group_rule" "ssh" {
//!   type              = "ingress"
//!   protocol          = "-1"
//!   from_port         = 0
//!   to_port           = 0
//!   cidr_blocks       = ["0.0.0.0/0"]
//!   security_group_id = "sg-123"
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
//! }
//! ```

use crate::context::Context;
use crate::net::{Exposure, INGRESS_CFN, INGRESS_TF, check_exposure};
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ec2.ssh-open-to-world",
    title: "No security group opens SSH (22) to the internet",
    duty: Duty::NetworkExposure,
    severity: Severity::High,
    cfn_types: INGRESS_CFN,
    tf_types: INGRESS_TF,
    reads: &[],
    controls: Controls {
        fsbp: &["EC2.19"],
        config: &["INCOMING_SSH_DISABLED"],
        cis: &["5.2"],
    },
    peers: &[
        checkov("CKV_AWS_24", Same),
        guard("INCOMING_SSH_DISABLED", Same),
        cfn_nag("W2", Related),
        cfn_nag("W9", Related),
        trivy("AVD-AWS-0107", Related),
        guard("INCOMING_SSH_DISABLED", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    check_exposure(resource, Exposure::TcpPort(22), "SSH (TCP 22)")
}
