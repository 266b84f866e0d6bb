//! A policy's identity: what it is called, which duty it verifies, how severe
//! a failure is and which resource types it reads; and the rule built from it.

use onus_ingest::{Node, Span, Value};
use onus_model::Duty;
use onus_rules::{Controls, Peer, Rule, Severity};

/// A problem at a place in a policy file.
pub type Problem = (Span, String);

/// What a policy says about itself.
#[derive(Debug, Clone)]
pub struct Meta {
    pub id: String,
    pub id_span: Span,
    pub title: String,
    pub description: String,
    pub duty: Duty,
    pub severity: Severity,
    pub cfn_types: Vec<String>,
    pub tf_types: Vec<String>,
    pub fsbp: Vec<String>,
    pub config: Vec<String>,
    pub cis: Vec<String>,
    pub peers: Vec<Peer>,
}

/// The text of a string scalar (numbers and booleans as written).
pub fn text(node: &Node) -> Option<String> {
    node.scalar_text()
}

/// A string, or a list of strings, as a list.
pub fn strings(node: &Node, what: &str) -> Result<Vec<String>, Problem> {
    let bad = || {
        (
            node.span,
            format!("{what}: expected a string or a list of strings"),
        )
    };
    match &node.value {
        Value::List(items) => items.iter().map(|i| text(i).ok_or_else(bad)).collect(),
        _ => text(node).map(|t| vec![t]).ok_or_else(bad),
    }
}

/// A required string under `key`; `at` is where to point when it is missing.
pub fn required(map: &Node, key: &str, what: &str, at: Span) -> Result<(String, Span), Problem> {
    match map.get(key) {
        Some(node) => match text(node) {
            Some(t) if !t.trim().is_empty() => Ok((t.trim().to_owned(), node.span)),
            _ => Err((node.span, format!("{what} must be a non-empty string"))),
        },
        None => Err((at, format!("missing {what}"))),
    }
}

/// A duty by its slug; the error lists the slugs.
pub fn duty(node: &Node) -> Result<Duty, Problem> {
    let slug = text(node).unwrap_or_default();
    Duty::from_slug(slug.trim()).ok_or_else(|| {
        let all: Vec<&str> = Duty::ALL.iter().map(|d| d.slug()).collect();
        (
            node.span,
            format!("unknown duty {slug:?}; duties are: {}", all.join(", ")),
        )
    })
}

/// `low`, `medium`, `high` or `critical`.
pub fn severity(node: &Node) -> Result<Severity, Problem> {
    let t = text(node).unwrap_or_default();
    Severity::parse(&t).ok_or_else(|| {
        (
            node.span,
            format!("unknown severity {t:?}; expected low, medium, high or critical"),
        )
    })
}

/// Checks a rule id: readable, greppable, and no built-in rule's.
pub fn check_id(id: &str, span: Span) -> Result<(), Problem> {
    if !id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '/'))
    {
        return Err((
            span,
            format!("rule id {id:?}: use letters, digits, '.', '-', '_' and '/' only"),
        ));
    }
    if onus_rules::rules::ALL.iter().any(|r| r.id == id) {
        return Err((
            span,
            format!("rule id {id:?} is a built-in rule's; choose another (e.g. acme.{id})"),
        ));
    }
    Ok(())
}

/// Splits resource types into CloudFormation and Terraform ones; `*` stays in
/// both lists it is given for.
pub fn split_types(types: &[String]) -> (Vec<String>, Vec<String>) {
    types
        .iter()
        .cloned()
        .partition(|t| t.starts_with("AWS::") || t.starts_with("Alexa::"))
}

fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

fn leak_all(items: Vec<String>) -> &'static [&'static str] {
    Box::leak(
        items
            .into_iter()
            .map(leak)
            .collect::<Vec<_>>()
            .into_boxed_slice(),
    )
}

impl Meta {
    /// The rule: built once per run, and kept for the rest of it.
    pub fn into_rule(self, file: &str) -> &'static Rule {
        Box::leak(Box::new(Rule {
            id: leak(self.id),
            title: leak(self.title),
            duty: self.duty,
            severity: self.severity,
            cfn_types: leak_all(self.cfn_types),
            tf_types: leak_all(self.tf_types),
            reads: &[],
            controls: Controls {
                fsbp: leak_all(self.fsbp),
                config: leak_all(self.config),
                cis: leak_all(self.cis),
            },
            peers: Box::leak(self.peers.into_boxed_slice()),
            check: onus_rules::custom::uninstalled,
            file: leak(file.to_owned()),
        }))
    }

    /// The rule's documentation, laid out like a built-in rule's.
    pub fn doc(&self, source: &str) -> String {
        let types = |list: &[String]| match list {
            [] => "none".to_owned(),
            _ => list.join(", "),
        };
        let mut doc = format!(
            "# {}: {}\n\n## Why this is your duty\n{}\n\n## Policy\n- source: {source}\n- duty: {}\n- severity: {}\n- CloudFormation types: {}\n- Terraform types: {}\n",
            self.id,
            self.title,
            if self.description.is_empty() {
                &self.title
            } else {
                &self.description
            },
            self.duty.slug(),
            self.severity,
            types(&self.cfn_types),
            types(&self.tf_types),
        );
        for (name, list) in [
            ("FSBP", &self.fsbp),
            ("AWS Config", &self.config),
            ("CIS", &self.cis),
        ] {
            if !list.is_empty() {
                doc.push_str(&format!("- {name} controls: {}\n", list.join(", ")));
            }
        }
        doc
    }
}
