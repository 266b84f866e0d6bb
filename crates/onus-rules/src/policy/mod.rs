//! IAM policy documents, whatever form they come in: a CloudFormation map
//! (`PolicyDocument`, `KeyPolicy`, `AssumeRolePolicyDocument`), a JSON string
//! (Terraform `policy = jsonencode({...})` or a heredoc, or a CloudFormation
//! string), or a Terraform `data.aws_iam_policy_document` reached through a
//! reference. Every form is normalised into [`Statement`]s: `Statement` as an
//! object or a list, `Action`/`NotAction`/`Resource`/`NotResource` as a string
//! or a list, `Principal` as `"*"` or a map of lists, `Effect`, `Condition`.
//!
//! Spans: values from a map point at themselves; values parsed from a JSON
//! string all point at the string.

pub mod actions;
pub mod identity;

use crate::context::Context;
use crate::verdict::Verdict;
use onus_ingest::{Entry, FileId, Node, Resource, Span, Value};

/// How the Terraform reader marks a template whose only unknown parts are
/// resource references; the rest is the text with `${address.attr}`.
const TEMPLATE_OF_REFS: &str = "template: ";

/// True for the reason of an unknown that is a Terraform template whose only
/// unknown parts are resource references: a value that is set.
pub fn is_template_of_refs(reason: &str) -> bool {
    reason.starts_with(TEMPLATE_OF_REFS)
}

/// One value of a list field (an action, a resource, a principal).
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A literal string.
    Text(String, Span),
    /// A reference to a resource in the workload: a specific value, never `*`.
    Ref(Span),
    /// Not resolvable statically; names the value.
    Unknown(String, Span),
}

impl Item {
    pub fn span(&self) -> Span {
        match self {
            Item::Text(_, s) | Item::Ref(s) | Item::Unknown(_, s) => *s,
        }
    }
}

/// `Allow` or `Deny`, or unknown.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Allow,
    Deny,
    Unknown(String),
}

/// A principal: `"*"`, or typed identifiers (`AWS`, `Service`, `Federated`,
/// `CanonicalUser`).
#[derive(Debug, Clone, PartialEq)]
pub struct Principal {
    /// `"*"` for the bare wildcard form `"Principal": "*"`.
    pub kind: String,
    pub ids: Vec<Item>,
}

/// One condition test: operator, key, values.
#[derive(Debug, Clone, PartialEq)]
pub struct Test {
    pub operator: String,
    pub key: String,
    pub values: Vec<Item>,
    pub span: Span,
}

/// The `Condition` block of a statement.
#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    Tests(Vec<Test>),
    Unknown(String, Span),
}

/// One normalised statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// The file of the statement's spans when it is not the policy holder's
    /// (a `data.aws_iam_policy_document` in another file).
    pub file: Option<FileId>,
    pub span: Span,
    pub effect: Effect,
    pub effect_span: Span,
    pub action: Option<Vec<Item>>,
    pub not_action: Option<Vec<Item>>,
    pub resource: Option<Vec<Item>>,
    pub not_resource: Option<Vec<Item>>,
    /// `None` when the statement has no `Principal` (identity policies).
    pub principal: Option<Vec<Principal>>,
    pub principal_span: Span,
    pub not_principal: Option<Vec<Principal>>,
    pub condition: Option<Condition>,
}

/// A parsed document, or why it could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum Document {
    Statements(Vec<Statement>),
    /// Not statically known: names the value, at this span.
    Unknown(String, Span),
    /// Present but not a policy document (bad JSON...).
    Invalid(String, Span),
}

impl Document {
    /// Reads a policy document from a property node. `from` and `cx` let a
    /// Terraform reference to `data.aws_iam_policy_document.x.json` resolve.
    pub fn read(node: &Node, from: &Resource, cx: &Context) -> Document {
        match &node.value {
            Value::Map(_) => {
                let text = cx.workload.file(from.file).lines.text();
                refine(from_map(node), text)
            }
            Value::String(text) => match serde_json::from_str::<serde_json::Value>(text) {
                Ok(json) => from_map(&json_to_node(&json, node.span)),
                Err(e) => Document::Invalid(format!("policy is not valid JSON: {e}"), node.span),
            },
            Value::Ref(r) => match cx.resolve(from, node) {
                Some(data) if data.resource_type == "aws_iam_policy_document" => refine(
                    from_data_source(data, node.span),
                    cx.workload.file(data.file).lines.text(),
                ),
                _ => Document::Unknown(
                    format!("policy comes from {} at run time", r.target),
                    node.span,
                ),
            },
            // A Terraform string template whose only unknown parts are
            // resource references (a heredoc policy naming a bucket ARN): the
            // reader keeps its text with `${address.attr}` placeholders.
            Value::Unknown(what) => match what.strip_prefix(TEMPLATE_OF_REFS) {
                Some(text) => match serde_json::from_str::<serde_json::Value>(text) {
                    Ok(json) => from_map(&json_to_node(&json, node.span)),
                    Err(_) => Document::Unknown(what.clone(), node.span),
                },
                None => Document::Unknown(what.clone(), node.span),
            },
            Value::Either(branches) => {
                // Every branch is a possible policy: merge their statements;
                // an unknown branch makes the whole unknown.
                let mut all = Vec::new();
                // A branch a condition leaves unset holds no statement.
                for b in branches.iter().filter(|b| !matches!(b.value, Value::Null)) {
                    match Document::read(b, from, cx) {
                        Document::Statements(s) => all.extend(s),
                        other => return other,
                    }
                }
                Document::Statements(all)
            }
            _ => Document::Invalid("policy is not a document".into(), node.span),
        }
    }
}

