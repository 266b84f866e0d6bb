//! Partial evaluation of Terraform expressions into [`Node`]s.
//!
//! Everything static is computed; references to resources become
//! [`Value::Ref`]; anything else becomes [`Value::Unknown`] naming what could
//! not be resolved. Every produced node carries the span of the expression that
//! produced it in the file being read (values coming from variables or locals
//! declared elsewhere are re-spanned to the place of use).

use crate::model::{Entry, Node, ResourceRef, Span, Value};
use hcl_edit::Span as _;
use hcl_edit::expr::{BinaryOperator, Expression, ObjectKey, TraversalOperator, UnaryOperator};
use hcl_edit::template::{Directive, Element, Template};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Maximum recursion depth of evaluation (nested calls, locals chains).
const MAX_DEPTH: usize = 64;

/// Prefix of the reason of an Unknown that is a template whose only unknown
/// parts are resource references; the rest of the text is the template with
/// `${target.attr}` placeholders. `jsonencode` renders it as that text.
pub const TEMPLATE_OF_REFS: &str = "template: ";

/// What names resolve to in one module instance.
pub struct Scope<'a> {
    /// Variable values (already evaluated, spans in their own files).
    pub vars: HashMap<String, Node>,
    /// Local value expressions, evaluated lazily.
    pub locals: HashMap<String, &'a Expression>,
    pub local_cache: RefCell<HashMap<String, Node>>,
    pub local_busy: RefCell<HashSet<String>>,
    /// Resource types declared in the module (for `TYPE.NAME` references).
    pub resource_types: HashSet<String>,
    /// `path.module`, relative to the root module.
    pub path_module: String,
    /// Root directory of the scan: `file()` reads only below it.
    pub root_dir: PathBuf,
    /// Warnings raised during evaluation (file reads refused, ...).
    pub warnings: RefCell<Vec<(Span, String)>>,
    /// Outputs of the module calls already read, by call name.
    pub module_outputs: RefCell<HashMap<String, Node>>,
}

impl<'a> Scope<'a> {
    pub fn new(root_dir: &Path, _module_dir: &Path, path_module: String) -> Scope<'a> {
        Scope {
            vars: HashMap::new(),
            locals: HashMap::new(),
            local_cache: RefCell::new(HashMap::new()),
            local_busy: RefCell::new(HashSet::new()),
            resource_types: HashSet::new(),
            path_module,
            root_dir: root_dir.to_path_buf(),
            warnings: RefCell::new(Vec::new()),
            module_outputs: RefCell::new(HashMap::new()),
        }
    }
}

/// One evaluation: a scope, bound names (`count`, `each`, for-expression and
/// dynamic-block iterators), and the references seen.
pub struct Eval<'s, 'a> {
    pub scope: &'s Scope<'a>,
    pub bindings: Vec<(String, Node)>,
    pub refs: RefCell<Vec<(String, Span)>>,
    depth: std::cell::Cell<usize>,
}

pub fn span_of(range: Option<std::ops::Range<usize>>) -> Span {
    range.map(|r| Span::new(r.start, r.end)).unwrap_or_default()
}

pub fn unknown(why: impl Into<String>, span: Span) -> Node {
    Node::new(Value::Unknown(why.into()), span)
}

/// Gives a node and all its children one span (the place of use).
pub fn respan(node: &Node, span: Span) -> Node {
    let value = match &node.value {
        Value::List(items) => Value::List(items.iter().map(|n| respan(n, span)).collect()),
        Value::Either(items) => Value::Either(items.iter().map(|n| respan(n, span)).collect()),
        Value::Map(entries) => Value::Map(
            entries
                .iter()
                .map(|e| Entry {
                    key: e.key.clone(),
                    key_span: span,
                    node: respan(&e.node, span),
                })
                .collect(),
        ),
        other => other.clone(),
    };
    Node::new(value, span)
}

