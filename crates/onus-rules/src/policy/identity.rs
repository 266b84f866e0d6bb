//! Identity policies: every permission document a resource grants (inline
//! policies, separate policy resources, AWS managed policies whose document is
//! known), and what their statements grant without constraints.
//!
//! "Without constraints" follows Checkov's IAM checks (cloudsplaining): an
//! `Allow` statement with no `Condition`, on every resource (`Resource: "*"`,
//! or `NotResource`, which applies to everything but the listed resources),
//! unless the action can only be granted on `*`, in which case the resource
//! does not matter. `NotAction` grants every action it does not name. An
//! unconditional `Deny` on every resource takes an action back.

use super::actions::{ActionSet, glob};
use super::{Condition, Document, Effect, Item, Statement, at, from_map, json_to_node};
use crate::check::get;
use crate::context::Context;
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Span, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// A statement with the resource that holds it and the property path.
pub struct Held<'r> {
    pub holder: &'r Resource,
    pub path: String,
    pub statement: Rc<Statement>,
    /// The AWS managed policy the statement comes from, when attached.
    pub managed: Option<&'static str>,
}

impl Held<'_> {
    /// A verdict pointing at `span` of this statement.
    pub fn verdict(&self, span: Span, not_met: String) -> Verdict {
        at(
            Verdict::not_met(self.holder, span, &self.path, not_met),
            self.statement.file,
        )
    }

    pub fn unknown(&self, span: Span, what: String) -> Verdict {
        at(
            Verdict::unknown(self.holder, span, &self.path, what),
            self.statement.file,
        )
    }
}

/// Every statement a resource grants, and what could not be read.
pub struct Grants<'r> {
    pub statements: Vec<Held<'r>>,
    /// The first document (or attachment) that could not be read.
    pub unknown: Option<Verdict>,
    /// Where a met verdict points: the first document read.
    pub first: Option<(&'r Resource, Span, String)>,
    /// Attachments of policies whose document is not in the code (ARN texts).
    pub unread: Vec<String>,
}

/// The AWS managed policies whose documents onus holds, by name.
const KNOWN_MANAGED: &[(&str, &str)] = &[
    (
        "AdministratorAccess",
        r#"{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
    ),
    (
        "IAMFullAccess",
        r#"{"Statement":[{"Effect":"Allow","Action":["iam:*","organizations:DescribeAccount","organizations:DescribeOrganization","organizations:DescribeOrganizationalUnit","organizations:DescribePolicy","organizations:ListChildren","organizations:ListParents","organizations:ListPoliciesForTarget","organizations:ListRoots","organizations:ListPolicies","organizations:ListTargetsForPolicy"],"Resource":"*"}]}"#,
    ),
    (
        "PowerUserAccess",
        r#"{"Statement":[{"Effect":"Allow","NotAction":["iam:*","organizations:*","account:*"],"Resource":"*"},{"Effect":"Allow","Action":["account:GetAccountInformation","account:GetPrimaryEmail","account:ListRegions","iam:CreateServiceLinkedRole","iam:DeleteServiceLinkedRole","iam:ListRoles","organizations:DescribeOrganization"],"Resource":"*"}]}"#,
    ),
];

/// More AWS managed policies, with the version and date of the document
/// onus holds (name, version, date, document; tab-separated).
const MANAGED_DATA: &str = include_str!("../../data/aws-managed-policies.tsv");

/// The document of an AWS managed policy ARN onus knows.
fn known_managed(arn: &str) -> Option<(&'static str, &'static str)> {
    let name = arn
        .trim()
        .strip_prefix("arn:")?
        .split_once(":iam::aws:policy/")?
        .1;
    KNOWN_MANAGED
        .iter()
        .find(|(n, _)| *n == name)
        .copied()
        .or_else(|| {
            MANAGED_DATA
                .lines()
                .filter(|l| !l.starts_with('#'))
                .find_map(|line| {
                    let mut fields = line.split('\t');
                    let n = fields.next()?;
                    (n == name).then_some(())?;
                    Some((n, fields.nth(2)?))
                })
        })
}

