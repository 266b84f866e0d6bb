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
    require_not_in(resource, cfn, tf, forbidden, why, |path| {
        Verdict::met_by_default(resource, path, format!("{path} is not set: {what_default}"))
    })
}

/// Like [`require_none_of`], with the verdict for an absent setting given
/// by `absent` (e.g. not met when AWS's default is itself forbidden). A
/// reference to another resource names no literal value and passes.
pub fn require_not_in(
    resource: &Resource,
    cfn: &str,
    tf: &str,
    forbidden: &[&str],
    why: &str,
    absent: impl FnOnce(&str) -> Verdict,
) -> Verdict {
    let (node, path) = prop(resource, cfn, tf);
    let bad = |s: &str| forbidden.iter().any(|f| f.eq_ignore_ascii_case(s.trim()));
    let Some(node) = node else {
        return absent(path);
    };
    let j = judge(node, &mut |n| match n.scalar_text() {
        Some(s) => Judgement::from_bool(!bad(&s), n, || format!("{path} is {s:?}: {why}")),
        None if is_null(n) || matches!(n.value, Value::Ref(_)) => Judgement::Yes,
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
#[allow(dead_code, reason = "a rule helper no rule uses today")]
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

/// A plain string setting read to decide what applies (an engine, a kind):
/// `Ok(None)` when absent, `Err` with an unknown verdict naming the value
/// when it is not a static string.
pub fn static_text<'a>(
    resource: &'a Resource,
    cfn: &str,
    tf: &str,
) -> Result<Option<&'a str>, Verdict> {
    let (node, path) = prop(resource, cfn, tf);
    let Some(node) = node else { return Ok(None) };
    match (&node.value, node.as_str()) {
        (_, Some(s)) => Ok(Some(s)),
        (Value::Unknown(u), _) => Err(Verdict::unknown(resource, node.span, path, u.clone())),
        _ => Err(Verdict::unknown(
            resource,
            node.span,
            path,
            format!("{path}, which is not a static value"),
        )),
    }
}

/// A number that must satisfy `ok`, among the values AWS accepts (`valid`):
/// a value outside them is not met and is said to be invalid. `default`
/// applies when absent.
pub fn require_valid_number(
    resource: &Resource,
    cfn: &str,
    tf: &str,
    default: Option<f64>,
    valid: fn(f64) -> bool,
    ok: fn(f64) -> bool,
    what: &str,
) -> Verdict {
    invalid_number(resource, cfn, tf, &valid, &|| {
        "AWS does not accept it".into()
    })
    .unwrap_or_else(|| require_number(resource, cfn, tf, default, ok, what))
}

/// Like [`require_valid_number`], for a setting AWS accepts only within
/// `valid` (inclusive ranges; `(7.0, 7.0)` is the single value 7), which the
/// invalid verdict lists.
pub fn require_number_in(
    resource: &Resource,
    cfn: &str,
    tf: &str,
    valid: &[(f64, f64)],
    default: Option<f64>,
    ok: fn(f64) -> bool,
    what: &str,
) -> Verdict {
    let in_range = |v: f64| valid.iter().any(|(lo, hi)| (*lo..=*hi).contains(&v));
    let accepted = || {
        let ranges: Vec<String> = valid
            .iter()
            .map(|(lo, hi)| match lo == hi {
                true => format!("{lo}"),
                false => format!("{lo} to {hi}"),
            })
            .collect();
        format!("AWS accepts {}", ranges.join(", "))
    };
    invalid_number(resource, cfn, tf, &in_range, &accepted)
        .unwrap_or_else(|| require_number(resource, cfn, tf, default, ok, what))
}

/// The not-met verdict of a number AWS rejects (`valid` is false on some
/// branch), saying it is invalid and `accepted`; `None` otherwise.
fn invalid_number(
    resource: &Resource,
    cfn: &str,
    tf: &str,
    valid: &dyn Fn(f64) -> bool,
    accepted: &dyn Fn() -> String,
) -> Option<Verdict> {
    let (node, path) = prop(resource, cfn, tf);
    let j = judge(node?, &mut |n| match n.as_f64() {
        Some(v) => Judgement::from_bool(valid(v), n, || {
            format!("{path} is {v}, which is invalid: {}", accepted())
        }),
        None => Judgement::Yes,
    });
    match j {
        Judgement::No(span, why) => Some(Verdict::not_met(resource, span, path, why)),
        _ => None,
    }
}

/// Administrator names that consoles and tutorials default to, the first an
/// attacker tries: `admin` (RDS MySQL, MariaDB, Oracle, SQL Server and
/// Redshift Serverless), `postgres` (RDS PostgreSQL), `awsuser` (Redshift),
/// and the engines' own superuser names.
pub const DEFAULT_ADMIN_NAMES: &[&str] = &[
    "admin",
    "administrator",
    "awsuser",
    "master",
    "postgres",
    "root",
    "sa",
];

/// A customer managed key for encrypted storage (a database, a file
/// system, a domain) whose key setting (`key`,
/// CloudFormation then Terraform) is absent: not applicable when one of
/// `inherits` is set (a replica or restore keeps its source's key) or when
/// the storage flag `encrypted` is absent or false (nothing is encrypted:
/// the encryption rule judges that); unknown when the flag is unresolved;
/// else the key must name a customer managed key (`absent`: what AWS uses
/// without one).
pub fn require_storage_key(
    resource: &Resource,
    key: (&str, &str),
    inherits: &[(&str, &str)],
    encrypted: (&str, &str),
    absent: &str,
) -> Verdict {
    encrypted_without_key(resource, key, inherits, encrypted)
        .unwrap_or_else(|| require_customer_managed_key(resource, key.0, key.1, absent))
}

/// The first half of [`require_storage_key`]: `Some` verdict when the key
/// setting is absent and needs no judging.
pub fn encrypted_without_key(
    resource: &Resource,
    key: (&str, &str),
    inherits: &[(&str, &str)],
    encrypted: (&str, &str),
) -> Option<Verdict> {
    if get(resource, spelling(resource, key.0, key.1)).is_some() {
        return None;
    }
    if let Some(from) = inherits
        .iter()
        .map(|(c, t)| spelling(resource, c, t))
        .find(|p| !p.is_empty() && get(resource, p).is_some())
    {
        return Some(Verdict::not_applicable(
            resource,
            format!("{from} is set and no key is named: the source's key applies"),
        ));
    }
    let (flag, path) = prop(resource, encrypted.0, encrypted.1);
    match flag.map(|n| (n, n.as_bool())) {
        None | Some((_, Some(false))) => Some(Verdict::not_applicable(
            resource,
            format!("{path} is not true: the storage is not encrypted at all"),
        )),
        Some((n, None)) => match &n.value {
            Value::Unknown(u) => Some(Verdict::unknown(resource, n.span, path, u.clone())),
            _ => None,
        },
        Some(_) => None,
    }
}

/// A global database cluster (Aurora, DocumentDB) must be encrypted unless it
/// is created from an existing cluster, whose encryption it takes.
pub fn global_cluster_encryption(resource: &Resource) -> Verdict {
    let source = spelling(
        resource,
        "SourceDBClusterIdentifier",
        "source_db_cluster_identifier",
    );
    if get(resource, source).is_some() {
        return Verdict::not_applicable(
            resource,
            format!("{source} is set: the global cluster takes that cluster's encryption"),
        );
    }
    require_bool(
        resource,
        "StorageEncrypted",
        "storage_encrypted",
        true,
        false,
        "storage encryption",
    )
}

/// For ElastiCache rules that concern Redis OSS and Valkey only: not
/// applicable for Memcached, and for a Terraform cache cluster that joins a
/// replication group (`replication_group_id`: the group is judged).
/// Replication groups default to `redis`.
pub fn redis_only(resource: &Resource) -> Option<Verdict> {
    if resource.resource_type == "aws_elasticache_cluster"
        && get(resource, "replication_group_id").is_some()
    {
        return Some(Verdict::not_applicable(
            resource,
            "a member of a replication group, which is judged instead",
        ));
    }
    match static_text(resource, "Engine", "engine") {
        Err(unknown) => Some(unknown),
        Ok(Some(e)) if e.eq_ignore_ascii_case("memcached") => Some(Verdict::not_applicable(
            resource,
            "a Memcached cluster: it has no snapshots or AUTH",
        )),
        Ok(_) => None,
    }
}

/// For DMS endpoint rules about one kind of database: not applicable unless
/// `EngineName` / `engine_name` is one of `engines`; unknown if unresolved.
pub fn dms_engine_is(resource: &Resource, engines: &[&str]) -> Option<Verdict> {
    match static_text(resource, "EngineName", "engine_name") {
        Err(unknown) => Some(unknown),
        Ok(Some(e)) if engines.iter().any(|x| x.eq_ignore_ascii_case(e)) => None,
        Ok(e) => Some(Verdict::not_applicable(
            resource,
            format!(
                "a {} endpoint, not {}",
                e.unwrap_or("(no engine)"),
                engines.join(" or ")
            ),
        )),
    }
}

/// A JSON settings document given as a map or as a JSON string (see
/// [`embedded_json`]), with the span of the property. Absent: not met with
/// `absent`.
pub fn json_document<'p>(
    resource: &Resource,
    cfn: &'p str,
    tf: &'p str,
    absent: &str,
) -> Result<(Node, &'p str), Verdict> {
    let (node, path) = prop(resource, cfn, tf);
    let Some(node) = node else {
        return Err(Verdict::missing(
            resource,
            path,
            format!("{path} is not set: {absent}"),
        ));
    };
    embedded_json(resource, node, path).map(|doc| (doc, path))
}