/// The literal text of a `!Sub` / `Fn::Sub` string template, with the
/// `${...}` substitutions removed, from the source text at `span`. `None`
/// when the source is anything else.
fn sub_literal(text: &str, span: Span) -> Option<String> {
    let src = text.get(span.start as usize..span.end as usize)?.trim();
    let rest = if let Some(r) = src.strip_prefix("!Sub") {
        r
    } else {
        let i = src.find("Fn::Sub")?;
        let r = src[i + "Fn::Sub".len()..].trim_start();
        let r = r.strip_prefix('"').unwrap_or(r).trim_start();
        r.strip_prefix(':')?
    };
    let rest = rest.trim().trim_end_matches('}').trim();
    let quoted = rest
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .or_else(|| rest.strip_prefix('\'').and_then(|r| r.strip_suffix('\'')));
    let template = match quoted {
        Some(q) => q,
        // A list form (template plus variables) or a multi-line scalar: give up.
        None if rest.starts_with('[') || rest.starts_with('-') || rest.starts_with('|') => {
            return None;
        }
        None => rest,
    };
    let mut literal = String::new();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$' && chars.peek() == Some(&'{') {
            for d in chars.by_ref() {
                if d == '}' {
                    break;
                }
            }
        } else {
            literal.push(c);
        }
    }
    Some(literal)
}

/// An unresolved value whose source is a `!Sub` template with literal text
/// other than `*` and `:` can never be `*` or `*:*`: it is a specific value
/// (`arn:aws:iam::${AWS::AccountId}:root`).
/// So is a value built (`Fn::Join`, `format()`) from a literal ARN prefix:
/// its source text holds `arn:` and it can never be `*`.
fn refine_item(item: Item, text: &str) -> Item {
    match item {
        Item::Unknown(w, span) => match sub_literal(text, span) {
            Some(lit)
                if lit
                    .chars()
                    .any(|c| c != '*' && c != ':' && !c.is_whitespace()) =>
            {
                Item::Ref(span)
            }
            None if text
                .get(span.start as usize..span.end as usize)
                .is_some_and(|src| src.contains("arn:") || src.contains("\"arn\"")) =>
            {
                Item::Ref(span)
            }
            _ => Item::Unknown(w, span),
        },
        other => other,
    }
}

fn refine(doc: Document, text: &str) -> Document {
    let Document::Statements(stmts) = doc else {
        return doc;
    };
    let list = |l: Option<Vec<Item>>| {
        l.map(|items| items.into_iter().map(|i| refine_item(i, text)).collect())
    };
    let principals = |p: Option<Vec<Principal>>| {
        p.map(|ps| {
            ps.into_iter()
                .map(|p| Principal {
                    kind: p.kind,
                    ids: p.ids.into_iter().map(|i| refine_item(i, text)).collect(),
                })
                .collect()
        })
    };
    Document::Statements(
        stmts
            .into_iter()
            .map(|st| Statement {
                action: list(st.action),
                not_action: list(st.not_action),
                resource: list(st.resource),
                not_resource: list(st.not_resource),
                principal: principals(st.principal),
                not_principal: principals(st.not_principal),
                ..st
            })
            .collect(),
    )
}

/// A serde_json value as a node tree, every span the string's.
pub fn json_to_node(json: &serde_json::Value, span: Span) -> Node {
    use serde_json::Value as J;
    let value = match json {
        J::Null => Value::Null,
        J::Bool(b) => Value::Bool(*b),
        J::Number(n) => Value::Number(n.as_f64().unwrap_or(0.0)),
        J::String(s) => Value::String(s.clone()),
        J::Array(items) => Value::List(items.iter().map(|i| json_to_node(i, span)).collect()),
        J::Object(map) => Value::Map(
            map.iter()
                .map(|(k, v)| Entry {
                    key: k.clone(),
                    key_span: span,
                    node: json_to_node(v, span),
                })
                .collect(),
        ),
    };
    Node::new(value, span)
}

