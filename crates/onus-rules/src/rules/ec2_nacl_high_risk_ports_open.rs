//! # ec2.nacl-high-risk-ports-open: network ACLs do not admit database, file-sharing or remote-access ports from the internet
//!
//! ## Why this is your duty
//! Network ACLs are the subnet-level firewall of your VPC, and under the
//! Shared Responsibility Model network configuration in the VPC is yours. An
//! inbound allow entry for `0.0.0.0/0` or `::/0` covering a database, FTP,
//! SMB, NFS, Telnet or cluster-control port removes the second layer of
//! defence in front of every instance in the subnet: one permissive security
//! group is then enough to expose the service.
//!
//! ## What AWS already does
//! A network ACL you create denies all traffic until you add entries. The
//! VPC's *default* network ACL allows all inbound and outbound traffic.
//!
//! ## Verdicts
//! Reads `AWS::EC2::NetworkAclEntry`, Terraform `aws_network_acl_rule` and the
//! `ingress` blocks of `aws_network_acl` / `aws_default_network_acl`. An entry
//! counts when it is inbound, its action is `allow`, its protocol is all
//! (`-1`) or TCP with a port range covering one of the ports of
//! `ec2.high-risk-ports-open-to-world` (FTP 20/21, Telnet, SMTP, SMB,
//! NetBIOS, NFS, SQL Server, MySQL, PostgreSQL, Oracle, MongoDB, Redis,
//! Memcached, Elasticsearch, Docker, etcd, kubelet, VNC…), and its source is
//! `0.0.0.0/0` or `::/0`.
//! - not met: such an entry, unless a lower-numbered inbound `deny` entry of
//!   the same network ACL, from the same world CIDR, covers the same port
//!   (AWS evaluates entries in rule-number order, first match wins);
//! - unknown: a flag, action, protocol, port or CIDR onus cannot resolve on
//!   the resource's own entries;
//! - met: otherwise.
//!
//! SSH and RDP are judged by `ec2.nacl-admin-ports-open`.
//!
//! ## Examples
//! ```yaml fail
//! Resources:
//!   Acl:
//!     Type: AWS::EC2::NetworkAcl
//!     Properties:
//!       VpcId: vpc-123
//!   Ftp:
//!     Type: AWS::EC2::NetworkAclEntry
//!     Properties:
//!       NetworkAclId: !Ref Acl
//!       RuleNumber: 100
//!       Protocol: 6
//!       RuleAction: allow
//!       CidrBlock: 0.0.0.0/0
//!       PortRange:
//!         From: 20
//!         To: 21
//! ```
//! ```yaml Deny=met Allow=met
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
//!         From: 3306
//!         To: 3306
//!   Allow:
//!     Type: AWS::EC2::NetworkAclEntry
//!     Properties:
//!       NetworkAclId: !Ref Acl
//!       RuleNumber: 100
//!       Protocol: 6
//!       RuleAction: allow
//!       CidrBlock: 0.0.0.0/0
//!       PortRange:
//!         From: 3306
//!         To: 3306
//! ```
//! ```hcl fail
//! resource "aws_network_acl_rule" "mysql" {
//!   network_acl_id = "acl-123"
//!   rule_number    = 100
//!   egress         = false
//!   protocol       = "tcp"
//!   rule_action    = "allow"
//!   cidr_block     = "0.0.0.0/0"
//!   from_port      = 3306
//!   to_port        = 3306
//! }
//! ```
//! ```hcl pass
//! resource "aws_network_acl" "public" {
//!   vpc_id = "vpc-123"
//!   ingress {
//!     rule_no    = 100
//!     protocol   = "tcp"
//!     action     = "allow"
//!     cidr_block = "0.0.0.0/0"
//!     from_port  = 443
//!     to_port    = 443
//!   }
//! }
//! ```

use crate::context::Context;
use crate::net::{HIGH_RISK_PORTS, NACL_CFN, NACL_TF, check_acl};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ec2.nacl-high-risk-ports-open",
    title: "No network ACL admits database, file-sharing or remote-access ports from the internet",
    duty: Duty::NetworkExposure,
    severity: Severity::Medium,
    cfn_types: NACL_CFN,
    tf_types: NACL_TF,
    reads: &["AWS::EC2::NetworkAcl"],
    controls: Controls::NONE,
    peers: &[
        checkov("CKV_AWS_229", Related),
        checkov("CKV_AWS_230", Related),
        trivy("AVD-AWS-0105", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    check_acl(resource, cx, HIGH_RISK_PORTS, "a high-risk port")
}
