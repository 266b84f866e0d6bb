//! Terraform's JSON syntax (`*.tf.json`, what CDK for Terraform writes).
//!
//! A JSON file is rewritten as the equivalent native syntax, which the HCL
//! reader then evaluates like any `.tf` file of the module, and every span of
//! what it read is mapped back to the JSON text ([`OffsetMap`]), so findings
//! point at the JSON line.
//!
//! As Terraform does, strings are templates (`"${aws_kms_key.k.arn}"`), except
//! where the JSON syntax says otherwise: a variable's `default` and a module's
//! `source` and `version` are literal; `depends_on`, `provider`, a variable's
//! `type`, a dynamic block's `iterator` and a module's `providers` are bare
//! expressions; `"//"` keys are comments. Terraform tells a nested block from
//! an attribute by the provider's schema, which onus does not have: in a
//! resource, an object (or an array of objects) is read as nested blocks,
//! except for the attributes the AWS provider types as maps ([`MAP_ATTRIBUTES`]),
//! which is how their `.tf` twin reads too.

use crate::Workload;
use crate::model::{Entry, FileId, Node, Span, Value};
use std::sync::Arc;

/// Attributes of AWS resources typed as maps of strings: a JSON object under
/// one of these keys is a map, not a nested block.
const MAP_ATTRIBUTES: &[&str] = &[
    "tags",
    "tags_all",
    "variables",
    "parameters",
    "triggers",
    "labels",
    "stage_variables",
    "request_parameters",
    "request_templates",
    "response_parameters",
    "response_templates",
    "environment_variables",
];

/// Maps offsets in the rewritten native text back to the JSON text.
#[derive(Debug, Default)]
pub(crate) struct OffsetMap {
    /// Pieces of the native text that stand for a piece of JSON, in order.
    segments: Vec<Segment>,
}

#[derive(Debug, Clone, Copy)]
struct Segment {
    start: u32,
    end: u32,
    json: Span,
}

impl OffsetMap {
    /// The JSON offset of a native offset: the same place in the piece of
    /// JSON it stands for (clamped to it), or the end of the piece before
    /// when it falls between pieces.
    pub(crate) fn offset(&self, at: u32) -> u32 {
        let i = self.segments.partition_point(|s| s.start <= at);
        let Some(s) = i.checked_sub(1).map(|i| self.segments[i]) else {
            return 0;
        };
        if at >= s.end {
            return s.json.end;
        }
        (s.json.start + (at - s.start)).min(s.json.end)
    }

    pub(crate) fn span(&self, span: Span) -> Span {
        Span {
            start: self.offset(span.start),
            end: self.offset(span.end).max(self.offset(span.start)),
        }
    }

    /// Maps every span of a value read from the native text.
    pub(crate) fn node(&self, node: &mut Node) {
        node.span = self.span(node.span);
        match &mut node.value {
            Value::List(items) | Value::Either(items) => {
                items.iter_mut().for_each(|n| self.node(n));
            }
            Value::Map(entries) => {
                for Entry { key_span, node, .. } in entries {
                    *key_span = self.span(*key_span);
                    self.node(node);
                }
            }
            _ => {}
        }
    }
}

/// A `.tf.json` file read as native syntax.
#[derive(Debug)]
pub(crate) struct JsonFile {
    map: OffsetMap,
    /// What was left out, in JSON offsets.
    warnings: Vec<(Span, String)>,
}

/// Parses a `.tf.json` file as the native syntax it stands for; errors are
/// in JSON offsets.
pub(crate) fn parse(text: &str) -> (super::Parsed, Option<Arc<JsonFile>>) {
    match to_native(text) {
        Err((span, message)) => (Err((Some(span), message)), None),
        Ok((native, json)) => match super::parse_native(&native) {
            Ok(body) => (Ok(Arc::new(body)), Some(Arc::new(json))),
            Err((span, message)) => (
                Err((
                    span.map(|s| json.map.span(s)),
                    format!("{message} (in the native form of this JSON)"),
                )),
                None,
            ),
        },
    }
}

/// Maps the spans of what was read from `.tf.json` files back to the JSON
/// (resources and diagnostics of those files), then records their warnings.
pub(crate) fn map_back(workload: &mut Workload, files: &[(FileId, Arc<JsonFile>)]) {
    if files.is_empty() {
        return;
    }
    let of = |id: FileId| files.iter().find(|(f, _)| *f == id).map(|(_, j)| j);
    for r in &mut workload.resources {
        let Some(json) = of(r.file) else {
            continue;
        };
        let map = &json.map;
        r.span = map.span(r.span);
        r.name_span = map.span(r.name_span);
        for reference in &mut r.references {
            reference.span = map.span(reference.span);
        }
        map.node(&mut r.properties);
    }
    for d in &mut workload.diagnostics {
        if let (Some(json), Some(span)) = (of(d.file), d.span.as_mut()) {
            *span = json.map.span(*span);
        }
    }
    for (id, json) in files {
        for (span, message) in &json.warnings {
            workload.warning(*id, Some(*span), message.clone());
        }
    }
}

