//! Availability Zones: whether the zones or subnets a resource is placed in
//! span two or more zones, with subnets' zones read from the same code.

use crate::check::{Judgement, items_cond, spelling};
use crate::context::Context;
use onus_ingest::{Node, Resource, Value};

/// Whether the items of `list` (zones, or subnets whose zone is looked up)
/// are in two or more zones. Items present only under a condition do not count.
pub fn spread(
    resource: &Resource,
    cx: &Context,
    list: &Node,
    path: &str,
    subnet_list: bool,
) -> Judgement {
    let what = if subnet_list { "subnets" } else { "zones" };
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
        let zone = if subnet_list {
            subnet_zone(resource, cx, item)
        } else {
            item.as_str().ok_or_else(|| zone_unknown(item))
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

/// The zone of a subnet the group names, when the subnet is declared in the
/// same code with a literal zone.
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
