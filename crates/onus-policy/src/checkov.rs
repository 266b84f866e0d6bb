//! Checkov's YAML custom policies, evaluated over onus's model for
//! CloudFormation and Terraform alike.
//!
//! A policy reports on the resource types its filter names (`cond_type:
//! filter`, `attribute: resource_type`, `operator: within`), else on the
//! `resource_types` of its attribute, connection and resource blocks. For one
//! such resource, a block is true, false, unknown (a value onus could not
//! resolve) or does not apply (it is about other types): an attribute block
//! about the resource's own type reads its properties; one about other types
//! reads every connected resource of those types (all must pass); a
//! connection block asks whether the resource refers to, or is referred to
//! by, a resource of the other side's types. `and` and `or` skip blocks that
//! do not apply. Operators onus does not implement are refused at load time.

use crate::input::neighbours;
use crate::locate::{self, Step};
use crate::meta::{self, Meta, Problem};
use crate::{Diagnostic, SourceText};
use onus_ingest::{Node, Resource, Span, Value};
use onus_model::Duty;
use onus_rules::{Context, Peer, Relation, Severity, Status, Tool, Verdict};
use regex::Regex;
use std::borrow::Cow;

/// A loaded policy: its definition, ready to evaluate.
#[derive(Debug)]
pub struct Policy {
    definition: Cond,
}

/// Resource types a block is about.
#[derive(Debug, Clone)]
enum Types {
    All,
    List(Vec<String>),
}

impl Types {
    fn covers(&self, t: &str) -> bool {
        match self {
            Types::All => true,
            Types::List(list) => list.iter().any(|x| x == t),
        }
    }

    fn describe(&self) -> String {
        match self {
            Types::All => "any resource".into(),
            Types::List(list) => list.join(" or "),
        }
    }
}

#[derive(Debug)]
enum Cond {
    And(Vec<Cond>),
    Or(Vec<Cond>),
    Not(Box<Cond>),
    Attribute {
        types: Types,
        attribute: String,
        path: Vec<Seg>,
        op: Op,
    },
    Connection {
        types: Types,
        connected: Types,
        exists: bool,
    },
    Resource {
        types: Types,
        exists: bool,
    },
}

/// One step of an attribute path: a key, an index, or `*` (every item).
#[derive(Debug, Clone, PartialEq)]
enum Seg {
    Key(String),
    Index(usize),
    Any,
}

/// An attribute operator and its expected value.
#[derive(Debug)]
enum Op {
    Exists(bool),
    Equals(String, bool),
    EqualsIgnoreCase(String, bool),
    Regex(Regex, bool),
    Contains(Vec<String>, bool),
    Within(Vec<String>, bool),
    StartsWith(String, bool),
    EndsWith(String, bool),
    Compare(f64, std::cmp::Ordering, bool),
    Subset(Vec<String>, bool),
    Empty(bool),
    Length(f64, std::cmp::Ordering, bool),
    Bool(bool),
    Intersects(Vec<String>, bool),
}

/// Every operator onus implements, as the load error lists them.
const OPERATORS: &[&str] = &[
    "equals",
    "not_equals",
    "equals_ignore_case",
    "not_equals_ignore_case",
    "regex_match",
    "not_regex_match",
    "exists",
    "not_exists",
    "contains",
    "not_contains",
    "within",
    "not_within",
    "starting_with",
    "not_starting_with",
    "ending_with",
    "not_ending_with",
    "greater_than",
    "greater_than_or_equal",
    "less_than",
    "less_than_or_equal",
    "subset",
    "not_subset",
    "is_empty",
    "is_not_empty",
    "length_equals",
    "length_not_equals",
    "length_greater_than",
    "length_greater_than_or_equal",
    "length_less_than",
    "length_less_than_or_equal",
    "is_true",
    "is_false",
    "intersects",
    "not_intersects",
];

