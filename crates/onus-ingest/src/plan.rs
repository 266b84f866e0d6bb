//! Terraform plan JSON (`terraform show -json plan.out`).
//!
//! Resources come from `planned_values` (root and child modules); values the
//! plan marks in `resource_changes[].change.after_unknown` become
//! `Unknown("known after apply")`. When the `.tf` sources are beside the plan
//! (the plan's directory for the root module, `module_calls[].source` for
//! local child modules), each resource is mapped to its block in the `.tf`
//! file and each value to the attribute or nested block that sets it; values
//! only in the plan keep the span of the resource block. Otherwise spans are
//! positions in the plan JSON.

use crate::model::{
    Entry, FileId, Format, Node, Reference, Region, Resource, ResourceRef, Span, Value,
};
use crate::terraform::{self, ParsedFile};
use crate::{Options, Workload};
use hcl_edit::structure::{Block, Body};
use jsonc_parser::ast;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Reads one plan into `workload`.
pub fn read_file(path: &Path, options: &Options, workload: &mut Workload) {
    let text: Arc<str> = match crate::read_limited(path, &options.limits) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned().into(),
        Err(e) => {
            let id = workload.add_file(path.to_path_buf(), Some(Format::TerraformPlan), "".into());
            workload.error(id, None, e);
            return;
        }
    };
    let file = workload.add_file(
        path.to_path_buf(),
        Some(Format::TerraformPlan),
        text.clone(),
    );
    let parsed = match jsonc_parser::parse_to_ast(&text, &Default::default(), &Default::default()) {
        Ok(p) => p,
        Err(e) => {
            let r = e.range();
            workload.error(
                file,
                Some(Span::new(r.start, r.end)),
                format!("invalid JSON: {}", e.kind()),
            );
            return;
        }
    };
    let Some(root) = parsed.value.as_ref().map(to_node) else {
        workload.error(file, None, "empty plan file");
        return;
    };
    let region = plan_region(&root, options);
    // after_unknown by address.
    let mut after_unknown: HashMap<String, &Node> = HashMap::new();
    for rc in root
        .get("resource_changes")
        .and_then(Node::as_list)
        .unwrap_or(&[])
    {
        if let (Some(addr), Some(au)) = (
            rc.get("address").and_then(Node::as_str),
            rc.path(["change", "after_unknown"]),
        ) {
            after_unknown.insert(addr.to_string(), au);
        }
    }
    let base_dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let config = root.path(["configuration", "root_module"]);
    let Some(planned) = root.path(["planned_values", "root_module"]) else {
        workload.warning(
            file,
            Some(root.span),
            "plan has no planned_values: no resources read",
        );
        return;
    };
    let mut ctx = Ctx {
        workload,
        file,
        region,
        after_unknown,
        sources: HashMap::new(),
        limits: &options.limits,
    };
    ctx.module(planned, "root", config, &base_dir, 0);
    let json_files: Vec<_> = ctx
        .sources
        .values()
        .flatten()
        .filter_map(|f| Some((f.id, f.json.clone()?)))
        .collect();
    terraform::map_json_back(ctx.workload, &json_files);
}

struct Ctx<'w, 'p> {
    workload: &'w mut Workload,
    file: FileId,
    region: Region,
    after_unknown: HashMap<String, &'p Node>,
    /// Parsed `.tf` files by module directory.
    sources: HashMap<PathBuf, Vec<ParsedFile>>,
    limits: &'p crate::Limits,
}

fn plan_region(root: &Node, options: &Options) -> Region {
    match root
        .path([
            "configuration",
            "provider_config",
            "aws",
            "expressions",
            "region",
            "constant_value",
        ])
        .and_then(Node::as_str)
    {
        Some(r) => Region::Known(r.to_string()),
        None => match &options.region {
            Some(r) => Region::Known(r.clone()),
            None => Region::Unknown(
                "the plan's aws provider sets no constant region and none was given (--region)"
                    .into(),
            ),
        },
    }
}