/// The native text of a `.tf.json` file, with the map of its offsets back to
/// the JSON and warnings (in JSON offsets) about what was left out. An error
/// (invalid JSON) carries its JSON span.
pub(crate) fn to_native(text: &str) -> Result<(String, JsonFile), (Span, String)> {
    let loaded = crate::cfn::json::load(text);
    if let Some(error) = loaded.errors.into_iter().next() {
        return Err(error);
    }
    let Some(root) = loaded.root else {
        return Err((Span::default(), "invalid JSON: the file is empty".into()));
    };
    let Value::Map(entries) = &root.value else {
        return Err((
            root.span,
            "a Terraform JSON file must hold one object".into(),
        ));
    };
    let mut w = Writer::default();
    for e in entries {
        let (labels, kind) = match e.key.as_str() {
            "resource" | "data" => (2, Kind::Resource),
            "module" => (1, Kind::Module),
            "provider" => (1, Kind::Provider),
            "variable" => (1, Kind::Variable),
            "output" => (1, Kind::Output),
            "locals" => (0, Kind::Locals),
            // `terraform` (backend, required providers), `moved`, `import`,
            // `check`, comments: nothing onus reads.
            _ => continue,
        };
        w.labelled(&e.key, labels, &e.node, &mut Vec::new(), kind);
    }
    let json = JsonFile {
        map: OffsetMap { segments: w.map },
        warnings: w.warnings,
    };
    Ok((w.out, json))
}

/// What a block body is, which decides how its keys are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A resource or data block, or a block nested in one.
    Resource,
    Module,
    Provider,
    Variable,
    Output,
    Locals,
}

/// How a JSON string is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// A template: `${...}` interpolates.
    Template,
    /// Literal text.
    Literal,
    /// An expression written as a string (`"aws.eu"`, `"list(string)"`).
    Bare,
}

#[derive(Default)]
struct Writer {
    out: String,
    map: Vec<Segment>,
    warnings: Vec<(Span, String)>,
}

impl Writer {
    /// Writes `text`, standing for the JSON at `json`.
    fn anchored(&mut self, json: Span, text: &str) {
        let start = self.out.len() as u32;
        self.out.push_str(text);
        self.map.push(Segment {
            start,
            end: self.out.len() as u32,
            json,
        });
    }

    /// Walks the label levels of a block kind (`resource` → type → name)
    /// down to the bodies; an array at any level holds several objects.
    fn labelled(
        &mut self,
        ident: &str,
        levels: usize,
        node: &Node,
        labels: &mut Vec<(String, Span)>,
        kind: Kind,
    ) {
        match &node.value {
            Value::List(items) => {
                for item in items {
                    self.labelled(ident, levels, item, labels, kind);
                }
            }
            Value::Map(entries) if labels.len() < levels => {
                for e in entries.iter().filter(|e| e.key != "//") {
                    labels.push((e.key.clone(), e.key_span));
                    self.labelled(ident, levels, &e.node, labels, kind);
                    labels.pop();
                }
            }
            Value::Map(_) => self.block(ident, labels, node, kind),
            _ => self.warnings.push((
                node.span,
                format!("{ident}: expected an object here; not read"),
            )),
        }
    }

    /// `ident "label"... { body }`, the header standing for the innermost
    /// label's key (a resource is found at its name).
    fn block(&mut self, ident: &str, labels: &[(String, Span)], body: &Node, kind: Kind) {
        let at = labels.last().map_or(body.span, |(_, span)| *span);
        self.anchored(at, ident);
        for (label, _) in labels {
            self.out.push(' ');
            self.anchored(at, &quote(label, Mode::Literal));
        }
        self.out.push(' ');
        self.body(body, kind);
        self.out.push('\n');
    }

    /// `{ attributes and nested blocks }` of a JSON object.
    fn body(&mut self, body: &Node, kind: Kind) {
        let Value::Map(entries) = &body.value else {
            return;
        };
        let open = Span::new(body.span.start as usize, body.span.start as usize + 1);
        let close = Span::new(
            (body.span.end as usize).saturating_sub(1),
            body.span.end as usize,
        );
        self.anchored(open, "{");
        self.out.push('\n');
        for e in entries.iter().filter(|e| e.key != "//") {
            self.entry(e, kind);
        }
        self.anchored(close, "}");
    }