/// Reads a YAML file: `Ok(None)` when it is not a Checkov policy (no
/// `metadata` and `definition`) or is switched off (`severity: OFF`).
pub fn load(source: &SourceText) -> Result<Option<(Meta, Policy)>, Vec<Diagnostic>> {
    let loaded = onus_ingest::cfn::yaml::load(&source.text);
    let diag = |problems: Vec<Problem>| {
        problems
            .into_iter()
            .map(|(span, m)| source.diagnostic(span, &m))
            .collect::<Vec<_>>()
    };
    let Some(root) = loaded.root.filter(|r| r.as_map().is_some()) else {
        return Ok(None);
    };
    let (metadata, definition) = (root.get("metadata"), root.get("definition"));
    let (metadata, definition) = match (metadata, definition) {
        (None, None) => return Ok(None),
        (Some(m), Some(d)) => (m, d),
        (Some(m), None) => {
            return Err(diag(vec![(
                m.span,
                "a Checkov policy needs a definition".into(),
            )]));
        }
        (None, Some(d)) => {
            return Err(diag(vec![(
                d.span,
                "a Checkov policy needs metadata".into(),
            )]));
        }
    };
    if !loaded.errors.is_empty() {
        return Err(diag(loaded.errors));
    }
    let mut problems = Vec::new();
    let definition = parse_definition(definition, &mut problems);
    let meta = parse_meta(metadata, &definition, &mut problems);
    match (meta, definition) {
        (_, _) if !problems.is_empty() => Err(diag(problems)),
        (Some(Some(meta)), Some((definition, _))) => Ok(Some((meta, Policy { definition }))),
        _ => Ok(None),
    }
}

/// The metadata: `id`, `name`, `category` (or onus's own `duty`), and the
/// optional `severity` and `guideline`. `Some(None)`: switched off.
fn parse_meta(
    node: &Node,
    definition: &Option<(Cond, Types)>,
    problems: &mut Vec<Problem>,
) -> Option<Option<Meta>> {
    let at = node.span;
    let id = meta::required(node, "id", "metadata.id", at)
        .and_then(|(id, span)| meta::check_id(&id, span).map(|()| (id, span)))
        .map_err(|p| problems.push(p))
        .ok();
    let name = meta::required(node, "name", "metadata.name", at)
        .map_err(|p| problems.push(p))
        .ok();
    let duty = match (node.get("duty"), node.get("category")) {
        (Some(d), _) => meta::duty(d).map_err(|p| problems.push(p)).ok(),
        (None, Some(c)) => category_duty(c).map_err(|p| problems.push(p)).ok(),
        (None, None) => {
            problems.push((
                at,
                "missing metadata.category (or onus's metadata.duty)".into(),
            ));
            None
        }
    };
    let severity = match node.get("severity") {
        None => Some(Severity::Medium),
        Some(s) => match meta::text(s)
            .unwrap_or_default()
            .to_ascii_uppercase()
            .as_str()
        {
            "OFF" => return Some(None),
            "NONE" | "INFO" | "LOW" => Some(Severity::Low),
            "MEDIUM" | "MODERATE" => Some(Severity::Medium),
            "HIGH" | "IMPORTANT" => Some(Severity::High),
            "CRITICAL" => Some(Severity::Critical),
            other => {
                problems.push((
                    s.span,
                    format!("unknown severity {other:?}; Checkov's are INFO, LOW, MEDIUM, HIGH, CRITICAL (or OFF)"),
                ));
                None
            }
        },
    };
    let guideline = node.get("guideline").and_then(meta::text);
    let mut description = node
        .get("description")
        .and_then(meta::text)
        .unwrap_or_default();
    if let Some(g) = guideline {
        description = format!("{description}\n\nGuideline: {g}").trim().to_owned();
    }
    let ((id, id_span), (title, _), duty, severity, (_, subjects)) =
        (id?, name?, duty?, severity?, definition.as_ref()?);
    let (cfn_types, tf_types) = match subjects {
        Types::All => (vec!["*".to_owned()], vec!["*".to_owned()]),
        Types::List(list) => meta::split_types(list),
    };
    // Its own Checkov id, so `checkov:skip` comments suppress it.
    let peers = vec![Peer {
        tool: Tool::Checkov,
        id: Box::leak(id.clone().into_boxed_str()),
        relation: Relation::Same,
    }];
    Some(Some(Meta {
        id,
        id_span,
        title,
        description,
        duty,
        severity,
        cfn_types,
        tf_types,
        fsbp: Vec::new(),
        config: Vec::new(),
        cis: Vec::new(),
        peers,
    }))
}

/// Checkov's category as an onus duty; the categories that do not say
/// which duty need `duty:` in the metadata.
fn category_duty(node: &Node) -> Result<Duty, Problem> {
    let category = meta::text(node).unwrap_or_default();
    let duty = match category.to_ascii_uppercase().as_str() {
        "LOGGING" => Duty::Logging,
        "ENCRYPTION" => Duty::EncryptionAtRest,
        "NETWORKING" => Duty::NetworkExposure,
        "IAM" => Duty::AccessControl,
        "BACKUP_AND_RECOVERY" => Duty::Backups,
        "SECRETS" => Duty::SecretsHandling,
        "APPLICATION_SECURITY" | "API_SECURITY" => Duty::ApplicationSecurity,
        _ => {
            return Err((
                node.span,
                format!(
                    "category {category:?} does not say which duty the policy verifies: add `duty:` under metadata (e.g. data-classification, access-control)"
                ),
            ));
        }
    };
    Ok(duty)
}

