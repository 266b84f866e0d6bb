//! Static evaluation of CloudFormation intrinsic functions.
//!
//! Anything that depends on the deployment (a parameter without a default, an
//! attribute of another resource, an import) becomes [`Value::Unknown`] naming
//! it, or [`Value::Ref`] for a resource; it is never guessed. Conditions are
//! evaluated once each (memoised), so cost grows with the template, not with
//! the number of conditions.

use crate::model::{Entry, Node, Reference, ResourceRef, Span, Value};
use std::collections::{HashMap, HashSet};

/// A parameter's value once options and defaults are applied.
#[derive(Debug, Clone)]
pub enum Param {
    Value(Value),
    Unknown(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CondState {
    InProgress,
    Done(Option<bool>),
}

/// Diagnostics raised while evaluating.
#[derive(Debug, Default)]
pub struct Diags {
    pub errors: Vec<(Span, String)>,
    pub warnings: Vec<(Span, String)>,
}

pub struct Evaluator<'a> {
    pub params: HashMap<String, Param>,
    pub mappings: Option<&'a Node>,
    pub conditions: HashMap<String, &'a Node>,
    pub resources: HashSet<String>,
    pub region: Option<String>,
    memo: HashMap<String, CondState>,
    pub diags: Diags,
}

/// What a value depends on, for an `Unknown` text.
pub fn describe(node: &Node) -> String {
    match &node.value {
        Value::Unknown(why) => why.clone(),
        Value::Ref(r) => match &r.attribute {
            Some(a) => format!("{}.{}", r.target, a),
            None => r.target.clone(),
        },
        Value::Either(_) => "a condition".into(),
        _ => "a value that is not a string".into(),
    }
}

/// The intrinsic function a node calls, if it is one: `{"Ref": x}` or
/// `{"Fn::X": args}`.
pub fn intrinsic(node: &Node) -> Option<(&str, &Node)> {
    match &node.value {
        Value::Map(entries) if entries.len() == 1 => {
            let e = &entries[0];
            (e.key == "Ref" || e.key.starts_with("Fn::")).then_some((e.key.as_str(), &e.node))
        }
        _ => None,
    }
}

fn unknown(why: impl Into<String>, span: Span) -> Option<Node> {
    Some(Node::new(Value::Unknown(why.into()), span))
}

/// Static text of a node when it is a scalar (strings, numbers, booleans).
fn text(node: &Node) -> Option<String> {
    node.scalar_text()
}

/// True when a node holds no unknowns, references or alternatives.
fn is_static(node: &Node) -> bool {
    match &node.value {
        Value::Unknown(_) | Value::Ref(_) | Value::Either(_) => false,
        Value::List(items) => items.iter().all(is_static),
        Value::Map(entries) => entries.iter().all(|e| is_static(&e.node)),
        _ => true,
    }
}

impl<'a> Evaluator<'a> {
    pub fn new(region: Option<String>) -> Evaluator<'a> {
        Evaluator {
            params: HashMap::new(),
            mappings: None,
            conditions: HashMap::new(),
            resources: HashSet::new(),
            region,
            memo: HashMap::new(),
            diags: Diags::default(),
        }
    }

    fn error(&mut self, span: Span, message: impl Into<String>) {
        self.diags.errors.push((span, message.into()));
    }