/// True when the node and all its children are known values.
pub fn is_static(node: &Node) -> bool {
    match &node.value {
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => true,
        Value::List(items) => items.iter().all(is_static),
        Value::Map(entries) => entries.iter().all(|e| is_static(&e.node)),
        _ => false,
    }
}

/// The first unresolved thing in a node, to name it in an Unknown.
/// The (key, value) pairs a `for` expression or a `for_each` iterates: a
/// list's indices and items, a map's keys and values; `None` for anything
/// else.
pub fn key_value_pairs(coll: &Node) -> Option<Vec<(Node, Node)>> {
    match &coll.value {
        Value::List(items) => Some(
            items
                .iter()
                .enumerate()
                .map(|(i, n)| (Node::new(Value::Number(i as f64), n.span), n.clone()))
                .collect(),
        ),
        Value::Map(entries) => Some(
            entries
                .iter()
                .map(|e| {
                    (
                        Node::new(Value::String(e.key.clone()), e.key_span),
                        e.node.clone(),
                    )
                })
                .collect(),
        ),
        _ => None,
    }
}

pub fn first_unknown(node: &Node) -> Option<String> {
    match &node.value {
        Value::Unknown(why) => Some(why.clone()),
        Value::Ref(r) => Some(ref_text(r)),
        Value::Either(_) => Some("a value that depends on a condition".into()),
        Value::List(items) => items.iter().find_map(first_unknown),
        Value::Map(entries) => entries.iter().find_map(|e| first_unknown(&e.node)),
        _ => None,
    }
}

pub fn ref_text(r: &ResourceRef) -> String {
    match &r.attribute {
        Some(a) => format!("{}.{}", r.target, a),
        None => r.target.clone(),
    }
}

fn num_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        (n as i64).to_string()
    } else {
        n.to_string()
    }
}

/// Converts a static node to JSON; `None` when something is not static.
pub fn to_json(node: &Node) -> Option<serde_json::Value> {
    use serde_json::Value as J;
    Some(match &node.value {
        Value::Null => J::Null,
        Value::Bool(b) => J::Bool(*b),
        Value::Number(n) => {
            if n.fract() == 0.0 && n.abs() < 9.0e15 {
                J::from(*n as i64)
            } else {
                serde_json::Number::from_f64(*n).map(J::Number)?
            }
        }
        Value::String(s) => J::String(s.clone()),
        Value::List(items) => J::Array(items.iter().map(to_json).collect::<Option<_>>()?),
        Value::Map(entries) => J::Object(
            entries
                .iter()
                .map(|e| Some((e.key.clone(), to_json(&e.node)?)))
                .collect::<Option<_>>()?,
        ),
        Value::Ref(r) => J::String(format!("${{{}}}", ref_text(r))),
        Value::Unknown(why) => J::String(why.strip_prefix(TEMPLATE_OF_REFS)?.to_string()),
        Value::Either(_) => return None,
    })
}

/// Converts JSON to a node, every part with `span`.
pub fn from_json(json: &serde_json::Value, span: Span) -> Node {
    use serde_json::Value as J;
    let value = match json {
        J::Null => Value::Null,
        J::Bool(b) => Value::Bool(*b),
        J::Number(n) => n.as_f64().map(Value::Number).unwrap_or(Value::Null),
        J::String(s) => Value::String(s.clone()),
        J::Array(items) => Value::List(items.iter().map(|j| from_json(j, span)).collect()),
        J::Object(map) => Value::Map(
            map.iter()
                .map(|(k, v)| Entry {
                    key: k.clone(),
                    key_span: span,
                    node: from_json(v, span),
                })
                .collect(),
        ),
    };
    Node::new(value, span)
}

