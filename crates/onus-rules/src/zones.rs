//! Availability Zone spread, read the same way for every resource placed by
//! a list of zones or subnets (Auto Scaling groups, load balancers): a
//! subnet's zone is looked up when the subnet is declared in the same code.

use crate::check::{Judgement, get_in, items_cond, judge, prop, spelling, verdict_of};
use crate::context::Context;
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Value};

/// What the items of a placement list are.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Members {
    /// Zone names.
    Zones,
    /// Subnets (ids or references); `Some(key)` when each item is a map
    /// holding the subnet under that key (`SubnetMappings[].SubnetId`).
    Subnets(Option<&'static str>),
}

/// The verdict of "the items of `node` (at `path`) are in two or more
/// Availability Zones".
pub fn require_two_zones(
    resource: &Resource,
    cx: &Context,
    node: &Node,
    path: &str,
    members: Members,
) -> Verdict {
    let judgement = judge(node, &mut |list| spread(resource, cx, list, path, members));
    verdict_of(
        resource,
        node,
        path,
        judgement,
        format!("{path} spans at least two Availability Zones"),
    )
}

/// The verdict of "this Auto Scaling group spans two or more zones": its
/// subnets (`VPCZoneIdentifier`) or, without them, its zones.
pub fn group_spread(resource: &Resource, cx: &Context) -> Verdict {
    let (subnets, subnet_path) = prop(resource, "VPCZoneIdentifier", "vpc_zone_identifier");
    let (zones, zone_path) = prop(resource, "AvailabilityZones", "availability_zones");
    match (subnets, zones) {
        (Some(n), _) => require_two_zones(resource, cx, n, subnet_path, Members::Subnets(None)),
        (None, Some(n)) => require_two_zones(resource, cx, n, zone_path, Members::Zones),
        (None, None) => Verdict::unknown(
            resource,
            resource.name_span,
            subnet_path,
            format!(
                "neither {subnet_path} nor {zone_path} is set: the zones come from the launch template"
            ),
        ),
    }
}

/// Whether the items of `list` are in two or more zones. Items present only
/// under a condition do not count.
fn spread(
    resource: &Resource,
    cx: &Context,
    list: &Node,
    path: &str,
    members: Members,
) -> Judgement {
    let what = match members {
        Members::Zones => "zones",
        Members::Subnets(_) => "subnets",
    };
    let listed: Vec<&Node> = items_cond(Some(list))
        .into_iter()
        .filter_map(|(item, conditional)| (!conditional).then_some(item))
        .collect();
    if listed.len() < 2 {
        // One subnet is in one zone, whichever it is.
        return Judgement::no(
            list,
            format!(
                "{path} lists {} of the {what}: one Availability Zone at most",
                listed.len()
            ),
        );
    }
    let mut known: Vec<&str> = Vec::new();
    let mut unresolved = None;
    for item in listed {
        let zone = match members {
            Members::Zones => item.as_str().ok_or_else(|| zone_unknown(item)),
            Members::Subnets(None) => subnet_zone(resource, cx, item),
            Members::Subnets(Some(key)) => match get_in(item, key) {
                Some(subnet) => subnet_zone(resource, cx, subnet),
                None => Err(format!("an item of {path} without {key}")),
            },
        };
        match zone {
            Ok(z) if !known.contains(&z) => known.push(z),
            Ok(_) => {}
            Err(why) => {
                unresolved.get_or_insert((item.span, why));
            }
        }
    }
    if known.len() >= 2 {
        return Judgement::Yes;
    }
    if let Some((span, why)) = unresolved {
        return Judgement::Unknown(span, why);
    }
    let zone = known.first().copied().unwrap_or_default();
    Judgement::no(
        list,
        format!("every one of the {what} in {path} is in {zone}"),
    )
}

/// The zone of a subnet, when the subnet is declared in the same code with a
/// literal zone.
fn subnet_zone<'w>(resource: &Resource, cx: &Context<'w>, item: &Node) -> Result<&'w str, String> {
    let Some(subnet) = cx.resolve(resource, item) else {
        return Err(match &item.value {
            Value::String(id) => format!("the zone of subnet {id}, declared outside this code"),
            _ => zone_unknown(item),
        });
    };
    let key = spelling(subnet, "AvailabilityZone", "availability_zone");
    let id_key = spelling(subnet, "AvailabilityZoneId", "availability_zone_id");
    let zone = subnet
        .properties
        .get(key)
        .or_else(|| subnet.properties.get(id_key));
    match zone.and_then(Node::as_str) {
        Some(z) => Ok(z),
        None => Err(format!("the Availability Zone of subnet {}", subnet.id)),
    }
}

fn zone_unknown(item: &Node) -> String {
    match &item.value {
        Value::Unknown(what) => what.clone(),
        _ => "a value that is not a literal zone".into(),
    }
}
