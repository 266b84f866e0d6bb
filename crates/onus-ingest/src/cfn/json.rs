//! JSON templates through jsonc-parser in strict mode (plain JSON, as
//! CloudFormation accepts it: no comments, no trailing commas).

use super::Loaded;
use crate::model::{Entry, Node, Span, Value};
use jsonc_parser::ast;
use jsonc_parser::{CollectOptions, CommentCollectionStrategy, ParseOptions};
use std::collections::HashMap;

pub(crate) fn strict_options() -> ParseOptions {
    ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    }
}

/// Loads a JSON text. Errors are collected, never raised.
pub fn load(text: &str) -> Loaded {
    let collect = CollectOptions {
        comments: CommentCollectionStrategy::Off,
        tokens: false,
    };
    let mut loaded = Loaded::default();
    match jsonc_parser::parse_to_ast(text, &collect, &strict_options()) {
        Err(e) => {
            let range = e.range();
            let start = range.start.min(text.len());
            let end = range.end.min(text.len()).max(start);
            loaded
                .errors
                .push((Span::new(start, end), format!("invalid JSON: {}", e.kind())));
        }
        Ok(result) => match result.value {
            None => loaded
                .errors
                .push((Span::new(0, 0), "invalid JSON: the file is empty".into())),
            Some(value) => {
                let root = convert(text, value, 0, &mut loaded.errors);
                loaded.root = Some(root);
            }
        },
    }
    loaded
}

fn span(range: jsonc_parser::common::Range) -> Span {
    Span::new(range.start, range.end)
}

fn convert(
    text: &str,
    value: ast::Value<'_>,
    depth: usize,
    errors: &mut Vec<(Span, String)>,
) -> Node {
    match value {
        ast::Value::StringLit(s) => Node::new(Value::String(s.value.into_owned()), span(s.range)),
        ast::Value::NumberLit(n) => {
            let parsed: Option<f64> = n.value.parse().ok().filter(|f: &f64| f.is_finite());
            let exact_int = !n.value.contains(['.', 'e', 'E']);
            let value = match parsed {
                Some(f) if !(exact_int && f.abs() >= 9_007_199_254_740_992.0) => Value::Number(f),
                // Too large to hold exactly: keep the digits.
                _ => Value::String(n.value.to_string()),
            };
            Node::new(value, span(n.range))
        }
        ast::Value::BooleanLit(b) => Node::new(Value::Bool(b.value), span(b.range)),
        ast::Value::NullKeyword(n) => Node::new(Value::Null, span(n.range)),
        ast::Value::Array(a) => {
            let range = span(a.range);
            if depth >= super::yaml::MAX_DEPTH {
                errors.push((
                    range,
                    format!(
                        "nesting deeper than {} levels: the rest of this value is not read",
                        super::yaml::MAX_DEPTH
                    ),
                ));
                return Node::new(Value::Unknown("nesting too deep to read".into()), range);
            }
            let items = a
                .elements
                .into_iter()
                .map(|v| convert(text, v, depth + 1, errors))
                .collect();
            Node::new(Value::List(items), range)
        }
        ast::Value::Object(o) => {
            let range = span(o.range);
            if depth >= super::yaml::MAX_DEPTH {
                errors.push((
                    range,
                    format!(
                        "nesting deeper than {} levels: the rest of this value is not read",
                        super::yaml::MAX_DEPTH
                    ),
                ));
                return Node::new(Value::Unknown("nesting too deep to read".into()), range);
            }
            let mut entries: Vec<Entry> = Vec::with_capacity(o.properties.len());
            let mut seen: HashMap<String, u32> = HashMap::new();
            for prop in o.properties {
                let (key, key_span) = match prop.name {
                    ast::ObjectPropName::String(s) => (s.value.into_owned(), span(s.range)),
                    ast::ObjectPropName::Word(w) => (w.value.to_string(), span(w.range)),
                };
                if let Some(first) = seen.get(&key) {
                    errors.push((
                        key_span,
                        format!(
                            "duplicate key {key:?} (first at line {}): the first one is kept",
                            super::yaml::line_of(text, *first as usize)
                        ),
                    ));
                    continue;
                }
                seen.insert(key.clone(), key_span.start);
                let node = convert(text, prop.value, depth + 1, errors);
                entries.push(Entry {
                    key,
                    key_span,
                    node,
                });
            }
            Node::new(Value::Map(entries), range)
        }
    }
}