/// The definition and the types it reports on.
fn parse_definition(node: &Node, problems: &mut Vec<Problem>) -> Option<(Cond, Types)> {
    // A filter narrows the types reported on; only under a top-level `and`.
    let mut filter: Option<Types> = None;
    let top = match node.get("and").and_then(Node::as_list) {
        Some(items) if node.as_map().is_some_and(|m| m.len() == 1) => {
            let mut rest = Vec::new();
            for item in items {
                if item.get("cond_type").and_then(meta::text).as_deref() == Some("filter") {
                    match parse_filter(item) {
                        Ok(types) => filter = Some(types),
                        Err(p) => problems.push(p),
                    }
                } else {
                    rest.push(parse_cond(item, problems));
                }
            }
            rest.into_iter().collect::<Option<Vec<_>>>().map(Cond::And)
        }
        _ => parse_cond(node, problems),
    }?;
    let subjects = filter.unwrap_or_else(|| {
        let mut types = Vec::new();
        if subjects(&top, &mut types) {
            Types::All
        } else {
            Types::List(types)
        }
    });
    Some((top, subjects))
}

/// Collects the types blocks report on; true when one is about every type.
fn subjects(cond: &Cond, out: &mut Vec<String>) -> bool {
    let mut add = |types: &Types| match types {
        Types::All => true,
        Types::List(list) => {
            for t in list {
                if !out.contains(t) {
                    out.push(t.clone());
                }
            }
            false
        }
    };
    match cond {
        Cond::And(items) | Cond::Or(items) => {
            // Every block adds its types, even after one about all types.
            let mut all = false;
            for c in items {
                all |= subjects(c, out);
            }
            all
        }
        Cond::Not(inner) => subjects(inner, out),
        Cond::Attribute { types, .. }
        | Cond::Connection { types, .. }
        | Cond::Resource { types, .. } => add(types),
    }
}

fn parse_filter(node: &Node) -> Result<Types, Problem> {
    let attribute = node.get("attribute").and_then(meta::text);
    let operator = node.get("operator").and_then(meta::text);
    match (attribute.as_deref(), operator.as_deref(), node.get("value")) {
        (Some("resource_type"), Some("within"), Some(value)) => {
            Ok(Types::List(meta::strings(value, "filter value")?))
        }
        _ => Err((
            node.span,
            "unsupported filter: onus reads `attribute: resource_type`, `operator: within` and a list of types".into(),
        )),
    }
}

fn types_at(node: &Node, key: &str) -> Result<Types, Problem> {
    let Some(value) = node.get(key) else {
        return Err((node.span, format!("missing {key}")));
    };
    let list = meta::strings(value, key)?;
    if list.iter().any(|t| t == "all") {
        Ok(Types::All)
    } else {
        Ok(Types::List(list))
    }
}

