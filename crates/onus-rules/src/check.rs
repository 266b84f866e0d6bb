//! Helpers that rules are written with. They keep three things uniform across
//! rules: reading the CloudFormation or Terraform spelling of a property,
//! treating every branch of a non-static condition as a possible value, and
//! turning an unresolved value into `unknown` rather than a guess.

use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Span, Value};
use std::borrow::Cow;

/// The answer of a predicate over one value.
#[derive(Debug, Clone, PartialEq)]
pub enum Judgement {
    Yes,
    /// No, because of the value at this span (with an explanation).
    No(Span, String),
    /// Depends on an unresolved value (named) at this span.
    Unknown(Span, String),
}

impl Judgement {
    pub fn no(node: &Node, why: impl Into<String>) -> Judgement {
        Judgement::No(node.span, why.into())
    }

    /// Yes when `ok`, else no for the reason `why_not` gives (only written
    /// when needed: most checks pass or fail by the thousand).
    pub fn from_bool<S: Into<String>>(
        ok: bool,
        node: &Node,
        why_not: impl FnOnce() -> S,
    ) -> Judgement {
        if ok {
            Judgement::Yes
        } else {
            Judgement::no(node, why_not())
        }
    }
}

/// Applies `predicate` to every possible value of `node`: each branch of an
/// `Either` must pass; an `Unknown` value is unknown. References are handed to
/// the predicate (a reference to a key *is* a key), and so are `Null` branches
/// (a property a condition leaves unset): predicates treat them as absent.
pub fn judge<'a>(node: &'a Node, predicate: &mut dyn FnMut(&'a Node) -> Judgement) -> Judgement {
    match &node.value {
        Value::Unknown(what) => Judgement::Unknown(node.span, what.clone()),
        Value::Either(branches) => {
            let mut unknown = None;
            for branch in branches {
                match judge(branch, predicate) {
                    Judgement::Yes => {}
                    no @ Judgement::No(..) => return no,
                    u @ Judgement::Unknown(..) => {
                        unknown.get_or_insert(u);
                    }
                }
            }
            unknown.unwrap_or(Judgement::Yes)
        }
        _ => predicate(node),
    }
}

/// `cfn` or `tf`, whichever spelling this resource's format uses.
pub fn spelling<'a>(resource: &Resource, cfn: &'a str, tf: &'a str) -> &'a str {
    if resource.terraform_shaped() { tf } else { cfn }
}

/// Follows a dotted property path (`BucketEncryption.ServerSideEncryptionConfiguration`),
/// looking through one-element lists. A `null` value counts as absent.
pub fn get<'a>(resource: &'a Resource, path: &str) -> Option<&'a Node> {
    get_in(&resource.properties, path)
}

/// Like [`get`], from any node.
pub fn get_in<'a>(node: &'a Node, path: &str) -> Option<&'a Node> {
    if path.is_empty() {
        return Some(node);
    }
    node.path(path.split('.'))
        .filter(|n| !matches!(n.value, Value::Null))
}

/// The property at the format's spelling of the path, with that spelling.
pub fn prop<'a, 'p>(
    resource: &'a Resource,
    cfn: &'p str,
    tf: &'p str,
) -> (Option<&'a Node>, &'p str) {
    let path = spelling(resource, cfn, tf);
    (get(resource, path), path)
}

/// Turns a judgement on a present property into a verdict.
pub fn verdict_of(
    resource: &Resource,
    node: &Node,
    path: &str,
    judgement: Judgement,
    met: impl Into<Cow<'static, str>>,
) -> Verdict {
    match judgement {
        Judgement::Yes => Verdict::met(resource, node.span, path, met),
        Judgement::No(span, why) => Verdict::not_met(resource, span, path, why),
        Judgement::Unknown(span, what) => Verdict::unknown(resource, span, path, what),
    }
}

