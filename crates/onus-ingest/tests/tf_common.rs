//! Shared rendering of a workload for Terraform / plan snapshot tests.
#![allow(dead_code)]

use onus_ingest::{Node, Value, Workload};
use std::fmt::Write;

pub fn lc(w: &Workload, file: onus_ingest::FileId, off: u32) -> String {
    let p = w.file(file).lines.line_col(off);
    format!("{}:{}", p.line, p.column)
}

fn node(w: &Workload, file: onus_ingest::FileId, n: &Node, indent: usize, out: &mut String) {
    let pad = "  ".repeat(indent);
    let at = lc(w, file, n.span.start);
    match &n.value {
        Value::Map(es) => {
            let _ = writeln!(out, "{{}} @{at}");
            for e in es {
                let _ = write!(
                    out,
                    "{pad}  {} @{} = ",
                    e.key,
                    lc(w, file, e.key_span.start)
                );
                node(w, file, &e.node, indent + 1, out);
            }
        }
        Value::List(items) => {
            let _ = writeln!(out, "[{}] @{at}", items.len());
            for i in items {
                let _ = write!(out, "{pad}  - ");
                node(w, file, i, indent + 1, out);
            }
        }
        Value::Either(items) => {
            let _ = writeln!(out, "either @{at}");
            for i in items {
                let _ = write!(out, "{pad}  | ");
                node(w, file, i, indent + 1, out);
            }
        }
        Value::Ref(r) => {
            let _ = writeln!(out, "ref {} {:?} @{at}", r.target, r.attribute);
        }
        Value::Unknown(why) => {
            let _ = writeln!(out, "unknown({why}) @{at}");
        }
        Value::String(s) => {
            let _ = writeln!(out, "{s:?} @{at}");
        }
        other => {
            let _ = writeln!(
                out,
                "{} @{at}",
                n.scalar_text().unwrap_or_else(|| format!("{other:?}"))
            );
        }
    }
}

/// Renders resources and diagnostics with paths relative to `base`.
pub fn render(w: &Workload, base: &std::path::Path) -> String {
    let mut out = String::new();
    let rel = |p: &std::path::Path| {
        p.strip_prefix(base)
            .unwrap_or(p)
            .display()
            .to_string()
            .replace('\\', "/")
    };
    for r in &w.resources {
        let f = w.file(r.file);
        let _ = writeln!(
            out,
            "{} ({}{}) scope={} format={:?} region={:?} at {}:{} name@{}",
            r.id,
            r.resource_type,
            if r.is_data { ", data" } else { "" },
            r.scope,
            r.format,
            r.region,
            rel(&f.path),
            lc(w, r.file, r.span.start),
            lc(w, r.file, r.name_span.start),
        );
        for rf in &r.references {
            let _ = writeln!(
                out,
                "  -> {} {} @{}",
                rf.target,
                rf.path,
                lc(w, r.file, rf.span.start)
            );
        }
        let _ = write!(out, "  props ");
        node(w, r.file, &r.properties, 1, &mut out);
    }
    for d in &w.diagnostics {
        let f = w.file(d.file);
        let at = d
            .span
            .map(|s| format!(":{}", lc(w, d.file, s.start)))
            .unwrap_or_default();
        let _ = writeln!(out, "{:?} {}{}: {}", d.level, rel(&f.path), at, d.message);
    }
    out
}