/// CloudFormation and Terraform types that hold identity policies.
pub const CFN_TYPES: &[&str] = &[
    "AWS::IAM::Group",
    "AWS::IAM::GroupPolicy",
    "AWS::IAM::ManagedPolicy",
    "AWS::IAM::Policy",
    "AWS::IAM::Role",
    "AWS::IAM::RolePolicy",
    "AWS::IAM::User",
    "AWS::IAM::UserPolicy",
    "AWS::SSO::PermissionSet",
];
pub const TF_TYPES: &[&str] = &[
    "aws_iam_group_policy",
    "aws_iam_group_policy_attachment",
    "aws_iam_policy",
    "aws_iam_policy_attachment",
    "aws_iam_role",
    "aws_iam_role_policy",
    "aws_iam_role_policy_attachment",
    "aws_iam_user_policy",
    "aws_iam_user_policy_attachment",
    "aws_ssoadmin_managed_policy_attachment",
    "aws_ssoadmin_permission_set_inline_policy",
];
/// What identity rules read across.
pub const READS: &[&str] = &["aws_iam_policy_document"];

/// What parsing a resource's documents gives, with holders as positions in
/// the resource's holder list (itself, then its linked policy resources).
struct Parsed {
    statements: Vec<(usize, String, Rc<Statement>, Option<&'static str>)>,
    unknown: Option<Verdict>,
    first: Option<(usize, Span, String)>,
    unread: Vec<String>,
}

thread_local! {
    /// The last resource's parsed documents: every identity rule reads the
    /// same documents, and the engine runs a resource's rules one after the
    /// other on one thread, so each document is parsed once, not once per
    /// rule. Keyed by the context's generation and the resource's address.
    static LAST: RefCell<Option<(u64, usize, Rc<Parsed>)>> = const { RefCell::new(None) };
}

/// Every identity statement `resource` grants. A Terraform role also grants
/// its `aws_iam_role_policy` and `aws_iam_role_policy_attachment` resources,
/// so that it gets the verdict a CloudFormation role with the same inline
/// policy and `ManagedPolicyArns` gets.
pub fn grants<'r, 'w: 'r>(resource: &'r Resource, cx: &Context<'w>) -> Grants<'r> {
    let mut holders: Vec<&'r Resource> = vec![resource];
    if resource.resource_type == "aws_iam_role" {
        holders.extend(cx.linked(
            resource,
            &["aws_iam_role_policy", "aws_iam_role_policy_attachment"],
            "role",
            Some("name"),
        ));
    }
    let key = (cx.generation, std::ptr::from_ref(resource) as usize);
    let cached = LAST.with(|c| match &*c.borrow() {
        Some((g, r, p)) if (*g, *r) == key => Some(p.clone()),
        _ => None,
    });
    let parsed = cached.unwrap_or_else(|| {
        let mut p = Parsed {
            statements: Vec::new(),
            unknown: None,
            first: None,
            unread: Vec::new(),
        };
        for (i, h) in holders.iter().enumerate() {
            own(i, h, cx, &mut p);
        }
        let p = Rc::new(p);
        LAST.with(|c| *c.borrow_mut() = Some((key.0, key.1, p.clone())));
        p
    });
    Grants {
        statements: parsed
            .statements
            .iter()
            .map(|(i, path, st, managed)| Held {
                holder: holders[*i],
                path: path.clone(),
                statement: st.clone(),
                managed: *managed,
            })
            .collect(),
        unknown: parsed.unknown.clone(),
        first: parsed
            .first
            .as_ref()
            .map(|(i, span, path)| (holders[*i], *span, path.clone())),
        unread: parsed.unread.clone(),
    }
}

fn own<'r>(at: usize, r: &'r Resource, cx: &Context, g: &mut Parsed) {
    let mut docs: Vec<(&'r Node, String)> = Vec::new();
    let mut arns: Vec<(&'r Node, &'static str)> = Vec::new();
    match r.resource_type.as_str() {
        "AWS::IAM::Role" | "AWS::IAM::User" | "AWS::IAM::Group" => {
            if let Some(list) = get(r, "Policies") {
                for (i, p) in crate::check::items(Some(list)).into_iter().enumerate() {
                    match p.get("PolicyDocument") {
                        Some(d) => docs.push((d, format!("Policies[{i}].PolicyDocument"))),
                        None => docs.push((p, format!("Policies[{i}]"))),
                    }
                }
            }
            arns.extend(get(r, "ManagedPolicyArns").map(|n| (n, "ManagedPolicyArns")));
        }
        "AWS::SSO::PermissionSet" => {
            docs.extend(get(r, "InlinePolicy").map(|d| (d, "InlinePolicy".to_owned())));
            arns.extend(get(r, "ManagedPolicies").map(|n| (n, "ManagedPolicies")));
        }
        "aws_iam_role" => {
            if let Some(list) = get(r, "inline_policy") {
                for (i, p) in crate::check::items(Some(list)).into_iter().enumerate() {
                    if let Some(d) = p.get("policy") {
                        docs.push((d, format!("inline_policy[{i}].policy")));
                    }
                }
            }
            arns.extend(get(r, "managed_policy_arns").map(|n| (n, "managed_policy_arns")));
        }
        "aws_ssoadmin_permission_set_inline_policy" => {
            docs.extend(get(r, "inline_policy").map(|d| (d, "inline_policy".to_owned())));
        }
        "aws_ssoadmin_managed_policy_attachment" => {
            arns.extend(get(r, "managed_policy_arn").map(|n| (n, "managed_policy_arn")));
        }
        t if t.ends_with("_attachment") => {
            arns.extend(get(r, "policy_arn").map(|n| (n, "policy_arn")));
        }
        t if t.starts_with("AWS::") => {
            docs.extend(get(r, "PolicyDocument").map(|d| (d, "PolicyDocument".to_owned())));
        }
        _ => {
            docs.extend(get(r, "policy").map(|d| (d, "policy".to_owned())));
        }
    }
    for (node, path) in docs {
        if matches!(node.value, Value::Map(_)) && path.ends_with(']') {
            g.unknown.get_or_insert_with(|| {
                Verdict::unknown(r, node.span, &path, "a policy without PolicyDocument")
            });
            continue;
        }
        g.first.get_or_insert_with(|| (at, node.span, path.clone()));
        match Document::read(node, r, cx) {
            Document::Statements(stmts) => g.statements.extend(
                stmts
                    .into_iter()
                    .map(|s| (at, path.clone(), Rc::new(s), None)),
            ),
            Document::Unknown(w, s) | Document::Invalid(w, s) => {
                g.unknown
                    .get_or_insert_with(|| Verdict::unknown(r, s, &path, w));
            }
        }
    }
    for (node, path) in arns {
        for leaf in crate::check::items(Some(node)) {
            for item in super::items(leaf) {
                let arn = match item {
                    Item::Text(arn, span) => Some((arn, span)),
                    // An ARN whose partition is not static
                    // (`arn:${data.aws_partition.current.partition}:iam::aws:policy/...`)
                    // still names an AWS managed policy: its document is the
                    // same in every partition.
                    Item::Unknown(w, span) if known_managed(&w).is_some() => Some((w, span)),
                    // A policy declared in the code is judged where it is,
                    // unless it is a data source looking up an AWS managed
                    // policy by name or ARN.
                    Item::Ref(span) => looked_up(r, leaf, cx).map(|arn| (arn, span)),
                    // An AWS managed policy onus does not hold, or a policy
                    // declared in the code (through a module input): judged
                    // where its document is, if anywhere.
                    Item::Unknown(w, _)
                        if w.contains(":iam::aws:policy/") || w.contains("aws_iam_policy.") =>
                    {
                        g.unread.push(w);
                        None
                    }
                    // Any policy at all (a variable, a loop over one): which
                    // permissions it grants cannot be told statically.
                    Item::Unknown(w, span) => {
                        g.unknown
                            .get_or_insert_with(|| Verdict::unknown(r, span, path, w));
                        None
                    }
                };
                let Some((arn, span)) = arn else { continue };
                match known_managed(&arn) {
                    Some((name, doc)) => {
                        g.first.get_or_insert_with(|| (at, span, path.to_owned()));
                        if let Ok(json) = serde_json::from_str(doc)
                            && let Document::Statements(stmts) =
                                from_map(&json_to_node(&json, span))
                        {
                            g.statements.extend(
                                stmts
                                    .into_iter()
                                    .map(|s| (at, path.to_owned(), Rc::new(s), Some(name))),
                            );
                        }
                    }
                    None => g.unread.push(arn),
                }
            }
        }
    }
}

/// The ARN of the AWS managed policy a Terraform `data "aws_iam_policy"`
/// that `node` refers to looks up, by its literal `arn` or `name` (a name
/// lookup without `path_prefix`).
fn looked_up(from: &Resource, node: &Node, cx: &Context) -> Option<String> {
    let data = cx
        .resolve(from, node)
        .filter(|d| d.is_data && d.resource_type == "aws_iam_policy")?;
    if let Some(arn) = get(data, "arn").and_then(Node::as_str) {
        return Some(arn.to_owned());
    }
    if get(data, "path_prefix").is_some() {
        return None;
    }
    let name = get(data, "name").and_then(Node::as_str)?;
    let arn = format!("arn:aws:iam::aws:policy/{name}");
    known_managed(&arn).map(|_| arn)
}

/// Yes / no / unknown, with the deciding place.
pub enum Found<'h> {
    /// Granted by this statement, through this item (the action pattern).
    Yes(&'h Held<'h>, Span, String),
    No,
    Unknown(Verdict),
}

