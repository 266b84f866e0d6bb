//! # rds.no-public-subnet: RDS DB instances are not in subnets that route to an internet gateway
//!
//! ## Why this is your duty
//! RDS is a container service: AWS runs the database host, but where it sits
//! in your network is yours. A DB instance in a subnet whose route table
//! sends traffic to an internet gateway is one setting (`PubliclyAccessible`,
//! a security group rule) away from the internet; keeping databases in
//! private subnets is the network-configuration part of the customer's
//! duty.
//!
//! ## What AWS already does
//! Places the instance in the subnets of its DB subnet group. Without one
//! (`DBSubnetGroupName` / `db_subnet_group_name` absent), RDS uses the
//! default VPC and its default subnets, which AWS creates with a route to
//! the default VPC's internet gateway.
//!
//! ## Verdicts
//! Follows the DB subnet group (`AWS::RDS::DBSubnetGroup` /
//! `aws_db_subnet_group`; an Aurora instance's is its cluster's) to its
//! subnets, each subnet to its route table association
//! (`AWS::EC2::SubnetRouteTableAssociation` / `aws_route_table_association`)
//! and the table to its routes (`AWS::EC2::Route` / `aws_route`, and
//! `aws_route_table` `route` blocks), as the AWS Config rule
//! `rds-instance-subnet-igw-check` does:
//! - met: every subnet's route table is in the scanned code and has no route
//!   whose gateway is an internet gateway (`AWS::EC2::InternetGateway` /
//!   `aws_internet_gateway`, or an `igw-` id);
//! - not met: a subnet routes to an internet gateway; or there is no DB
//!   subnet group, so the default VPC's public subnets are used;
//! - unknown: the subnet group, a subnet, its route table association, the
//!   table or a route's gateway cannot be followed (it is not in the scanned
//!   code, or comes from a variable or another module's output); a subnet
//!   without an association uses its VPC's main route table, which onus does
//!   not follow.
//!
//! ## Examples
//! ```yaml Db=met
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.t3.micro
//!       DBSubnetGroupName: !Ref DbSubnets
//!   DbSubnets:
//!     Type: AWS::RDS::DBSubnetGroup
//!     Properties:
//!       DBSubnetGroupDescription: private
//!       SubnetIds: [!Ref PrivateA]
//!   PrivateA:
//!     Type: AWS::EC2::Subnet
//!     Properties:
//!       VpcId: vpc-0123456789abcdef0
//!       CidrBlock: 10.0.1.0/24
//!   PrivateRoutes:
//!     Type: AWS::EC2::RouteTable
//!     Properties:
//!       VpcId: vpc-0123456789abcdef0
//!   PrivateAssociation:
//!     Type: AWS::EC2::SubnetRouteTableAssociation
//!     Properties:
//!       SubnetId: !Ref PrivateA
//!       RouteTableId: !Ref PrivateRoutes
//!   ToNat:
//!     Type: AWS::EC2::Route
//!     Properties:
//!       RouteTableId: !Ref PrivateRoutes
//!       DestinationCidrBlock: 0.0.0.0/0
//!       NatGatewayId: nat-0123456789abcdef0
//! ```
//! ```yaml Db=not-met
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.t3.micro
//!       DBSubnetGroupName: !Ref DbSubnets
//!   DbSubnets:
//!     Type: AWS::RDS::DBSubnetGroup
//!     Properties:
//!       DBSubnetGroupDescription: public
//!       SubnetIds: [!Ref PublicA]
//!   PublicA:
//!     Type: AWS::EC2::Subnet
//!     Properties:
//!       VpcId: vpc-0123456789abcdef0
//!       CidrBlock: 10.0.0.0/24
//!   PublicRoutes:
//!     Type: AWS::EC2::RouteTable
//!     Properties:
//!       VpcId: vpc-0123456789abcdef0
//!   PublicAssociation:
//!     Type: AWS::EC2::SubnetRouteTableAssociation
//!     Properties:
//!       SubnetId: !Ref PublicA
//!       RouteTableId: !Ref PublicRoutes
//!   Internet:
//!     Type: AWS::EC2::InternetGateway
//!   ToInternet:
//!     Type: AWS::EC2::Route
//!     Properties:
//!       RouteTableId: !Ref PublicRoutes
//!       DestinationCidrBlock: 0.0.0.0/0
//!       GatewayId: !Ref Internet
//! ```
//! ```yaml fail
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.t3.micro
//! ```
//! ```hcl aws_db_instance.db=met
//! resource "aws_db_instance" "db" {
//!   engine               = "postgres"
//!   instance_class       = "db.t3.micro"
//!   db_subnet_group_name = aws_db_subnet_group.private.name
//! }
//! resource "aws_db_subnet_group" "private" {
//!   name       = "private"
//!   subnet_ids = [aws_subnet.private_a.id]
//! }
//! resource "aws_subnet" "private_a" {
//!   vpc_id     = "vpc-0123456789abcdef0"
//!   cidr_block = "10.0.1.0/24"
//! }
//! resource "aws_route_table" "private" {
//!   vpc_id = "vpc-0123456789abcdef0"
//!   route {
//!     cidr_block     = "0.0.0.0/0"
//!     nat_gateway_id = "nat-0123456789abcdef0"
//!   }
//! }
//! resource "aws_route_table_association" "private_a" {
//!   subnet_id      = aws_subnet.private_a.id
//!   route_table_id = aws_route_table.private.id
//! }
//! ```
//! ```hcl aws_db_instance.db=not-met
//! resource "aws_db_instance" "db" {
//!   engine               = "postgres"
//!   instance_class       = "db.t3.micro"
//!   db_subnet_group_name = aws_db_subnet_group.public.name
//! }
//! resource "aws_db_subnet_group" "public" {
//!   name       = "public"
//!   subnet_ids = [aws_subnet.public_a.id]
//! }
//! resource "aws_subnet" "public_a" {
//!   vpc_id     = "vpc-0123456789abcdef0"
//!   cidr_block = "10.0.0.0/24"
//! }
//! resource "aws_internet_gateway" "main" {
//!   vpc_id = "vpc-0123456789abcdef0"
//! }
//! resource "aws_route_table" "public" {
//!   vpc_id = "vpc-0123456789abcdef0"
//! }
//! resource "aws_route" "internet" {
//!   route_table_id         = aws_route_table.public.id
//!   destination_cidr_block = "0.0.0.0/0"
//!   gateway_id             = aws_internet_gateway.main.id
//! }
//! resource "aws_route_table_association" "public_a" {
//!   subnet_id      = aws_subnet.public_a.id
//!   route_table_id = aws_route_table.public.id
//! }
//! ```
//! ```hcl aws_db_instance.db=unknown
//! resource "aws_db_instance" "db" {
//!   engine               = "postgres"
//!   instance_class       = "db.t3.micro"
//!   db_subnet_group_name = var.subnet_group
//! }
//! variable "subnet_group" {
//!   type = string
//! }
//! ```

