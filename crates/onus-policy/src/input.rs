//! The input a policy sees: one resource of the neutral model, and the
//! resources it refers to and that refer to it. Version 1, described by
//! `schemas/policy-input.schema.json` and `docs/POLICIES.md`.
//!
//! Values onus could not resolve are objects a policy can tell apart from
//! absent keys and from real values: `{"$unknown": why}` (a parameter without
//! default, a variable), `{"$ref": id, "attribute": name}` (another resource's
//! attribute, known only at deploy time) and `{"$either": [a, b]}` (a value
//! chosen by a condition onus cannot decide: every branch is there).

use crate::locate;
use onus_ingest::{Format, Node, Region, Resource, Value as V};
use onus_rules::Context;
use regorus::Value;
use std::collections::BTreeMap;

/// The version of the input layout; bumped on any breaking change.
pub const INPUT_VERSION: u32 = 1;

/// The input document of one resource. `relations`: fill `refers_to` and
/// `referred_by` (left empty when no policy reads them: they can be the
/// largest part of the document).
pub fn build(resource: &Resource, cx: &Context, relations: bool) -> Value {
    let mut refers_to = Vec::new();
    let references: &[onus_ingest::Reference] = if relations { &resource.references } else { &[] };
    for r in references {
        let target = cx.by_local_id(resource, &r.target);
        let path = locate::display(&locate::parse(&r.path));
        let attribute = attribute_at(resource, &path, &r.target);
        refers_to.push(related(cx, &path, &r.target, attribute, target));
    }
    refers_to.sort_by(|a, b| a.0.cmp(&b.0));
    refers_to.dedup_by(|a, b| a.0 == b.0);
    let referrers = if relations {
        cx.referrers(resource)
    } else {
        Vec::new()
    };
    let referred_by: Vec<Value> = referrers
        .into_iter()
        .map(|(by, key)| {
            let attribute = by
                .properties
                .get(key)
                .and_then(|n| attribute_of(n, onus_rules::local_id(resource)));
            related(cx, key, &by.id, attribute, Some(by)).1
        })
        .collect();
    object([
        ("version", Value::from(u64::from(INPUT_VERSION))),
        ("resource", describe(resource, cx)),
        (
            "refers_to",
            Value::from(refers_to.into_iter().map(|(_, v)| v).collect::<Vec<_>>()),
        ),
        ("referred_by", Value::from(referred_by)),
        ("settings", settings(cx)),
    ])
}

/// The resources `resource` refers to and those that refer to it, each once,
/// in workload order of discovery.
pub fn neighbours<'w>(resource: &Resource, cx: &Context<'w>) -> Vec<&'w Resource> {
    let mut out: Vec<&'w Resource> = Vec::new();
    let targets = resource
        .references
        .iter()
        .filter_map(|r| cx.by_local_id(resource, &r.target));
    let referrers = cx.referrers(resource).into_iter().map(|(r, _)| r);
    for r in targets.chain(referrers) {
        if !std::ptr::eq(r, resource) && !out.iter().any(|o| std::ptr::eq(*o, r)) {
            out.push(r);
        }
    }
    out
}

/// A related resource, keyed for sorting and deduplication by (path, id):
/// the property path that holds the reference, the other resource's id as
/// written, the attribute read, and the resource when the workload has it.
fn related(
    cx: &Context,
    path: &str,
    id: &str,
    attribute: Option<String>,
    resource: Option<&Resource>,
) -> ((String, String), Value) {
    let value = object([
        ("path", Value::from(path)),
        ("id", Value::from(id)),
        ("attribute", attribute.map_or(Value::Null, Value::from)),
        (
            "resource",
            resource.map_or(Value::Null, |r| describe(r, cx)),
        ),
    ]);
    ((path.to_owned(), id.to_owned()), value)
}

/// The attribute a reference at `path` reads (`Arn` of `!GetAtt Key.Arn`).
fn attribute_at(resource: &Resource, path: &str, target: &str) -> Option<String> {
    attribute_of(locate::node_at(&resource.properties, path)?, target)
}