/// How a statement relates to one action.
fn statement_grants(
    st: &Statement,
    action: &str,
) -> Result<Option<(Span, String)>, (String, Span)> {
    let (service, name) = action.split_once(':').unwrap_or((action, ""));
    let (service, name) = (service.to_ascii_lowercase(), name.to_ascii_lowercase());
    let covers = |pattern: &str| {
        let p = pattern.trim().to_ascii_lowercase();
        if !p.is_empty() && p.chars().all(|c| c == '*') {
            return true;
        }
        p.split_once(':')
            .is_some_and(|(ps, pa)| glob(ps, &service) && glob(pa, &name))
    };
    let mut unknown = None;
    if let Some(list) = &st.action {
        for item in list {
            match item {
                Item::Text(t, span) if covers(t) => return Ok(Some((*span, t.clone()))),
                Item::Text(..) => {}
                Item::Ref(s) => {
                    unknown.get_or_insert(("an action from a reference".to_owned(), *s));
                }
                Item::Unknown(w, s) => {
                    unknown.get_or_insert((w.clone(), *s));
                }
            }
        }
    }
    if let Some(list) = &st.not_action {
        let mut named = false;
        for item in list {
            match item {
                Item::Text(t, _) if covers(t) => named = true,
                Item::Text(..) => {}
                Item::Ref(s) => {
                    unknown.get_or_insert(("a NotAction from a reference".to_owned(), *s));
                }
                Item::Unknown(w, s) => {
                    unknown.get_or_insert((w.clone(), *s));
                }
            }
        }
        if !named && unknown.is_none() {
            let span = list.first().map_or(st.span, Item::span);
            return Ok(Some((span, "NotAction".to_owned())));
        }
    }
    match unknown {
        Some(u) => Err(u),
        None => Ok(None),
    }
}