    /// Evaluates a node. `None` means `AWS::NoValue`: the key or item is removed.
    pub fn eval(&mut self, node: &Node, path: &str, refs: &mut Vec<Reference>) -> Option<Node> {
        if let Some((name, args)) = intrinsic(node) {
            return self.call(name, args, node.span, path, refs);
        }
        match &node.value {
            Value::Map(entries) => {
                let mut out = Vec::with_capacity(entries.len());
                for e in entries {
                    let child = format!("{path}.{}", e.key);
                    if let Some(v) = self.eval(&e.node, &child, refs) {
                        out.push(Entry {
                            key: e.key.clone(),
                            key_span: e.key_span,
                            node: v,
                        });
                    }
                }
                Some(Node::new(Value::Map(out), node.span))
            }
            Value::List(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    let child = format!("{path}[{i}]");
                    if let Some(v) = self.eval(item, &child, refs) {
                        out.push(v);
                    }
                }
                Some(Node::new(Value::List(out), node.span))
            }
            _ => Some(node.clone()),
        }
    }

    fn call(
        &mut self,
        name: &str,
        args: &Node,
        span: Span,
        path: &str,
        refs: &mut Vec<Reference>,
    ) -> Option<Node> {
        match name {
            "Ref" => self.reference(args, span, path, refs),
            "Fn::GetAtt" => self.get_att(args, span, path, refs),
            "Fn::Sub" => self.sub(args, span, path, refs),
            "Fn::If" => self.fn_if(args, span, path, refs),
            "Fn::Join" => self.join(args, span, path, refs),
            "Fn::Select" => self.select(args, span, path, refs),
            "Fn::Split" => self.split(args, span, path, refs),
            "Fn::FindInMap" => self.find_in_map(args, span, path, refs),
            "Fn::Base64" => {
                let v = self.eval(args, path, refs)?;
                match text(&v) {
                    Some(s) if is_static(&v) => {
                        Some(Node::new(Value::String(base64(s.as_bytes())), span))
                    }
                    _ => unknown(format!("Fn::Base64 of {}", describe(&v)), span),
                }
            }
            "Fn::GetAZs" => unknown(
                "Fn::GetAZs: the Availability Zones are known only at deploy time",
                span,
            ),
            "Fn::ImportValue" => {
                let v = self.eval(args, path, refs)?;
                match text(&v) {
                    Some(s) => unknown(
                        format!("Fn::ImportValue {s}: a value exported by another stack"),
                        span,
                    ),
                    None => unknown("Fn::ImportValue: a value exported by another stack", span),
                }
            }
            "Fn::Cidr" => self.cidr(args, span, path, refs),
            "Fn::Length" => {
                let v = self.eval(args, path, refs)?;
                match &v.value {
                    Value::List(items) => Some(Node::new(Value::Number(items.len() as f64), span)),
                    _ => unknown(format!("Fn::Length of {}", describe(&v)), span),
                }
            }
            "Fn::ToJsonString" => {
                let v = self.eval(args, path, refs)?;
                if is_static(&v) {
                    Some(Node::new(Value::String(to_json(&v).to_string()), span))
                } else {
                    unknown(format!("Fn::ToJsonString of {}", describe_deep(&v)), span)
                }
            }
            "Fn::Transform" => {
                let what = match args.get("Name").and_then(text) {
                    Some(name) => format!("Fn::Transform {name}"),
                    None => "Fn::Transform".to_string(),
                };
                unknown(format!("{what}: a macro run at deploy time"), span)
            }
            "Fn::Equals" | "Fn::And" | "Fn::Or" | "Fn::Not" => {
                match self.condition_expr(&Node::new(
                    Value::Map(vec![Entry {
                        key: name.into(),
                        key_span: span,
                        node: args.clone(),
                    }]),
                    span,
                )) {
                    Some(b) => Some(Node::new(Value::Bool(b), span)),
                    None => unknown(format!("{name} of values known only at deploy time"), span),
                }
            }
            _ => {
                // Fn::GetParam (CodePipeline), rule functions, anything newer.
                if !matches!(
                    name,
                    "Fn::GetParam"
                        | "Fn::Contains"
                        | "Fn::EachMemberEquals"
                        | "Fn::EachMemberIn"
                        | "Fn::RefAll"
                        | "Fn::ValueOf"
                        | "Fn::ValueOfAll"
                ) {
                    self.diags
                        .warnings
                        .push((span, format!("unsupported function {name}: not evaluated")));
                }
                unknown(format!("{name} is not evaluated"), span)
            }
        }
    }

    /// The value of a name in `Ref` or `${}`: a parameter, pseudo parameter or
    /// resource. `None` is `AWS::NoValue`.
    fn name_value(
        &mut self,
        name: &str,
        span: Span,
        path: &str,
        refs: &mut Vec<Reference>,
    ) -> Option<Node> {
        let value = match name {
            "AWS::NoValue" => return None,
            "AWS::Region" => match &self.region {
                Some(r) => Value::String(r.clone()),
                None => Value::Unknown(
                    "AWS::Region: no --region given, the stack's Region is chosen at deploy time"
                        .into(),
                ),
            },
            "AWS::Partition" => Value::String(partition(self.region.as_deref()).into()),
            "AWS::URLSuffix" => Value::String(
                if partition(self.region.as_deref()) == "aws-cn" {
                    "amazonaws.com.cn"
                } else {
                    "amazonaws.com"
                }
                .into(),
            ),
            "AWS::AccountId" => {
                Value::Unknown("AWS::AccountId: the account is known only at deploy time".into())
            }
            "AWS::StackName" | "AWS::StackId" | "AWS::NotificationARNs" => {
                Value::Unknown(format!("{name}: known only at deploy time"))
            }
            _ => {
                if let Some(p) = self.params.get(name) {
                    match p {
                        Param::Value(v) => v.clone(),
                        Param::Unknown(why) => Value::Unknown(why.clone()),
                    }
                } else if self.resources.contains(name) {
                    refs.push(Reference {
                        target: name.to_string(),
                        path: path.to_string(),
                        span,
                    });
                    Value::Ref(Box::new(ResourceRef {
                        target: name.to_string(),
                        attribute: None,
                    }))
                } else {
                    self.error(
                        span,
                        format!("Ref to {name}, which is not a parameter or a resource"),
                    );
                    Value::Unknown(format!("{name} is not defined in the template"))
                }
            }
        };
        Some(Node::new(
            match value {
                // Parameter lists keep their items; give them the use site's span.
                Value::List(items) => Value::List(
                    items
                        .into_iter()
                        .map(|n| Node::new(n.value, span))
                        .collect(),
                ),
                v => v,
            },
            span,
        ))
    }

    fn reference(
        &mut self,
        args: &Node,
        span: Span,
        path: &str,
        refs: &mut Vec<Reference>,
    ) -> Option<Node> {
        match &args.value {
            Value::String(name) => self.name_value(name, span, path, refs),
            _ => {
                self.error(span, "Ref needs the name of a parameter or resource");
                unknown("Ref without a name", span)
            }
        }
    }

    fn get_att(
        &mut self,
        args: &Node,
        span: Span,
        path: &str,
        refs: &mut Vec<Reference>,
    ) -> Option<Node> {
        let (target, attribute) = match &args.value {
            Value::String(s) => match s.split_once('.') {
                Some((t, a)) => (t.to_string(), Some(a.to_string())),
                None => (s.clone(), None),
            },
            Value::List(items) if items.len() == 2 => {
                let Some(t) = items[0].as_str() else {
                    self.error(span, "Fn::GetAtt needs a resource name");
                    return unknown("Fn::GetAtt without a resource name", span);
                };
                let attr = self.eval(&items[1], path, refs);
                let a = match attr.as_ref().and_then(text) {
                    Some(a) => a,
                    None => {
                        // The attribute name is a parameter without a value.
                        if self.resources.contains(t) {
                            refs.push(Reference {
                                target: t.to_string(),
                                path: path.to_string(),
                                span,
                            });
                        }
                        return unknown(
                            format!("Fn::GetAtt {t} with an attribute known only at deploy time"),
                            span,
                        );
                    }
                };
                (t.to_string(), Some(a))
            }
            _ => (String::new(), None),
        };
        let Some(attribute) = attribute else {
            self.error(span, "Fn::GetAtt needs [resource, attribute]");
            return unknown("malformed Fn::GetAtt", span);
        };
        if !self.resources.contains(&target) {
            self.error(
                span,
                format!(
                    "Fn::GetAtt {target}.{attribute}: {target} is not a resource of the template"
                ),
            );
            return unknown(format!("{target} is not defined in the template"), span);
        }
        refs.push(Reference {
            target: target.clone(),
            path: path.to_string(),
            span,
        });
        Some(Node::new(
            Value::Ref(Box::new(ResourceRef {
                target,
                attribute: Some(attribute),
            })),
            span,
        ))
    }

    fn sub(
        &mut self,
        args: &Node,
        span: Span,
        path: &str,
        refs: &mut Vec<Reference>,
    ) -> Option<Node> {
        let (template, vars) = match &args.value {
            Value::String(s) => (s.as_str(), None),
            Value::List(items) if !items.is_empty() && items.len() <= 2 => {
                let Some(s) = items[0].as_str() else {
                    self.error(span, "Fn::Sub needs a string");
                    return unknown("malformed Fn::Sub", span);
                };
                (s, items.get(1))
            }
            _ => {
                self.error(span, "Fn::Sub needs a string or [string, variables]");
                return unknown("malformed Fn::Sub", span);
            }
        };
        let mut values: HashMap<String, Option<Node>> = HashMap::new();
        if let Some(vars) = vars {
            match &vars.value {
                Value::Map(entries) => {
                    for e in entries {
                        let child = format!("{path}.{}", e.key);
                        let v = self.eval(&e.node, &child, refs);
                        values.insert(e.key.clone(), v);
                    }
                }
                _ => {
                    self.error(vars.span, "Fn::Sub variables must be a map");
                }
            }
        }
        let mut out = String::new();
        let mut missing: Vec<String> = Vec::new();
        let mut single: Option<Node> = None;
        let mut parts = 0usize;
        let mut rest = template;
        while let Some(start) = rest.find("${") {
            out.push_str(&rest[..start]);
            let after = &rest[start + 2..];
            let Some(end) = after.find('}') else {
                out.push_str(&rest[start..]);
                rest = "";
                break;
            };
            let name = &after[..end];
            rest = &after[end + 1..];
            if let Some(literal) = name.strip_prefix('!') {
                out.push_str("${");
                out.push_str(literal);
                out.push('}');
                continue;
            }
            parts += 1;
            let value = if let Some(v) = values.get(name) {
                v.clone()
            } else if let Some((res, attr)) = name.split_once('.')
                && self.resources.contains(res)
            {
                refs.push(Reference {
                    target: res.to_string(),
                    path: path.to_string(),
                    span,
                });
                Some(Node::new(
                    Value::Ref(Box::new(ResourceRef {
                        target: res.to_string(),
                        attribute: Some(attr.to_string()),
                    })),
                    span,
                ))
            } else {
                self.name_value(name.trim(), span, path, refs)
            };
            match value.as_ref() {
                Some(v) if is_static(v) && text(v).is_some() => {
                    out.push_str(&text(v).unwrap_or_default());
                }
                Some(v) => {
                    if let Value::Ref(_) = v.value {
                        single = Some(v.clone());
                    }
                    missing.push(match &v.value {
                        Value::Unknown(why) => why.clone(),
                        _ => name.to_string(),
                    });
                }
                None => missing.push(format!("{name} (AWS::NoValue)")),
            }
        }
        out.push_str(rest);
        if missing.is_empty() {
            return Some(Node::new(Value::String(out), span));
        }
        // "${Bucket.Arn}" alone is just that reference.
        if parts == 1
            && missing.len() == 1
            && out.is_empty()
            && let Some(r) = single
        {
            return Some(Node::new(r.value, span));
        }
        let mut names: Vec<String> = Vec::with_capacity(missing.len());
        for m in missing {
            if !names.contains(&m) {
                names.push(m);
            }
        }
        unknown(format!("Fn::Sub depends on {}", names.join(", ")), span)
    }

    fn fn_if(
        &mut self,
        args: &Node,
        span: Span,
        path: &str,
        refs: &mut Vec<Reference>,
    ) -> Option<Node> {
        let Some([cond, yes, no]) = args.as_list().and_then(|l| <&[Node; 3]>::try_from(l).ok())
        else {
            self.error(
                span,
                "Fn::If needs [condition, value if true, value if false]",
            );
            return unknown("malformed Fn::If", span);
        };
        let Some(name) = cond.as_str() else {
            self.error(cond.span, "Fn::If needs a condition name");
            return unknown("malformed Fn::If", span);
        };
        match self.condition(name, cond.span) {
            Some(true) => self.eval(yes, path, refs),
            Some(false) => self.eval(no, path, refs),
            None => {
                let a = self
                    .eval(yes, path, refs)
                    .unwrap_or_else(|| Node::new(Value::Null, yes.span));
                let b = self
                    .eval(no, path, refs)
                    .unwrap_or_else(|| Node::new(Value::Null, no.span));
                Some(Node::new(Value::Either(vec![a, b]), span))
            }
        }
    }

    fn join(
        &mut self,
        args: &Node,
        span: Span,
        path: &str,
        refs: &mut Vec<Reference>,
    ) -> Option<Node> {
        let Some([delim, list]) = args.as_list().and_then(|l| <&[Node; 2]>::try_from(l).ok())
        else {
            self.error(span, "Fn::Join needs [delimiter, list]");
            return unknown("malformed Fn::Join", span);
        };
        let delim = self.eval(delim, path, refs).and_then(|d| text(&d));
        let list = self.eval(list, path, refs);
        let Some(list) = list else {
            return unknown("Fn::Join of AWS::NoValue", span);
        };
        let Value::List(items) = &list.value else {
            return unknown(format!("Fn::Join of {}", describe(&list)), span);
        };
        let mut parts = Vec::with_capacity(items.len());
        let mut missing = Vec::new();
        for item in items {
            match text(item) {
                Some(t) if is_static(item) => parts.push(t),
                _ => missing.push(describe(item)),
            }
        }
        match delim {
            None => unknown("Fn::Join with a delimiter known only at deploy time", span),
            Some(_) if !missing.is_empty() => {
                unknown(format!("Fn::Join depends on {}", missing.join(", ")), span)
            }
            Some(d) => Some(Node::new(Value::String(parts.join(&d)), span)),
        }
    }

    fn select(
        &mut self,
        args: &Node,
        span: Span,
        path: &str,
        refs: &mut Vec<Reference>,
    ) -> Option<Node> {
        let Some([index, list]) = args.as_list().and_then(|l| <&[Node; 2]>::try_from(l).ok())
        else {
            self.error(span, "Fn::Select needs [index, list]");
            return unknown("malformed Fn::Select", span);
        };
        let index = self.eval(index, path, refs);
        let list = self.eval(list, path, refs);
        let (Some(index), Some(list)) = (index, list) else {
            return unknown("Fn::Select of AWS::NoValue", span);
        };
        let Some(i) = index.as_i64().filter(|_| is_static(&index)) else {
            return unknown(format!("Fn::Select index {}", describe(&index)), span);
        };
        match &list.value {
            Value::List(items) => match usize::try_from(i).ok().and_then(|i| items.get(i)) {
                Some(item) => {
                    let mut item = item.clone();
                    item.span = span;
                    Some(item)
                }
                None => {
                    self.error(
                        span,
                        format!(
                            "Fn::Select index {i} is out of range (the list has {} items)",
                            items.len()
                        ),
                    );
                    unknown("Fn::Select index out of range", span)
                }
            },
            _ => unknown(format!("Fn::Select from {}", describe(&list)), span),
        }
    }

    fn split(
        &mut self,
        args: &Node,
        span: Span,
        path: &str,
        refs: &mut Vec<Reference>,
    ) -> Option<Node> {
        let Some([delim, source]) = args.as_list().and_then(|l| <&[Node; 2]>::try_from(l).ok())
        else {
            self.error(span, "Fn::Split needs [delimiter, string]");
            return unknown("malformed Fn::Split", span);
        };
        let delim = self.eval(delim, path, refs).and_then(|d| text(&d));
        let source = self.eval(source, path, refs);
        match (delim, source) {
            (Some(d), Some(s)) if is_static(&s) && text(&s).is_some() && !d.is_empty() => {
                let s = text(&s).unwrap_or_default();
                Some(Node::new(
                    Value::List(
                        s.split(d.as_str())
                            .map(|p| Node::new(Value::String(p.to_string()), span))
                            .collect(),
                    ),
                    span,
                ))
            }
            (_, Some(s)) => unknown(format!("Fn::Split of {}", describe(&s)), span),
            _ => unknown("Fn::Split of AWS::NoValue", span),
        }
    }

    fn find_in_map(
        &mut self,
        args: &Node,
        span: Span,
        path: &str,
        refs: &mut Vec<Reference>,
    ) -> Option<Node> {
        let Some(items) = args.as_list().filter(|l| l.len() == 3 || l.len() == 4) else {
            self.error(
                span,
                "Fn::FindInMap needs [map, top-level key, second-level key]",
            );
            return unknown("malformed Fn::FindInMap", span);
        };
        let mut keys: Vec<Option<String>> = Vec::with_capacity(3);
        let mut why = Vec::new();
        for item in &items[..3] {
            let v = self.eval(item, path, refs);
            match v.as_ref().filter(|v| is_static(v)).and_then(text) {
                Some(t) => keys.push(Some(t)),
                None => {
                    why.push(
                        v.as_ref()
                            .map(describe)
                            .unwrap_or_else(|| "AWS::NoValue".into()),
                    );
                    keys.push(None);
                }
            }
        }
        let default = items
            .get(3)
            .and_then(|d| d.get("DefaultValue"))
            .and_then(|d| self.eval(d, path, refs));
        let Some(map_name) = keys[0].clone() else {
            return unknown(
                format!("Fn::FindInMap with a map name from {}", why.join(", ")),
                span,
            );
        };
        let Some(map) = self.mappings.and_then(|m| m.get(&map_name)) else {
            self.error(span, format!("Fn::FindInMap: no mapping named {map_name}"));
            return unknown(format!("mapping {map_name} is not defined"), span);
        };
        let found = |top: &Node, second: &str| -> Option<Node> { top.get(second).cloned() };
        match (&keys[1], &keys[2]) {
            (Some(top), Some(second)) => {
                match map.get(top).and_then(|t| found(t, second)).or(default) {
                    Some(mut v) => {
                        v.span = span;
                        Some(v)
                    }
                    None => {
                        self.error(
                            span,
                            format!("Fn::FindInMap: {map_name} has no {top}.{second}"),
                        );
                        unknown(
                            format!("{map_name}.{top}.{second} is not in the mapping"),
                            span,
                        )
                    }
                }
            }
            (None, Some(second)) => {
                // Keyed by something known at deploy time (often AWS::Region):
                // the value is one of the mapping's entries.
                let candidates: Vec<Node> = map
                    .as_map()
                    .unwrap_or(&[])
                    .iter()
                    .filter_map(|e| found(&e.node, second))
                    .collect();
                if candidates.is_empty() || candidates.len() > 64 {
                    return unknown(
                        format!("Fn::FindInMap {map_name} keyed by {}", why.join(", ")),
                        span,
                    );
                }
                Some(Node::new(Value::Either(candidates), span))
            }
            _ => unknown(
                format!("Fn::FindInMap {map_name} keyed by {}", why.join(", ")),
                span,
            ),
        }
    }

    fn cidr(
        &mut self,
        args: &Node,
        span: Span,
        path: &str,
        refs: &mut Vec<Reference>,
    ) -> Option<Node> {
        let Some([block, count, bits]) =
            args.as_list().and_then(|l| <&[Node; 3]>::try_from(l).ok())
        else {
            self.error(span, "Fn::Cidr needs [ipBlock, count, cidrBits]");
            return unknown("malformed Fn::Cidr", span);
        };
        let block = self.eval(block, path, refs);
        let count = self.eval(count, path, refs).and_then(|n| n.as_i64());
        let bits = self.eval(bits, path, refs).and_then(|n| n.as_i64());
        let block_text = block.as_ref().filter(|b| is_static(b)).and_then(text);
        if let (Some(b), Some(c), Some(n)) = (&block_text, count, bits)
            && let Some(list) = cidr_v4(b, c, n)
        {
            return Some(Node::new(
                Value::List(
                    list.into_iter()
                        .map(|s| Node::new(Value::String(s), span))
                        .collect(),
                ),
                span,
            ));
        }
        let what = match &block {
            Some(b) if block_text.is_none() => describe(b),
            _ => "its arguments".into(),
        };
        unknown(format!("Fn::Cidr of {what}"), span)
    }

    /// A named condition, evaluated once.
    pub fn condition(&mut self, name: &str, span: Span) -> Option<bool> {
        match self.memo.get(name) {
            Some(CondState::Done(v)) => return *v,
            Some(CondState::InProgress) => {
                self.error(span, format!("condition {name} refers to itself"));
                return None;
            }
            None => {}
        }
        let Some(node) = self.conditions.get(name).copied() else {
            self.error(span, format!("no condition named {name}"));
            self.memo.insert(name.to_string(), CondState::Done(None));
            return None;
        };
        self.memo.insert(name.to_string(), CondState::InProgress);
        let v = self.condition_expr(node);
        self.memo.insert(name.to_string(), CondState::Done(v));
        v
    }

    /// `Fn::Equals`, `Fn::And`, `Fn::Or`, `Fn::Not`, `Condition`: `None` when
    /// it depends on something known only at deploy time.
    pub fn condition_expr(&mut self, node: &Node) -> Option<bool> {
        if let Value::Map(entries) = &node.value
            && entries.len() == 1
            && entries[0].key == "Condition"
        {
            let e = &entries[0];
            return match e.node.as_str() {
                Some(name) => self.condition(name, e.node.span),
                None => {
                    self.error(e.node.span, "Condition needs a condition name");
                    None
                }
            };
        }
        let Some((name, args)) = intrinsic(node) else {
            if let Value::Bool(b) = node.value {
                return Some(b);
            }
            self.error(
                node.span,
                "a condition must be Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition",
            );
            return None;
        };
        let items = args.as_list().unwrap_or(&[]);
        match name {
            "Fn::Equals" => {
                if items.len() != 2 {
                    self.error(node.span, "Fn::Equals needs two values");
                    return None;
                }
                let mut scratch = Vec::new();
                let a = self.eval(&items[0], "Conditions", &mut scratch);
                let b = self.eval(&items[1], "Conditions", &mut scratch);
                let a = a.filter(is_static).map(|n| to_json(&n));
                let b = b.filter(is_static).map(|n| to_json(&n));
                match (a, b) {
                    (Some(a), Some(b)) => Some(loose_eq(&a, &b)),
                    _ => None,
                }
            }
            "Fn::Not" => {
                if items.len() != 1 {
                    self.error(node.span, "Fn::Not needs one condition");
                    return None;
                }
                self.condition_expr(&items[0]).map(|b| !b)
            }
            "Fn::And" | "Fn::Or" => {
                let is_and = name == "Fn::And";
                let mut unknown = false;
                for item in items {
                    match self.condition_expr(item) {
                        Some(b) if b != is_and => return Some(b),
                        Some(_) => {}
                        None => unknown = true,
                    }
                }
                if unknown { None } else { Some(is_and) }
            }
            _ => {
                self.error(node.span, format!("{name} cannot be used in a condition"));
                None
            }
        }
    }
}