/// A boolean setting that must be `want`. `default` is what AWS uses when the
/// property is absent.
pub fn require_bool(
    resource: &Resource,
    cfn: &str,
    tf: &str,
    want: bool,
    default: bool,
    what: &str,
) -> Verdict {
    let (node, path) = prop(resource, cfn, tf);
    match node {
        None if default == want => {
            Verdict::met_by_default(resource, path, format!("{what}: {path} defaults to {want}"))
        }
        None => Verdict::missing(
            resource,
            path,
            format!("{path} is not set and defaults to {default}: {what} is off"),
        ),
        Some(node) => {
            let j = judge(node, &mut |n| match n.as_bool() {
                Some(b) => {
                    Judgement::from_bool(b == want, n, || format!("{path} is {b}: {what} is off"))
                }
                None => Judgement::no(n, format!("{path} is not a boolean")),
            });
            verdict_of(resource, node, path, j, format!("{what}: {path} is {want}"))
        }
    }
}

/// A property that must be present and not empty (a reference counts as set).
pub fn require_set(resource: &Resource, cfn: &str, tf: &str, what: &str) -> Verdict {
    let (node, path) = prop(resource, cfn, tf);
    match node {
        None => Verdict::missing(resource, path, format!("{path} is not set: {what}")),
        Some(node) => {
            let j = judge(node, &mut |n| {
                Judgement::from_bool(!is_empty(n), n, || {
                    if is_null(n) {
                        format!("{path} is left unset by a condition: {what}")
                    } else {
                        format!("{path} is empty: {what}")
                    }
                })
            });
            verdict_of(resource, node, path, j, format!("{path} is set"))
        }
    }
}

/// True for `null`: a value absent on one branch of a condition.
pub fn is_null(node: &Node) -> bool {
    matches!(node.value, Value::Null)
}

/// True for empty strings, lists and maps.
pub fn is_empty(node: &Node) -> bool {
    match &node.value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::List(items) => items.is_empty(),
        Value::Map(entries) => entries.is_empty(),
        _ => false,
    }
}

/// A string setting that must be one of `allowed` (compared ignoring case).
/// `default` is the value AWS uses when absent.
pub fn require_one_of(
    resource: &Resource,
    cfn: &str,
    tf: &str,
    allowed: &[&str],
    default: Option<&str>,
    what: &str,
) -> Verdict {
    let (node, path) = prop(resource, cfn, tf);
    let ok = |s: &str| allowed.iter().any(|a| a.eq_ignore_ascii_case(s));
    match node {
        None => match default {
            Some(d) if ok(d) => {
                Verdict::met_by_default(resource, path, format!("{what}: {path} defaults to {d}"))
            }
            Some(d) => Verdict::missing(
                resource,
                path,
                format!(
                    "{path} is not set and defaults to {d}: {what} needs {}",
                    allowed.join(" or ")
                ),
            ),
            None => Verdict::missing(
                resource,
                path,
                format!("{path} is not set: {what} needs {}", allowed.join(" or ")),
            ),
        },
        Some(node) => {
            let j = judge(node, &mut |n| match n.scalar_text() {
                Some(s) => Judgement::from_bool(ok(&s), n, || {
                    format!("{path} is {s:?}: {what} needs {}", allowed.join(" or "))
                }),
                None if is_null(n) => Judgement::from_bool(default.is_some_and(ok), n, || {
                    format!(
                        "{path} is left unset by a condition: {what} needs {}",
                        allowed.join(" or ")
                    )
                }),
                None => Judgement::no(n, format!("{path} is not a plain value")),
            });
            verdict_of(
                resource,
                node,
                path,
                j,
                format!("{what}: {path} is allowed"),
            )
        }
    }
}

