//! # ec2.http-open-to-world: plain HTTP (80) is not open to the whole internet
//!
//! ## Why this is your duty
//! Security groups are the firewall the Shared Responsibility Model leaves to
//! you, and protecting traffic in transit is always yours. A security group
//! that admits TCP 80 from anywhere invites clients to send cookies,
//! credentials and data in clear text, and exposes every web server in the
//! group directly instead of through a load balancer or CDN that terminates
//! TLS.
//!
//! ## What AWS already does
//! A security group denies all inbound traffic until you add a rule (so
//! since security groups were introduced). Application Load Balancers and
//! CloudFront can redirect HTTP to HTTPS, but only if you configure it.
//!
//! ## Verdicts
//! Every ingress rule is read (inline rules and standalone
//! `AWS::EC2::SecurityGroupIngress`, `aws_security_group_rule`,
//! `aws_vpc_security_group_ingress_rule`). A rule counts when its protocol is
//! TCP or all, its port range covers 80 and its source is `0.0.0.0/0` or
//! `::/0`.
//! - not met: such a rule exists;
//! - unknown: a port, protocol or CIDR onus cannot resolve;
//! - met: otherwise.
//!
//! Serve HTTPS on 443 only. A load balancer whose port 80 listener only
//! redirects to HTTPS (`elbv2.https-listener` checks that) is a deliberate
//! exception: suppress this rule on its security group with a reason.
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
//!           FromPort: 80
//!           ToPort: 80
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
//!           FromPort: 443
//!           ToPort: 443
//!           CidrIp: 0.0.0.0/0
//!         - IpProtocol: tcp
//!           FromPort: 80
//!           ToPort: 80
//!           CidrIp: 10.0.0.0/8
//! ```
//! ```hcl fail
//! resource "aws_security_group_rule" "http" {
//!   type              = "ingress"
//!   protocol          = "tcp"
//!   from_port         = 80
//!   to_port           = 80
//!   ipv6_cidr_blocks  = ["::/0"]
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
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ec2.http-open-to-world",
    title: "No security group opens plain HTTP (80) to the internet",
    duty: Duty::NetworkExposure,
    severity: Severity::Low,
    cfn_types: INGRESS_CFN,
    tf_types: INGRESS_TF,
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_260", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    check_exposure(resource, Exposure::TcpPort(80), "HTTP (TCP 80)")
}