fn to_node(v: &ast::Value) -> Node {
    let span = |r: &jsonc_parser::common::Range| Span::new(r.start, r.end);
    match v {
        ast::Value::StringLit(s) => Node::new(Value::String(s.value.to_string()), span(&s.range)),
        ast::Value::NumberLit(n) => match n.value.parse::<f64>() {
            Ok(f) => Node::new(Value::Number(f), span(&n.range)),
            Err(_) => Node::new(
                Value::Unknown(format!("number {}", n.value)),
                span(&n.range),
            ),
        },
        ast::Value::BooleanLit(b) => Node::new(Value::Bool(b.value), span(&b.range)),
        ast::Value::NullKeyword(n) => Node::new(Value::Null, span(&n.range)),
        ast::Value::Array(a) => Node::new(
            Value::List(a.elements.iter().map(to_node).collect()),
            span(&a.range),
        ),
        ast::Value::Object(o) => Node::new(
            Value::Map(
                o.properties
                    .iter()
                    .map(|p| {
                        let (key, ks) = match &p.name {
                            ast::ObjectPropName::String(s) => (s.value.to_string(), span(&s.range)),
                            ast::ObjectPropName::Word(w) => (w.value.to_string(), span(&w.range)),
                        };
                        Entry {
                            key,
                            key_span: ks,
                            node: to_node(&p.value),
                        }
                    })
                    .collect(),
            ),
            span(&o.range),
        ),
    }
}

/// Marks values that are unknown until apply.
fn apply_unknown(node: &mut Node, au: &Node) {
    match (&mut node.value, &au.value) {
        (_, Value::Bool(true)) => node.value = Value::Unknown("known after apply".into()),
        (Value::Map(entries), Value::Map(aus)) => {
            for a in aus {
                match entries.iter_mut().find(|e| e.key == a.key) {
                    Some(e) => apply_unknown(&mut e.node, &a.node),
                    None if a.node.value == Value::Bool(true) => entries.push(Entry {
                        key: a.key.clone(),
                        key_span: node.span,
                        node: Node::new(Value::Unknown("known after apply".into()), node.span),
                    }),
                    None => {}
                }
            }
        }
        (Value::List(items), Value::List(aus)) => {
            for (i, a) in items.iter_mut().zip(aus) {
                apply_unknown(i, a);
            }
        }
        _ => {}
    }
}

/// Gives every value a span in the `.tf` file: the attribute or block that sets
/// it, else `default` (the enclosing block).
fn map_spans(node: &mut Node, body: Option<&Body>, default: Span) {
    let Value::Map(entries) = &mut node.value else {
        respan_all(node, default);
        return;
    };
    node.span = default;
    for e in entries {
        let attr = body.and_then(|b| b.get_attribute(&e.key));
        if let Some(a) = attr {
            e.key_span = terraform::span_of_range(hcl_edit::Span::span(&a.key));
            respan_all(
                &mut e.node,
                terraform::span_of_range(hcl_edit::Span::span(&a.value)),
            );
            continue;
        }
        let blocks: Vec<&Block> = body
            .map(|b| b.blocks().filter(|bl| bl.ident.as_str() == e.key).collect())
            .unwrap_or_default();
        let dynamic: Option<&Block> = body.and_then(|b| {
            b.blocks().find(|bl| {
                bl.ident.as_str() == "dynamic"
                    && bl.labels.first().is_some_and(|l| l.as_str() == e.key)
            })
        });
        if let Some(first) = blocks.first() {
            e.key_span = terraform::span_of_range(hcl_edit::Span::span(&first.ident));
            let list_span = terraform::span_of_range(hcl_edit::Span::span(*first));
            match &mut e.node.value {
                Value::List(items) => {
                    for (i, item) in items.iter_mut().enumerate() {
                        match blocks.get(i) {
                            Some(b) if dynamic.is_none() => map_spans(
                                item,
                                Some(&b.body),
                                terraform::span_of_range(hcl_edit::Span::span(*b)),
                            ),
                            _ => map_spans(item, None, list_span),
                        }
                    }
                    e.node.span = list_span;
                }
                _ => respan_all(&mut e.node, list_span),
            }
        } else if let Some(d) = dynamic {
            let s = terraform::span_of_range(hcl_edit::Span::span(d));
            e.key_span = s;
            respan_all(&mut e.node, s);
        } else {
            e.key_span = default;
            respan_all(&mut e.node, default);
        }
    }
}

fn respan_all(node: &mut Node, span: Span) {
    node.span = span;
    match &mut node.value {
        Value::List(items) | Value::Either(items) => {
            items.iter_mut().for_each(|n| respan_all(n, span))
        }
        Value::Map(entries) => entries.iter_mut().for_each(|e| {
            e.key_span = span;
            respan_all(&mut e.node, span)
        }),
        _ => {}
    }
}