/// One block of a definition.
fn parse_cond(node: &Node, problems: &mut Vec<Problem>) -> Option<Cond> {
    if let Some(map) = node.as_map()
        && map.len() == 1
        && matches!(map[0].key.as_str(), "and" | "or" | "not")
    {
        let entry = &map[0];
        let items: Vec<&Node> = match &entry.node.value {
            Value::List(items) => items.iter().collect(),
            _ => vec![&entry.node],
        };
        let parsed: Option<Vec<Cond>> = items.iter().map(|i| parse_cond(i, problems)).collect();
        return match entry.key.as_str() {
            "and" => parsed.map(Cond::And),
            "or" => parsed.map(Cond::Or),
            _ => match parsed {
                Some(mut one) if one.len() == 1 => Some(Cond::Not(Box::new(one.remove(0)))),
                Some(_) => fail(
                    problems,
                    entry.node.span,
                    "not takes exactly one block".into(),
                ),
                None => None,
            },
        };
    }
    let Some(cond_type) = node.get("cond_type").and_then(meta::text) else {
        return fail(
            problems,
            node.span,
            "a block needs cond_type (attribute, connection or resource), or and/or/not".into(),
        );
    };
    let operator_node = node.get("operator");
    let operator = operator_node.and_then(meta::text).unwrap_or_default();
    let op_span = operator_node.map_or(node.span, |n| n.span);
    let types = match types_at(node, "resource_types") {
        Ok(t) => t,
        Err(p) => {
            problems.push(p);
            return None;
        }
    };
    match cond_type.as_str() {
        "attribute" => {
            let Some(attribute) = node.get("attribute").and_then(meta::text) else {
                return fail(
                    problems,
                    node.span,
                    "an attribute block needs attribute".into(),
                );
            };
            match parse_op(&operator, node.get("value"), op_span) {
                Ok(op) => Some(Cond::Attribute {
                    types,
                    path: segments(&attribute),
                    attribute,
                    op,
                }),
                Err(p) => {
                    problems.push(p);
                    None
                }
            }
        }
        "connection" => {
            let connected = match types_at(node, "connected_resource_types") {
                Ok(t) => t,
                Err(p) => {
                    problems.push(p);
                    return None;
                }
            };
            let exists = match operator.as_str() {
                "exists" | "one_exists" => true,
                "not_exists" => false,
                other => {
                    return fail(
                        problems,
                        op_span,
                        format!(
                            "unsupported connection operator {other:?}: onus supports exists, one_exists and not_exists"
                        ),
                    );
                }
            };
            Some(Cond::Connection {
                types,
                connected,
                exists,
            })
        }
        "resource" => match operator.as_str() {
            "exists" | "not_exists" => Some(Cond::Resource {
                types,
                exists: operator == "exists",
            }),
            other => fail(
                problems,
                op_span,
                format!(
                    "unsupported resource operator {other:?}: onus supports exists and not_exists"
                ),
            ),
        },
        "filter" => fail(
            problems,
            node.span,
            "a filter block is read only directly under the definition's top-level and".into(),
        ),
        other => fail(
            problems,
            node.span,
            format!(
                "unsupported cond_type {other:?}: onus supports attribute, connection, resource and filter"
            ),
        ),
    }
}

/// Records a problem; the block is not read.
fn fail(problems: &mut Vec<Problem>, span: Span, message: String) -> Option<Cond> {
    problems.push((span, message));
    None
}

/// `ingress.*.cidr_blocks` → `ingress`, `*`, `cidr_blocks`; a leading
/// `Properties` (CloudFormation) is dropped.
fn segments(attribute: &str) -> Vec<Seg> {
    let mut segs: Vec<Seg> = attribute
        .split('.')
        .filter(|s| !s.is_empty())
        .map(|s| match s {
            "*" => Seg::Any,
            s => s
                .parse()
                .map(Seg::Index)
                .unwrap_or_else(|_| Seg::Key(s.to_owned())),
        })
        .collect();
    if segs.first() == Some(&Seg::Key("Properties".into())) {
        segs.remove(0);
    }
    segs
}

/// An operator and its value; unknown operators are refused by name.
fn parse_op(operator: &str, value: Option<&Node>, span: Span) -> Result<Op, Problem> {
    use std::cmp::Ordering::*;
    let (name, negated) = match operator.strip_prefix("not_") {
        Some(rest) => (rest, true),
        None => (operator, false),
    };
    let need = |what: &str| -> Result<&Node, Problem> {
        value.ok_or_else(|| (span, format!("operator {operator} needs a value ({what})")))
    };
    let one = || -> Result<String, Problem> {
        let v = need("a string")?;
        meta::text(v).ok_or_else(|| (v.span, format!("operator {operator} needs a single value")))
    };
    let list = || -> Result<Vec<String>, Problem> { meta::strings(need("a list")?, operator) };
    let number = || -> Result<f64, Problem> {
        let v = need("a number")?;
        v.as_f64()
            .ok_or_else(|| (v.span, format!("operator {operator} needs a number")))
    };
    let op = match (name, negated) {
        ("exists", negated) => Op::Exists(!negated),
        ("equals", negated) => Op::Equals(one()?, negated),
        ("equals_ignore_case", negated) => Op::EqualsIgnoreCase(one()?, negated),
        ("regex_match", negated) => {
            let pattern = one()?;
            let re = Regex::new(&pattern).map_err(|e| {
                (
                    value.map_or(span, |v| v.span),
                    format!("invalid regular expression: {e}"),
                )
            })?;
            Op::Regex(re, negated)
        }
        ("contains", negated) => Op::Contains(list()?, negated),
        ("within", negated) => Op::Within(list()?, negated),
        ("starting_with", negated) => Op::StartsWith(one()?, negated),
        ("ending_with", negated) => Op::EndsWith(one()?, negated),
        ("greater_than", false) => Op::Compare(number()?, Greater, false),
        ("greater_than_or_equal", false) => Op::Compare(number()?, Less, true),
        ("less_than", false) => Op::Compare(number()?, Less, false),
        ("less_than_or_equal", false) => Op::Compare(number()?, Greater, true),
        ("subset", negated) => Op::Subset(list()?, negated),
        ("is_empty", false) => Op::Empty(true),
        ("is_not_empty", false) => Op::Empty(false),
        ("length_equals", negated) => Op::Length(number()?, Equal, negated),
        ("length_greater_than", false) => Op::Length(number()?, Greater, false),
        ("length_greater_than_or_equal", false) => Op::Length(number()?, Less, true),
        ("length_less_than", false) => Op::Length(number()?, Less, false),
        ("length_less_than_or_equal", false) => Op::Length(number()?, Greater, true),
        ("is_true", false) => Op::Bool(true),
        ("is_false", false) => Op::Bool(false),
        ("intersects", negated) => Op::Intersects(list()?, negated),
        _ => {
            return Err((
                span,
                format!(
                    "unsupported operator {operator:?}; onus supports: {}",
                    OPERATORS.join(", ")
                ),
            ));
        }
    };
    Ok(op)
}