pub(crate) fn from_map(doc: &Node) -> Document {
    let Some(stmts) = doc.get("Statement") else {
        return Document::Statements(Vec::new());
    };
    let nodes: Vec<&Node> = match &stmts.value {
        Value::List(items) => items.iter().collect(),
        Value::Map(_) => vec![stmts],
        Value::Unknown(w) => return Document::Unknown(w.clone(), stmts.span),
        _ => return Document::Invalid("Statement is not a list or an object".into(), stmts.span),
    };
    let mut out = Vec::new();
    for s in nodes {
        if let Value::Unknown(w) = &s.value {
            return Document::Unknown(w.clone(), s.span);
        }
        out.push(Statement {
            file: None,
            span: s.span,
            effect: match s.get("Effect") {
                Some(e) => effect_of(e),
                None => Effect::Unknown("statement has no Effect".into()),
            },
            effect_span: s.get("Effect").map_or(s.span, |e| e.span),
            action: s.get("Action").map(items),
            not_action: s.get("NotAction").map(items),
            resource: s.get("Resource").map(items),
            not_resource: s.get("NotResource").map(items),
            principal: s.get("Principal").map(principals),
            principal_span: s.get("Principal").map_or(s.span, |p| p.span),
            not_principal: s.get("NotPrincipal").map(principals),
            condition: s.get("Condition").map(condition),
        });
    }
    Document::Statements(out)
}

fn effect_of(node: &Node) -> Effect {
    match &node.value {
        Value::String(s) if s.eq_ignore_ascii_case("allow") => Effect::Allow,
        Value::String(s) if s.eq_ignore_ascii_case("deny") => Effect::Deny,
        Value::String(s) => Effect::Unknown(format!("Effect {s:?}")),
        Value::Unknown(w) => Effect::Unknown(w.clone()),
        _ => Effect::Unknown("Effect is not a plain value".into()),
    }
}

/// A string-or-list field as items; `Either` branches are all included.
pub fn items(node: &Node) -> Vec<Item> {
    let mut out = Vec::new();
    collect_items(node, &mut out);
    out
}

fn collect_items(node: &Node, out: &mut Vec<Item>) {
    match &node.value {
        // `jsonencode` renders a resource reference as `${address.attr}`.
        Value::String(s) if is_placeholder(s) => out.push(Item::Ref(node.span)),
        Value::String(s) => out.push(Item::Text(s.clone(), node.span)),
        Value::Number(_) | Value::Bool(_) => out.push(Item::Text(
            node.scalar_text().unwrap_or_default(),
            node.span,
        )),
        Value::List(list) | Value::Either(list) => {
            list.iter().for_each(|n| collect_items(n, out));
        }
        Value::Ref(_) => out.push(Item::Ref(node.span)),
        // A template whose only unknown parts are resource references
        // (`arn:aws:iam::${data.aws_caller_identity.current.account_id}:root`)
        // is a specific value: its text stands for it.
        Value::Unknown(w) if is_template_of_refs(w) => {
            out.push(Item::Text(
                w[TEMPLATE_OF_REFS.len()..].to_owned(),
                node.span,
            ));
        }
        Value::Unknown(w) => out.push(Item::Unknown(w.clone(), node.span)),
        Value::Null => {}
        Value::Map(_) => out.push(Item::Unknown("a structured value".into(), node.span)),
    }
}

/// `${aws_iam_role.x.arn}`: exactly one Terraform reference placeholder.
fn is_placeholder(s: &str) -> bool {
    s.strip_prefix("${")
        .and_then(|r| r.strip_suffix('}'))
        .is_some_and(|inner| {
            !inner.is_empty()
                && inner
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_.-[]\"".contains(c))
        })
}

fn principals(node: &Node) -> Vec<Principal> {
    match &node.value {
        Value::Map(entries) => entries
            .iter()
            .map(|e| Principal {
                kind: e.key.clone(),
                ids: items(&e.node),
            })
            .collect(),
        _ => vec![Principal {
            kind: "*".into(),
            ids: items(node),
        }],
    }
}

fn condition(node: &Node) -> Condition {
    match &node.value {
        Value::Map(ops) => {
            let mut tests = Vec::new();
            for op in ops {
                match &op.node.value {
                    Value::Map(keys) => {
                        for k in keys {
                            tests.push(Test {
                                operator: op.key.clone(),
                                key: k.key.clone(),
                                values: items(&k.node),
                                span: k.node.span,
                            });
                        }
                    }
                    Value::Unknown(w) => return Condition::Unknown(w.clone(), op.node.span),
                    _ => {
                        return Condition::Unknown(
                            format!("condition {} is not a map", op.key),
                            op.node.span,
                        );
                    }
                }
            }
            Condition::Tests(tests)
        }
        Value::Unknown(w) => Condition::Unknown(w.clone(), node.span),
        Value::Null => Condition::Tests(Vec::new()),
        _ => Condition::Unknown("Condition is not a map".into(), node.span),
    }
}