/// Text of a traversal for Unknown reasons (`var.x`, `module.a.b`).
pub fn expr_text(expr: &Expression) -> String {
    match expr {
        Expression::Variable(v) => v.as_str().to_string(),
        Expression::Traversal(t) => {
            let mut s = expr_text(&t.expr);
            for op in &t.operators {
                match op.value() {
                    TraversalOperator::GetAttr(id) => {
                        s.push('.');
                        s.push_str(id.as_str());
                    }
                    TraversalOperator::AttrSplat(_) => s.push_str(".*"),
                    TraversalOperator::FullSplat(_) => s.push_str("[*]"),
                    TraversalOperator::LegacyIndex(i) => s.push_str(&format!(".{}", i.value())),
                    TraversalOperator::Index(e) => match e {
                        Expression::Number(n) => s.push_str(&format!("[{}]", n.value())),
                        Expression::String(st) => s.push_str(&format!("[{:?}]", st.as_str())),
                        _ => s.push_str("[…]"),
                    },
                }
            }
            s
        }
        Expression::FuncCall(f) => format!("{}(…)", f.name.name.as_str()),
        _ => "an expression".into(),
    }
}

impl<'s, 'a> Eval<'s, 'a> {
    pub fn new(scope: &'s Scope<'a>) -> Eval<'s, 'a> {
        Eval {
            scope,
            bindings: Vec::new(),
            refs: RefCell::new(Vec::new()),
            depth: std::cell::Cell::new(0),
        }
    }

    pub fn with_bindings(scope: &'s Scope<'a>, bindings: Vec<(String, Node)>) -> Eval<'s, 'a> {
        let mut e = Eval::new(scope);
        e.bindings = bindings;
        e
    }