/// A number that must satisfy `ok` (e.g. retention ≥ 7). `default` applies when absent.
pub fn require_number(
    resource: &Resource,
    cfn: &str,
    tf: &str,
    default: Option<f64>,
    ok: fn(f64) -> bool,
    what: &str,
) -> Verdict {
    let (node, path) = prop(resource, cfn, tf);
    match node {
        None => match default {
            Some(d) if ok(d) => {
                Verdict::met_by_default(resource, path, format!("{what}: {path} defaults to {d}"))
            }
            Some(d) => Verdict::missing(
                resource,
                path,
                format!("{path} is not set and defaults to {d}: {what}"),
            ),
            None => Verdict::missing(resource, path, format!("{path} is not set: {what}")),
        },
        Some(node) => {
            let j = judge(node, &mut |n| match n.as_f64() {
                Some(v) => Judgement::from_bool(ok(v), n, || format!("{path} is {v}: {what}")),
                None if is_null(n) => Judgement::from_bool(default.is_some_and(ok), n, || {
                    format!("{path} is left unset by a condition: {what}")
                }),
                None => Judgement::no(n, format!("{path} is not a number")),
            });
            verdict_of(
                resource,
                node,
                path,
                j,
                format!("{what}: {path} is acceptable"),
            )
        }
    }
}

/// Combines verdicts where every one must be met: the first not met wins,
/// then the first unknown, else the first met.
pub fn all_of(verdicts: Vec<Verdict>) -> Option<Verdict> {
    use crate::verdict::Status;
    verdicts
        .iter()
        .find(|v| v.status == Status::NotMet)
        .or_else(|| verdicts.iter().find(|v| v.status == Status::Unknown))
        .or_else(|| verdicts.first())
        .cloned()
}

/// The items of a list-valued property, for rules that judge each item: a
/// list's elements, a single map as one item, and every non-null branch of
/// an `Either` (a conditional list, a conditional item, a Terraform `dynamic`
/// block whose `for_each` is unresolved), since each possible item must pass.
pub fn items(node: Option<&Node>) -> Vec<&Node> {
    items_cond(node).into_iter().map(|(n, _)| n).collect()
}

/// Like [`items`], with `true` for an item that exists only under a
/// condition (it came through an `Either`): such an item can make a
/// resource fail, but never makes it pass on its own.
pub fn items_cond(node: Option<&Node>) -> Vec<(&Node, bool)> {
    fn walk<'a>(node: &'a Node, cond: bool, out: &mut Vec<(&'a Node, bool)>) {
        match &node.value {
            Value::Null => {}
            Value::List(items) => items.iter().for_each(|n| walk_item(n, cond, out)),
            Value::Either(branches) => branches.iter().for_each(|n| walk(n, true, out)),
            _ => out.push((node, cond)),
        }
    }
    fn walk_item<'a>(node: &'a Node, cond: bool, out: &mut Vec<(&'a Node, bool)>) {
        match &node.value {
            Value::Null => {}
            Value::Either(branches) => branches.iter().for_each(|n| walk_item(n, true, out)),
            _ => out.push((node, cond)),
        }
    }
    let mut out = Vec::new();
    if let Some(node) = node {
        walk(node, false, &mut out);
    }
    out
}

/// Judges the items of a list property that `pick` finds relevant (e.g. the
/// lifecycle rules, the GuardDuty feature named `S3_DATA_EVENTS`): `pick`
/// returns `None` for an item it does not care about, or its judgement.
///
/// Met as soon as a relevant item that exists unconditionally passes. Else
/// not met for the first relevant item that fails (or one that passes only
/// under a condition), unknown for an unresolved one. `None` when the
/// property is absent or no item is relevant: the caller applies AWS's
/// default.
pub fn judge_items(
    resource: &Resource,
    cfn: &str,
    tf: &str,
    pick: &mut dyn FnMut(&Node) -> Option<Judgement>,
    met: &str,
) -> Option<Verdict> {
    let (node, path) = prop(resource, cfn, tf);
    let (mut no, mut unknown, mut conditional) = (None, None, None);
    for (item, cond) in items_cond(node) {
        let judgement = match &item.value {
            Value::Unknown(what) => Judgement::Unknown(item.span, what.clone()),
            _ => match pick(item) {
                Some(j) => j,
                None => continue,
            },
        };
        match judgement {
            Judgement::Yes if !cond => {
                return Some(Verdict::met(resource, item.span, path, met.to_owned()));
            }
            Judgement::Yes => {
                conditional.get_or_insert(item.span);
            }
            Judgement::No(span, why) => {
                no.get_or_insert((span, why));
            }
            Judgement::Unknown(span, what) => {
                unknown.get_or_insert((span, what));
            }
        }
    }
    if let Some((span, why)) = no {
        return Some(Verdict::not_met(resource, span, path, why));
    }
    if let Some((span, what)) = unknown {
        return Some(Verdict::unknown(resource, span, path, what));
    }
    conditional.map(|span| {
        Verdict::not_met(
            resource,
            span,
            path,
            format!("{path}: {met} only under a condition"),
        )
    })
}

