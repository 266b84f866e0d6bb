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
    if resource.format.is_terraform() {
        tf
    } else {
        cfn
    }
}

/// Follows a dotted property path (`BucketEncryption.ServerSideEncryptionConfiguration`),
/// looking through one-element lists. A `null` value counts as absent.
pub fn get<'a>(resource: &'a Resource, path: &str) -> Option<&'a Node> {
    get_in(&resource.properties, path)
}

/// Like [`get`], from any node. A path through an unknown value (a map
/// from an unresolved variable, a `dynamic` block whose `for_each` is not
/// static) ends at that value: what lies under it is unknown, not absent.
pub fn get_in<'a>(node: &'a Node, path: &str) -> Option<&'a Node> {
    let mut here = node;
    for key in path.split('.').filter(|k| !k.is_empty()) {
        let one = here.single();
        if matches!(one.value, Value::Unknown(_)) {
            return Some(one);
        }
        here = one.get(key)?;
    }
    Some(here).filter(|n| !matches!(n.value, Value::Null))
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
/// block whose `for_each` is conditional), since each possible item must
/// pass. An unknown item (a `dynamic` block whose `for_each` is not static)
/// is an item: whatever is read from it is unknown.
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

/// A string setting that must not be one of `forbidden` (compared ignoring
/// case), e.g. a PID mode that must not be `host`; `why` says what such a
/// value means. Absent (or left unset by a condition) means AWS's default,
/// which `what_default` describes and which is acceptable.
pub fn require_none_of(
    resource: &Resource,
    cfn: &str,
    tf: &str,
    forbidden: &[&str],
    why: &str,
    what_default: &str,
) -> Verdict {
    let (node, path) = prop(resource, cfn, tf);
    let bad = |s: &str| forbidden.iter().any(|f| f.eq_ignore_ascii_case(s.trim()));
    let Some(node) = node else {
        return Verdict::met_by_default(
            resource,
            path,
            format!("{path} is not set: {what_default}"),
        );
    };
    let j = judge(node, &mut |n| match n.scalar_text() {
        Some(s) => Judgement::from_bool(!bad(&s), n, || format!("{path} is {s:?}: {why}")),
        None if is_null(n) => Judgement::Yes,
        None => Judgement::no(n, format!("{path} is not a plain value")),
    });
    verdict_of(
        resource,
        node,
        path,
        j,
        format!("{path} is not {}", forbidden.join(" or ")),
    )
}

/// True for a key id, ARN or alias that names an AWS managed key
/// (`alias/aws/s3`, `arn:aws:kms:...:alias/aws/s3`).
pub fn is_aws_managed_key(key: &str) -> bool {
    let key = key.trim();
    key.starts_with("alias/aws/") || key.contains(":alias/aws/")
}

/// Judges a key setting that is present: not empty and not an AWS managed
/// key alias, on every branch (a reference to a key resource passes).
pub fn judge_customer_managed_key(node: &Node, path: &str, absent: &str) -> Judgement {
    judge(node, &mut |n| {
        if is_empty(n) {
            return Judgement::no(n, format!("{path} is empty: {absent} is used"));
        }
        match n.as_str() {
            Some(k) if is_aws_managed_key(k) => Judgement::no(
                n,
                format!("{path} is the AWS managed key {k}, not a key you manage"),
            ),
            _ => Judgement::Yes,
        }
    })
}

/// A KMS key setting that must name a customer managed key: set, not empty,
/// and not an AWS managed key alias. `absent` says which key AWS uses when
/// the setting is absent (e.g. "an AWS owned key").
pub fn require_customer_managed_key(
    resource: &Resource,
    cfn: &str,
    tf: &str,
    absent: &str,
) -> Verdict {
    let (node, path) = prop(resource, cfn, tf);
    let Some(node) = node else {
        return Verdict::missing(
            resource,
            path,
            format!("{path} is not set: {absent} is used, not a key you manage"),
        );
    };
    let j = judge_customer_managed_key(node, path, absent);
    verdict_of(
        resource,
        node,
        path,
        j,
        format!("{path} names a customer managed KMS key"),
    )
}

/// The item of a list of named settings (`[{Name: x, Value: y}]`, Terraform
/// `setting { name = x }` blocks) whose `name_key` is `name` (ignoring case),
/// with `true` when it exists only under a condition. An item or a name that
/// is not static makes the answer unknown: it might be the one.
pub fn find_named<'a>(
    list: Option<&'a Node>,
    name_key: &str,
    name: &str,
) -> Result<Option<(&'a Node, bool)>, (Span, String)> {
    let mut unresolved = None;
    for (item, conditional) in items_cond(list) {
        let key = match &item.value {
            Value::Unknown(what) => {
                unresolved.get_or_insert((item.span, what.clone()));
                continue;
            }
            _ => item.get(name_key),
        };
        match key {
            Some(k)
                if k.scalar_text()
                    .is_some_and(|s| s.eq_ignore_ascii_case(name)) =>
            {
                return Ok(Some((item, conditional)));
            }
            Some(k) if k.scalar_text().is_none() && !is_null(k) => {
                let what = match &k.value {
                    Value::Unknown(what) => what.clone(),
                    _ => format!("a setting name that is not a plain value ({name_key})"),
                };
                unresolved.get_or_insert((k.span, what));
            }
            _ => {}
        }
    }
    match unresolved {
        Some(u) => Err(u),
        None => Ok(None),
    }
}