/// Does the statement apply to every resource? `Resource` holding `*`, or
/// `NotResource`. Unknown when a resource is unresolved.
fn every_resource(st: &Statement) -> Result<bool, (String, Span)> {
    if st.not_resource.is_some() {
        return Ok(true);
    }
    let mut unknown = None;
    for item in st.resource.iter().flatten() {
        match item {
            Item::Text(t, _) if t.trim() == "*" => return Ok(true),
            Item::Unknown(w, s) => {
                unknown.get_or_insert((w.clone(), *s));
            }
            _ => {}
        }
    }
    unknown.map_or(Ok(false), Err)
}

fn has_condition(st: &Statement) -> bool {
    match &st.condition {
        None => false,
        Some(Condition::Tests(t)) => !t.is_empty(),
        Some(Condition::Unknown(..)) => true,
    }
}

/// Is `action` granted without constraints by `held`? `limitable` is false
/// for actions that only exist on `*`; `conditions` says whether a
/// condition counts as a constraint.
pub fn granted<'h>(
    held: &'h [Held<'h>],
    action: &str,
    limitable: bool,
    conditions: bool,
) -> Found<'h> {
    let mut unknown = None;
    let denied = held.iter().any(|h| {
        let st = &h.statement;
        st.effect == Effect::Deny
            && !has_condition(st)
            && every_resource(st) == Ok(true)
            && matches!(statement_grants(st, action), Ok(Some(_)))
    });
    if denied {
        return Found::No;
    }
    for h in held {
        let st = &h.statement;
        if st.effect == Effect::Deny || (conditions && has_condition(st)) {
            continue;
        }
        let via = match statement_grants(st, action) {
            Ok(None) => continue,
            Ok(Some(via)) => via,
            Err((w, s)) => {
                unknown.get_or_insert_with(|| h.unknown(s, w));
                continue;
            }
        };
        if limitable {
            match every_resource(st) {
                Ok(true) => {}
                Ok(false) => continue,
                Err((w, s)) => {
                    unknown.get_or_insert_with(|| h.unknown(s, w));
                    continue;
                }
            }
        }
        if let Effect::Unknown(w) = &st.effect {
            unknown.get_or_insert_with(|| h.unknown(st.effect_span, w.clone()));
            continue;
        }
        return Found::Yes(h, via.0, via.1);
    }
    unknown.map_or(Found::No, Found::Unknown)
}

