//! A small YAML loader over `saphyr_parser` events, producing our [`Node`] tree.
//!
//! Why not saphyr's own tree loader: it loses the spans of tagged scalars, keeps
//! `<<` merge keys literal, resolves scalars with the YAML 1.2 core schema and
//! recurses (a deeply nested file overflows the stack). This loader builds the
//! tree with an explicit stack, bounds nesting and alias expansion, resolves
//! plain scalars as YAML 1.1 (as CloudFormation does) and turns the short-form
//! intrinsic tags (`!Ref x`) into their long form (`{"Ref": x}`).

use super::Loaded;
use crate::model::{Entry, Node, Span, Value};
use saphyr_parser::{Event, Parser, ScalarStyle, Tag};
use std::collections::HashMap;

/// Deepest nesting of maps and lists (a short-form tag counts as one level).
pub const MAX_DEPTH: usize = 256;
/// Most nodes that alias expansion may copy in one file.
pub const MAX_ALIAS_NODES: usize = 100_000;

/// Short-form tags and the long-form key each one stands for.
const SHORT_FORMS: &[(&str, &str)] = &[
    ("Ref", "Ref"),
    ("Condition", "Condition"),
    ("Base64", "Fn::Base64"),
    ("Cidr", "Fn::Cidr"),
    ("FindInMap", "Fn::FindInMap"),
    ("GetAtt", "Fn::GetAtt"),
    ("GetAZs", "Fn::GetAZs"),
    ("ImportValue", "Fn::ImportValue"),
    ("Join", "Fn::Join"),
    ("Select", "Fn::Select"),
    ("Split", "Fn::Split"),
    ("Sub", "Fn::Sub"),
    ("Transform", "Fn::Transform"),
    ("And", "Fn::And"),
    ("Equals", "Fn::Equals"),
    ("If", "Fn::If"),
    ("Not", "Fn::Not"),
    ("Or", "Fn::Or"),
    ("Length", "Fn::Length"),
    ("ToJsonString", "Fn::ToJsonString"),
    ("GetParam", "Fn::GetParam"),
    // Rule-specific functions (template `Rules` section).
    ("Contains", "Fn::Contains"),
    ("EachMemberEquals", "Fn::EachMemberEquals"),
    ("EachMemberIn", "Fn::EachMemberIn"),
    ("RefAll", "Fn::RefAll"),
    ("ValueOf", "Fn::ValueOf"),
    ("ValueOfAll", "Fn::ValueOfAll"),
];

/// What a tag on a node asks for.
#[derive(Debug, Clone)]
enum TagKind {
    /// A short-form intrinsic: wrap the node in `{key: node}`.
    Intrinsic(&'static str),
    /// `!!str`, `!!binary`, `!!timestamp`, or the non-specific `!`: a string.
    Str,
    /// Other core-schema tags (`!!int`, `!!map`...): resolve as usual.
    Core,
    /// Anything else: reported, and the node becomes unknown.
    Unknown(String),
}

fn tag_kind(tag: &Tag) -> TagKind {
    if tag.handle == "!" {
        if tag.suffix.is_empty() {
            return TagKind::Str;
        }
        if let Some((_, long)) = SHORT_FORMS.iter().find(|(short, _)| *short == tag.suffix) {
            return TagKind::Intrinsic(long);
        }
    }
    if tag.is_yaml_core_schema() {
        return match tag.suffix.as_str() {
            "str" | "binary" | "timestamp" => TagKind::Str,
            "int" | "float" | "bool" | "null" | "map" | "seq" | "omap" | "set" => TagKind::Core,
            _ => TagKind::Unknown(format!("unknown tag !!{}", tag.suffix)),
        };
    }
    if tag.handle == "!" {
        TagKind::Unknown(format!("unknown tag !{}", tag.suffix))
    } else {
        TagKind::Unknown(format!("unknown tag {tag}"))
    }
}

/// Maps saphyr's character indexes to byte offsets.
struct Offsets {
    /// Byte offset of each character, plus one past the end; empty for ASCII text.
    table: Vec<u32>,
    len: usize,
}

impl Offsets {
    fn new(text: &str) -> Offsets {
        let table = if text.is_ascii() {
            Vec::new()
        } else {
            let mut t: Vec<u32> = text.char_indices().map(|(i, _)| i as u32).collect();
            t.push(text.len() as u32);
            t
        };
        Offsets {
            table,
            len: text.len(),
        }
    }