/// Whether every possible value of `node` is the text `want` (ignoring
/// case); `path` names the property in the reason.
pub fn is_text(node: &Node, want: &str, path: &str) -> Judgement {
    judge(node, &mut |n| match &n.value {
        Value::Ref(r) => Judgement::Unknown(n.span, format!("{path}: a reference to {}", r.target)),
        _ => match n.scalar_text() {
            Some(s) => Judgement::from_bool(s.eq_ignore_ascii_case(want), n, || {
                format!("{path} is {s:?}, not {want}")
            }),
            None if is_null(n) => Judgement::no(n, format!("{path} is left unset by a condition")),
            None => Judgement::no(n, format!("{path} is not a plain value")),
        },
    })
}

/// A document property that is a map (CloudFormation YAML/JSON) or a JSON
/// string (`jsonencode`, a heredoc), as one node tree; unknown when it is not
/// static or not JSON (e.g. YAML text, which is not read).
pub fn embedded_json(resource: &Resource, node: &Node, path: &str) -> Result<Node, Verdict> {
    match &node.value {
        Value::Map(_) => Ok(node.clone()),
        Value::String(text) => match serde_json::from_str::<serde_json::Value>(text) {
            Ok(json) => Ok(crate::policy::json_to_node(&json, node.span)),
            Err(_) => Err(Verdict::unknown(
                resource,
                node.span,
                path,
                format!("{path}, which is not a JSON document (YAML text is not read)"),
            )),
        },
        Value::Unknown(what) => Err(Verdict::unknown(resource, node.span, path, what.clone())),
        _ => Err(Verdict::unknown(
            resource,
            node.span,
            path,
            format!("{path}, which is not a static document"),
        )),
    }
}

/// A boolean at `node` (found by the caller, e.g. inside one item of a
/// list) that must be true; absent is false.
pub fn require_true(resource: &Resource, node: Option<&Node>, path: &str, what: &str) -> Verdict {
    match node {
        None => Verdict::missing(
            resource,
            path,
            format!("{path} is not set and defaults to false: {what} is off"),
        ),
        Some(node) => {
            let j = judge(node, &mut |n| match n.as_bool() {
                Some(b) => Judgement::from_bool(b, n, || format!("{path} is false: {what} is off")),
                None => Judgement::no(n, format!("{path} is not a boolean")),
            });
            verdict_of(resource, node, path, j, format!("{what} is on"))
        }
    }
}

/// Folds the judgements of several places that must all pass (every origin,
/// every listener, every rule): the first `No` becomes a not-met verdict to
/// return at once, the first `Unknown` is kept for the end.
#[derive(Default)]
pub struct Every {
    unknown: Option<Verdict>,
}

impl Every {
    /// Records one place's judgement; `Some(not met)` means stop here.
    pub fn add(
        &mut self,
        resource: &Resource,
        path: &str,
        judgement: Judgement,
    ) -> Option<Verdict> {
        match judgement {
            Judgement::Yes => None,
            Judgement::No(span, why) => Some(Verdict::not_met(resource, span, path, why)),
            Judgement::Unknown(span, what) => {
                self.unknown
                    .get_or_insert_with(|| Verdict::unknown(resource, span, path, what));
                None
            }
        }
    }

    /// Records an unknown verdict found on the way (the first one is kept).
    pub fn unknown(&mut self, verdict: Verdict) {
        self.unknown.get_or_insert(verdict);
    }

    /// The first unknown, if any, else `met()`.
    pub fn finish(self, met: impl FnOnce() -> Verdict) -> Verdict {
        self.unknown.unwrap_or_else(met)
    }
}