/// The first action of `set` that `held` grants without constraints, with
/// the statement, the item that grants it and the action's name.
pub fn granted_any<'h>(
    held: &'h [Held<'h>],
    set: &ActionSet,
    conditions: bool,
) -> (Found<'h>, String) {
    let mut unknown = None;
    let mut tried = std::collections::HashSet::new();
    for h in held {
        let st = &h.statement;
        // Only a statement that can grant without constraints names
        // candidates: an action another statement grants is found there.
        if st.effect == Effect::Deny || (conditions && has_condition(st)) {
            continue;
        }
        let limited = every_resource(st) == Ok(false);
        if limited && !set.has_unlimitable() {
            // Only actions that exist on `*` alone escape a resource limit.
            continue;
        }
        let texts = |list: &Option<Vec<Item>>| -> Vec<String> {
            list.iter()
                .flatten()
                .filter_map(|i| match i {
                    Item::Text(t, _) => Some(t.clone()),
                    _ => None,
                })
                .collect()
        };
        let patterns = texts(&st.action);
        let named = patterns.iter().flat_map(|t| set.matching(t));
        let not_named = st
            .not_action
            .as_ref()
            .map(|_| set.not_matching(texts(&st.not_action)))
            .into_iter()
            .flatten();
        for a in named.chain(not_named) {
            if (limited && a.limitable) || !tried.insert(a.name.as_str()) {
                continue;
            }
            match granted(held, &a.name, a.limitable, conditions) {
                Found::Yes(h, s, via) => return (Found::Yes(h, s, via), a.name.clone()),
                Found::Unknown(v) => {
                    unknown.get_or_insert(v);
                }
                Found::No => {}
            }
        }
        let odd = st
            .action
            .iter()
            .chain(st.not_action.iter())
            .flatten()
            .find(|i| !matches!(i, Item::Text(..)));
        if let Some(item) = odd {
            let what = match item {
                Item::Unknown(w, _) => w.clone(),
                _ => "an action from a reference".to_owned(),
            };
            unknown.get_or_insert_with(|| h.unknown(item.span(), what));
        }
    }
    (unknown.map_or(Found::No, Found::Unknown), String::new())
}