use crate::check::{get, items, spelling};
use crate::context::Context;
use crate::routes::{Routing, subnet_routing};
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "rds.no-public-subnet",
    title: "RDS DB instance is not in a subnet that routes to an internet gateway",
    duty: Duty::NetworkExposure,
    severity: Severity::High,
    cfn_types: &["AWS::RDS::DBInstance"],
    tf_types: &["aws_db_instance", "aws_rds_cluster_instance"],
    reads: &[
        "AWS::RDS::DBSubnetGroup",
        "AWS::RDS::DBCluster",
        "AWS::EC2::Subnet",
        "AWS::EC2::SubnetRouteTableAssociation",
        "AWS::EC2::Route",
        "AWS::EC2::InternetGateway",
        "aws_db_subnet_group",
        "aws_rds_cluster",
        "aws_subnet",
        "aws_route_table_association",
        "aws_route_table",
        "aws_route",
        "aws_internet_gateway",
    ],
    controls: Controls {
        fsbp: &["RDS.46"],
        config: &["RDS_INSTANCE_SUBNET_IGW_CHECK"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

const GROUPS: &[&str] = &["AWS::RDS::DBSubnetGroup", "aws_db_subnet_group"];
const CLUSTERS: &[&str] = &["AWS::RDS::DBCluster", "aws_rds_cluster"];
const SUBNETS: &[&str] = &["AWS::EC2::Subnet", "aws_subnet"];

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let attr = spelling(resource, "DBSubnetGroupName", "db_subnet_group_name");
    let cluster_attr = spelling(resource, "DBClusterIdentifier", "cluster_identifier");
    // An Aurora instance without its own subnet group uses its cluster's.
    let holder = match (get(resource, attr), get(resource, cluster_attr)) {
        (None, Some(cluster)) => match cx.resolve(resource, cluster) {
            Some(c) if CLUSTERS.contains(&c.resource_type.as_str()) => c,
            _ => {
                return Verdict::unknown(
                    resource,
                    cluster.span,
                    cluster_attr,
                    "the instance's cluster, whose DB subnet group it uses, is not in the scanned code",
                );
            }
        },
        _ => resource,
    };
    let Some(group_ref) = get(holder, attr) else {
        return Verdict::missing(
            holder,
            attr,
            format!(
                "{attr} is not set: RDS uses the default VPC's default subnets, which route to its internet gateway"
            ),
        )
        .restated_on(resource);
    };
    let name_attr = spelling(resource, "DBSubnetGroupName", "name");
    let Some(group) = cx.parent_of(holder, attr, GROUPS, Some(name_attr)) else {
        let what = match &group_ref.value {
            Value::Unknown(w) => w.clone(),
            _ => format!(
                "DB subnet group {}",
                group_ref.scalar_text().unwrap_or_default()
            ),
        };
        return Verdict::unknown(
            holder,
            group_ref.span,
            attr,
            format!("{what}: onus cannot follow it to its subnets"),
        )
        .restated_on(resource);
    };
    let subnets_attr = spelling(group, "SubnetIds", "subnet_ids");
    let mut unknown = None;
    for item in items(get(group, subnets_attr)) {
        let subnet = cx
            .resolve(group, item)
            .filter(|s| SUBNETS.contains(&s.resource_type.as_str()));
        let Some(subnet) = subnet else {
            let what = match &item.value {
                Value::Unknown(w) => w.clone(),
                _ => format!("subnet {}", item.scalar_text().unwrap_or_default()),
            };
            unknown.get_or_insert_with(|| {
                Verdict::unknown(
                    group,
                    item.span,
                    subnets_attr,
                    format!(
                        "{what}, which is not in the scanned code: its routes cannot be followed"
                    ),
                )
            });
            continue;
        };
        match subnet_routing(subnet, cx) {
            Routing::Internet(route, span, path) => {
                return Verdict::not_met(
                    route,
                    span,
                    &path,
                    format!(
                        "subnet {} of DB subnet group {} routes to an internet gateway ({})",
                        subnet.id, group.id, route.id
                    ),
                );
            }
            Routing::Unknown(at, span, why) => {
                unknown.get_or_insert_with(|| Verdict::unknown(at, span, "", why));
            }
            Routing::Private(_) => {}
        }
    }
    if let Some(u) = unknown {
        return u;
    }
    Verdict::met(
        group,
        group.name_span,
        subnets_attr,
        format!(
            "no subnet of DB subnet group {} routes to an internet gateway",
            group.id
        ),
    )
}