    fn byte(&self, char_index: usize) -> usize {
        if self.table.is_empty() {
            char_index.min(self.len)
        } else {
            self.table
                .get(char_index)
                .map(|b| *b as usize)
                .unwrap_or(self.len)
        }
    }

    fn span(&self, span: saphyr_parser::Span) -> Span {
        Span::new(self.byte(span.start.index()), self.byte(span.end.index()))
    }
}

enum Frame {
    Seq {
        span: Span,
        items: Vec<Node>,
        tag: Option<TagKind>,
        anchor: usize,
    },
    Map {
        span: Span,
        entries: Vec<Entry>,
        /// Where each key was first written (duplicate detection).
        seen: HashMap<String, Span>,
        /// Sources of `<<` merge keys, applied at the end of the map.
        merges: Vec<Node>,
        /// The key read, waiting for its value. `None` inside: an invalid key
        /// whose value is skipped.
        key: Option<Option<(String, Span, bool)>>,
        tag: Option<TagKind>,
        anchor: usize,
    },
}

struct Loader<'a> {
    offsets: Offsets,
    text: &'a str,
    stack: Vec<Frame>,
    anchors: HashMap<usize, Node>,
    alias_nodes: usize,
    alias_budget_reported: bool,
    alias_warned: bool,
    root: Option<Node>,
    documents: usize,
    /// Where the latest document started.
    later_document: Span,
    /// Nesting depth of a subtree being skipped because it is too deep.
    skipping: usize,
    skip_start: Span,
    errors: Vec<(Span, String)>,
    warnings: Vec<(Span, String)>,
}