/// A block's outcome for one resource.
#[derive(Debug, Clone)]
enum Outcome<'r> {
    True,
    /// Why, and where it was decided.
    False(String, Place<'r>),
    Unknown(String, Place<'r>),
    /// The block is about other resource types.
    Skip,
}

/// Where an outcome was decided: a property path of the judged resource, or
/// of a connected resource (`on`) whose attribute block decided it.
#[derive(Debug, Clone, Default)]
struct Place<'r> {
    on: Option<&'r Resource>,
    path: Vec<Step>,
}

impl Place<'_> {
    fn at(path: Vec<Step>) -> Self {
        Place { on: None, path }
    }
}

impl<'r> Outcome<'r> {
    /// The outcome of an attribute block read on the connected resource
    /// `other`: said, and placed, there.
    fn on(self, other: &'r Resource) -> Self {
        let there = |m: String, p: Place<'r>| {
            (
                format!("{}: {m}", other.id),
                Place {
                    on: Some(other),
                    path: p.path,
                },
            )
        };
        match self {
            Outcome::False(m, p) => {
                let (m, p) = there(m, p);
                Outcome::False(m, p)
            }
            Outcome::Unknown(m, p) => {
                let (m, p) = there(m, p);
                Outcome::Unknown(m, p)
            }
            other => other,
        }
    }

    /// `and` over outcomes: false wins, then unknown; skipped blocks count
    /// for nothing.
    fn all(outcomes: impl Iterator<Item = Outcome<'r>>) -> Outcome<'r> {
        let mut result = Outcome::Skip;
        for o in outcomes {
            match (&result, o) {
                (Outcome::False(..), _) => {}
                (_, o @ Outcome::False(..)) => result = o,
                (Outcome::Unknown(..), _) => {}
                (_, o @ Outcome::Unknown(..)) => result = o,
                (_, Outcome::True) => result = Outcome::True,
                (_, Outcome::Skip) => {}
            }
        }
        result
    }

    /// `or`: true wins, then unknown, then false.
    fn any(outcomes: impl Iterator<Item = Outcome<'r>>) -> Outcome<'r> {
        let mut result = Outcome::Skip;
        let mut why: Vec<String> = Vec::new();
        let mut path = Place::default();
        for o in outcomes {
            match o {
                Outcome::True => return Outcome::True,
                o @ Outcome::Unknown(..) => result = o,
                Outcome::False(m, p) => {
                    if why.is_empty() {
                        path = p;
                    }
                    why.push(m);
                }
                Outcome::Skip => {}
            }
        }
        match result {
            Outcome::Skip if !why.is_empty() => Outcome::False(why.join("; and "), path),
            other => other,
        }
    }
}

impl Policy {
    /// The policy's verdict on one resource.
    pub fn evaluate(&self, resource: &Resource, cx: &Context) -> Verdict {
        let (status, message, place) = match eval(&self.definition, resource, cx) {
            Outcome::True => (
                Status::Met,
                "the policy's conditions hold".to_owned(),
                Place::default(),
            ),
            Outcome::False(m, p) => (Status::NotMet, m, p),
            Outcome::Unknown(m, p) => (Status::Unknown, m, p),
            Outcome::Skip => (
                Status::NotApplicable,
                "no block of the policy is about this resource".to_owned(),
                Place::default(),
            ),
        };
        let on = place.on.unwrap_or(resource);
        Verdict {
            status,
            unknown: (status == Status::Unknown).then(|| message.clone()),
            message: Cow::Owned(message),
            path: locate::display(&place.path),
            file: on.file,
            span: locate::span(on, &place.path),
        }
    }
}

fn eval<'w>(cond: &Cond, resource: &Resource, cx: &Context<'w>) -> Outcome<'w> {
    match cond {
        Cond::And(items) => Outcome::all(items.iter().map(|c| eval(c, resource, cx))),
        Cond::Or(items) => Outcome::any(items.iter().map(|c| eval(c, resource, cx))),
        Cond::Not(inner) => match eval(inner, resource, cx) {
            Outcome::True => Outcome::False(
                format!("not expected: {}", describe(inner)),
                Place::default(),
            ),
            Outcome::False(..) => Outcome::True,
            other => other,
        },
        Cond::Resource { types, exists } => {
            if !types.covers(&resource.resource_type) {
                Outcome::Skip
            } else if *exists {
                Outcome::True
            } else {
                Outcome::False(
                    format!("{} is not allowed", resource.resource_type),
                    Place::default(),
                )
            }
        }
        Cond::Connection {
            types,
            connected,
            exists,
        } => {
            let other = if types.covers(&resource.resource_type) {
                connected
            } else if connected.covers(&resource.resource_type) {
                types
            } else {
                return Outcome::Skip;
            };
            let found = neighbours(resource, cx)
                .into_iter()
                .any(|n| other.covers(&n.resource_type));
            match (found, exists) {
                (true, true) | (false, false) => Outcome::True,
                (false, true) => Outcome::False(
                    format!("not connected to {}", other.describe()),
                    Place::default(),
                ),
                (true, false) => Outcome::False(
                    format!("connected to {}", other.describe()),
                    Place::default(),
                ),
            }
        }
        Cond::Attribute {
            types, path, op, ..
        } => {
            if types.covers(&resource.resource_type) {
                return attribute(cond, path, op, resource);
            }
            Outcome::all(
                neighbours(resource, cx)
                    .into_iter()
                    .filter(|n| types.covers(&n.resource_type))
                    .map(|n| attribute(cond, path, op, n).on(n)),
            )
        }
    }
}