/// Fn::Equals compares values as CloudFormation does: strings, numbers and
/// booleans by their text.
fn loose_eq(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value as J;
    let scalar = |v: &J| -> Option<String> {
        match v {
            J::String(s) => Some(s.clone()),
            J::Bool(b) => Some(b.to_string()),
            J::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    match (scalar(a), scalar(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// A static node as JSON (for Fn::ToJsonString and comparisons).
pub fn to_json(node: &Node) -> serde_json::Value {
    use serde_json::Value as J;
    match &node.value {
        Value::Null => J::Null,
        Value::Bool(b) => J::Bool(*b),
        Value::Number(n) => {
            if n.fract() == 0.0 && n.abs() < 9.0e15 {
                J::from(*n as i64)
            } else {
                serde_json::Number::from_f64(*n)
                    .map(J::Number)
                    .unwrap_or(J::Null)
            }
        }
        Value::String(s) => J::String(s.clone()),
        Value::List(items) | Value::Either(items) => J::Array(items.iter().map(to_json).collect()),
        Value::Map(entries) => J::Object(
            entries
                .iter()
                .map(|e| (e.key.clone(), to_json(&e.node)))
                .collect(),
        ),
        Value::Ref(r) => J::String(describe(&Node::new(Value::Ref(r.clone()), Span::default()))),
        Value::Unknown(why) => J::String(why.clone()),
    }
}

/// The first unknown part of a value, for messages.
fn describe_deep(node: &Node) -> String {
    match &node.value {
        Value::List(items) => items
            .iter()
            .find(|n| !is_static(n))
            .map(describe_deep)
            .unwrap_or_default(),
        Value::Map(entries) => entries
            .iter()
            .find(|e| !is_static(&e.node))
            .map(|e| describe_deep(&e.node))
            .unwrap_or_default(),
        _ => describe(node),
    }
}

fn partition(region: Option<&str>) -> &'static str {
    match region {
        Some(r) if r.starts_with("cn-") => "aws-cn",
        Some(r) if r.starts_with("us-gov-") => "aws-us-gov",
        Some(r) if r.starts_with("us-iso-") => "aws-iso",
        Some(r) if r.starts_with("us-isob-") => "aws-iso-b",
        // Without a region, the commercial partition (the brief's default).
        _ => "aws",
    }
}

/// `Fn::Cidr` for IPv4: `count` subnets of `32 - bits` prefix length.
fn cidr_v4(block: &str, count: i64, bits: i64) -> Option<Vec<String>> {
    let (addr, prefix) = block.split_once('/')?;
    let prefix: u32 = prefix.parse().ok()?;
    let octets: Vec<u32> = addr
        .split('.')
        .map(|o| o.parse::<u8>().ok().map(u32::from))
        .collect::<Option<Vec<_>>>()?;
    if octets.len() != 4 || prefix > 32 || !(1..=256).contains(&count) || !(1..=32).contains(&bits)
    {
        return None;
    }
    let new_prefix = 32 - bits as u32;
    if new_prefix < prefix {
        return None;
    }
    let base = octets
        .iter()
        .fold(0u64, |acc, o| (acc << 8) | u64::from(*o));
    let mask = if prefix == 0 {
        0
    } else {
        (!0u64 << (32 - prefix)) & 0xffff_ffff
    };
    let base = base & mask;
    let size = 1u64 << bits;
    let available = 1u64 << (new_prefix - prefix);
    if count as u64 > available {
        return None;
    }
    Some(
        (0..count as u64)
            .map(|i| {
                let a = base + i * size;
                format!(
                    "{}.{}.{}.{}/{}",
                    (a >> 24) & 255,
                    (a >> 16) & 255,
                    (a >> 8) & 255,
                    a & 255,
                    new_prefix
                )
            })
            .collect(),
    )
}

pub fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}
