//! Shared helpers for the CloudFormation reader tests: read a fixture and
//! render the workload with positions as line:column.
#![allow(dead_code)]

use onus_ingest::{FileId, Node, Options, Span, Value, Workload};
use serde_json::{Map, Value as J, json};
use std::path::{Path, PathBuf};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cfn")
        .join(name)
}

/// Reads a fixture; the workload's file path is the bare fixture name.
pub fn read(name: &str, options: &Options) -> Workload {
    let bytes = std::fs::read(fixture(name)).expect("fixture");
    let mut workload = Workload::default();
    onus_ingest::cfn::read_bytes(Path::new(name), &bytes, options, &mut workload);
    workload
}

pub fn at(w: &Workload, file: FileId, span: Span) -> String {
    let lc = w.file(file).lines.line_col(span.start);
    format!("{}:{}", lc.line, lc.column)
}

/// A node as JSON; map keys carry the value's position: `"Key @line:col"`.
pub fn node(w: &Workload, file: FileId, n: &Node) -> J {
    match &n.value {
        Value::Null => J::Null,
        Value::Bool(b) => J::Bool(*b),
        Value::Number(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => json!(*x as i64),
        Value::Number(x) => json!(x),
        Value::String(s) => J::String(s.clone()),
        Value::List(items) => J::Array(items.iter().map(|i| node(w, file, i)).collect()),
        Value::Map(entries) => {
            let mut m = Map::new();
            for e in entries {
                m.insert(
                    format!("{} @{}", e.key, at(w, file, e.node.span)),
                    node(w, file, &e.node),
                );
            }
            J::Object(m)
        }
        Value::Ref(r) => match &r.attribute {
            Some(a) => json!({ "$ref": format!("{}.{}", r.target, a) }),
            None => json!({ "$ref": r.target }),
        },
        Value::Either(items) => {
            json!({ "$either": items.iter().map(|i| node(w, file, i)).collect::<Vec<_>>() })
        }
        Value::Unknown(why) => json!({ "$unknown": why }),
    }
}

pub fn render(w: &Workload) -> J {
    let resources: Vec<J> = w
        .resources
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "type": r.resource_type,
                "source_type": r.source_type,
                "format": r.format,
                "at": at(w, r.file, r.span),
                "name_at": at(w, r.file, r.name_span),
                "region": r.region,
                "properties": node(w, r.file, &r.properties),
                "references": r.references.iter().map(|x| json!({
                    "target": x.target, "path": x.path, "at": at(w, r.file, x.span)
                })).collect::<Vec<_>>(),
                "metadata": r.metadata.as_ref().map(|m| node(w, r.file, m)),
            })
        })
        .collect();
    let diagnostics: Vec<J> = w
        .diagnostics
        .iter()
        .map(|d| {
            json!({
                "level": d.level,
                "file": w.file(d.file).path.display().to_string(),
                "at": d.span.map(|s| at(w, d.file, s)),
                "message": d.message,
            })
        })
        .collect();
    json!({
        "skipped_files": w.skipped_files,
        "resources": resources,
        "diagnostics": diagnostics,
    })
}