/// The attribute of the first reference to `target` in `node`.
fn attribute_of(node: &Node, target: &str) -> Option<String> {
    let bare = |t: &str| t.split('[').next().unwrap_or(t).to_owned();
    match &node.value {
        V::Ref(r) if bare(&r.target) == bare(target) => r.attribute.clone(),
        V::List(items) | V::Either(items) => items.iter().find_map(|n| attribute_of(n, target)),
        V::Map(entries) => entries.iter().find_map(|e| attribute_of(&e.node, target)),
        _ => None,
    }
}

/// One resource as policies see it.
pub fn describe(resource: &Resource, cx: &Context) -> Value {
    let file = cx.workload.file(resource.file).path.display().to_string();
    let category = resource
        .category
        .as_ref()
        .and_then(|c| c.category)
        .map_or(Value::Null, |c| Value::from(c.as_str()));
    object([
        ("id", Value::from(resource.id.as_str())),
        ("type", Value::from(resource.resource_type.as_str())),
        (
            "source_type",
            resource
                .source_type
                .as_deref()
                .map_or(Value::Null, Value::from),
        ),
        ("format", Value::from(format_name(resource.format))),
        (
            "service",
            resource.service.as_deref().map_or(Value::Null, Value::from),
        ),
        ("category", category),
        (
            "region",
            match &resource.region {
                Region::Known(r) => Value::from(r.as_str()),
                Region::Unknown(why) => marked("$unknown", Value::from(why.as_str())),
            },
        ),
        ("scope", Value::from(resource.scope.as_str())),
        ("file", Value::from(file)),
        ("properties", value(&resource.properties)),
    ])
}

fn settings(cx: &Context) -> Value {
    let regions = match &cx.settings.allowed_regions {
        Some(list) => Value::from(
            list.iter()
                .map(|r| Value::from(r.as_str()))
                .collect::<Vec<_>>(),
        ),
        None => Value::Null,
    };
    object([("allowed_regions", regions)])
}

/// The input's `format` value for a resource's source format.
pub(crate) fn format_name(format: Format) -> &'static str {
    match format {
        Format::CloudFormation => "cloudformation",
        Format::Sam => "sam",
        Format::Terraform => "terraform",
        Format::TerraformPlan => "terraform-plan",
        // Read from the account, in the CloudFormation property shape.
        Format::Aws => "aws",
    }
}

/// A property value as JSON, with unresolved values marked.
pub fn value(node: &Node) -> Value {
    match &node.value {
        V::Null => Value::Null,
        V::Bool(b) => Value::from(*b),
        V::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => Value::from(*n as i64),
        V::Number(n) => Value::from(*n),
        V::String(s) => Value::from(s.as_str()),
        V::List(items) => Value::from(items.iter().map(value).collect::<Vec<_>>()),
        V::Map(entries) => Value::from(
            entries
                .iter()
                .map(|e| (Value::from(e.key.as_str()), value(&e.node)))
                .collect::<BTreeMap<_, _>>(),
        ),
        V::Ref(r) => object([
            ("$ref", Value::from(r.target.as_str())),
            (
                "attribute",
                r.attribute.as_deref().map_or(Value::Null, Value::from),
            ),
        ]),
        V::Either(branches) => marked(
            "$either",
            Value::from(branches.iter().map(value).collect::<Vec<_>>()),
        ),
        V::Unknown(why) => marked("$unknown", Value::from(why.as_str())),
    }
}

fn marked(key: &str, inner: Value) -> Value {
    object([(key, inner)])
}

fn object<'a>(pairs: impl IntoIterator<Item = (&'a str, Value)>) -> Value {
    Value::from(
        pairs
            .into_iter()
            .map(|(k, v)| (Value::from(k), v))
            .collect::<BTreeMap<_, _>>(),
    )
}