/// A Terraform `data "aws_iam_policy_document"`: `statement` blocks with
/// `effect` (default `Allow`), `actions`, `resources`, `principals { type
/// identifiers }`, `condition { test variable values }`.
fn from_data_source(data: &Resource, span: Span) -> Document {
    let p = &data.properties;
    for merged in [
        "source_policy_documents",
        "override_policy_documents",
        "source_json",
        "override_json",
    ] {
        if p.get(merged)
            .is_some_and(|n| !matches!(n.value, Value::Null))
        {
            return Document::Unknown(
                format!("{} merges other documents ({merged})", data.id),
                span,
            );
        }
    }
    let blocks: Vec<&Node> = match p.get("statement").map(|n| &n.value) {
        Some(Value::List(items)) => items.iter().collect(),
        Some(Value::Map(_)) => p.get("statement").into_iter().collect(),
        Some(Value::Unknown(w)) => return Document::Unknown(w.clone(), span),
        Some(_) => return Document::Unknown(format!("{} statements", data.id), span),
        None => Vec::new(),
    };
    let mut out = Vec::new();
    for b in blocks {
        let typed = |key: &str| -> Option<Vec<Principal>> {
            let list = b.get(key)?;
            let blocks: Vec<&Node> = match &list.value {
                Value::List(items) => items.iter().collect(),
                _ => vec![list],
            };
            Some(
                blocks
                    .iter()
                    .map(|pb| Principal {
                        kind: pb
                            .get("type")
                            .and_then(Node::as_str)
                            .unwrap_or("?")
                            .to_owned(),
                        ids: pb.get("identifiers").map(items).unwrap_or_default(),
                    })
                    .collect(),
            )
        };
        let condition = b.get("condition").map(|c| {
            let blocks: Vec<&Node> = match &c.value {
                Value::List(items) => items.iter().collect(),
                _ => vec![c],
            };
            let mut tests = Vec::new();
            for cb in blocks {
                match (
                    cb.get("test").and_then(Node::as_str),
                    cb.get("variable").and_then(Node::as_str),
                ) {
                    (Some(t), Some(v)) => tests.push(Test {
                        operator: t.to_owned(),
                        key: v.to_owned(),
                        values: cb.get("values").map(items).unwrap_or_default(),
                        span: cb.span,
                    }),
                    _ => return Condition::Unknown("condition test or variable".into(), cb.span),
                }
            }
            Condition::Tests(tests)
        });
        out.push(Statement {
            file: Some(data.file),
            span: b.span,
            effect: b.get("effect").map_or(Effect::Allow, effect_of),
            effect_span: b.get("effect").map_or(b.span, |e| e.span),
            action: b.get("actions").map(items),
            not_action: b.get("not_actions").map(items),
            resource: b.get("resources").map(items),
            not_resource: b.get("not_resources").map(items),
            principal: typed("principals"),
            principal_span: b.get("principals").map_or(b.span, |p| p.span),
            not_principal: typed("not_principals"),
            condition,
        });
    }
    Document::Statements(out)
}

/// Whether something holds: yes, no, or unknown (with what and where).
#[derive(Debug, Clone, PartialEq)]
pub enum Tri {
    Yes,
    No,
    Unknown(String, Span),
}

impl Tri {
    /// Both hold: `No` wins over an unknown, which wins over `Yes`.
    pub fn and(self, other: Tri) -> Tri {
        match (self, other) {
            (Tri::No, _) | (_, Tri::No) => Tri::No,
            (Tri::Yes, Tri::Yes) => Tri::Yes,
            (Tri::Unknown(w, s), _) | (_, Tri::Unknown(w, s)) => Tri::Unknown(w, s),
        }
    }

    /// The opposite; an unknown stays unknown.
    pub fn negated(self) -> Tri {
        match self {
            Tri::Yes => Tri::No,
            Tri::No => Tri::Yes,
            u @ Tri::Unknown(..) => u,
        }
    }
}

/// Does any item equal one of `wanted` (ignoring case)? Unknown items make a
/// `No` unknown.
pub fn any_is(list: &[Item], wanted: &[&str]) -> Tri {
    let mut unknown = None;
    for item in list {
        match item {
            Item::Text(t, _) if wanted.iter().any(|w| w.eq_ignore_ascii_case(t.trim())) => {
                return Tri::Yes;
            }
            Item::Unknown(w, s) => {
                unknown.get_or_insert(Tri::Unknown(w.clone(), *s));
            }
            _ => {}
        }
    }
    unknown.unwrap_or(Tri::No)
}

impl Statement {
    /// Is the principal everyone: `"*"`, `{"AWS": "*"}` (or a list holding
    /// `*`), or a Terraform `principals { type = "*" }`?
    pub fn principal_is_wildcard(&self) -> Tri {
        let Some(ps) = &self.principal else {
            return Tri::No;
        };
        let mut unknown = None;
        for p in ps {
            let kind_star = p.kind == "*";
            if kind_star || p.kind.eq_ignore_ascii_case("AWS") {
                match any_is(&p.ids, &["*"]) {
                    Tri::Yes => return Tri::Yes,
                    u @ Tri::Unknown(..) => {
                        unknown.get_or_insert(u);
                    }
                    Tri::No if kind_star && p.ids.is_empty() => return Tri::Yes,
                    Tri::No => {}
                }
            }
        }
        unknown.unwrap_or(Tri::No)
    }

