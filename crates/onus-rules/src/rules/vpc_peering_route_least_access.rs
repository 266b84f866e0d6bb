//! # vpc.peering-route-least-access: routes to a peered VPC are not default routes
//!
//! ## Why this is your duty
//! Routing inside your VPCs is network configuration, the customer's side of
//! the model. A VPC peering connection joins two networks; a route that
//! sends `0.0.0.0/0` or `::/0` over it makes every destination reachable
//! through the peer, instead of only the subnets that need to talk. CIS AWS
//! Foundations asks for peering routes that are "least access".
//!
//! ## What AWS already does
//! Adds no route over a peering connection: traffic crosses it only where
//! your route tables send it. AWS also refuses to route transitively through
//! a peer, but a default route still exposes the whole peer VPC.
//!
//! ## Verdicts
//! Reads routes that target a peering connection: `AWS::EC2::Route` with
//! `VpcPeeringConnectionId`, Terraform `aws_route` with
//! `vpc_peering_connection_id`, and the `route` blocks of `aws_route_table`
//! / `aws_default_route_table` with `vpc_peering_connection_id`:
//! - not met: the destination is `0.0.0.0/0` or `::/0`;
//! - met: every peering route names a narrower CIDR;
//! - unknown: a destination onus cannot resolve, or a managed prefix list
//!   (its CIDRs are not in the code);
//! - not applicable: no route over a peering connection.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   ToPeer:
//!     Type: AWS::EC2::Route
//!     Properties:
//!       RouteTableId: rtb-123
//!       DestinationCidrBlock: 10.20.1.0/24
//!       VpcPeeringConnectionId: pcx-123
//! ```
//! ```yaml fail
//! Resources:
//!   ToPeer:
//!     Type: AWS::EC2::Route
//!     Properties:
//!       RouteTableId: rtb-123
//!       DestinationCidrBlock: 0.0.0.0/0
//!       VpcPeeringConnectionId: pcx-123
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Default:
//!     Type: AWS::EC2::Route
//!     Properties:
//!       RouteTableId: rtb-123
//!       DestinationCidrBlock: 0.0.0.0/0
//!       GatewayId: igw-123
//! ```
//! ```hcl pass
//! resource "aws_route" "to_peer" {
//!   route_table_id            = "rtb-123"
//!   destination_cidr_block    = "10.20.0.0/16"
//!   vpc_peering_connection_id = "pcx-123"
//! }
//! ```
//! ```hcl fail
//! resource "aws_route_table" "private" {
//!   vpc_id = "vpc-123"
//!   route {
//!     cidr_block     = "10.30.0.0/16"
//!     nat_gateway_id = "nat-123"
//!   }
//!   route {
//!     ipv6_cidr_block           = "::/0"
//!     vpc_peering_connection_id = "pcx-123"
//!   }
//! }
//! ```

use crate::check::{Every, Judgement, get_in, items_cond, judge};
use crate::context::Context;
use crate::net::is_world;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "vpc.peering-route-least-access",
    title: "Routes over VPC peering connections are narrower than a default route",
    duty: Duty::NetworkExposure,
    severity: Severity::Medium,
    cfn_types: &["AWS::EC2::Route"],
    tf_types: &["aws_route", "aws_route_table", "aws_default_route_table"],
    reads: &[],
    controls: Controls {
        fsbp: &[],
        config: &[],
        cis: &["5.5"],
    },
    peers: &[checkov("CKV2_AWS_44", Same)],
    check,
    file: file!(),
};

/// One route: where it is, its peering target and its destinations (the
/// last one a managed prefix list).
struct Route<'a> {
    path: String,
    peering: Option<&'a Node>,
    destinations: [(&'static str, Option<&'a Node>); 3],
}

fn route<'a>(node: &'a Node, path: String, keys: [&'static str; 4]) -> Route<'a> {
    Route {
        path,
        peering: get_in(node, keys[0]),
        destinations: [1, 2, 3].map(|i| (keys[i], get_in(node, keys[i]))),
    }
}

fn routes(resource: &Resource) -> Vec<Route<'_>> {
    let props = &resource.properties;
    match resource.resource_type.as_str() {
        "AWS::EC2::Route" => vec![route(
            props,
            String::new(),
            [
                "VpcPeeringConnectionId",
                "DestinationCidrBlock",
                "DestinationIpv6CidrBlock",
                "DestinationPrefixListId",
            ],
        )],
        "aws_route" => vec![route(
            props,
            String::new(),
            [
                "vpc_peering_connection_id",
                "destination_cidr_block",
                "destination_ipv6_cidr_block",
                "destination_prefix_list_id",
            ],
        )],
        _ => items_cond(props.get("route"))
            .into_iter()
            .enumerate()
            .map(|(i, (n, _))| {
                route(
                    n,
                    format!("route[{i}]"),
                    [
                        "vpc_peering_connection_id",
                        "cidr_block",
                        "ipv6_cidr_block",
                        "destination_prefix_list_id",
                    ],
                )
            })
            .collect(),
    }
}

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let mut peering = 0;
    let mut every = Every::default();
    for r in routes(resource) {
        let Some(target) = r.peering else { continue };
        if matches!(target.value, Value::Null) {
            continue;
        }
        peering += 1;
        for (key, dest) in r.destinations {
            let Some(dest) = dest else { continue };
            let path = if r.path.is_empty() {
                key.to_owned()
            } else {
                format!("{}.{key}", r.path)
            };
            if key.contains("prefix_list") || key.contains("PrefixList") {
                every.unknown({
                    Verdict::unknown(
                        resource,
                        dest.span,
                        &path,
                        "the CIDRs of a managed prefix list routed over a peering connection",
                    )
                });
                continue;
            }
            let j = judge(dest, &mut |n| match n.as_str() {
                Some(cidr) => Judgement::from_bool(!is_world(cidr), n, || {
                    format!(
                        "{cidr} is routed over a VPC peering connection: every destination goes through the peer"
                    )
                }),
                None => Judgement::Yes,
            });
            if let Some(v) = every.add(resource, &path, j) {
                return v;
            }
        }
    }
    if peering == 0 {
        return Verdict::not_applicable(resource, "no route over a VPC peering connection");
    }
    every.finish(|| {
        Verdict::met(
            resource,
            resource.name_span,
            "",
            "routes over the peering connection name specific CIDRs",
        )
    })
}