/// The verdict of "no statement of the resource grants any action of `set`
/// without constraints". `what` names the set in messages ("a write
/// action"), `why` says what the grant allows.
pub fn judge_set(
    resource: &Resource,
    cx: &Context,
    set: &ActionSet,
    conditions: bool,
    what: &str,
    why: &str,
) -> Verdict {
    let g = grants(resource, cx);
    let (found, action) = granted_any(&g.statements, set, conditions);
    match found {
        Found::Yes(h, span, via) => {
            h.verdict(span, grant_message(&action, &via, h, conditions, why))
        }
        Found::Unknown(v) => v,
        Found::No => finish(
            resource,
            g,
            format!("no statement grants {what} without constraints"),
        ),
    }
}

/// "allows iam:PassRole (through iam:*) on every resource with no condition: why".
pub fn grant_message(action: &str, via: &str, h: &Held, conditions: bool, why: &str) -> String {
    let through = if via.eq_ignore_ascii_case(action) {
        String::new()
    } else if via == "NotAction" {
        " (NotAction grants every action it does not name)".to_owned()
    } else {
        format!(" (through {via:?})")
    };
    let on = if h.statement.not_resource.is_some() {
        "on every resource but those in NotResource"
    } else {
        "on every resource (*)"
    };
    let cond = if conditions { " with no condition" } else { "" };
    match h.managed {
        Some(name) => format!("the attached AWS managed policy {name} allows {action} {on}: {why}"),
        None => format!("allows {action}{through} {on}{cond}: {why}"),
    }
}

/// The verdict when nothing was found: the first unknown, else met.
pub fn finish(resource: &Resource, g: Grants, met: String) -> Verdict {
    if let Some(u) = g.unknown {
        return u;
    }
    match g.first {
        Some((holder, span, path)) => Verdict::met(holder, span, &path, met),
        None if !g.unread.is_empty() => Verdict::not_applicable(
            resource,
            format!(
                "attaches {}: a policy whose document is judged where it is declared, or an AWS managed policy onus does not hold",
                g.unread.join(", ")
            ),
        ),
        None => Verdict::met(
            resource,
            resource.name_span,
            "",
            "no policy document grants anything here",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_held_managed_policy_is_a_readable_document() {
        let rows: Vec<&str> = MANAGED_DATA
            .lines()
            .filter(|l| !l.starts_with('#'))
            .collect();
        assert!(rows.len() >= 20, "{} policies", rows.len());
        for row in rows {
            let fields: Vec<&str> = row.split('\t').collect();
            assert_eq!(fields.len(), 4, "{row}");
            let arn = format!("arn:aws-cn:iam::aws:policy/{}", fields[0]);
            let (name, doc) = known_managed(&arn).expect(fields[0]);
            assert_eq!(name, fields[0]);
            let json: serde_json::Value = serde_json::from_str(doc).expect(fields[0]);
            let node = json_to_node(&json, Span::default());
            assert!(
                matches!(from_map(&node), Document::Statements(s) if !s.is_empty()),
                "{name} has no statements"
            );
        }
    }
}