    /// Does a condition narrow who can use the statement to specific
    /// callers? Only a test on a key that names the caller or where the call
    /// comes from ([`RESTRICTING_KEYS`]) counts, with an operator that
    /// requires a fixed value (`StringEquals`, `ArnLike` without a wildcard,
    /// `IpAddress` with a real range; not a negated operator, not
    /// `...IfExists`, not `ForAllValues:`, which hold when the key is absent).
    pub fn restricting_condition(&self) -> Tri {
        self.condition_on(RESTRICTING_KEYS)
    }

    /// Does a condition test one of `keys` for fixed values (see
    /// [`Test::restricts_by`])?
    pub fn condition_on(&self, keys: &[&str]) -> Tri {
        match &self.condition {
            None => Tri::No,
            Some(Condition::Unknown(w, s)) => Tri::Unknown(w.clone(), *s),
            Some(Condition::Tests(tests)) => {
                let mut unknown = None;
                for t in tests {
                    match t.restricts_by(keys) {
                        Tri::Yes => return Tri::Yes,
                        u @ Tri::Unknown(..) => {
                            unknown.get_or_insert(u);
                        }
                        Tri::No => {}
                    }
                }
                unknown.unwrap_or(Tri::No)
            }
        }
    }

    /// A `NotPrincipal` that names someone (an empty one, as a Terraform
    /// `dynamic` block can leave, names no one and is ignored).
    pub fn has_not_principal(&self) -> bool {
        self.not_principal
            .as_ref()
            .is_some_and(|ps| ps.iter().any(|p| p.kind == "*" || !p.ids.is_empty()))
    }

    /// An `Allow` to everyone with no restricting condition: yes / no / unknown.
    pub fn public_allow(&self) -> Tri {
        match &self.effect {
            Effect::Deny => return Tri::No,
            Effect::Unknown(w) => return Tri::Unknown(w.clone(), self.effect_span),
            Effect::Allow => {}
        }
        // Allow with NotPrincipal grants everyone but the listed principals.
        let principal = if self.has_not_principal() {
            Tri::Yes
        } else {
            self.principal_is_wildcard()
        };
        match principal {
            Tri::No => Tri::No,
            Tri::Unknown(w, s) => Tri::Unknown(w, s),
            Tri::Yes => match self.restricting_condition() {
                Tri::Yes => Tri::No,
                Tri::No => Tri::Yes,
                Tri::Unknown(w, s) => Tri::Unknown(w, s),
            },
        }
    }
}

/// Condition keys that, tested for fixed values, limit a statement to known
/// callers or places (the keys Amazon S3 Block Public Access and IAM Access
/// Analyzer accept as making a policy non-public), lower case.
pub const RESTRICTING_KEYS: &[&str] = &[
    "aws:principalaccount",
    "aws:principalarn",
    "aws:principalorgid",
    "aws:principalorgpaths",
    "aws:sourceaccount",
    "aws:sourcearn",
    "aws:sourceip",
    "aws:sourceorgid",
    "aws:sourceorgpaths",
    "aws:sourceowner",
    "aws:sourcevpc",
    "aws:sourcevpce",
    "aws:userid",
    "kms:calleraccount",
    "s3:dataaccesspointaccount",
    "s3:dataaccesspointarn",
];

/// Condition keys that, tested for fixed values, limit a statement to the
/// resources of known accounts or organizations (AWS's data perimeter
/// guidance for VPC endpoint policies), lower case.
pub const RESOURCE_OWNER_KEYS: &[&str] = &[
    "aws:resourceaccount",
    "aws:resourceorgid",
    "aws:resourceorgpaths",
    "s3:resourceaccount",
];

impl Test {
    /// Does this test limit the statement to fixed callers or places?
    pub fn restricts(&self) -> Tri {
        self.restricts_by(RESTRICTING_KEYS)
    }

