//! Whether a subnet routes to an internet gateway: the subnet's route table
//! association, that table's routes (separate route resources and, in
//! Terraform, inline `route` blocks) and their targets, all in the scanned
//! code. A subnet without an association uses its VPC's main route table,
//! which onus does not follow.

use crate::check::{get_in, items, spelling};
use crate::context::Context;
use onus_ingest::{Node, Resource, Span, Value};

/// What a subnet's routing shows.
pub enum Routing<'w> {
    /// A route to an internet gateway: the resource holding it and where.
    Internet(&'w Resource, Span, String),
    /// Its route table has no route to an internet gateway.
    Private(#[allow(dead_code, reason = "no rule reads the route table yet")] &'w Resource),
    /// Cannot tell: the resource where the trail ends, where, and why.
    Unknown(&'w Resource, Span, String),
}

const IGW: &[&str] = &["AWS::EC2::InternetGateway", "aws_internet_gateway"];

/// The routing of `subnet` (a subnet resource in the scanned code).
pub fn subnet_routing<'w>(subnet: &'w Resource, cx: &Context<'w>) -> Routing<'w> {
    let (assoc_types, table_attr): (&[&str], &str) = if subnet.format.is_terraform() {
        (&["aws_route_table_association"], "route_table_id")
    } else {
        (&["AWS::EC2::SubnetRouteTableAssociation"], "RouteTableId")
    };
    let subnet_attr = spelling(subnet, "SubnetId", "subnet_id");
    let associations = cx.linked(subnet, assoc_types, subnet_attr, None);
    let Some(association) = associations.first() else {
        return Routing::Unknown(
            subnet,
            subnet.name_span,
            format!(
                "subnet {} has no route table association in the scanned code: it uses its VPC's main route table",
                subnet.id
            ),
        );
    };
    let Some(table_ref) = association.properties.get(table_attr) else {
        return Routing::Unknown(
            association,
            association.name_span,
            format!("{} names no route table", association.id),
        );
    };
    let Some(table) = cx.resolve(association, table_ref) else {
        return Routing::Unknown(
            association,
            table_ref.span,
            format!(
                "{} routes subnet {} through a route table that is not in the scanned code",
                association.id, subnet.id
            ),
        );
    };
    table_routing(table, cx)
}

fn table_routing<'w>(table: &'w Resource, cx: &Context<'w>) -> Routing<'w> {
    let tf = table.format.is_terraform();
    let (route_types, table_attr, gateway): (&[&str], &str, &str) = if tf {
        (&["aws_route"], "route_table_id", "gateway_id")
    } else {
        (&["AWS::EC2::Route"], "RouteTableId", "GatewayId")
    };
    let mut routes: Vec<(&'w Resource, &'w Node, String)> = cx
        .linked(table, route_types, table_attr, None)
        .into_iter()
        .filter_map(|r| {
            r.properties
                .get(gateway)
                .map(|g| (r, g, gateway.to_owned()))
        })
        .collect();
    if tf {
        for (i, route) in items(table.properties.get("route")).into_iter().enumerate() {
            if let Some(g) = get_in(route, gateway) {
                routes.push((table, g, format!("route[{i}].{gateway}")));
            }
        }
    }
    let mut unknown = None;
    for (holder, target, path) in routes {
        match gateway_kind(holder, target, cx) {
            Some(true) => return Routing::Internet(holder, target.span, path),
            Some(false) => {}
            None => {
                unknown.get_or_insert_with(|| {
                    Routing::Unknown(
                        holder,
                        target.span,
                        format!(
                            "{} routes to a gateway onus cannot resolve ({path})",
                            holder.id
                        ),
                    )
                });
            }
        }
    }
    unknown.unwrap_or(Routing::Private(table))
}

/// Is a route's gateway an internet gateway? `None` when it cannot be told.
fn gateway_kind(holder: &Resource, target: &Node, cx: &Context) -> Option<bool> {
    match &target.value {
        Value::String(s) => Some(s.trim().starts_with("igw-")),
        Value::Ref(_) => cx
            .resolve(holder, target)
            .map(|g| IGW.contains(&g.resource_type.as_str())),
        Value::Either(branches) => {
            let mut any = Some(false);
            for b in branches {
                match gateway_kind(holder, b, cx) {
                    Some(true) => return Some(true),
                    Some(false) => {}
                    None => any = None,
                }
            }
            any
        }
        Value::Null => Some(false),
        _ => None,
    }
}
