//! Helpers for rules that read list-valued settings (log exports, protocols)
//! and for rules that look for a companion resource pointing at this one
//! (a vault lock, a WAF association, a logging configuration).

use crate::check::{Judgement, items_cond, prop, verdict_of};
use crate::context::Context;
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Value};

/// A list setting that must contain one of `wanted` (ignoring case), e.g. log
/// exports that must include `audit`. An item present only under a condition
/// cannot satisfy it; an unresolved item or list is unknown.
pub fn require_item(
    resource: &Resource,
    cfn: &str,
    tf: &str,
    wanted: &[&str],
    what: &str,
) -> Verdict {
    let (node, path) = prop(resource, cfn, tf);
    let Some(node) = node else {
        return Verdict::missing(
            resource,
            path,
            format!(
                "{path} is not set: {what} ({} is not listed)",
                wanted.join(" or ")
            ),
        );
    };
    let is = |n: &Node| {
        n.scalar_text()
            .is_some_and(|s| wanted.iter().any(|w| w.eq_ignore_ascii_case(&s)))
    };
    let mut unknown = None;
    let mut conditional = false;
    for (item, cond) in items_cond(Some(node)) {
        match &item.value {
            Value::Unknown(u) => {
                unknown.get_or_insert((item.span, u.clone()));
            }
            _ if is(item) && !cond => {
                return verdict_of(
                    resource,
                    node,
                    path,
                    Judgement::Yes,
                    format!("{what}: {path} lists {}", wanted.join(" or ")),
                );
            }
            _ if is(item) => conditional = true,
            _ => {}
        }
    }
    if let Some((span, u)) = unknown {
        return Verdict::unknown(resource, span, path, u);
    }
    let why = if conditional {
        format!(
            "{path} lists {} only under a condition: {what}",
            wanted.join(" or ")
        )
    } else {
        format!("{path} does not list {}: {what}", wanted.join(" or "))
    };
    Verdict::not_met(resource, node.span, path, why)
}

/// True when any item of a list setting is one of `bad` (ignoring case);
/// unresolved items are returned as unknown.
pub fn find_item<'a>(node: &'a Node, bad: &[&str]) -> Result<Option<&'a Node>, (Node, String)> {
    let mut unknown = None;
    for (item, _) in items_cond(Some(node)) {
        match &item.value {
            Value::Unknown(u) => {
                unknown.get_or_insert((item.clone(), u.clone()));
            }
            _ => {
                if item
                    .scalar_text()
                    .is_some_and(|s| bad.iter().any(|b| b.eq_ignore_ascii_case(&s)))
                {
                    return Ok(Some(item));
                }
            }
        }
    }
    match unknown {
        Some(u) => Err(u),
        None => Ok(None),
    }
}

/// Companion resources of `types` whose `attr` refers to `resource` (see
/// [`Context::linked`]); when there are none, an unknown naming a companion
/// of those types in the same scope whose `attr` could not be resolved.
pub fn companion<'w>(
    resource: &Resource,
    cx: &Context<'w>,
    types: &[&str],
    attr: &str,
    name_attr: Option<&str>,
) -> Result<Vec<&'w Resource>, String> {
    let linked = cx.linked(resource, types, attr, name_attr);
    if !linked.is_empty() {
        return Ok(linked);
    }
    let unresolved = cx.in_scope(resource, types).find_map(|r| {
        let target = r.properties.get(attr)?;
        match &target.value {
            Value::Unknown(what) => Some(format!("the {attr} of {} ({what})", r.id)),
            Value::Either(_) => Some(format!(
                "the {attr} of {}, which depends on a condition",
                r.id
            )),
            _ => None,
        }
    });
    match unresolved {
        Some(what) => Err(what),
        None => Ok(Vec::new()),
    }
}

/// The resource of `types` that `n` names: by reference, or by its literal
/// name (`name`: the property holding it, CloudFormation then Terraform)
/// among the resources in scope. Named but not in the code is unknown.
pub fn named<'w>(
    resource: &Resource,
    cx: &Context<'w>,
    n: &Node,
    types: &[&str],
    name: (&str, &str),
) -> Result<&'w Resource, crate::check::Judgement> {
    use crate::check::{Judgement, get, spelling};
    match &n.value {
        Value::Ref(r) => cx
            .resolve(resource, n)
            .filter(|t| types.contains(&t.resource_type.as_str()))
            .ok_or_else(|| Judgement::Unknown(n.span, format!("{} is not in the code", r.target))),
        Value::String(literal) => cx
            .in_scope(resource, types)
            .find(|t| {
                get(t, spelling(t, name.0, name.1))
                    .and_then(Node::as_str)
                    .is_some_and(|s| s == literal)
            })
            .ok_or_else(|| Judgement::Unknown(n.span, format!("{literal:?} is not in the code"))),
        _ => Err(Judgement::no(n, "not a resource name")),
    }
}

/// The verdict a dependent resource inherits from the one it names through
/// `attr` (a snapshot from its database): the rule `rule_id` judges the
/// source, and the verdict is restated on `resource`.
pub fn inherit(
    resource: &Resource,
    cx: &Context,
    attr: (&str, &str),
    types: &[&str],
    name: (&str, &str),
    rule_id: &str,
) -> Verdict {
    use crate::check::{Judgement, judge, prop, verdict_of};
    use crate::verdict::Status;
    let (node, path) = prop(resource, attr.0, attr.1);
    let Some(node) = node else {
        return Verdict::missing(resource, path, format!("{path} is not set"));
    };
    let Some(rule) = crate::rules::by_id(rule_id) else {
        return Verdict::not_applicable(resource, format!("no rule {rule_id}"));
    };
    let mut message = String::new();
    let j = judge(node, &mut |n| {
        let source = match named(resource, cx, n, types, name) {
            Ok(s) => s,
            Err(j) => return j,
        };
        let v = (rule.check)(source, cx);
        let said = format!("{} ({rule_id}): {}", source.id, v.message);
        match v.status {
            Status::NotMet => Judgement::no(n, format!("inherited from {said}")),
            Status::Unknown => Judgement::Unknown(n.span, format!("the source {said}")),
            _ => {
                message = format!("inherited from {said}");
                Judgement::Yes
            }
        }
    });
    verdict_of(resource, node, path, j, message)
}

/// The subnet named by `attr` (CloudFormation then Terraform), judged by
/// `vpc.subnet-no-auto-public-ip`: for resources that sit in a subnet.
pub fn subnet_assigns_no_public_ip(
    resource: &Resource,
    cx: &Context,
    attr: (&str, &str),
) -> Verdict {
    inherit(
        resource,
        cx,
        attr,
        &["AWS::EC2::Subnet", "aws_subnet", "aws_default_subnet"],
        ("", "id"),
        "vpc.subnet-no-auto-public-ip",
    )
}