    /// Does this test hold only for fixed values of one of `keys` (lower
    /// case)? A negated operator, `...IfExists` or `ForAllValues:` holds
    /// when the key is absent, so it restricts nothing.
    pub fn restricts_by(&self, keys: &[&str]) -> Tri {
        let key = self.key.trim().to_ascii_lowercase();
        if !keys.contains(&key.as_str()) {
            return Tri::No;
        }
        let op = self.operator.trim().to_ascii_lowercase();
        if op.ends_with("ifexists") || op.starts_with("forallvalues:") {
            return Tri::No;
        }
        let op = op.strip_prefix("foranyvalue:").unwrap_or(&op);
        let like = matches!(op, "stringlike" | "arnlike");
        let ip = op == "ipaddress";
        if !(like || ip || matches!(op, "stringequals" | "stringequalsignorecase" | "arnequals"))
            || self.values.is_empty()
        {
            return Tri::No;
        }
        let mut unknown = None;
        for v in &self.values {
            match v {
                Item::Text(t, _) => {
                    let t = t.trim();
                    let open = t.is_empty()
                        || t.contains("${")
                        || t.chars().all(|c| c == '*' || c == '?')
                        || (like && !fixed_enough(t))
                        || (ip && t.ends_with("/0"));
                    if open {
                        return Tri::No;
                    }
                }
                Item::Ref(_) => {}
                Item::Unknown(w, s) => {
                    unknown.get_or_insert(Tri::Unknown(w.clone(), *s));
                }
            }
        }
        unknown.unwrap_or(Tri::Yes)
    }
}

/// Does a `...Like` pattern still name one owner? Without wildcards, yes. An
/// ARN pattern does when its account is a fixed value, or when it has no
/// account (S3: bucket names are global) and its resource starts with fixed
/// text (`arn:aws:execute-api:eu-west-1:111122223333:api/*`,
/// `arn:aws:s3:::logs-bucket/*`; not `arn:aws:s3:::*` or
/// `arn:aws:sns:*:*:topic`). Any other pattern needs fixed text before its
/// first wildcard (`o-abc123/r-root/*`).
pub fn fixed_enough(pattern: &str) -> bool {
    let wild = |s: &str| s.contains(['*', '?']);
    if !wild(pattern) {
        return true;
    }
    if pattern.starts_with("arn:") {
        let parts: Vec<&str> = pattern.splitn(6, ':').collect();
        return match (parts.get(4), parts.get(5)) {
            (Some(account), Some(_)) if !account.is_empty() && !wild(account) => true,
            (Some(&""), Some(resource)) => {
                !resource.is_empty() && !resource.starts_with(['*', '?'])
            }
            _ => false,
        };
    }
    !pattern.starts_with(['*', '?'])
}

/// The outcome of looking for statements granting access to everyone.
pub enum Public {
    /// None: met.
    No,
    /// This statement grants it (span, and file when not the holder's), to
    /// whom.
    Yes(Span, Option<FileId>, &'static str),
    Unknown(String, Span, Option<FileId>),
}

/// Points a verdict at `file` when a statement lives outside the holder's file.
pub fn at(mut v: Verdict, file: Option<FileId>) -> Verdict {
    if let Some(f) = file {
        v.file = f;
    }
    v
}

/// The verdict of "no policy among `policies` (holder, document, path) grants
/// anything to everyone", for a resource whose policies are of kind `what`
/// (`bucket`, `key`); `none` is the message when there is no policy at all.
pub fn no_public_grant(
    resource: &Resource,
    policies: &[(&Resource, &Node, &str)],
    cx: &Context,
    what: &str,
    none: &'static str,
) -> Verdict {
    let mut unknown = None;
    for (holder, node, path) in policies {
        match find_public(&Document::read(node, holder, cx)) {
            Public::Yes(span, file, whom) => {
                return at(
                    Verdict::not_met(
                        holder,
                        span,
                        path,
                        format!(
                            "the {what} policy allows {whom} with no condition limiting the caller's account, organization, source or network"
                        ),
                    ),
                    file,
                );
            }
            Public::Unknown(unresolved, span, file) => {
                unknown.get_or_insert_with(|| {
                    at(Verdict::unknown(holder, span, path, unresolved), file)
                });
            }
            Public::No => {}
        }
    }
    if let Some(u) = unknown {
        return u;
    }
    match policies.first() {
        Some((holder, node, path)) => Verdict::met(
            holder,
            node.span,
            path,
            format!("no {what} policy statement allows everyone"),
        ),
        None => Verdict::met_by_default(resource, "", none),
    }
}

/// Looks through a document for an `Allow` to `*` without a restricting
/// condition. The first such statement decides; else the first unknown.
pub fn find_public(doc: &Document) -> Public {
    match doc {
        Document::Unknown(w, s) => Public::Unknown(w.clone(), *s, None),
        Document::Invalid(w, s) => Public::Unknown(w.clone(), *s, None),
        Document::Statements(stmts) => {
            let mut unknown = None;
            for st in stmts {
                match st.public_allow() {
                    Tri::Yes if st.has_not_principal() => {
                        return Public::Yes(
                            st.principal_span,
                            st.file,
                            "everyone but the principals in NotPrincipal",
                        );
                    }
                    Tri::Yes => {
                        return Public::Yes(st.principal_span, st.file, "everyone (Principal *)");
                    }
                    Tri::Unknown(w, s) => {
                        unknown.get_or_insert(Public::Unknown(w, s, st.file));
                    }
                    Tri::No => {}
                }
            }
            unknown.unwrap_or(Public::No)
        }
    }
}

/// A separate resource that holds a policy for another one: its `types`,
/// the property `attr` that names the target, the target's name property
/// for literal names (`name_attr`), and the property holding the document.
pub struct Link {
    pub types: &'static [&'static str],
    pub attr: &'static str,
    pub name_attr: Option<&'static str>,
    pub policy: &'static str,
}