/// Loads a YAML text. Errors are collected, never raised.
pub fn load(text: &str) -> Loaded {
    let mut loader = Loader {
        offsets: Offsets::new(text),
        text,
        stack: Vec::new(),
        anchors: HashMap::new(),
        alias_nodes: 0,
        alias_budget_reported: false,
        alias_warned: false,
        root: None,
        documents: 0,
        later_document: Span::default(),
        skipping: 0,
        skip_start: Span::default(),
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    let mut parser = Parser::new_from_str(text);
    loop {
        match parser.next_event() {
            None => break,
            Some(Ok((event, span))) => {
                let span = loader.offsets.span(span);
                if !loader.event(event, span) {
                    break;
                }
            }
            Some(Err(e)) => {
                let at = loader.offsets.byte(e.marker().index());
                let at = at.min(text.len());
                let mut message = format!("invalid YAML: {}", e.info());
                // Name the bracket left open: the error is often found far
                // from it (at the end of the file).
                if e.info().contains("flow") {
                    let open = loader.stack.iter().rev().find_map(|f| match f {
                        Frame::Seq { span, .. } | Frame::Map { span, .. }
                            if span.end > span.start =>
                        {
                            Some(span.start as usize)
                        }
                        _ => None,
                    });
                    if let Some(open) = open {
                        let line = line_of(text, open);
                        let before = text.get(..open).unwrap_or("");
                        let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
                        let column = before.get(line_start..).unwrap_or("").chars().count() + 1;
                        message.push_str(&format!(
                            " (for the bracket opened at line {line}, column {column})"
                        ));
                    }
                }
                loader.errors.push((Span::new(at, at), message));
                return Loaded {
                    root: None,
                    errors: loader.errors,
                    warnings: loader.warnings,
                };
            }
        }
    }
    Loaded {
        root: loader.root,
        errors: loader.errors,
        warnings: loader.warnings,
    }
}

impl Loader<'_> {
    /// Handles one event; false to stop reading.
    fn event(&mut self, event: Event<'_>, span: Span) -> bool {
        if self.skipping > 0 {
            match event {
                Event::SequenceStart(..) | Event::MappingStart(..) => self.skipping += 1,
                Event::SequenceEnd | Event::MappingEnd => {
                    self.skipping -= 1;
                    if self.skipping == 0 {
                        let node = Node::new(
                            Value::Unknown("nesting too deep to read".into()),
                            Span::new(self.skip_start.start as usize, span.end as usize),
                        );
                        self.complete(node, 0);
                    }
                }
                _ => {}
            }
            return true;
        }
        let is_map = matches!(event, Event::MappingStart(..));
        match event {
            Event::StreamStart | Event::StreamEnd | Event::Nothing | Event::DocumentEnd => {}
            Event::DocumentStart(_) => {
                self.documents += 1;
                self.later_document = span;
            }
            // A later document with content (an empty one after a final `---`
            // is fine).
            Event::Scalar(ref text, ScalarStyle::Plain, _, None)
                if self.documents > 1 && self.stack.is_empty() && text.is_empty() => {}
            Event::Scalar(..) | Event::SequenceStart(..) | Event::MappingStart(..)
                if self.documents > 1 =>
            {
                self.errors.push((
                    self.later_document,
                    "more than one YAML document: only the first is read".into(),
                ));
                return false;
            }
            Event::Scalar(text, style, anchor, tag) => {
                let tag = tag.map(|t| tag_kind(&t));
                // A map key is kept as written.
                if let Some(Frame::Map {
                    key: key @ None, ..
                }) = self.stack.last_mut()
                {
                    let is_merge = style == ScalarStyle::Plain && text == "<<" && tag.is_none();
                    match tag {
                        Some(TagKind::Intrinsic(_)) | Some(TagKind::Unknown(_)) => {
                            *key = Some(None);
                            self.errors
                                .push((span, "a map key cannot be a tagged value".into()));
                        }
                        _ => *key = Some(Some((text.into_owned(), span, is_merge))),
                    }
                    if anchor != 0 {
                        self.anchors.insert(
                            anchor,
                            Node::new(Value::String(key_text(&self.stack)), span),
                        );
                    }
                    return true;
                }
                let value = match &tag {
                    Some(TagKind::Str) => Value::String(text.into_owned()),
                    Some(TagKind::Unknown(message)) => {
                        self.errors.push((span, message.clone()));
                        Value::Unknown(message.clone())
                    }
                    _ if style != ScalarStyle::Plain => Value::String(text.into_owned()),
                    _ => resolve_plain(&text),
                };
                let node = wrap(Node::new(value, span), tag.as_ref());
                self.complete(node, anchor);
            }
            Event::SequenceStart(anchor, tag) | Event::MappingStart(anchor, tag) => {
                let tag = tag.map(|t| tag_kind(&t));
                if let Some(TagKind::Unknown(message)) = &tag {
                    self.errors.push((span, message.clone()));
                }
                let levels =
                    self.depth() + 1 + usize::from(matches!(tag, Some(TagKind::Intrinsic(_))));
                if levels > MAX_DEPTH {
                    self.errors.push((
                        span,
                        format!("nesting deeper than {MAX_DEPTH} levels: the rest of this value is not read"),
                    ));
                    self.skipping = 1;
                    self.skip_start = span;
                    return true;
                }
                if is_map {
                    self.stack.push(Frame::Map {
                        span,
                        entries: Vec::new(),
                        seen: HashMap::new(),
                        merges: Vec::new(),
                        key: None,
                        tag,
                        anchor,
                    });
                } else {
                    self.stack.push(Frame::Seq {
                        span,
                        items: Vec::new(),
                        tag,
                        anchor,
                    });
                }
            }
            Event::SequenceEnd | Event::MappingEnd => match self.stack.pop() {
                Some(Frame::Seq {
                    span: start,
                    items,
                    tag,
                    anchor,
                }) => {
                    let end = end_of(span, items.last().map(|n| n.span), start);
                    let mut node =
                        Node::new(Value::List(items), Span::new(start.start as usize, end));
                    if let Some(TagKind::Unknown(m)) = &tag {
                        node.value = Value::Unknown(m.clone());
                    }
                    let node = wrap(node, tag.as_ref());
                    self.complete(node, anchor);
                }
                Some(Frame::Map {
                    span: start,
                    mut entries,
                    mut seen,
                    merges,
                    key,
                    tag,
                    anchor,
                }) => {
                    if let Some(Some((k, key_span, _))) = key {
                        // A key without a value cannot happen in a well-formed
                        // stream, but keep it as null rather than lose it.
                        entries.push(Entry {
                            key: k,
                            key_span,
                            node: Node::new(Value::Null, key_span),
                        });
                    }
                    let last = entries.last().map(|e| e.node.span);
                    let end = end_of(span, last, start);
                    self.apply_merges(&mut entries, &mut seen, merges);
                    let mut node =
                        Node::new(Value::Map(entries), Span::new(start.start as usize, end));
                    if let Some(TagKind::Unknown(m)) = &tag {
                        node.value = Value::Unknown(m.clone());
                    }
                    let node = wrap(node, tag.as_ref());
                    self.complete(node, anchor);
                }
                None => {}
            },
            Event::Alias(id) => {
                if !self.alias_warned {
                    self.alias_warned = true;
                    self.warnings.push((
                        span,
                        "YAML alias: CloudFormation itself rejects aliases; they are expanded here as a YAML tool would".into(),
                    ));
                }
                let node = match self.anchors.get(&id) {
                    None => {
                        self.errors
                            .push((span, "alias to an unknown anchor".into()));
                        Node::new(Value::Unknown("alias to an unknown anchor".into()), span)
                    }
                    Some(target) if self.depth() + height(target) > MAX_DEPTH + 1 => {
                        let message = format!(
                            "nesting deeper than {MAX_DEPTH} levels once this alias is expanded: not expanded"
                        );
                        self.errors.push((span, message));
                        Node::new(Value::Unknown("alias not expanded".into()), span)
                    }
                    Some(target) => {
                        let size = count_nodes(target);
                        if self.alias_nodes + size > MAX_ALIAS_NODES {
                            if !self.alias_budget_reported {
                                self.alias_budget_reported = true;
                                self.errors.push((
                                    span,
                                    format!("aliases expand to more than {MAX_ALIAS_NODES} nodes: not expanded"),
                                ));
                            }
                            Node::new(Value::Unknown("alias not expanded".into()), span)
                        } else {
                            self.alias_nodes += size;
                            let mut copy = target.clone();
                            copy.span = span;
                            copy
                        }
                    }
                };
                // An alias used as a map key.
                if let Some(Frame::Map {
                    key: key @ None, ..
                }) = self.stack.last_mut()
                {
                    match node.scalar_text() {
                        Some(text) => *key = Some(Some((text, span, false))),
                        None => {
                            *key = Some(None);
                            self.errors
                                .push((span, "a map key must be a scalar".into()));
                        }
                    }
                    return true;
                }
                self.complete(node, 0);
            }
        }
        true
    }

    fn depth(&self) -> usize {
        self.stack
            .iter()
            .map(|f| match f {
                Frame::Seq { tag, .. } | Frame::Map { tag, .. } => {
                    1 + usize::from(matches!(tag, Some(TagKind::Intrinsic(_))))
                }
            })
            .sum()
    }

    /// A finished node goes into its parent (or becomes the root).
    fn complete(&mut self, node: Node, anchor: usize) {
        if anchor != 0 {
            self.anchors.insert(anchor, node.clone());
        }
        match self.stack.last_mut() {
            None => {
                if self.root.is_none() {
                    self.root = Some(node);
                }
            }
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map {
                entries,
                seen,
                merges,
                key,
                ..
            }) => match key.take() {
                None => {
                    // A map or list used as a key.
                    self.errors
                        .push((node.span, "a map key must be a scalar".into()));
                    *key = Some(None);
                }
                Some(None) => {}
                Some(Some((k, key_span, is_merge))) => {
                    if is_merge {
                        merges.push(node);
                    } else if let Some(first) = seen.get(&k) {
                        let first_at = *first;
                        let message = format!(
                            "duplicate key {k:?} (first at line {}): the first one is kept",
                            line_of(self.text, first_at.start as usize)
                        );
                        self.errors.push((key_span, message));
                    } else {
                        seen.insert(k.clone(), key_span);
                        entries.push(Entry {
                            key: k,
                            key_span,
                            node,
                        });
                    }
                }
            },
        }
    }

    /// `<<: *base` or `<<: [*a, *b]`: keys not written in the map come from
    /// the merged maps, earlier sources first.
    fn apply_merges(
        &mut self,
        entries: &mut Vec<Entry>,
        seen: &mut HashMap<String, Span>,
        merges: Vec<Node>,
    ) {
        for source in merges {
            let maps: Vec<Node> = match source.value {
                Value::Map(_) => vec![source],
                Value::List(items) => items,
                _ => {
                    self.errors.push((
                        source.span,
                        "a merge key `<<` needs a map or a list of maps".into(),
                    ));
                    continue;
                }
            };
            for map in maps {
                match map.value {
                    Value::Map(merged) => {
                        for entry in merged {
                            if !seen.contains_key(&entry.key) {
                                seen.insert(entry.key.clone(), entry.key_span);
                                entries.push(entry);
                            }
                        }
                    }
                    _ => self.errors.push((
                        map.span,
                        "a merge key `<<` needs a map or a list of maps".into(),
                    )),
                }
            }
        }
    }
}

