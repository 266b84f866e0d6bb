//! Elastic Beanstalk option settings, read the same way from CloudFormation
//! (`OptionSettings: [{Namespace, OptionName, Value}]`) and Terraform
//! (`setting { namespace name value }` blocks), on environments and
//! configuration templates. An environment without a setting inherits it
//! from the configuration template it names, when that template is in the code.

use crate::check::{Judgement, judge, verdict_of};
use crate::check::{get, get_in, items_cond, spelling};
use crate::context::Context;
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Value};

pub const EB_CFN: &[&str] = &[
    "AWS::ElasticBeanstalk::Environment",
    "AWS::ElasticBeanstalk::ConfigurationTemplate",
];
pub const EB_TF: &[&str] = &[
    "aws_elastic_beanstalk_environment",
    "aws_elastic_beanstalk_configuration_template",
];

/// One option setting found: its value node (None when no `Value`), the
/// resource that holds it, and whether it exists only under a condition.
pub struct Setting<'w> {
    pub namespace: String,
    pub name: String,
    pub value: Option<&'w Node>,
    pub item: &'w Node,
    pub holder: &'w Resource,
    pub conditional: bool,
}

/// The result of looking through a resource's settings.
pub enum Settings<'w> {
    List(Vec<Setting<'w>>),
    /// A namespace or name is not static (node says where).
    Unknown(&'w Node, String),
}

fn own<'w>(resource: &'w Resource) -> Settings<'w> {
    let tf = resource.format.is_terraform();
    let (list, ns, name, value) = if tf {
        ("setting", "namespace", "name", "value")
    } else {
        ("OptionSettings", "Namespace", "OptionName", "Value")
    };
    let mut out = Vec::new();
    if let Some(node) = get(resource, list)
        && let Value::Unknown(w) = &node.value
    {
        return Settings::Unknown(node, w.clone());
    }
    for (item, conditional) in items_cond(get(resource, list)) {
        let text = |k: &str| get_in(item, k).map(|n| (n, n.scalar_text()));
        match (text(ns), text(name)) {
            (Some((_, Some(n))), Some((_, Some(o)))) => out.push(Setting {
                namespace: n,
                name: o,
                value: get_in(item, value),
                item,
                holder: resource,
                conditional,
            }),
            (Some((node, None)), _) | (_, Some((node, None))) => {
                if let Value::Unknown(w) = &node.value {
                    return Settings::Unknown(node, w.clone());
                }
            }
            _ => {}
        }
    }
    Settings::List(out)
}

/// The configuration template an environment names, if it is in the code.
pub fn template<'a, 'w: 'a>(resource: &'a Resource, cx: &Context<'w>) -> Option<&'a Resource> {
    let key = spelling(resource, "TemplateName", "template_name");
    let node = get(resource, key)?;
    if let Some(t) = cx.resolve(resource, node) {
        return Some(t);
    }
    let name = node.as_str()?;
    cx.in_scope(resource, &["aws_elastic_beanstalk_configuration_template"])
        .find(|r| get(r, "name").and_then(Node::as_str) == Some(name))
}

/// Every setting of the resource, then those of its configuration template
/// (the environment's own settings win).
pub fn settings<'a, 'w: 'a>(resource: &'a Resource, cx: &Context<'w>) -> Settings<'a> {
    let mut list = match own(resource) {
        Settings::List(l) => l,
        u => return u,
    };
    if let Some(t) = template(resource, cx)
        && !std::ptr::eq(t, resource)
    {
        match own(t) {
            Settings::List(l) => list.extend(l),
            u => return u,
        }
    }
    Settings::List(list)
}

/// The first setting with this namespace and name.
pub fn find<'a, 'w>(
    list: &'a [Setting<'w>],
    namespace: &str,
    name: &str,
) -> Option<&'a Setting<'w>> {
    list.iter()
        .find(|s| s.namespace.eq_ignore_ascii_case(namespace) && s.name.eq_ignore_ascii_case(name))
}

/// The environment tier is Worker (no load balancer, no web traffic).
pub fn is_worker(resource: &Resource) -> bool {
    let key = spelling(resource, "Tier.Name", "tier");
    get(resource, key)
        .and_then(Node::as_str)
        .is_some_and(|t| t.eq_ignore_ascii_case("Worker"))
}

/// A setting whose value must satisfy `ok` (compared as text). `default` is
/// what Beanstalk uses when the setting is absent. The verdict points at the
/// setting, or at the resource's name when it is absent or inherited.
pub fn require_option(
    resource: &Resource,
    cx: &Context,
    namespace: &str,
    name: &str,
    ok: &dyn Fn(&str) -> bool,
    default: Option<&str>,
    what: &str,
) -> Verdict {
    let label = format!("{namespace}/{name}");
    let list = match settings(resource, cx) {
        Settings::List(l) => l,
        Settings::Unknown(node, w) => {
            return Verdict::unknown(resource, node.span, "option settings", w);
        }
    };
    let Some(setting) = find(&list, namespace, name).filter(|s| !s.conditional) else {
        if let Some(s) = find(&list, namespace, name)
            && let Some(v) = s.value.and_then(Node::scalar_text)
            && !ok(&v)
        {
            return Verdict::not_met(
                resource,
                s.item.span,
                &label,
                format!("{label} may be {v:?} (under a condition): {what} is off"),
            );
        }
        return match default {
            Some(d) if ok(d) => Verdict::met_by_default(
                resource,
                &label,
                format!("{what}: {label} defaults to {d}"),
            ),
            Some(d) => Verdict::missing(
                resource,
                &label,
                format!("{label} is not set and defaults to {d}: {what} is off"),
            ),
            None => Verdict::missing(
                resource,
                &label,
                format!("{label} is not set: {what} is off"),
            ),
        };
    };
    let Some(value) = setting.value else {
        return Verdict::missing(
            resource,
            &label,
            format!("{label} has no value: {what} is off"),
        );
    };
    let j = judge(value, &mut |n| match n.scalar_text() {
        Some(v) => Judgement::from_bool(ok(&v), n, || format!("{label} is {v:?}: {what} is off")),
        None if crate::check::is_null(n) => {
            Judgement::from_bool(default.is_some_and(ok), n, || {
                format!("{label} is left unset by a condition: {what} is off")
            })
        }
        None => Judgement::no(n, format!("{label} is not a plain value")),
    });
    let mut v = verdict_of(
        resource,
        value,
        &label,
        j,
        format!("{what}: {label} is set"),
    );
    if !std::ptr::eq(setting.holder, resource) {
        v.file = resource.file;
        v.span = resource.name_span;
        v.message = format!("{} (from {})", v.message, setting.holder.id).into();
    }
    v
}