/// The resource policies of `resource`: its own property (`cfn` or `tf`
/// spelling, empty for none) and every linked policy resource.
pub fn policies_of<'a, 'w: 'a>(
    resource: &'a Resource,
    cx: &Context<'w>,
    cfn: &'static str,
    tf: &'static str,
    links: &[Link],
) -> Vec<(&'a Resource, &'a Node, &'static str)> {
    let own = crate::check::spelling(resource, cfn, tf);
    let mut out = Vec::new();
    if !own.is_empty()
        && let Some(p) = crate::check::get(resource, own)
    {
        out.push((resource, p, own));
    }
    for link in links {
        for r in cx.linked(resource, link.types, link.attr, link.name_attr) {
            if let Some(p) = crate::check::get(r, link.policy) {
                out.push((r, p, link.policy));
            }
        }
    }
    out
}

/// [`no_public_grant`] over [`policies_of`]: the verdict of a resource-policy
/// rule whose policies sit in the resource's own `cfn`/`tf` property and in
/// the `links` resources.
pub fn public_policy_verdict(
    resource: &Resource,
    cx: &Context,
    (cfn, tf): (&'static str, &'static str),
    links: &[Link],
    what: &str,
    none: &'static str,
) -> Verdict {
    let policies = policies_of(resource, cx, cfn, tf, links);
    no_public_grant(resource, &policies, cx, what, none)
}

/// [`public_policy_verdict`] for a rule whose policy resources (`subs`:
/// each type with the [`Parent`](crate::parent::Parent) it names) are judged
/// where their document is written: a policy resource on its own document,
/// its parent not applicable unless it holds a document itself (see
/// [`Parent::judge_document`](crate::parent::Parent::judge_document)).
pub fn public_policy_where_written(
    resource: &Resource,
    cx: &Context,
    own: (&'static str, &'static str),
    links: &[Link],
    subs: &[(&str, &crate::parent::Parent)],
    what: &str,
    none: &'static str,
) -> Verdict {
    let rtype = resource.resource_type.as_str();
    if let Some((_, parent)) = subs.iter().find(|(t, _)| *t == rtype)
        && let Some(link) = links.iter().find(|l| l.types.contains(&rtype))
    {
        let doc = (link.policy, link.policy);
        let judged = parent.judge_document(resource, cx, |r| {
            public_policy_verdict(r, cx, doc, &[], what, "the policy has no document")
        });
        if let Some(v) = judged {
            return v;
        }
    }
    let mut policies = policies_of(resource, cx, own.0, own.1, links);
    if let Some(v) = crate::parent::documents_elsewhere(resource, &mut policies, what) {
        return v;
    }
    no_public_grant(resource, &policies, cx, what, none)
}

/// The bucket policies of an S3 bucket: CloudFormation `AWS::S3::BucketPolicy`
/// whose `Bucket` refers to it; Terraform `aws_s3_bucket_policy` whose
/// `bucket` refers to it (by reference or literal name), and the bucket's own
/// inline `policy` argument. Each with the resource holding it and its path.
pub fn bucket_policies<'a, 'w: 'a>(
    bucket: &'a Resource,
    cx: &Context<'w>,
) -> Vec<(&'a Resource, &'a Node, &'static str)> {
    let mut out = Vec::new();
    // A bucket policy judged on its own (its bucket is not scanned).
    if let "aws_s3_bucket_policy" | "AWS::S3::BucketPolicy" = bucket.resource_type.as_str() {
        let path = crate::check::spelling(bucket, "PolicyDocument", "policy");
        if let Some(p) = crate::check::get(bucket, path) {
            out.push((bucket, p, path));
        }
        return out;
    }
    if bucket.format.is_terraform() {
        if let Some(p) = crate::check::get(bucket, "policy") {
            out.push((bucket, p, "policy"));
        }
        for r in cx.linked(bucket, &["aws_s3_bucket_policy"], "bucket", Some("bucket")) {
            if let Some(p) = crate::check::get(r, "policy") {
                out.push((r, p, "policy"));
            }
        }
    } else {
        for r in cx.linked(
            bucket,
            &["AWS::S3::BucketPolicy"],
            "Bucket",
            Some("BucketName"),
        ) {
            if let Some(p) = crate::check::get(r, "PolicyDocument") {
                out.push((r, p, "PolicyDocument"));
            }
        }
    }
    out
}