/// A block in words, for messages.
fn describe(cond: &Cond) -> String {
    match cond {
        Cond::And(items) => format!(
            "all of ({})",
            items.iter().map(describe).collect::<Vec<_>>().join("; ")
        ),
        Cond::Or(items) => format!(
            "one of ({})",
            items.iter().map(describe).collect::<Vec<_>>().join("; ")
        ),
        Cond::Not(inner) => format!("not {}", describe(inner)),
        Cond::Attribute { attribute, op, .. } => format!("{attribute} {}", describe_op(op)),
        Cond::Connection {
            connected, exists, ..
        } => format!(
            "{}connected to {}",
            if *exists { "" } else { "not " },
            connected.describe()
        ),
        Cond::Resource { types, exists } => format!(
            "{} {}",
            types.describe(),
            if *exists { "allowed" } else { "not allowed" }
        ),
    }
}

fn describe_op(op: &Op) -> String {
    let not = |n: bool| if n { "not " } else { "" };
    let list = |l: &[String]| format!("[{}]", l.join(", "));
    match op {
        Op::Exists(true) => "exists".into(),
        Op::Exists(false) => "does not exist".into(),
        Op::Equals(v, n) => format!("{}equals {v:?}", not(*n)),
        Op::EqualsIgnoreCase(v, n) => format!("{}equals {v:?} (any case)", not(*n)),
        Op::Regex(re, n) => format!("{}matches /{}/", not(*n), re.as_str()),
        Op::Contains(v, n) => format!("{}contains {}", not(*n), list(v)),
        Op::Within(v, n) => format!("is {}one of {}", not(*n), list(v)),
        Op::StartsWith(v, n) => format!("{}starts with {v:?}", not(*n)),
        Op::EndsWith(v, n) => format!("{}ends with {v:?}", not(*n)),
        Op::Compare(x, o, n) => format!("{} {x}", comparison(*o, *n)),
        Op::Subset(v, n) => format!("is {}a subset of {}", not(*n), list(v)),
        Op::Empty(true) => "is empty".into(),
        Op::Empty(false) => "is not empty".into(),
        Op::Length(x, o, n) => format!("has a length {} {x}", comparison(*o, *n)),
        Op::Bool(b) => format!("is {b}"),
        Op::Intersects(v, n) => format!("{}intersects {}", not(*n), list(v)),
    }
}