    fn entry(&mut self, e: &Entry, kind: Kind) {
        let key = e.key.as_str();
        if !is_identifier(key) {
            self.warnings.push((
                e.key_span,
                format!("{key:?} is not a valid argument name: not read"),
            ));
            return;
        }
        let objects = match &e.node.value {
            Value::Map(_) => Some(std::slice::from_ref(&e.node)),
            Value::List(items)
                if !items.is_empty() && items.iter().all(|i| matches!(i.value, Value::Map(_))) =>
            {
                Some(items.as_slice())
            }
            _ => None,
        };
        let nested = matches!(kind, Kind::Resource | Kind::Provider)
            || (kind == Kind::Variable && key == "validation");
        match (kind, key) {
            (Kind::Resource, "provisioner" | "connection" | "lifecycle") => {}
            (Kind::Resource, "dynamic") => self.dynamic(&e.node),
            (_, "count" | "for_each") => self.attribute(e, Mode::Template),
            (_, "depends_on") => self.attribute(e, Mode::Bare),
            (Kind::Resource, "provider") | (Kind::Variable, "type") => {
                self.attribute(e, Mode::Bare)
            }
            (Kind::Variable, "default") | (Kind::Module, "source" | "version") => {
                self.attribute(e, Mode::Literal)
            }
            (Kind::Module, "providers") => self.providers(e),
            _ => match objects {
                Some(objects) if nested && !MAP_ATTRIBUTES.contains(&key) => {
                    for object in objects {
                        self.anchored(e.key_span, key);
                        self.out.push(' ');
                        self.body(object, Kind::Resource);
                        self.out.push('\n');
                    }
                }
                _ => self.attribute(e, Mode::Template),
            },
        }
    }

    fn attribute(&mut self, e: &Entry, mode: Mode) {
        self.anchored(e.key_span, &e.key);
        self.out.push_str(" = ");
        self.expr(&e.node, mode);
        self.out.push('\n');
    }

    /// `"providers": {"aws": "aws.eu"}`: keys and values are provider
    /// references.
    fn providers(&mut self, e: &Entry) {
        let Value::Map(entries) = &e.node.value else {
            return self.attribute(e, Mode::Bare);
        };
        self.anchored(e.key_span, &e.key);
        self.out.push_str(" = {");
        for p in entries {
            self.out.push('\n');
            self.anchored(p.key_span, &p.key);
            self.out.push_str(" = ");
            self.expr(&p.node, Mode::Bare);
        }
        self.out.push_str("\n}\n");
    }

    /// `"dynamic": {"NAME": {"for_each": ..., "iterator": ..., "content": {...}}}`.
    fn dynamic(&mut self, node: &Node) {
        let Value::Map(blocks) = &node.value else {
            return;
        };
        for b in blocks.iter().filter(|b| b.key != "//") {
            let specs = match &b.node.value {
                Value::List(items) => items.as_slice(),
                _ => std::slice::from_ref(&b.node),
            };
            for spec in specs {
                let Value::Map(parts) = &spec.value else {
                    continue;
                };
                self.anchored(b.key_span, "dynamic");
                self.out.push(' ');
                self.anchored(b.key_span, &quote(&b.key, Mode::Literal));
                self.out.push_str(" {\n");
                for p in parts {
                    match p.key.as_str() {
                        "content" => {
                            self.anchored(p.key_span, "content");
                            self.out.push(' ');
                            self.body(&p.node, Kind::Resource);
                            self.out.push('\n');
                        }
                        "iterator" => self.attribute(p, Mode::Bare),
                        "for_each" | "labels" => self.attribute(p, Mode::Template),
                        _ => {}
                    }
                }
                self.out.push_str("}\n");
            }
        }
    }

    fn expr(&mut self, node: &Node, mode: Mode) {
        match &node.value {
            Value::String(s) => self.anchored(node.span, &quote(s, mode)),
            Value::Number(n) => self.anchored(node.span, &number(*n)),
            Value::Bool(b) => self.anchored(node.span, if *b { "true" } else { "false" }),
            Value::List(items) => {
                self.anchored(edge(node.span, true), "[");
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    self.expr(item, mode);
                }
                self.anchored(edge(node.span, false), "]");
            }
            Value::Map(entries) => {
                self.anchored(edge(node.span, true), "{");
                for e in entries {
                    self.out.push('\n');
                    self.anchored(e.key_span, &quote(&e.key, Mode::Literal));
                    self.out.push_str(" = ");
                    self.expr(&e.node, mode);
                }
                self.out.push('\n');
                self.anchored(edge(node.span, false), "}");
            }
            _ => self.anchored(node.span, "null"),
        }
    }
}