/// The text of the key being read in the innermost map (for an anchored key).
fn key_text(stack: &[Frame]) -> String {
    match stack.last() {
        Some(Frame::Map {
            key: Some(Some((k, _, _))),
            ..
        }) => k.clone(),
        _ => String::new(),
    }
}

/// End of a container: a flow container's closing bracket, else its last child.
fn end_of(end_event: Span, last_child: Option<Span>, start: Span) -> usize {
    let mut end = start.end.max(start.start);
    if let Some(child) = last_child {
        end = end.max(child.end);
    }
    if end_event.end > end_event.start {
        end = end.max(end_event.end);
    }
    end as usize
}

fn wrap(node: Node, tag: Option<&TagKind>) -> Node {
    match tag {
        Some(TagKind::Intrinsic(key)) => {
            let span = node.span;
            let key_span = Span::new(span.start as usize, span.start as usize);
            Node::new(
                Value::Map(vec![Entry {
                    key: (*key).to_string(),
                    key_span,
                    node: if *key == "Fn::GetAtt" {
                        split_getatt(node)
                    } else {
                        node
                    },
                }]),
                span,
            )
        }
        _ => node,
    }
}

/// `!GetAtt Res.Attr.Sub` is `["Res", "Attr.Sub"]`.
fn split_getatt(node: Node) -> Node {
    match &node.value {
        Value::String(s) => match s.split_once('.') {
            Some((res, attr)) => Node::new(
                Value::List(vec![
                    Node::new(Value::String(res.into()), node.span),
                    Node::new(Value::String(attr.into()), node.span),
                ]),
                node.span,
            ),
            None => node,
        },
        _ => node,
    }
}

