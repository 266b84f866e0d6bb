//! `Fn::ForEach` (the `AWS::LanguageExtensions` transform), expanded before
//! evaluation when its collection is known statically.
//!
//! ```yaml
//! Fn::ForEach::Tables:
//!   - Name                      # identifier
//!   - [Points, Score]           # collection (or a Ref to a list parameter)
//!   - Table${Name}:             # output key: ${Name} or &{Name} (alphanumerics only)
//!       Type: AWS::DynamoDB::Table
//!       Properties: {TableName: !Ref Name}
//! ```

use super::eval::{Evaluator, intrinsic};
use crate::model::{Entry, Node, Span, Value};
use std::collections::HashSet;

/// Most nodes all loops of a template may produce.
const MAX_OUTPUTS: usize = 1_000_000;

pub struct Expander<'e, 'a> {
    pub ev: &'e mut Evaluator<'a>,
    outputs: usize,
}

impl<'e, 'a> Expander<'e, 'a> {
    pub fn new(ev: &'e mut Evaluator<'a>) -> Self {
        Expander { ev, outputs: 0 }
    }

    /// The node with every `Fn::ForEach::*` key of its maps expanded.
    pub fn expand(&mut self, node: &Node) -> Node {
        match &node.value {
            Value::Map(entries) => {
                if !entries.iter().any(|e| e.key.starts_with("Fn::ForEach::"))
                    && !entries.iter().any(|e| has_loop(&e.node))
                {
                    return node.clone();
                }
                let mut out: Vec<Entry> = Vec::with_capacity(entries.len());
                let mut keys: HashSet<String> = entries
                    .iter()
                    .filter(|e| !e.key.starts_with("Fn::ForEach::"))
                    .map(|e| e.key.clone())
                    .collect();
                for e in entries {
                    if e.key.starts_with("Fn::ForEach::") {
                        for produced in self.expand_loop(e) {
                            if !keys.insert(produced.key.clone()) {
                                self.ev.diags.errors.push((
                                    e.key_span,
                                    format!("{}: it produces {} twice", e.key, produced.key),
                                ));
                            } else {
                                out.push(produced);
                            }
                        }
                    } else {
                        out.push(Entry {
                            key: e.key.clone(),
                            key_span: e.key_span,
                            node: self.expand(&e.node),
                        });
                    }
                }
                Node::new(Value::Map(out), node.span)
            }
            Value::List(items) if items.iter().any(has_loop) => Node::new(
                Value::List(items.iter().map(|i| self.expand(i)).collect()),
                node.span,
            ),
            _ => node.clone(),
        }
    }

    /// The entries one loop produces; none (with an error) when it cannot be
    /// expanded.
    fn expand_loop(&mut self, e: &Entry) -> Vec<Entry> {
        let fail = |ev: &mut Evaluator<'_>, span: Span, why: &str| {
            ev.diags
                .errors
                .push((span, format!("{}: {why}, what it makes is not read", e.key)));
            Vec::new()
        };
        let Some([ident, collection, template]) = e
            .node
            .as_list()
            .and_then(|l| <&[Node; 3]>::try_from(l).ok())
        else {
            return fail(
                self.ev,
                e.key_span,
                "Fn::ForEach needs [identifier, collection, template]",
            );
        };
        let Some(ident) = ident.as_str() else {
            return fail(self.ev, ident.span, "the loop identifier must be a string");
        };
        let Some(Value::Map(outputs)) = Some(&template.value) else {
            return fail(self.ev, template.span, "the loop template must be a map");
        };
        let mut scratch = Vec::new();
        let values = self.ev.eval(collection, "Fn::ForEach", &mut scratch);
        let items: Option<Vec<String>> = match values.as_ref().map(|v| &v.value) {
            Some(Value::List(items)) => items
                .iter()
                .map(|i| match &i.value {
                    Value::String(_) | Value::Number(_) | Value::Bool(_) => i.scalar_text(),
                    _ => None,
                })
                .collect(),
            _ => None,
        };
        let Some(items) = items else {
            let why = values
                .as_ref()
                .map(super::eval::describe)
                .unwrap_or_else(|| "AWS::NoValue".into());
            return fail(
                self.ev,
                collection.span,
                &format!("the collection is not known statically ({why})"),
            );
        };
        let mut out = Vec::new();
        for item in &items {
            for o in outputs {
                self.outputs += size(&o.node);
                if self.outputs > MAX_OUTPUTS {
                    return fail(
                        self.ev,
                        e.key_span,
                        &format!("loops produce more than {MAX_OUTPUTS} nodes"),
                    );
                }
                let replaced = substitute(&o.node, ident, item, false);
                out.push(Entry {
                    key: replace_key(&o.key, ident, item),
                    key_span: o.key_span,
                    node: self.expand(&replaced),
                });
            }
        }
        out
    }
}

fn size(node: &Node) -> usize {
    1 + match &node.value {
        Value::List(items) | Value::Either(items) => items.iter().map(size).sum(),
        Value::Map(entries) => entries.iter().map(|e| size(&e.node)).sum(),
        _ => 0,
    }
}

/// True when a `Fn::ForEach::*` key appears anywhere in the node.
pub fn has_loop(node: &Node) -> bool {
    match &node.value {
        Value::Map(entries) => entries
            .iter()
            .any(|e| e.key.starts_with("Fn::ForEach::") || has_loop(&e.node)),
        Value::List(items) => items.iter().any(has_loop),
        _ => false,
    }
}

fn replace_key(key: &str, ident: &str, value: &str) -> String {
    let alnum: String = value
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    key.replace(&format!("${{{ident}}}"), value)
        .replace(&format!("&{{{ident}}}"), &alnum)
}

/// Replaces the identifier: `{"Ref": ident}` becomes the value, and
/// `${ident}` / `&{ident}` inside `Fn::Sub` strings and in keys.
fn substitute(node: &Node, ident: &str, value: &str, in_sub: bool) -> Node {
    if let Some(("Ref", arg)) = intrinsic(node)
        && arg.as_str() == Some(ident)
    {
        return Node::new(Value::String(value.to_string()), node.span);
    }
    match &node.value {
        Value::String(s) if in_sub => {
            Node::new(Value::String(replace_key(s, ident, value)), node.span)
        }
        Value::Map(entries) => {
            let sub = intrinsic(node).is_some_and(|(name, _)| name == "Fn::Sub");
            Node::new(
                Value::Map(
                    entries
                        .iter()
                        .map(|e| Entry {
                            key: replace_key(&e.key, ident, value),
                            key_span: e.key_span,
                            node: substitute(&e.node, ident, value, sub),
                        })
                        .collect(),
                ),
                node.span,
            )
        }
        Value::List(items) => Node::new(
            Value::List(
                items
                    .iter()
                    .enumerate()
                    // In `Fn::Sub: [string, vars]` only the string is a template.
                    .map(|(i, n)| substitute(n, ident, value, in_sub && i == 0))
                    .collect(),
            ),
            node.span,
        ),
        _ => node.clone(),
    }
}