/// The first or last character of a span: a bracket.
fn edge(span: Span, first: bool) -> Span {
    if first {
        Span::new(span.start as usize, span.start as usize + 1)
    } else {
        Span::new((span.end as usize).saturating_sub(1), span.end as usize)
    }
}

fn is_identifier(key: &str) -> bool {
    key.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

/// A JSON number as native syntax.
fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// A string in native syntax: a quoted template (its interpolations and
/// directives kept as they are), a quoted literal (`${` and `%{` escaped), or
/// the bare expression.
fn quote(text: &str, mode: Mode) -> String {
    if mode == Mode::Bare {
        return text.replace(['\n', '\r'], " ");
    }
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '$' | '%' if chars.peek() == Some(&'{') => {
                if mode == Mode::Literal {
                    out.push(c);
                    out.push(c);
                } else {
                    out.push(c);
                    out.push('{');
                    chars.next();
                    copy_interpolation(&mut chars, &mut out);
                }
            }
            '$' | '%' if mode == Mode::Template && chars.peek() == Some(&c) => {
                // `$${` stays an escaped `${`.
                out.push(c);
                out.push(c);
                chars.next();
                if chars.peek() == Some(&'{') {
                    out.push('{');
                    chars.next();
                }
            }
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Copies an interpolation's expression up to its closing brace, as written
/// (its own strings and braces included).
fn copy_interpolation(chars: &mut std::iter::Peekable<std::str::Chars>, out: &mut String) {
    let mut depth = 1usize;
    let mut in_string = false;
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\r' => out.push(' '),
            '\\' if in_string => {
                out.push(c);
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            }
            '"' => {
                in_string = !in_string;
                out.push(c);
            }
            '{' if !in_string => {
                depth += 1;
                out.push(c);
            }
            '}' if !in_string => {
                depth -= 1;
                out.push(c);
                if depth == 0 {
                    return;
                }
            }
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn native(json: &str) -> String {
        to_native(json).unwrap().0
    }

    #[test]
    fn blocks_attributes_and_templates() {
        let text = native(
            r#"{"resource": {"aws_s3_bucket": {"b": {
                "bucket": "logs-${var.env}",
                "//": "a comment",
                "count": "${var.n}",
                "tags": {"Name": "x"},
                "versioning": {"enabled": true},
                "depends_on": ["aws_kms_key.k"],
                "policy": "{\"a\": \"${lookup(var.m, \"k\")}\"}"
            }}}}"#,
        );
        let body = hcl_edit::parser::parse_body(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert!(text.contains(r#"bucket = "logs-${var.env}""#), "{text}");
        assert!(text.contains("tags = {"), "{text}");
        assert!(text.contains("versioning {"), "{text}");
        assert!(text.contains("depends_on = [aws_kms_key.k]"), "{text}");
        assert!(
            text.contains(r#""{\"a\": \"${lookup(var.m, "k")}\"}""#),
            "{text}"
        );
        assert!(!text.contains("comment"), "{text}");
        assert_eq!(body.blocks().count(), 1);
    }

    #[test]
    fn literals_escape_interpolation() {
        assert_eq!(quote("a ${b} %{c}", Mode::Literal), r#""a $${b} %%{c}""#);
        assert_eq!(quote("a $${b}", Mode::Template), r#""a $${b}""#);
        assert_eq!(quote("\"q\"\n", Mode::Template), r#""\"q\"\n""#);
    }

    #[test]
    fn offsets_map_back_to_the_json() {
        let json = r#"{"resource": {"aws_s3_bucket": {"b": {"bucket": "x"}}}}"#;
        let (text, JsonFile { map, .. }) = to_native(json).unwrap();
        let at = text.find("\"x\"").unwrap() as u32;
        assert_eq!(map.offset(at) as usize, json.find("\"x\"").unwrap());
        let name = text.find("\"b\"").unwrap() as u32;
        assert_eq!(map.offset(name) as usize, json.find("\"b\"").unwrap());
    }

    #[test]
    fn invalid_json_is_an_error_at_its_place() {
        let (span, message) = to_native("{\n  \"resource\": [\n").unwrap_err();
        assert!(message.contains("invalid JSON"), "{message}");
        assert!(span.start > 0);
    }
}