/// Levels of maps and lists in a node (a scalar is 1). Nodes built here are
/// never deeper than [`MAX_DEPTH`] (plus one), so this recursion is bounded.
fn height(node: &Node) -> usize {
    1 + match &node.value {
        Value::List(items) | Value::Either(items) => items.iter().map(height).max().unwrap_or(0),
        Value::Map(entries) => entries.iter().map(|e| height(&e.node)).max().unwrap_or(0),
        _ => 0,
    }
}

fn count_nodes(node: &Node) -> usize {
    1 + match &node.value {
        Value::List(items) | Value::Either(items) => items.iter().map(count_nodes).sum(),
        Value::Map(entries) => entries.iter().map(|e| count_nodes(&e.node)).sum(),
        _ => 0,
    }
}

pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// Resolves a plain scalar as YAML 1.1 does (the schema CloudFormation's
/// parser follows): `yes`/`no`/`on`/`off` are booleans, `0755` is octal,
/// `0x1F` hex, `1_000` an integer, `~` null. Integers too large to be exact
/// as a number stay strings.
pub fn resolve_plain(text: &str) -> Value {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" | "yes" | "Yes" | "YES" | "on" | "On" | "ON" => {
            return Value::Bool(true);
        }
        "false" | "False" | "FALSE" | "no" | "No" | "NO" | "off" | "Off" | "OFF" => {
            return Value::Bool(false);
        }
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Value::Number(f64::INFINITY);
        }
        "-.inf" | "-.Inf" | "-.INF" => return Value::Number(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Value::Number(f64::NAN),
        _ => {}
    }
    if let Some(n) = parse_int(text) {
        return n;
    }
    if let Some(n) = parse_float(text) {
        return Value::Number(n);
    }
    Value::String(text.to_string())
}