/// Judges every item of a list property (volumes, variants, targets) with
/// `judge_one`, which returns `None` for an item the rule is not about. The
/// first item that fails decides, then the first unknown; met (`met`) when
/// every concerned item passes, not applicable (`none`) when no item is
/// concerned or the list is absent. An unresolved list is unknown.
pub fn every_item(
    resource: &Resource,
    cfn: &str,
    tf: &str,
    judge_one: &mut dyn FnMut(&Node) -> Option<Judgement>,
    met: &str,
    none: &'static str,
) -> Verdict {
    let (list, path) = prop(resource, cfn, tf);
    let Some(list) = list else {
        return Verdict::not_applicable(resource, none);
    };
    if let Value::Unknown(what) = &list.value {
        return Verdict::unknown(resource, list.span, path, what.clone());
    }
    let mut concerned = false;
    let mut every = Every::default();
    for (i, (item, _)) in items_cond(Some(list)).into_iter().enumerate() {
        let judgement = match &item.value {
            Value::Unknown(what) => Judgement::Unknown(item.span, what.clone()),
            _ => match judge_one(item) {
                Some(j) => j,
                None => continue,
            },
        };
        concerned = true;
        if let Some(not_met) = every.add(resource, &format!("{path}[{i}]"), judgement) {
            return not_met;
        }
    }
    if !concerned {
        return Verdict::not_applicable(resource, none);
    }
    every.finish(|| Verdict::met(resource, list.span, path, met.to_owned()))
}

/// Judges a value that must be one of `allowed` (ignoring case), on every
/// branch; `label` names it in the reason (`EFSVolumeConfiguration.TransitEncryption`).
pub fn judge_one_of(node: &Node, allowed: &[&str], label: &str) -> Judgement {
    judge(node, &mut |n| match n.scalar_text() {
        Some(s) => Judgement::from_bool(
            allowed.iter().any(|a| a.eq_ignore_ascii_case(s.trim())),
            n,
            || format!("{label} is {s:?}, not {}", allowed.join(" or ")),
        ),
        None if is_null(n) => Judgement::no(n, format!("{label} is left unset by a condition")),
        None => Judgement::no(n, format!("{label} is not a plain value")),
    })
}

/// Judges a boolean that must be `want` on every branch; `label` names it.
pub fn judge_bool(node: &Node, want: bool, label: &str) -> Judgement {
    judge(node, &mut |n| match n.as_bool() {
        Some(b) => Judgement::from_bool(b == want, n, || format!("{label} is {b}")),
        None if is_null(n) => Judgement::no(n, format!("{label} is left unset by a condition")),
        None => Judgement::no(n, format!("{label} is not a boolean")),
    })
}

/// Two verdicts that must both be met: the first not met wins, then the
/// first unknown; a not-applicable one gives way to the other.
pub fn both(a: Verdict, b: Verdict) -> Verdict {
    use crate::verdict::Status::*;
    match (a.status, b.status) {
        (NotMet, _) => a,
        (_, NotMet) => b,
        (Unknown, _) => a,
        (_, Unknown) => b,
        (NotApplicable, _) => b,
        _ => a,
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

/// A customer managed key chosen in two settings: `choice` (the verdict on a
/// type or flag that must select a key you manage, e.g. `Type:
/// CUSTOMER_MANAGED_KMS_KEY` or `UseAwsOwnedKey: false`) decides unless met,
/// then the key setting must name a customer managed key.
pub fn require_chosen_key(
    resource: &Resource,
    choice: Verdict,
    cfn: &str,
    tf: &str,
    absent: &str,
) -> Verdict {
    if choice.status != crate::verdict::Status::Met {
        return choice;
    }
    require_customer_managed_key(resource, cfn, tf, absent)
}

/// Like [`require_number`], for a setting AWS accepts only within `valid`
/// (inclusive ranges; `(7.0, 7.0)` is the single value 7): a value outside is
/// not met and said to be invalid (AWS would reject it), whatever `ok` says.
pub fn require_number_in(
    resource: &Resource,
    cfn: &str,
    tf: &str,
    valid: &[(f64, f64)],
    default: Option<f64>,
    ok: fn(f64) -> bool,
    what: &str,
) -> Verdict {
    let (node, path) = prop(resource, cfn, tf);
    if let Some(node) = node {
        let j = judge(node, &mut |n| match n.as_f64() {
            Some(v) => Judgement::from_bool(
                valid.iter().any(|(lo, hi)| (*lo..=*hi).contains(&v)),
                n,
                || {
                    let accepted: Vec<String> = valid
                        .iter()
                        .map(|(lo, hi)| match lo == hi {
                            true => format!("{lo}"),
                            false => format!("{lo} to {hi}"),
                        })
                        .collect();
                    format!(
                        "{path} is {v}, which is invalid: AWS accepts {}",
                        accepted.join(", ")
                    )
                },
            ),
            None => Judgement::Yes,
        });
        if let Judgement::No(span, why) = j {
            return Verdict::not_met(resource, span, path, why);
        }
    }
    require_number(resource, cfn, tf, default, ok, what)
}