/// `Greater` → "greater than"; negated `Less` → "at least", and so on.
fn comparison(o: std::cmp::Ordering, negated: bool) -> &'static str {
    use std::cmp::Ordering::*;
    match (o, negated) {
        (Greater, false) => "greater than",
        (Less, false) => "less than",
        (Less, true) => "at least",
        (Greater, true) => "at most",
        (Equal, false) => "equal to",
        (Equal, true) => "other than",
    }
}

/// A value reached by an attribute path.
enum Hit<'n> {
    Value(&'n Node, Vec<Step>),
    /// The path goes through a value onus could not resolve.
    Unresolved(String, Vec<Step>),
}

/// Every value at `path` below `node` (lists are looked through, as Checkov
/// flattens Terraform blocks).
fn hits<'n>(node: &'n Node, path: &[Seg], at: Vec<Step>, out: &mut Vec<Hit<'n>>) {
    match &node.value {
        Value::Null => {}
        Value::Unknown(why) if !path.is_empty() => out.push(Hit::Unresolved(why.clone(), at)),
        Value::Ref(r) if !path.is_empty() => out.push(Hit::Unresolved(
            format!("{} is known only at deploy time", r.target),
            at,
        )),
        // A choice of whole blocks: which one applies is not known.
        Value::Either(_) if !path.is_empty() => out.push(Hit::Unresolved(
            "a condition onus cannot decide chooses the value".into(),
            at,
        )),
        _ => match path.split_first() {
            None => out.push(Hit::Value(node, at)),
            Some((seg, rest)) => match (seg, &node.value) {
                (Seg::Any, Value::List(items)) => {
                    for (i, item) in items.iter().enumerate() {
                        hits(item, rest, child(&at, Step::Index(i)), out);
                    }
                }
                (Seg::Any, Value::Map(entries)) => {
                    for e in entries {
                        hits(&e.node, rest, child(&at, Step::Key(e.key.clone())), out);
                    }
                }
                (Seg::Index(i), Value::List(items)) => {
                    if let Some(item) = items.get(*i) {
                        hits(item, rest, child(&at, Step::Index(*i)), out);
                    }
                }
                (Seg::Key(_), Value::List(items)) => {
                    for (i, item) in items.iter().enumerate() {
                        hits(item, path, child(&at, Step::Index(i)), out);
                    }
                }
                (Seg::Key(k), Value::Map(_)) => {
                    if let Some(next) = node.get(k) {
                        hits(next, rest, child(&at, Step::Key(k.clone())), out);
                    }
                }
                _ => {}
            },
        },
    }
}

fn child(at: &[Step], step: Step) -> Vec<Step> {
    let mut path = at.to_vec();
    path.push(step);
    path
}

/// An attribute block on one resource: true when any value at the path
/// passes (Checkov's reading of lists); absent values pass only the negated
/// operators and `is_empty`.
fn attribute<'r>(cond: &Cond, path: &[Seg], op: &Op, resource: &Resource) -> Outcome<'r> {
    let mut found = Vec::new();
    hits(&resource.properties, path, Vec::new(), &mut found);
    let failed =
        |at: Vec<Step>| Outcome::False(format!("expected {}", describe(cond)), Place::at(at));
    let deepest = || -> Vec<Step> {
        let steps: Vec<Step> = path
            .iter()
            .filter_map(|s| match s {
                Seg::Key(k) => Some(Step::Key(k.clone())),
                Seg::Index(i) => Some(Step::Index(*i)),
                Seg::Any => None,
            })
            .collect();
        steps
    };
    if found.is_empty() {
        return if absent_passes(op) {
            Outcome::True
        } else {
            failed(deepest())
        };
    }
    let mut unknown = None;
    let mut first_failure = None;
    for hit in found {
        match hit {
            Hit::Unresolved(why, at) => {
                unknown.get_or_insert((why, at));
            }
            Hit::Value(node, at) => match test(op, node) {
                Some(true) => return Outcome::True,
                Some(false) => {
                    first_failure.get_or_insert(at);
                }
                None => {
                    unknown.get_or_insert((unresolved(node), at));
                }
            },
        }
    }
    match (unknown, first_failure) {
        (Some((why, at)), _) => Outcome::Unknown(why, Place::at(at)),
        (None, Some(at)) => failed(at),
        (None, None) => failed(deepest()),
    }
}

