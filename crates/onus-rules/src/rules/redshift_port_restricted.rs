//! # redshift.port-restricted: Redshift security groups do not open the cluster port to the internet
//!
//! ## Why this is your duty
//! Redshift is a container service: AWS runs the cluster inside your VPC,
//! but which addresses reach its port is decided by the security groups you
//! attach, and firewall configuration is the customer's side of the model.
//! A group that opens the port to `0.0.0.0/0` or `::/0` leaves only database
//! passwords between the internet and the warehouse.
//!
//! ## What AWS already does
//! Listens on `Port` / `port` (default 5439) and attaches the VPC's default
//! security group when none is named; it adds no ingress rule of its own.
//!
//! ## Verdicts
//! The groups are those `VpcSecurityGroupIds` / `vpc_security_group_ids`
//! names (by reference), with their inline rules and the separate ingress
//! rule resources that point at them.
//! - met: no rule of those groups opens the cluster port to the whole
//!   internet;
//! - not met: one does (ranges and all-protocol rules count);
//! - unknown: no group named (the VPC's default group is not in the code), a
//!   group given by a literal id or an unresolved value, or an unresolved port
//!   or CIDR.
//!
//! ## Examples
//! ```yaml Warehouse=not-met
//! Resources:
//!   Open:
//!     Type: AWS::EC2::SecurityGroup
//!     Properties:
//!       GroupDescription: warehouse
//!       VpcId: vpc-12345678
//!       SecurityGroupIngress:
//!         - IpProtocol: tcp
//!           FromPort: 5439
//!           ToPort: 5439
//!           CidrIp: 0.0.0.0/0
//!   Warehouse:
//!     Type: AWS::Redshift::Cluster
//!     Properties:
//!       ClusterType: single-node
//!       NodeType: ra3.xlplus
//!       DBName: analytics
//!       MasterUsername: analytics_owner
//!       ManageMasterPassword: true
//!       VpcSecurityGroupIds: [!Ref Open]
//! ```
//! ```yaml Warehouse=met
//! Resources:
//!   Office:
//!     Type: AWS::EC2::SecurityGroup
//!     Properties:
//!       GroupDescription: warehouse
//!       VpcId: vpc-12345678
//!       SecurityGroupIngress:
//!         - IpProtocol: tcp
//!           FromPort: 5439
//!           ToPort: 5439
//!           CidrIp: 10.0.0.0/16
//!   Warehouse:
//!     Type: AWS::Redshift::Cluster
//!     Properties:
//!       ClusterType: single-node
//!       NodeType: ra3.xlplus
//!       DBName: analytics
//!       MasterUsername: analytics_owner
//!       ManageMasterPassword: true
//!       VpcSecurityGroupIds: [!Ref Office]
//! ```
//! ```hcl aws_redshift_cluster.warehouse=met
//! resource "aws_security_group" "warehouse" {
//!   vpc_id = "vpc-12345678"
//! }
//! resource "aws_vpc_security_group_ingress_rule" "office" {
//!   security_group_id = aws_security_group.warehouse.id
//!   ip_protocol       = "tcp"
//!   from_port         = 5439
//!   to_port           = 5439
//!   cidr_ipv4         = "10.0.0.0/16"
//! }
//! resource "aws_redshift_cluster" "warehouse" {
//!   cluster_identifier     = "warehouse"
//!   node_type              = "ra3.xlplus"
//!   master_username        = "analytics_owner"
//!   manage_master_password = true
//!   vpc_security_group_ids = [aws_security_group.warehouse.id]
//! }
//! ```
//! ```hcl aws_redshift_cluster.warehouse=not-met
//! resource "aws_security_group" "warehouse" {
//!   vpc_id = "vpc-12345678"
//! }
//! resource "aws_vpc_security_group_ingress_rule" "world" {
//!   security_group_id = aws_security_group.warehouse.id
//!   ip_protocol       = "tcp"
//!   from_port         = 5000
//!   to_port           = 6000
//!   cidr_ipv4         = "0.0.0.0/0"
//! }
//! resource "aws_redshift_cluster" "warehouse" {
//!   cluster_identifier     = "warehouse"
//!   node_type              = "ra3.xlplus"
//!   master_username        = "analytics_owner"
//!   manage_master_password = true
//!   vpc_security_group_ids = [aws_security_group.warehouse.id]
//! }
//! ```

use crate::check::{get, items, prop, spelling};
use crate::context::Context;
use crate::net::{Exposure, check_exposure};
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Status;
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "redshift.port-restricted",
    title: "Redshift security groups do not open the cluster port to the internet",
    duty: Duty::NetworkExposure,
    severity: Severity::High,
    cfn_types: &["AWS::Redshift::Cluster"],
    tf_types: &["aws_redshift_cluster"],
    reads: &[
        "AWS::EC2::SecurityGroup",
        "AWS::EC2::SecurityGroupIngress",
        "aws_security_group",
        "aws_security_group_rule",
        "aws_vpc_security_group_ingress_rule",
    ],
    controls: Controls {
        fsbp: &["Redshift.15"],
        config: &["REDSHIFT_UNRESTRICTED_PORT_ACCESS"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

const GROUPS: &[&str] = &["AWS::EC2::SecurityGroup", "aws_security_group"];
const RULES: &[(&str, &str)] = &[
    ("AWS::EC2::SecurityGroupIngress", "GroupId"),
    ("aws_security_group_rule", "security_group_id"),
    ("aws_vpc_security_group_ingress_rule", "security_group_id"),
];

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let port = match get(resource, spelling(resource, "Port", "port")) {
        None => 5439,
        Some(n) => match n.as_i64() {
            Some(p) => p,
            None => {
                return Verdict::unknown(
                    resource,
                    n.span,
                    "Port",
                    "the cluster port, which is not static",
                );
            }
        },
    };
    let (list, path) = prop(resource, "VpcSecurityGroupIds", "vpc_security_group_ids");
    if list.is_none() {
        return Verdict::unknown(
            resource,
            resource.name_span,
            path,
            "the VPC's default security group, which is not in the code",
        );
    }
    let what = format!("the cluster port {port}");
    let mut unknown: Option<Verdict> = None;
    for item in items(list) {
        let Some(group) = cx
            .resolve(resource, item)
            .filter(|g| GROUPS.contains(&g.resource_type.as_str()))
        else {
            let named = item
                .scalar_text()
                .unwrap_or_else(|| "a security group".to_owned());
            unknown.get_or_insert_with(|| {
                Verdict::unknown(
                    resource,
                    item.span,
                    path,
                    format!("{named}, which is not in the code"),
                )
            });
            continue;
        };
        let rules = RULES
            .iter()
            .flat_map(|(t, attr)| cx.linked(group, &[t], attr, None));
        for judged in std::iter::once(group).chain(rules) {
            let v = check_exposure(judged, Exposure::TcpPort(port), &what);
            match v.status {
                Status::NotMet => {
                    return Verdict::not_met(
                        resource,
                        item.span,
                        path,
                        format!("{}: {}", judged.id, v.message),
                    );
                }
                Status::Unknown => {
                    unknown.get_or_insert_with(|| {
                        Verdict::unknown(
                            resource,
                            item.span,
                            path,
                            format!("{}: {}", judged.id, v.message),
                        )
                    });
                }
                _ => {}
            }
        }
    }
    unknown.unwrap_or_else(|| {
        Verdict::met(
            resource,
            resource.name_span,
            path,
            format!("no attached group opens {what} to the internet"),
        )
    })
}