/// When no bucket policy is linked to `bucket`: unknown if one in the same
/// scope names its bucket by a value onus cannot resolve (it may be this one).
pub fn unresolved_bucket_policy(bucket: &Resource, cx: &Context) -> Option<Verdict> {
    let attr = crate::check::spelling(bucket, "Bucket", "bucket");
    let name = crate::check::spelling(bucket, "BucketName", "bucket");
    cx.unresolved_link(
        bucket,
        &["AWS::S3::BucketPolicy", "aws_s3_bucket_policy"],
        attr,
        Some(name),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(json: &str) -> Document {
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        from_map(&json_to_node(&v, Span::new(0, 1)))
    }

    #[test]
    fn sub_templates_with_literal_text_are_not_wildcards() {
        let text = r#"AWS: !Sub "arn:aws:iam::${AWS::AccountId}:root"
X: !Sub "${Star}"
Y: {"Fn::Sub": "arn:${AWS::Partition}:s3:::b/*"}"#;
        let at = |needle: &str| {
            let i = text.find(needle).unwrap();
            let end = text[i..].find('\n').map_or(text.len(), |e| i + e);
            Span::new(i, end)
        };
        let a = refine_item(Item::Unknown("x".into(), at("!Sub \"arn")), text);
        assert!(matches!(a, Item::Ref(_)));
        let b = refine_item(Item::Unknown("x".into(), at("!Sub \"${Star}")), text);
        assert!(matches!(b, Item::Unknown(..)));
        let c = refine_item(Item::Unknown("x".into(), at("{\"Fn::Sub")), text);
        assert!(matches!(c, Item::Ref(_)));
    }

    #[test]
    fn terraform_placeholders_are_references() {
        assert!(is_placeholder("${aws_iam_role.x.arn}"));
        assert!(!is_placeholder("${aws_s3_bucket.b.arn}/*"));
        assert!(!is_placeholder("*"));
    }

    #[test]
    fn single_statement_object_and_string_fields() {
        let d = doc(r#"{"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:GetObject"}}"#);
        let Document::Statements(s) = d else { panic!() };
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].public_allow(), Tri::Yes);
    }

    #[test]
    fn aws_star_in_list_with_condition_is_restricted() {
        let d = doc(
            r#"{"Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::1:root","*"]},
            "Action":["s3:*"],"Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-1"}}}]}"#,
        );
        let Document::Statements(s) = d else { panic!() };
        assert_eq!(s[0].principal_is_wildcard(), Tri::Yes);
        assert_eq!(s[0].public_allow(), Tri::No);
    }

    #[test]
    fn like_patterns_restrict_only_when_they_name_an_owner() {
        assert!(fixed_enough(
            "arn:aws:execute-api:eu-west-1:111122223333:abc/*/*"
        ));
        assert!(fixed_enough("arn:aws:s3:::logs-bucket/*"));
        assert!(!fixed_enough("arn:aws:s3:::*"));
        assert!(!fixed_enough("arn:aws:sns:*:*:topic"));
        assert!(fixed_enough("o-abc123/r-root/*"));
        assert!(!fixed_enough("*-prod"));
    }

    #[test]
    fn conditions_restrict_only_on_caller_keys_with_fixed_values() {
        let stmt = |cond: &str| {
            let d = doc(&format!(
                r#"{{"Statement":[{{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Condition":{cond}}}]}}"#
            ));
            let Document::Statements(s) = d else { panic!() };
            s[0].public_allow()
        };
        assert_eq!(
            stmt(r#"{"StringEquals":{"aws:SourceAccount":"111122223333"}}"#),
            Tri::No
        );
        assert_eq!(
            stmt(r#"{"StringEqualsIfExists":{"aws:SourceAccount":"111122223333"}}"#),
            Tri::Yes
        );
        assert_eq!(
            stmt(r#"{"StringNotEquals":{"aws:SourceAccount":"111122223333"}}"#),
            Tri::Yes
        );
        assert_eq!(
            stmt(r#"{"StringLike":{"aws:PrincipalOrgID":"*"}}"#),
            Tri::Yes
        );
        assert_eq!(stmt(r#"{"StringEquals":{"sts:ExternalId":"x"}}"#), Tri::Yes);
        assert_eq!(
            stmt(r#"{"IpAddress":{"aws:SourceIp":"0.0.0.0/0"}}"#),
            Tri::Yes
        );
        assert_eq!(
            stmt(r#"{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}"#),
            Tri::No
        );
        assert_eq!(
            stmt(r#"{"ForAnyValue:StringEquals":{"aws:PrincipalOrgPaths":"o-a/r-b/"}}"#),
            Tri::No
        );
    }

    #[test]
    fn allow_with_not_principal_is_public() {
        let d = doc(
            r#"{"Statement":[{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::1:root"},"Action":"s3:GetObject"}]}"#,
        );
        let Document::Statements(s) = d else { panic!() };
        assert_eq!(s[0].public_allow(), Tri::Yes);
    }

    #[test]
    fn secure_transport_alone_does_not_restrict() {
        let d = doc(
            r#"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:GetObject",
            "Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}"#,
        );
        let Document::Statements(s) = d else { panic!() };
        assert_eq!(s[0].public_allow(), Tri::Yes);
    }
}