impl<'p> Ctx<'_, 'p> {
    fn module(
        &mut self,
        module: &Node,
        scope: &str,
        config: Option<&Node>,
        dir: &Path,
        depth: usize,
    ) {
        if depth > 32 {
            let span = module.span;
            self.workload.error(
                self.file,
                Some(span),
                format!("module {scope} nested more than 32 levels deep: not read"),
            );
            return;
        }
        if !self.sources.contains_key(dir) && dir.is_dir() {
            let parsed = terraform::parse_dir(dir, self.limits, None, self.workload);
            self.sources.insert(dir.to_path_buf(), parsed);
        }
        for r in module
            .get("resources")
            .and_then(Node::as_list)
            .unwrap_or(&[])
        {
            self.resource(r, scope, dir, config);
        }
        for child in module
            .get("child_modules")
            .and_then(Node::as_list)
            .unwrap_or(&[])
        {
            let Some(addr) = child.get("address").and_then(Node::as_str) else {
                continue;
            };
            // `module.a[0].module.b["x"]` → call name of the last segment.
            let last = addr.rsplit("module.").next().unwrap_or(addr);
            let name = last.split('[').next().unwrap_or(last);
            let call = config.and_then(|c| c.path(["module_calls", name]));
            let child_config = call.and_then(|c| c.get("module"));
            let source = call
                .and_then(|c| c.get("source"))
                .and_then(Node::as_str)
                .unwrap_or("");
            let child_dir = if source.starts_with("./") || source.starts_with("../") {
                terraform::normalize(&dir.join(source))
            } else {
                PathBuf::from("\u{0}no-source")
            };
            self.module(child, addr, child_config, &child_dir, depth + 1);
        }
    }

    fn find_block(
        &self,
        dir: &Path,
        mode: &str,
        rtype: &str,
        name: &str,
    ) -> Option<(FileId, &Block)> {
        let files = self.sources.get(dir)?;
        let ident = if mode == "data" { "data" } else { "resource" };
        files.iter().find_map(|f| {
            f.body
                .blocks()
                .find(|b| {
                    b.ident.as_str() == ident
                        && b.labels.first().map(|l| l.as_str()) == Some(rtype)
                        && b.labels.get(1).map(|l| l.as_str()) == Some(name)
                })
                .map(|b| (f.id, b))
        })
    }

    fn resource(&mut self, r: &Node, scope: &str, dir: &Path, config: Option<&Node>) {
        let (Some(address), Some(rtype)) = (
            r.get("address").and_then(Node::as_str),
            r.get("type").and_then(Node::as_str),
        ) else {
            self.workload.warning(
                self.file,
                Some(r.span),
                "plan resource without address or type: skipped",
            );
            return;
        };
        let mode = r.get("mode").and_then(Node::as_str).unwrap_or("managed");
        let name = r.get("name").and_then(Node::as_str).unwrap_or("");
        let mut properties = r
            .get("values")
            .cloned()
            .unwrap_or_else(|| Node::new(Value::Map(Vec::new()), r.span));
        if let Some(au) = self.after_unknown.get(address) {
            apply_unknown(&mut properties, au);
        }
        // References from the configuration: values known only after apply
        // that the configuration takes from one resource become Refs.
        let mut refs: Vec<(String, String)> = Vec::new();
        let conf = config
            .and_then(|c| c.get("resources"))
            .and_then(Node::as_list)
            .and_then(|rs| {
                rs.iter().find(|c| {
                    c.get("mode").and_then(Node::as_str) == Some(mode)
                        && c.get("type").and_then(Node::as_str) == Some(rtype)
                        && c.get("name").and_then(Node::as_str) == Some(name)
                })
            });
        if let Some(exprs) = conf.and_then(|c| c.get("expressions")) {
            apply_references(&mut properties, exprs, "", &mut refs);
        }
        let name_span = r.get("address").map(|a| a.span).unwrap_or(r.span);
        let (file, span, name_span) = match self.find_block(dir, mode, rtype, name) {
            Some((fid, block)) => {
                let bspan = terraform::span_of_range(hcl_edit::Span::span(block));
                map_spans(&mut properties, Some(&block.body), bspan);
                (fid, bspan, terraform::labels_span(block))
            }
            None => (self.file, r.span, name_span),
        };
        let references: Vec<Reference> = refs
            .into_iter()
            .map(|(target, path)| {
                let span = path_span(&properties, &path).unwrap_or(span);
                Reference { target, path, span }
            })
            .collect();
        // AWS provider 6: the resource's own `region` value overrides the provider's.
        let region = match properties.get("region").and_then(Node::as_str) {
            Some(r) if rtype.starts_with("aws_") && !(mode == "data" && rtype == "aws_region") => {
                Region::Known(r.to_string())
            }
            _ => self.region.clone(),
        };
        let mut res = Resource {
            id: address.to_string(),
            resource_type: rtype.to_string(),
            source_type: None,
            format: Format::TerraformPlan,
            scope: scope.to_string(),
            unit: 0,
            service: None,
            category: None,
            properties,
            file,
            span,
            name_span,
            region,
            references,
            is_data: mode == "data",
            metadata: None,
        };
        res.classify();
        self.workload.resources.push(res);
    }
}