    fn binding(&self, name: &str) -> Option<&Node> {
        self.bindings
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v)
    }

    pub fn eval(&self, expr: &Expression) -> Node {
        let span = span_of(expr.span());
        let d = self.depth.get();
        if d >= MAX_DEPTH {
            return unknown("expression nested too deeply", span);
        }
        self.depth.set(d + 1);
        let node = self.eval_inner(expr, span);
        self.depth.set(d);
        node
    }

    fn eval_inner(&self, expr: &Expression, span: Span) -> Node {
        match expr {
            Expression::Null(_) => Node::new(Value::Null, span),
            Expression::Bool(b) => Node::new(Value::Bool(*b.value()), span),
            Expression::Number(n) => match n.value().as_f64() {
                Some(f) => Node::new(Value::Number(f), span),
                None => unknown("number out of range", span),
            },
            Expression::String(s) => Node::new(Value::String(s.value().clone()), span),
            Expression::Array(a) => {
                Node::new(Value::List(a.iter().map(|e| self.eval(e)).collect()), span)
            }
            Expression::Object(o) => {
                let mut entries: Vec<Entry> = Vec::new();
                for (k, v) in o.iter() {
                    let (key, key_span) = match k {
                        ObjectKey::Ident(id) => (id.as_str().to_string(), span_of(id.span())),
                        ObjectKey::Expression(e) => {
                            let kn = self.eval(e);
                            match kn.scalar_text() {
                                Some(t) => (t, kn.span),
                                None => {
                                    // A key that is not known: the whole object is not either.
                                    let why = first_unknown(&kn)
                                        .unwrap_or_else(|| "an object key".into());
                                    return unknown(format!("object with key {why}"), span);
                                }
                            }
                        }
                    };
                    let node = self.eval(v.expr());
                    entries.retain(|e| e.key != key);
                    entries.push(Entry {
                        key,
                        key_span,
                        node,
                    });
                }
                Node::new(Value::Map(entries), span)
            }
            Expression::StringTemplate(t) => self.template(t, span),
            Expression::HeredocTemplate(h) => self.template(&h.template, span),
            Expression::Parenthesis(p) => {
                let n = self.eval(p.inner());
                Node::new(n.value, span)
            }
            Expression::Variable(v) => self.traversal(expr, v.as_str(), &[], span),
            Expression::Traversal(t) => match &t.expr {
                Expression::Variable(v) => {
                    let ops: Vec<&TraversalOperator> =
                        t.operators.iter().map(|o| o.value()).collect();
                    self.traversal(expr, v.as_str(), &ops, span)
                }
                inner => {
                    let base = self.eval(inner);
                    let ops: Vec<&TraversalOperator> =
                        t.operators.iter().map(|o| o.value()).collect();
                    self.apply_ops(base, &ops, span)
                }
            },
            Expression::Conditional(c) => {
                let cond = self.eval(&c.cond_expr);
                match cond.value {
                    Value::Bool(true) => self.eval(&c.true_expr),
                    Value::Bool(false) => self.eval(&c.false_expr),
                    _ => {
                        let a = self.eval(&c.true_expr);
                        let b = self.eval(&c.false_expr);
                        if a.value == b.value {
                            Node::new(a.value, span)
                        } else {
                            Node::new(Value::Either(vec![a, b]), span)
                        }
                    }
                }
            }
            Expression::FuncCall(f) => {
                let name = if f.name.is_namespaced() {
                    let mut s: Vec<String> = f
                        .name
                        .namespace
                        .iter()
                        .map(|n| n.as_str().to_string())
                        .collect();
                    s.push(f.name.name.as_str().to_string());
                    s.join("::")
                } else {
                    f.name.name.as_str().to_string()
                };
                let args: Vec<&Expression> = f.args.iter().collect();
                super::funcs::call(self, &name, &args, f.args.expand_final(), span)
            }
            Expression::UnaryOp(u) => {
                let v = self.eval(&u.expr);
                match (u.operator.value(), &v.value) {
                    (UnaryOperator::Neg, Value::Number(n)) => Node::new(Value::Number(-n), span),
                    (UnaryOperator::Not, Value::Bool(b)) => Node::new(Value::Bool(!b), span),
                    _ => self.not_static("operand", &v, span),
                }
            }
            Expression::BinaryOp(b) => {
                self.binary(*b.operator.value(), &b.lhs_expr, &b.rhs_expr, span)
            }
            Expression::ForExpr(f) => self.for_expr(f, span),
        }
    }

    pub fn not_static(&self, what: &str, node: &Node, span: Span) -> Node {
        match &node.value {
            Value::Unknown(w) if !w.starts_with(TEMPLATE_OF_REFS) => unknown(w.clone(), span),
            _ => unknown(
                format!(
                    "{what} {}",
                    first_unknown(node).unwrap_or_else(|| "of the wrong type".into())
                ),
                span,
            ),
        }
    }

    fn binary(&self, op: BinaryOperator, l: &Expression, r: &Expression, span: Span) -> Node {
        let a = self.eval(l);
        // Short-circuit on static booleans.
        match (op, &a.value) {
            (BinaryOperator::And, Value::Bool(false)) => {
                return Node::new(Value::Bool(false), span);
            }
            (BinaryOperator::Or, Value::Bool(true)) => return Node::new(Value::Bool(true), span),
            _ => {}
        }
        let b = self.eval(r);
        use BinaryOperator as B;
        match op {
            B::Eq | B::NotEq => {
                if !is_static(&a) || !is_static(&b) {
                    let bad = if is_static(&a) { &b } else { &a };
                    return self.not_static("comparison with", bad, span);
                }
                let eq = values_equal(&a, &b);
                Node::new(Value::Bool(if op == B::Eq { eq } else { !eq }), span)
            }
            B::And | B::Or => match (&a.value, &b.value) {
                (Value::Bool(x), Value::Bool(y)) => Node::new(
                    Value::Bool(if op == B::And { *x && *y } else { *x || *y }),
                    span,
                ),
                _ => {
                    let bad = if matches!(a.value, Value::Bool(_)) {
                        &b
                    } else {
                        &a
                    };
                    self.not_static("condition on", bad, span)
                }
            },
            _ => {
                let (Some(x), Some(y)) = (a.as_f64(), b.as_f64()) else {
                    let bad = if a.as_f64().is_some() { &b } else { &a };
                    return self.not_static("arithmetic on", bad, span);
                };
                let v = match op {
                    B::Plus => Value::Number(x + y),
                    B::Minus => Value::Number(x - y),
                    B::Mul => Value::Number(x * y),
                    B::Div if y != 0.0 => Value::Number(x / y),
                    B::Mod if y != 0.0 => Value::Number(x % y),
                    B::Div | B::Mod => return unknown("division by zero", span),
                    B::Less => Value::Bool(x < y),
                    B::LessEq => Value::Bool(x <= y),
                    B::Greater => Value::Bool(x > y),
                    B::GreaterEq => Value::Bool(x >= y),
                    _ => return unknown("operator", span),
                };
                Node::new(v, span)
            }
        }
    }

    fn for_expr(&self, f: &hcl_edit::expr::ForExpr, span: Span) -> Node {
        let coll = self.eval(&f.intro.collection_expr);
        let Some(items) = key_value_pairs(&coll) else {
            return self.not_static("for expression over", &coll, span);
        };
        let key_var = f.intro.key_var.as_ref().map(|k| k.as_str().to_string());
        let value_var = f.intro.value_var.as_str().to_string();
        let mut list = Vec::new();
        let mut map: Vec<Entry> = Vec::new();
        for (k, v) in items {
            let mut bindings = self.bindings.clone();
            if let Some(kv) = &key_var {
                bindings.push((kv.clone(), k));
            }
            bindings.push((value_var.clone(), v));
            let inner = Eval {
                scope: self.scope,
                bindings,
                refs: RefCell::new(Vec::new()),
                depth: std::cell::Cell::new(self.depth.get()),
            };
            let keep = match &f.cond {
                Some(c) => inner.eval(&c.expr),
                None => Node::new(Value::Bool(true), span),
            };
            let result = match keep.value {
                Value::Bool(false) => None,
                Value::Bool(true) => match &f.key_expr {
                    Some(ke) => {
                        let key = inner.eval(ke);
                        let Some(key) = key.scalar_text() else {
                            let out = self.not_static("for expression key", &key, span);
                            self.refs.borrow_mut().extend(inner.refs.into_inner());
                            return out;
                        };
                        Some((Some(key), inner.eval(&f.value_expr)))
                    }
                    None => Some((None, inner.eval(&f.value_expr))),
                },
                _ => {
                    let out = self.not_static("for expression condition", &keep, span);
                    self.refs.borrow_mut().extend(inner.refs.into_inner());
                    return out;
                }
            };
            self.refs.borrow_mut().extend(inner.refs.into_inner());
            match result {
                None => {}
                Some((None, v)) => list.push(v),
                Some((Some(k), v)) => {
                    if f.grouping {
                        if let Some(e) = map.iter_mut().find(|e| e.key == k) {
                            if let Value::List(l) = &mut e.node.value {
                                l.push(v);
                            }
                        } else {
                            map.push(Entry {
                                key: k,
                                key_span: span,
                                node: Node::new(Value::List(vec![v]), span),
                            });
                        }
                    } else {
                        map.retain(|e| e.key != k);
                        map.push(Entry {
                            key: k,
                            key_span: span,
                            node: v,
                        });
                    }
                }
            }
        }
        if f.key_expr.is_some() {
            Node::new(Value::Map(map), span)
        } else {
            Node::new(Value::List(list), span)
        }
    }

    fn template(&self, t: &Template, span: Span) -> Node {
        // A template that is a single interpolation yields the value itself.
        let elements: Vec<&Element> = t.iter().collect();
        if let [Element::Interpolation(i)] = elements.as_slice() {
            let n = self.eval(&i.expr);
            return Node::new(n.value, span);
        }
        let mut out = String::new();
        let mut only_refs = true;
        let mut unknown_part: Option<String> = None;
        self.render(t, &mut out, &mut only_refs, &mut unknown_part);
        match unknown_part {
            None => Node::new(Value::String(out), span),
            Some(_) if only_refs => unknown(format!("{TEMPLATE_OF_REFS}{out}"), span),
            Some(why) => unknown(why, span),
        }
    }

    fn render(
        &self,
        t: &Template,
        out: &mut String,
        only_refs: &mut bool,
        unknown_part: &mut Option<String>,
    ) {
        for el in t.iter() {
            match el {
                Element::Literal(s) => out.push_str(s.value()),
                Element::Interpolation(i) => {
                    let n = self.eval(&i.expr);
                    match &n.value {
                        Value::Ref(r) => {
                            out.push_str(&format!("${{{}}}", ref_text(r)));
                            unknown_part.get_or_insert_with(|| ref_text(r));
                        }
                        Value::Unknown(w) if w.starts_with(TEMPLATE_OF_REFS) => {
                            out.push_str(&w[TEMPLATE_OF_REFS.len()..]);
                            unknown_part.get_or_insert_with(|| w.clone());
                        }
                        _ => match n.scalar_text() {
                            Some(s) => out.push_str(&s),
                            None => {
                                *only_refs = false;
                                let why = match &n.value {
                                    Value::Null => "null in a template".to_string(),
                                    _ => first_unknown(&n)
                                        .unwrap_or_else(|| "a collection in a template".into()),
                                };
                                if unknown_part
                                    .as_ref()
                                    .is_none_or(|u| u.starts_with(TEMPLATE_OF_REFS) || !*only_refs)
                                {
                                    *unknown_part = Some(why);
                                }
                            }
                        },
                    }
                }
                Element::Directive(d) => match d.as_ref() {
                    Directive::If(ifd) => {
                        let c = self.eval(&ifd.if_expr.cond_expr);
                        match c.value {
                            Value::Bool(true) => {
                                self.render(&ifd.if_expr.template, out, only_refs, unknown_part)
                            }
                            Value::Bool(false) => {
                                if let Some(e) = &ifd.else_expr {
                                    self.render(&e.template, out, only_refs, unknown_part)
                                }
                            }
                            _ => {
                                *only_refs = false;
                                *unknown_part = Some(format!(
                                    "template condition on {}",
                                    first_unknown(&c).unwrap_or_default()
                                ));
                            }
                        }
                    }
                    Directive::For(ford) => {
                        let coll = self.eval(&ford.for_expr.collection_expr);
                        let items: Vec<(Node, Node)> = match &coll.value {
                            Value::List(items) => items
                                .iter()
                                .enumerate()
                                .map(|(i, n)| {
                                    (Node::new(Value::Number(i as f64), n.span), n.clone())
                                })
                                .collect(),
                            Value::Map(entries) => entries
                                .iter()
                                .map(|e| {
                                    (
                                        Node::new(Value::String(e.key.clone()), e.key_span),
                                        e.node.clone(),
                                    )
                                })
                                .collect(),
                            _ => {
                                *only_refs = false;
                                *unknown_part = Some(format!(
                                    "template loop over {}",
                                    first_unknown(&coll).unwrap_or_default()
                                ));
                                continue;
                            }
                        };
                        for (k, v) in items {
                            let mut bindings = self.bindings.clone();
                            if let Some(kv) = &ford.for_expr.key_var {
                                bindings.push((kv.as_str().to_string(), k));
                            }
                            bindings.push((ford.for_expr.value_var.as_str().to_string(), v));
                            let inner = Eval {
                                scope: self.scope,
                                bindings,
                                refs: RefCell::new(Vec::new()),
                                depth: std::cell::Cell::new(self.depth.get() + 1),
                            };
                            inner.render(&ford.for_expr.template, out, only_refs, unknown_part);
                            self.refs.borrow_mut().extend(inner.refs.into_inner());
                        }
                    }
                },
            }
        }
    }

    fn local(&self, name: &str, span: Span) -> Node {
        if let Some(n) = self.scope.local_cache.borrow().get(name) {
            return respan(n, span);
        }
        let Some(expr) = self.scope.locals.get(name) else {
            return unknown(format!("local.{name} is not declared"), span);
        };
        if !self.scope.local_busy.borrow_mut().insert(name.to_string()) {
            return unknown(format!("local.{name} refers to itself"), span);
        }
        let inner = Eval {
            scope: self.scope,
            bindings: Vec::new(),
            refs: RefCell::new(Vec::new()),
            depth: std::cell::Cell::new(self.depth.get() + 1),
        };
        let n = inner.eval(expr);
        self.refs.borrow_mut().extend(inner.refs.into_inner());
        self.scope.local_busy.borrow_mut().remove(name);
        self.scope
            .local_cache
            .borrow_mut()
            .insert(name.to_string(), n.clone());
        respan(&n, span)
    }

    fn traversal(
        &self,
        expr: &Expression,
        root: &str,
        ops: &[&TraversalOperator],
        span: Span,
    ) -> Node {
        let attr = |i: usize| match ops.get(i) {
            Some(TraversalOperator::GetAttr(id)) => Some(id.as_str().to_string()),
            _ => None,
        };
        if let Some(b) = self.binding(root) {
            let b = respan(b, span);
            return self.apply_ops(b, ops, span);
        }
        match root {
            "var" => {
                let Some(name) = attr(0) else {
                    return unknown("var", span);
                };
                match self.scope.vars.get(&name) {
                    Some(v) => self.apply_ops(respan(v, span), &ops[1..], span),
                    None => unknown(format!("var.{name} is not declared"), span),
                }
            }
            "local" => {
                let Some(name) = attr(0) else {
                    return unknown("local", span);
                };
                let v = self.local(&name, span);
                self.apply_ops(v, &ops[1..], span)
            }
            "path" => match attr(0).as_deref() {
                Some("module") => Node::new(Value::String(self.scope.path_module.clone()), span),
                Some("root") => Node::new(Value::String(".".into()), span),
                // Terraform runs in the root module's directory.
                Some("cwd") => match self.scope.root_dir.canonicalize() {
                    Ok(p) => Node::new(Value::String(p.display().to_string()), span),
                    Err(_) => unknown("path.cwd", span),
                },
                _ => unknown(expr_text(expr), span),
            },
            "terraform" if attr(0).as_deref() == Some("workspace") => {
                Node::new(Value::String("default".into()), span)
            }
            "count" | "each" | "self" => {
                unknown(format!("{} outside count/for_each", expr_text(expr)), span)
            }
            "module" => {
                let Some(name) = attr(0) else {
                    return unknown(expr_text(expr), span);
                };
                let outputs = self.scope.module_outputs.borrow().get(&name).cloned();
                match outputs {
                    Some(o) => {
                        let v = self.apply_ops(respan(&o, span), &ops[1..], span);
                        match &v.value {
                            Value::Unknown(w) if w.ends_with("is not set") => unknown(
                                format!("{} (not an output of a scanned module)", expr_text(expr)),
                                span,
                            ),
                            _ => v,
                        }
                    }
                    None => unknown(expr_text(expr), span),
                }
            }
            "data" => {
                let (Some(t), Some(n)) = (attr(0), attr(1)) else {
                    return unknown(expr_text(expr), span);
                };
                self.resource_ref(format!("data.{t}.{n}"), &ops[2..], span)
            }
            _ => {
                let Some(n) = attr(0) else {
                    return unknown(format!("{root} is not declared"), span);
                };
                if self.scope.resource_types.contains(root) || root.contains('_') {
                    self.resource_ref(format!("{root}.{n}"), &ops[1..], span)
                } else {
                    unknown(format!("{} is not declared", expr_text(expr)), span)
                }
            }
        }
    }

    /// `TYPE.NAME[index].attr...` → Ref to `TYPE.NAME[index]` with `attr`.
    fn resource_ref(&self, mut target: String, ops: &[&TraversalOperator], span: Span) -> Node {
        let mut rest = ops;
        if let Some(TraversalOperator::Index(e)) = rest.first() {
            let i = self.eval(e);
            match &i.value {
                Value::Number(n) => target.push_str(&format!("[{}]", num_text(*n))),
                Value::String(s) => target.push_str(&format!("[{s:?}]")),
                _ => target.push_str("[*]"),
            }
            rest = &rest[1..];
        } else if let Some(TraversalOperator::LegacyIndex(i)) = rest.first() {
            target.push_str(&format!("[{}]", i.value()));
            rest = &rest[1..];
        } else if matches!(
            rest.first(),
            Some(TraversalOperator::FullSplat(_)) | Some(TraversalOperator::AttrSplat(_))
        ) {
            target.push_str("[*]");
            rest = &rest[1..];
        }
        let attribute = match rest.first() {
            Some(TraversalOperator::GetAttr(id)) => Some(id.as_str().to_string()),
            _ => None,
        };
        let base = target.split('[').next().unwrap_or(&target).to_string();
        self.refs.borrow_mut().push((base, span));
        Node::new(
            Value::Ref(Box::new(ResourceRef { target, attribute })),
            span,
        )
    }

    /// Applies `.attr`, `[index]` and splats to a value.
    pub fn apply_ops(&self, mut node: Node, ops: &[&TraversalOperator], span: Span) -> Node {
        for (i, op) in ops.iter().enumerate() {
            node = match (&node.value, op) {
                (Value::Unknown(_) | Value::Ref(_), _) => return Node::new(node.value, span),
                (_, TraversalOperator::GetAttr(id)) => match node.get(id.as_str()) {
                    Some(n) => n.clone(),
                    None => match &node.value {
                        Value::Map(_) => {
                            return unknown(format!("attribute {} is not set", id.as_str()), span);
                        }
                        _ => {
                            return self.not_static(
                                &format!("attribute {} of", id.as_str()),
                                &node,
                                span,
                            );
                        }
                    },
                },
                (_, TraversalOperator::Index(e)) => {
                    let k = self.eval(e);
                    match (&node.value, &k.value) {
                        (Value::List(items), _) if k.as_i64().is_some() => {
                            match k
                                .as_i64()
                                .and_then(|i| usize::try_from(i).ok())
                                .and_then(|i| items.get(i))
                            {
                                Some(n) => n.clone(),
                                None => return unknown("index out of range", span),
                            }
                        }
                        (Value::Map(_), _) if k.scalar_text().is_some() => {
                            match k.scalar_text().and_then(|t| node.get(&t).cloned()) {
                                Some(n) => n,
                                None => return unknown("key not in map", span),
                            }
                        }
                        _ => return self.not_static("index", &k, span),
                    }
                }
                (Value::List(items), TraversalOperator::LegacyIndex(ix)) => {
                    match usize::try_from(*ix.value()).ok().and_then(|i| items.get(i)) {
                        Some(n) => n.clone(),
                        None => return unknown("index out of range", span),
                    }
                }
                (_, TraversalOperator::AttrSplat(_) | TraversalOperator::FullSplat(_)) => {
                    let items = match &node.value {
                        Value::List(items) => items.clone(),
                        Value::Null => vec![],
                        _ => vec![node.clone()],
                    };
                    let rest = &ops[i + 1..];
                    let out: Vec<Node> = items
                        .into_iter()
                        .map(|n| self.apply_ops(n, rest, span))
                        .collect();
                    return Node::new(Value::List(out), span);
                }
                _ => return self.not_static("index", &node, span),
            };
        }
        Node::new(node.value, span)
    }
}

pub fn values_equal(a: &Node, b: &Node) -> bool {
    match (&a.value, &b.value) {
        (Value::Number(x), Value::Number(y)) => x == y,
        (Value::List(x), Value::List(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| values_equal(a, b))
        }
        (Value::Map(x), Value::Map(y)) => {
            x.len() == y.len()
                && x.iter().all(|e| {
                    y.iter()
                        .any(|f| f.key == e.key && values_equal(&e.node, &f.node))
                })
        }
        (x, y) => x == y,
    }
}