/// Whether an absent attribute passes: the negated operators, `not_exists`
/// and `is_empty` do.
fn absent_passes(op: &Op) -> bool {
    match op {
        Op::Exists(want) => !want,
        Op::Empty(want) => *want,
        Op::Equals(_, n)
        | Op::EqualsIgnoreCase(_, n)
        | Op::Regex(_, n)
        | Op::Contains(_, n)
        | Op::Within(_, n)
        | Op::StartsWith(_, n)
        | Op::EndsWith(_, n)
        | Op::Subset(_, n)
        | Op::Intersects(_, n) => *n,
        Op::Length(_, _, _) | Op::Compare(..) | Op::Bool(_) => false,
    }
}

/// Why a value could not be tested.
fn unresolved(node: &Node) -> String {
    match &node.value {
        Value::Unknown(why) => why.clone(),
        Value::Ref(r) => format!(
            "{}{} is known only at deploy time",
            r.target,
            r.attribute
                .as_deref()
                .map(|a| format!(".{a}"))
                .unwrap_or_default()
        ),
        _ => "a condition onus cannot decide chooses the value".into(),
    }
}

/// An operator on one value: `None` when the value is not resolved, or is a
/// choice whose branches disagree.
fn test(op: &Op, node: &Node) -> Option<bool> {
    match &node.value {
        Value::Unknown(_) => return None,
        Value::Ref(_) => {
            return matches!(op, Op::Exists(_) | Op::Empty(_)).then(|| test_value(op, node));
        }
        Value::Either(branches) => {
            let results: Vec<Option<bool>> = branches
                .iter()
                .map(|b| match b.value {
                    Value::Null => Some(absent_passes(op)),
                    _ => test(op, b),
                })
                .collect();
            let first = results.first().copied().flatten()?;
            return results.iter().all(|r| *r == Some(first)).then_some(first);
        }
        _ => {}
    }
    Some(test_value(op, node))
}

fn texts(node: &Node) -> Vec<String> {
    match &node.value {
        Value::List(items) => items.iter().filter_map(Node::scalar_text).collect(),
        _ => node.scalar_text().into_iter().collect(),
    }
}

fn length(node: &Node) -> Option<f64> {
    match &node.value {
        Value::List(items) => Some(items.len() as f64),
        Value::Map(entries) => Some(entries.len() as f64),
        Value::String(s) => Some(s.chars().count() as f64),
        _ => None,
    }
}

fn test_value(op: &Op, node: &Node) -> bool {
    let text = node.scalar_text();
    let flip = |b: bool, negated: bool| b != negated;
    match op {
        Op::Exists(want) => *want,
        Op::Equals(v, n) => flip(text.as_deref() == Some(v.as_str()), *n),
        Op::EqualsIgnoreCase(v, n) => flip(text.is_some_and(|t| t.eq_ignore_ascii_case(v)), *n),
        Op::Regex(re, n) => flip(text.is_some_and(|t| re.is_match(&t)), *n),
        Op::Contains(values, n) => {
            let has = |v: &String| match &node.value {
                Value::String(s) => s.contains(v.as_str()),
                Value::Map(_) => node.get(v).is_some(),
                _ => texts(node).contains(v),
            };
            flip(values.iter().all(has), *n)
        }
        Op::Within(values, n) => flip(text.is_some_and(|t| values.contains(&t)), *n),
        Op::StartsWith(v, n) => flip(text.is_some_and(|t| t.starts_with(v.as_str())), *n),
        Op::EndsWith(v, n) => flip(text.is_some_and(|t| t.ends_with(v.as_str())), *n),
        Op::Compare(x, o, n) => node
            .as_f64()
            .and_then(|v| v.partial_cmp(x))
            .is_some_and(|c| flip(c == *o, *n)),
        Op::Subset(values, n) => flip(texts(node).iter().all(|t| values.contains(t)), *n),
        Op::Empty(want) => {
            let empty = length(node) == Some(0.0) || matches!(node.value, Value::Null);
            empty == *want
        }
        Op::Length(x, o, n) => length(node)
            .and_then(|l| l.partial_cmp(x))
            .is_some_and(|c| flip(c == *o, *n)),
        Op::Bool(want) => node.as_bool() == Some(*want),
        Op::Intersects(values, n) => {
            let hit = match &node.value {
                Value::String(s) => values.iter().any(|v| s.contains(v.as_str())),
                _ => texts(node).iter().any(|t| values.contains(t)),
            };
            flip(hit, *n)
        }
    }
}