/// Combines verdicts where one met suffices: the first met wins, then the
/// first unknown, else the first not met.
pub fn any_of(verdicts: Vec<Verdict>) -> Option<Verdict> {
    use crate::verdict::Status;
    verdicts
        .iter()
        .find(|v| v.status == Status::Met)
        .or_else(|| verdicts.iter().find(|v| v.status == Status::Unknown))
        .or_else(|| verdicts.first())
        .cloned()
}

/// A cluster's automated backup retention (`BackupRetentionPeriod`,
/// `backup_retention_period`) is at least 7 days, Security Hub's default for
/// its cluster retention controls. AWS accepts 1 to 35 days and sets 1 when
/// the value is absent.
pub fn require_week_of_backups(resource: &Resource) -> Verdict {
    require_number_in(
        resource,
        "BackupRetentionPeriod",
        "backup_retention_period",
        &[(1.0, 35.0)],
        Some(1.0),
        |days| days >= 7.0,
        "backups must be kept at least 7 days",
    )
}

/// The verdict for a setting that is absent when AWS documents no default
/// for it (or documents one we could not confirm): unknown, naming the
/// setting, rather than a guess either way. `what` says what it decides.
pub fn undocumented_default(resource: &Resource, path: &str, what: &str) -> Verdict {
    Verdict::unknown(
        resource,
        resource.name_span,
        path,
        format!("{path}, which is not set and whose default AWS does not document: {what}"),
    )
}

/// Like [`require_bool`] for a flag whose default is documented only in
/// some cases (`documented`, e.g. a Terraform provider default that applies
/// inside a block): absent otherwise, the verdict is unknown.
pub fn require_bool_where_documented(
    resource: &Resource,
    (cfn, tf): (&str, &str),
    want: bool,
    default: bool,
    documented: bool,
    what: &str,
) -> Verdict {
    let path = spelling(resource, cfn, tf);
    if !documented && get(resource, path).is_none() {
        return undocumented_default(resource, path, what);
    }
    require_bool(resource, cfn, tf, want, default, what)
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian), for rules
/// that compare a published date (a deprecation, an end of support) with
/// the day of the scan.
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The day of the scan, in days since 1970-01-01 (UTC).
pub fn days_today() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| (d.as_secs() / 86_400) as i64)
}
