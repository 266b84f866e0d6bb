//! # ec2.nacl-admin-ports-open: network ACLs do not admit SSH or RDP from the internet
//!
//! ## Why this is your duty
//! Network ACLs are the subnet-level firewall of your VPC, and under the
//! Shared Responsibility Model network configuration in the VPC is yours. An
//! inbound allow entry for `0.0.0.0/0` or `::/0` covering TCP 22 or 3389
//! removes the second layer of defence in front of every instance in the
//! subnet: one permissive security group is then enough to expose an
//! administration port.
//!
//! ## What AWS already does
//! A network ACL you create denies all traffic until you add entries. The
//! VPC's *default* network ACL, however, allows all inbound and outbound
//! traffic.
//!
//! ## Verdicts
//! Reads `AWS::EC2::NetworkAclEntry`, Terraform `aws_network_acl_rule` and the
//! `ingress` blocks of `aws_network_acl` / `aws_default_network_acl`. An entry
//! counts when it is inbound (`Egress` / `egress` false or absent), its action
//! is `allow`, its protocol is all (`-1`) or TCP (`6`, `tcp`) with a port range
//! covering 22 or 3389, and its source is `0.0.0.0/0` or `::/0`.
//! - not met: such an entry, unless a lower-numbered inbound `deny` entry of
//!   the same network ACL, from the same world CIDR, covers the same port (AWS
//!   evaluates entries in rule-number order, first match wins); siblings are
//!   found through `NetworkAclId` / `network_acl_id` references;
//! - unknown: a flag, action, protocol, port or CIDR onus cannot resolve on
//!   the resource's own entries;
//! - met: otherwise (no inbound entry at all is met: nothing is allowed).
//!
//! Only static sibling entries can shadow an allow; entries defined outside
//! the scanned code are not seen. Restrict administration to known ranges, or
//! use Systems Manager Session Manager, which needs no inbound port.
//!
//! ## Examples
//! ```yaml fail
//! Resources:
//!   Acl:
//!     Type: AWS::EC2::NetworkAcl
//!     Properties:
//!       VpcId: vpc-123
//!   Ssh:
//!     Type: AWS::EC2::NetworkAclEntry
//!     Properties:
//!       NetworkAclId: !Ref Acl
//!       RuleNumber: 100
//!       Protocol: 6
//!       RuleAction: allow
//!       CidrBlock: 0.0.0.0/0
//!       PortRange:
//!         From: 22
//!         To: 22
//! ```
//! ```yaml Allow=met Deny=met Https=met
//! Resources:
//!   Acl:
//!     Type: AWS::EC2::NetworkAcl
//!     Properties:
//!       VpcId: vpc-123
//!   Deny:
//!     Type: AWS::EC2::NetworkAclEntry
//!     Properties:
//!       NetworkAclId: !Ref Acl
//!       RuleNumber: 90
//!       Protocol: 6
//!       RuleAction: deny
//!       CidrBlock: 0.0.0.0/0
//!       PortRange:
//!         From: 22
//!         To: 22
//!   Https:
//!     Type: AWS::EC2::NetworkAclEntry
//!     Properties:
//!       NetworkAclId: !Ref Acl
//!       RuleNumber: 100
//!       Protocol: 6
//!       RuleAction: allow
//!       CidrBlock: 0.0.0.0/0
//!       PortRange:
//!         From: 443
//!         To: 443
//!   Allow:
//!     Type: AWS::EC2::NetworkAclEntry
//!     Properties:
//!       NetworkAclId: !Ref Acl
//!       RuleNumber: 110
//!       Protocol: 6
//!       RuleAction: allow
//!       CidrBlock: 0.0.0.0/0
//!       PortRange:
//!         From: 22
//!         To: 22
//! ```
//! ```yaml fail
//! Resources:
//!   All:
//!     Type: AWS::EC2::NetworkAclEntry
//!     Properties:
//!       NetworkAclId: acl-123
//!       RuleNumber: 100
//!       Protocol: -1
//!       RuleAction: allow
//!       Ipv6CidrBlock: ::/0
//! ```
//! ```yaml pass
//! Resources:
//!   Out:
//!     Type: AWS::EC2::NetworkAclEntry
//!     Properties:
//!       NetworkAclId: acl-123
//!       RuleNumber: 100
//!       Protocol: -1
//!       Egress: true
//!       RuleAction: allow
//!       CidrBlock: 0.0.0.0/0
//! ```
//! ```hcl fail
//! resource "aws_network_acl" "main" {
//!   vpc_id = "vpc-123"
//!   ingress {
//!     rule_no    = 100
//!     protocol   = "tcp"
//!     action     = "allow"
//!     cidr_block = "0.0.0.0/0"
//!     from_port  = 3000
//!     to_port    = 4000
//!   }
//! }
//! ```
//! ```hcl pass
//! resource "aws_network_acl" "main" {
//!   vpc_id = "vpc-123"
//!   ingress {
//!     rule_no    = 90
//!     protocol   = "tcp"
//!     action     = "deny"
//!     cidr_block = "0.0.0.0/0"
//!     from_port  = 22
//!     to_port    = 22
//!   }
//!   ingress {
//!     rule_no    = 100
//!     protocol   = "tcp"
//!     action     = "allow"
//!     cidr_block = "0.0.0.0/0"
//!     from_port  = 1
//!     to_port    = 1024
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_network_acl_rule" "all" {
//!   network_acl_id = "acl-123"
//!   rule_number    = 100
//!   egress         = false
//!   protocol       = "-1"
//!   rule_action    = "allow"
//!   cidr_block     = "0.0.0.0/0"
//! }
//! ```
//! ```hcl aws_network_acl.main=met aws_network_acl_rule.https=met
//! resource "aws_network_acl" "main" {
//!   vpc_id = "vpc-123"
//! }
//! resource "aws_network_acl_rule" "https" {
//!   network_acl_id = aws_network_acl.main.id
//!   rule_number    = 100
//!   protocol       = "tcp"
//!   rule_action    = "allow"
//!   cidr_block     = "0.0.0.0/0"
//!   from_port      = 443
//!   to_port        = 443
//! }
//! ```

use crate::context::Context;
use crate::net::{NACL_CFN, NACL_TF, NamedPort, check_acl};
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ec2.nacl-admin-ports-open",
    title: "No network ACL admits SSH (22) or RDP (3389) from the internet",
    duty: Duty::NetworkExposure,
    severity: Severity::Medium,
    cfn_types: NACL_CFN,
    tf_types: NACL_TF,
    reads: &["AWS::EC2::NetworkAcl"],
    controls: Controls {
        fsbp: &["EC2.21"],
        config: &["NACL_NO_UNRESTRICTED_SSH_RDP"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_232", Same),
        checkov("CKV_AWS_231", Same),
        checkov("CKV_AWS_352", Related),
        cfn_nag("W66", Related),
        cfn_nag("W67", Related),
        trivy("AVD-AWS-0105", Related),
    ],
    check,
    file: file!(),
};

const ADMIN: &[NamedPort] = &[(22, "SSH"), (3389, "RDP")];

fn check(resource: &Resource, cx: &Context) -> Verdict {
    check_acl(resource, cx, ADMIN, "the administration ports")
}
