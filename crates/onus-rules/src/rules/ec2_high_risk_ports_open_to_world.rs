//! # ec2.high-risk-ports-open-to-world: databases, file sharing and remote-access ports are not open to the internet
//!
//! ## Why this is your duty
//! Security groups are the firewall the Shared Responsibility Model leaves to
//! you in every category that runs in your VPC. Databases (MySQL, PostgreSQL,
//! SQL Server, Oracle, MongoDB, Redis, Memcached, Elasticsearch), file sharing
//! (FTP, SMB, NFS, NetBIOS), mail, Telnet, VNC and cluster control ports
//! (Docker, etcd, kubelet) are scanned from the internet within minutes of
//! being exposed, and many of them answer without authentication by default.
//!
//! ## What AWS already does
//! A security group denies all inbound traffic until you add a rule; this has
//! been so since security groups were introduced. AWS does not look at which
//! ports you open.
//!
//! ## Verdicts
//! Every ingress rule is read: inline rules on the group and standalone
//! `AWS::EC2::SecurityGroupIngress`, `aws_security_group_rule` and
//! `aws_vpc_security_group_ingress_rule` resources, each judged on its own.
//! A rule counts when its protocol is TCP (`tcp`, `6`) or all (`-1`, `all`),
//! its port range covers one of the ports below and its source is
//! `0.0.0.0/0` or `::/0`.
//! - not met: such a rule exists (the finding names the first port it opens
//!   and points at the CIDR);
//! - unknown: a port, protocol or CIDR onus cannot resolve;
//! - met: otherwise.
//!
//! The ports: those Security Hub control EC2.19 calls high-risk — 20, 21
//! (FTP), 23 (Telnet), 25 (SMTP), 110 (POP3), 135 (Windows RPC), 143 (IMAP),
//! 445 (SMB), 1433, 1434 (SQL Server), 3000, 3306 (MySQL), 4333 (mSQL), 5000,
//! 5432 (PostgreSQL), 5500 (VNC), 5601 (Kibana), 8080, 8088 (Hadoop YARN),
//! 8888 (Jupyter), 9200, 9300 (Elasticsearch) — and 137–139 (NetBIOS), 1521
//! (Oracle), 2049 (NFS), 2375, 2376 (Docker API), 2379 (etcd), 5900 (VNC),
//! 5984 (CouchDB), 6379 (Redis), 9042 (Cassandra), 10250 (kubelet), 11211
//! (Memcached), 27017, 27018 (MongoDB). SSH (22) and RDP (3389), also on the
//! EC2.19 list, are judged by `ec2.ssh-open-to-world` and
//! `ec2.rdp-open-to-world`.
//!
//! Reach databases from the application's security group (a security group
//! reference instead of a CIDR), and administration through Session Manager
//! or a VPN.
//!
//! ## Examples
//! ```yaml fail
//! Resources:
//!   Db:
//!     Type: AWS::EC2::SecurityGroup
//!     Properties:
//!       GroupDescription: database
//!       SecurityGroupIngress:
//!         - IpProtocol: tcp
//!           FromPort: 5432
//!           ToPort: 5432
//!           CidrIp: 0.0.0.0/0
//! ```
//! ```yaml fail
//! Resources:
//!   Cache:
//!     Type: AWS::EC2::SecurityGroupIngress
//!     Properties:
//!       GroupId: sg-123
//!       IpProtocol: tcp
//!       FromPort: 6000
//!       ToPort: 7000
//!       CidrIpv6: ::/0
//! ```
//! ```yaml pass
//! Resources:
//!   Db:
//!     Type: AWS::EC2::SecurityGroup
//!     Properties:
//!       GroupDescription: database
//!       SecurityGroupIngress:
//!         - IpProtocol: tcp
//!           FromPort: 3306
//!           ToPort: 3306
//!           CidrIp: 10.0.0.0/16
//!         - IpProtocol: tcp
//!           FromPort: 443
//!           ToPort: 443
//!           CidrIp: 0.0.0.0/0
//! ```
//! ```hcl fail
//! resource "aws_vpc_security_group_ingress_rule" "mongo" {
//!   security_group_id = "sg-123"
//!   ip_protocol       = "tcp"
//!   from_port         = 27017
//!   to_port           = 27017
//!   cidr_ipv4         = "0.0.0.0/0"
//! }
//! ```
//! ```hcl pass
//! resource "aws_security_group" "db" {
//!   ingress {
//!     protocol        = "tcp"
//!     from_port       = 5432
//!     to_port         = 5432
//!     security_groups = ["sg-app"]
//!   }
//! }
//! ```

use crate::context::Context;
use crate::net::{Exposure, HIGH_RISK_PORTS, INGRESS_CFN, INGRESS_TF, check_exposure};
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ec2.high-risk-ports-open-to-world",
    title: "No security group opens database, file-sharing or remote-access ports to the internet",
    duty: Duty::NetworkExposure,
    severity: Severity::High,
    cfn_types: INGRESS_CFN,
    tf_types: INGRESS_TF,
    reads: &[],
    controls: Controls {
        fsbp: &["EC2.19"],
        config: &["RESTRICTED_INCOMING_TRAFFIC"],
        cis: &[],
    },
    peers: &[
        guard("RESTRICTED_INCOMING_TRAFFIC", Related),
        cfn_nag("W2", Related),
        cfn_nag("W9", Related),
        trivy("AVD-AWS-0107", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    check_exposure(
        resource,
        Exposure::TcpPorts(HIGH_RISK_PORTS),
        "a high-risk port",
    )
}
