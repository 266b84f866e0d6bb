//! Parameter groups (RDS, DocumentDB, Neptune, Redshift): the group a
//! database names, found by reference or by its literal name among the
//! groups in the code, and one parameter read from it.

use crate::check::{Judgement, get, get_in, items};
use crate::context::Context;
use onus_ingest::{Node, Resource, Value};

/// Where a kind of parameter group lives and how it is named.
pub struct Groups {
    pub types: &'static [&'static str],
    /// The group's own name property, CloudFormation then Terraform.
    pub name: (&'static str, &'static str),
}

/// The group a database names.
pub enum Group<'w> {
    /// A group declared in the scanned code.
    InCode(&'w Resource),
    /// An AWS default group (`default.*`), or none named (`None`).
    Default(Option<String>),
}

/// The group named by `n` (one branch of the database's group property).
/// A group that is named but not in the code is unknown.
pub fn find<'w>(
    resource: &Resource,
    cx: &Context<'w>,
    n: &Node,
    groups: &Groups,
) -> Result<Group<'w>, Judgement> {
    match &n.value {
        Value::Null => Ok(Group::Default(None)),
        Value::String(name) if name.to_ascii_lowercase().starts_with("default.") => {
            Ok(Group::Default(Some(name.clone())))
        }
        Value::Ref(_) | Value::String(_) => {
            crate::lists::named(resource, cx, n, groups.types, groups.name)
                .map(Group::InCode)
                .map_err(|j| match j {
                    Judgement::Unknown(span, what) => {
                        Judgement::Unknown(span, format!("parameter group {what}"))
                    }
                    other => other,
                })
        }
        _ => Err(Judgement::no(n, "not a parameter group name")),
    }
}

/// The value a group sets for `param` (ignoring case): a Terraform
/// `parameter { name, value }` block, a CloudFormation `Parameters` map, or
/// Redshift's `Parameters` list of `ParameterName`/`ParameterValue`.
pub fn parameter<'a>(group: &'a Resource, param: &str) -> Option<&'a Node> {
    let named = |item: &&Node, key: &str| {
        get_in(item, key)
            .and_then(Node::as_str)
            .is_some_and(|s| s.eq_ignore_ascii_case(param))
    };
    if group.format.is_terraform() {
        return items(get(group, "parameter"))
            .into_iter()
            .find(|p| named(p, "name"))
            .and_then(|p| get_in(p, "value"));
    }
    let params = get(group, "Parameters")?;
    match params.as_map() {
        Some(map) => map
            .iter()
            .find(|e| e.key.eq_ignore_ascii_case(param))
            .map(|e| &e.node),
        None => items(Some(params))
            .into_iter()
            .find(|p| named(p, "ParameterName"))
            .and_then(|p| get_in(p, "ParameterValue")),
    }
}

/// True for the spellings engines accept as "on": `1`, `ON`, `true`.
pub fn is_on(node: &Node) -> bool {
    node.scalar_text()
        .is_some_and(|s| matches!(s.to_ascii_lowercase().as_str(), "1" | "on" | "true"))
}

/// The databases in scope that use `group`: each `(type, attribute)` of
/// `parents` is looked up by reference or by the group's literal name
/// (`name`, CloudFormation then Terraform). A group is judged on its own
/// only when none does (its databases are outside the scan).
pub fn users<'w>(
    group: &Resource,
    cx: &Context<'w>,
    parents: &[(&str, &str)],
    name: (&str, &str),
) -> Vec<&'w Resource> {
    let name = crate::check::spelling(group, name.0, name.1);
    parents
        .iter()
        .flat_map(|(t, attr)| cx.linked(group, &[t], attr, Some(name)))
        .collect()
}

/// A group judged on its own: `param` must satisfy `ok`; when the group
/// leaves it unset, the engine default applies (`default_ok`). `what` names
/// what the parameter gives, e.g. "TLS is required".
pub fn judge_parameter(
    group: &Resource,
    param: &str,
    default_ok: bool,
    ok: fn(&Node) -> bool,
    what: &str,
) -> crate::verdict::Verdict {
    use crate::check::{judge, verdict_of};
    use crate::verdict::Verdict;
    let path = if group.format.is_terraform() {
        format!("parameter.{param}")
    } else {
        format!("Parameters.{param}")
    };
    let outside = "(no database in the scan uses this group)";
    match parameter(group, param) {
        None if default_ok => Verdict::met_by_default(
            group,
            &path,
            format!("{param} is not set and its default means {what} {outside}"),
        ),
        None => Verdict::missing(
            group,
            &path,
            format!("{param} is not set: databases using this group do not have {what} {outside}"),
        ),
        Some(node) => {
            let j = judge(node, &mut |n| {
                Judgement::from_bool(!crate::check::is_null(n) && ok(n), n, || {
                    format!(
                        "{param} is off: databases using this group do not have {what} {outside}"
                    )
                })
            });
            verdict_of(
                group,
                node,
                &path,
                j,
                format!("{param} gives {what} {outside}"),
            )
        }
    }
}