/// `aws_kms_key.main.arn` → (`aws_kms_key.main`, `arn`); `None` for
/// variables, locals, modules and other non-resource references.
fn parse_reference(text: &str) -> Option<ResourceRef> {
    let parts: Vec<&str> = text.split('.').collect();
    let (target, rest) = match parts.as_slice() {
        [
            "var" | "local" | "module" | "each" | "count" | "path" | "self" | "terraform",
            ..,
        ] => return None,
        ["data", t, n, rest @ ..] => (format!("data.{t}.{n}"), rest),
        [t, n, rest @ ..] => (format!("{t}.{n}"), rest),
        _ => return None,
    };
    Some(ResourceRef {
        target,
        attribute: rest.first().map(|a| a.to_string()),
    })
}

/// Walks the configuration expressions beside the values; every expression
/// with resource references is recorded, and an Unknown value it sets becomes
/// a Ref when the expression refers to exactly one resource attribute.
fn apply_references(node: &mut Node, exprs: &Node, path: &str, refs: &mut Vec<(String, String)>) {
    let Value::Map(entries) = &mut node.value else {
        return;
    };
    for x in exprs.as_map().unwrap_or(&[]) {
        let sub = if path.is_empty() {
            x.key.clone()
        } else {
            format!("{path}.{}", x.key)
        };
        if let Some(list) = x.node.get("references").and_then(Node::as_list) {
            let parsed: Vec<ResourceRef> = list
                .iter()
                .filter_map(Node::as_str)
                .filter_map(parse_reference)
                .collect();
            let mut targets: Vec<&str> = parsed.iter().map(|r| r.target.as_str()).collect();
            targets.dedup();
            for t in &targets {
                refs.push((t.to_string(), sub.clone()));
            }
            let with_attr: Vec<&ResourceRef> =
                parsed.iter().filter(|r| r.attribute.is_some()).collect();
            if let (Some(e), [only]) = (
                entries.iter_mut().find(|e| e.key == x.key),
                with_attr.as_slice(),
            ) && matches!(&e.node.value, Value::Unknown(w) if w == "known after apply")
                && targets.len() == 1
            {
                e.node.value = Value::Ref(Box::new((*only).clone()));
            }
            continue;
        }
        // Nested blocks: a list of expression maps beside a list of values.
        if let (Some(xs), Some(e)) = (
            x.node.as_list(),
            entries.iter_mut().find(|e| e.key == x.key),
        ) && let Value::List(items) = &mut e.node.value
        {
            for (i, (item, xi)) in items.iter_mut().zip(xs).enumerate() {
                apply_references(item, xi, &format!("{sub}[{i}]"), refs);
            }
        }
    }
}

/// The span of the value at a dotted path with `[i]` indexes.
fn path_span(node: &Node, path: &str) -> Option<Span> {
    let mut n = node;
    for part in path.split('.') {
        let (key, idx) = match part.split_once('[') {
            Some((k, i)) => (k, i.trim_end_matches(']').parse::<usize>().ok()),
            None => (part, None),
        };
        n = n.get(key)?;
        if let Some(i) = idx {
            n = n.as_list()?.get(i)?;
        }
    }
    Some(n.span)
}