const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53

fn parse_int(text: &str) -> Option<Value> {
    let (negative, body) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    if body.is_empty() || !body.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    let number = |digits: &str, radix: u32| -> Option<f64> {
        let cleaned: String = digits.chars().filter(|c| *c != '_').collect();
        if cleaned.is_empty() {
            return None;
        }
        let n = u128::from_str_radix(&cleaned, radix).ok()? as f64;
        Some(n)
    };
    let value = if let Some(hex) = body.strip_prefix("0x") {
        if !hex.chars().all(|c| c.is_ascii_hexdigit() || c == '_') {
            return None;
        }
        number(hex, 16)
    } else if let Some(bin) = body.strip_prefix("0b") {
        if !bin.chars().all(|c| c == '0' || c == '1' || c == '_') {
            return None;
        }
        number(bin, 2)
    } else if body.len() > 1 && body.starts_with('0') {
        if !body.chars().all(|c| ('0'..='7').contains(&c) || c == '_') {
            return None;
        }
        number(body, 8)
    } else if body.contains(':') {
        // Sexagesimal: 190:20:30.
        let mut parts = body.split(':');
        let first = parts.next()?;
        if !first.chars().all(|c| c.is_ascii_digit() || c == '_') || first.starts_with('0') {
            return None;
        }
        let mut n = number(first, 10)?;
        for part in parts {
            if part.is_empty() || part.len() > 2 || !part.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            let v: f64 = part.parse().ok()?;
            if v >= 60.0 {
                return None;
            }
            n = n * 60.0 + v;
        }
        Some(n)
    } else {
        if !body.chars().all(|c| c.is_ascii_digit() || c == '_') {
            return None;
        }
        number(body, 10)
    };
    let Some(n) = value else {
        // Too large even for u128: keep the text.
        return Some(Value::String(text.to_string()));
    };
    if n >= EXACT {
        return Some(Value::String(text.to_string()));
    }
    Some(Value::Number(if negative { -n } else { n }))
}

/// YAML 1.1 floats need a dot: `1.5`, `-.5`, `6.8523015e+5`, `1_000.5`.
fn parse_float(text: &str) -> Option<f64> {
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    if !body.contains('.') {
        return None;
    }
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    if !mantissa
        .chars()
        .all(|c| c.is_ascii_digit() || c == '_' || c == '.')
        || mantissa.matches('.').count() != 1
        || !mantissa.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    if let Some(exp) = exponent {
        let digits = exp.strip_prefix(['-', '+'])?;
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
    }
    let cleaned: String = text.chars().filter(|c| *c != '_').collect();
    cleaned.parse().ok()
}
