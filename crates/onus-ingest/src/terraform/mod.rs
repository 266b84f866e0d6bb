//! Terraform HCL modules.
//!
//! Each directory is a module: all its `*.tf` files are parsed with hcl-edit
//! (keeping byte spans), variables are bound from defaults, `terraform.tfvars`,
//! `*.auto.tfvars` (and their `.json` forms) and `--var-file`s, `locals` are
//! evaluated lazily, and each `resource`/`data` block becomes a [`Resource`].
//!
//! Choices:
//! - `count`/`for_each` that are static expand to `x[0]`, `x["key"]`; `count = 0`
//!   gives no resource. When not static, one resource `x[*]` is produced with
//!   `count.index`/`each.*` Unknown, and a warning.
//! - References `aws_s3_bucket.b[0].id` become `Ref { target: "aws_s3_bucket.b[0]",
//!   attribute: "id" }` (the target is the address of the instance when the index
//!   is static); `resource.references` records the base address `aws_s3_bucket.b`.
//! - Local modules are read with their inputs, scope `module.NAME` (nested:
//!   `module.a.module.b`); remote ones only through `.terraform/modules/modules.json`.

mod eval;
mod funcs;
mod json;

pub(crate) use json::map_back as map_json_back;

use crate::model::{Entry, FileId, Format, Node, Reference, Region, Resource, Span, Value};
use crate::{Options, Workload};
use eval::{Eval, Scope, respan, span_of, unknown};
use hcl_edit::Span as _;
use hcl_edit::expr::Expression;
use hcl_edit::structure::{Block, Body};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Modules nested deeper than this are not read.
const MAX_MODULE_DEPTH: usize = 10;

/// Reads the module in `dir` (and the local modules it calls) into `workload`.
pub fn read_module(dir: &Path, options: &Options, workload: &mut Workload) {
    read_module_with(dir, options, &ModuleCache::default(), workload);
}

/// [`read_module`], sharing the module directories parsed by other units of
/// the same scan.
pub fn read_module_with(
    dir: &Path,
    options: &Options,
    cache: &ModuleCache,
    workload: &mut Workload,
) {
    let mut reader = Reader {
        root_dir: dir.to_path_buf(),
        options,
        cache,
        workload,
        modules_json: read_modules_json(dir),
        json_files: Vec::new(),
    };
    let vars = reader.root_vars(dir);
    let ctx = Call {
        dir: dir.to_path_buf(),
        scope: "root".into(),
        key: String::new(),
        inputs: vars,
        default_region: None,
        provider_map: HashMap::new(),
        stack: Vec::new(),
    };
    reader.read(ctx);
    let json_files = std::mem::take(&mut reader.json_files);
    json::map_back(workload, &json_files);
}

/// Module directories parsed during one scan, shared by the units read in
/// parallel: the examples of a Terraform module collection each call the
/// same module, which is then parsed once instead of once per caller. A
/// directory is kept from its second read on, and only up to a total size, so
/// a tree of modules each read once keeps no syntax trees.
#[derive(Default)]
pub struct ModuleCache {
    dirs: std::sync::Mutex<CacheState>,
}

#[derive(Default)]
struct CacheState {
    seen: std::collections::HashSet<PathBuf>,
    parsed: HashMap<PathBuf, Arc<ParsedDir>>,
    bytes: usize,
}

/// Bytes of module source the cache keeps at most.
const CACHE_BYTES: usize = 64 << 20;

impl ModuleCache {
    fn get(&self, dir: &Path, limits: &crate::Limits) -> Arc<ParsedDir> {
        let known = {
            let mut state = self.dirs.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(parsed) = state.parsed.get(dir) {
                return parsed.clone();
            }
            !state.seen.insert(dir.to_path_buf())
        };
        let parsed = Arc::new(ParsedDir::read(dir, limits));
        if known {
            let mut state = self.dirs.lock().unwrap_or_else(|e| e.into_inner());
            if state.bytes + parsed.bytes <= CACHE_BYTES {
                state.bytes += parsed.bytes;
                state.parsed.insert(dir.to_path_buf(), parsed.clone());
            }
        }
        parsed
    }
}

/// One module directory read and parsed, before anything is recorded in a
/// workload.
struct ParsedDir {
    files: Vec<SourceRead>,
    bytes: usize,
}

struct SourceRead {
    path: PathBuf,
    text: Arc<str>,
    outcome: Parsed,
    /// For `.tf.json`: how the native text read maps back to the JSON.
    json: Option<Arc<json::JsonFile>>,
}

/// `.tf` and `.tf.json`: the files Terraform reads as a module.
fn is_module_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "tf") || is_json_module_file(path)
}

fn is_json_module_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(".tf.json"))
}

impl ParsedDir {
    fn read(dir: &Path, limits: &crate::Limits) -> ParsedDir {
        let mut paths: Vec<PathBuf> = match std::fs::read_dir(dir) {
            Ok(rd) => rd
                .filter_map(|e| e.ok())
                // Not `Path::is_file`, which follows symlinks: a symlinked `.tf`
                // file may point outside the scanned root, and is not read (as the
                // directory walk does not follow links).
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .map(|e| e.path())
                .filter(|p| is_module_file(p))
                .collect(),
            Err(_) => Vec::new(),
        };
        paths.sort();
        let files: Vec<SourceRead> = paths
            .into_iter()
            .map(|path| {
                let text: Arc<str> = match crate::read_limited(&path, limits) {
                    Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned().into(),
                    Err(e) => {
                        return SourceRead {
                            path,
                            text: "".into(),
                            outcome: Err((None, e.to_string())),
                            json: None,
                        };
                    }
                };
                if is_json_module_file(&path) {
                    let (outcome, json) = json::parse(&text);
                    return SourceRead {
                        path,
                        text,
                        outcome,
                        json,
                    };
                }
                let outcome = parse_native(&text).map(Arc::new);
                SourceRead {
                    path,
                    text,
                    outcome,
                    json: None,
                }
            })
            .collect();
        let bytes = files.iter().map(|f| f.text.len()).sum::<usize>();
        ParsedDir { files, bytes }
    }

    /// Records the files in `workload` and returns the parsed ones.
    fn record(&self, workload: &mut Workload) -> Vec<ParsedFile> {
        let mut out = Vec::new();
        for f in &self.files {
            let id = workload.add_file(f.path.clone(), Some(Format::Terraform), f.text.clone());
            match &f.outcome {
                Ok(body) => out.push(ParsedFile {
                    id,
                    body: body.clone(),
                    json: f.json.clone(),
                }),
                Err((span, message)) => workload.error(id, *span, message.clone()),
            }
        }
        out
    }
}

/// A file's syntax tree, or why it could not be parsed (and where).
pub(crate) type Parsed = Result<Arc<Body>, (Option<Span>, String)>;

/// Parses native syntax; an error carries its offset.
pub(crate) fn parse_native(text: &str) -> Result<Body, (Option<Span>, String)> {
    hcl_edit::parser::parse_body(text).map_err(|e| {
        let off = e.location().offset().min(text.len());
        (
            Some(Span::new(off, off)),
            format!("invalid HCL: {}", e.message()),
        )
    })
}

/// Parses one module dir's `*.tf` files (no evaluation); also used by the
/// plan reader. With a cache, a directory read before may not be read again.
pub(crate) fn parse_dir(
    dir: &Path,
    limits: &crate::Limits,
    cache: Option<&ModuleCache>,
    workload: &mut Workload,
) -> Vec<ParsedFile> {
    match cache {
        Some(cache) => cache.get(dir, limits).record(workload),
        None => ParsedDir::read(dir, limits).record(workload),
    }
}

pub(crate) struct ParsedFile {
    pub id: FileId,
    pub body: Arc<Body>,
    /// For `.tf.json`: the spans read from `body` are mapped back with it.
    pub json: Option<Arc<json::JsonFile>>,
}

struct Reader<'w> {
    root_dir: PathBuf,
    options: &'w Options,
    cache: &'w ModuleCache,
    workload: &'w mut Workload,
    /// `.terraform/modules/modules.json`: module key → directory.
    modules_json: HashMap<String, PathBuf>,
    /// The `.tf.json` files read, whose spans are mapped back at the end.
    json_files: Vec<(FileId, Arc<json::JsonFile>)>,
}

/// One module instance to read.
struct Call {
    dir: PathBuf,
    scope: String,
    /// Module key in modules.json (`a.b`), empty for root.
    key: String,
    /// Variable values given (root: from tfvars; child: inputs).
    inputs: HashMap<String, Node>,
    /// Region inherited from the caller's default aws provider.
    default_region: Option<Region>,
    /// Provider name (`aws`, `aws.eu`) → region, as passed by the caller.
    provider_map: HashMap<String, Region>,
    /// Canonical directories of the calling modules (cycle detection).
    stack: Vec<PathBuf>,
}

/// The module directories `.terraform/modules/modules.json` lists for a root.
pub(crate) fn modules_json_dirs(dir: &Path) -> Vec<PathBuf> {
    read_modules_json(dir).into_values().collect()
}

fn read_modules_json(dir: &Path) -> HashMap<String, PathBuf> {
    let mut out = HashMap::new();
    let Ok(text) = std::fs::read_to_string(dir.join(".terraform/modules/modules.json")) else {
        return out;
    };
    let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) else {
        return out;
    };
    for m in json
        .get("Modules")
        .and_then(|m| m.as_array())
        .into_iter()
        .flatten()
    {
        if let (Some(k), Some(d)) = (
            m.get("Key").and_then(|k| k.as_str()),
            m.get("Dir").and_then(|d| d.as_str()),
        ) && !k.is_empty()
        {
            out.insert(k.to_string(), dir.join(d));
        }
    }
    out
}

fn attr_expr<'b>(body: &'b Body, key: &str) -> Option<&'b Expression> {
    body.get_attribute(key).map(|a| &a.value)
}

fn label(block: &Block, i: usize) -> Option<&str> {
    block.labels.get(i).map(|l| l.as_str())
}

pub(crate) fn span_of_range(range: Option<std::ops::Range<usize>>) -> Span {
    span_of(range)
}

pub(crate) fn labels_span(block: &Block) -> Span {
    let spans: Vec<Span> = block.labels.iter().map(|l| span_of(l.span())).collect();
    match (spans.first(), spans.last()) {
        (Some(a), Some(b)) => Span {
            start: a.start,
            end: b.end,
        },
        _ => span_of(block.ident.span()),
    }
}

/// Meta-arguments that are not resource properties.
const META: &[&str] = &[
    "count",
    "for_each",
    "provider",
    "depends_on",
    "lifecycle",
    "provisioner",
    "connection",
];

impl Reader<'_> {
    fn root_vars(&mut self, dir: &Path) -> HashMap<String, Node> {
        let mut files: Vec<PathBuf> = Vec::new();
        for name in ["terraform.tfvars", "terraform.tfvars.json"] {
            let p = dir.join(name);
            if p.is_file() {
                files.push(p);
            }
        }
        let mut auto: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|rd| {
                rd.filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .filter(|p| {
                        let n = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                        n.ends_with(".auto.tfvars") || n.ends_with(".auto.tfvars.json")
                    })
                    .collect()
            })
            .unwrap_or_default();
        auto.sort();
        files.extend(auto);
        files.extend(self.options.var_files.iter().cloned());
        let mut vars = HashMap::new();
        for f in files {
            self.read_tfvars(&f, &mut vars);
        }
        vars
    }

    fn read_tfvars(&mut self, path: &Path, vars: &mut HashMap<String, Node>) {
        let text: Arc<str> = match crate::read_limited(path, &self.options.limits) {
            Ok(b) => String::from_utf8_lossy(&b).into_owned().into(),
            Err(e) => {
                let id = self.workload.add_file(path.to_path_buf(), None, "".into());
                self.workload.error(id, None, format!("variable file: {e}"));
                return;
            }
        };
        let id = self
            .workload
            .add_file(path.to_path_buf(), None, text.clone());
        if path.extension().is_some_and(|e| e == "json") {
            // Values are literal (no templates), with their spans.
            let loaded = crate::cfn::json::load(&text);
            for (span, message) in loaded.errors {
                self.workload.error(id, Some(span), message);
            }
            match loaded.root {
                Some(Node {
                    value: Value::Map(entries),
                    ..
                }) => {
                    for e in entries {
                        vars.insert(e.key, e.node);
                    }
                }
                Some(root) => {
                    self.workload
                        .error(id, Some(root.span), "variable file is not a JSON object")
                }
                None => {}
            }
            return;
        }
        match hcl_edit::parser::parse_body(&text) {
            Ok(body) => {
                let scope = Scope::new(&self.root_dir, &self.root_dir, ".".into());
                let ev = Eval::new(&scope);
                for a in body.attributes() {
                    vars.insert(a.key.as_str().to_string(), ev.eval(&a.value));
                }
            }
            Err(e) => {
                let off = e.location().offset().min(text.len());
                self.workload.error(
                    id,
                    Some(Span::new(off, off)),
                    format!("invalid HCL: {}", e.message()),
                );
            }
        }
    }

    /// Reads one module instance; returns its outputs (references to its own
    /// resources become Unknown: they are in another scope for the caller).
    fn read(&mut self, call: Call) -> Node {
        let files = parse_dir(
            &call.dir,
            &self.options.limits,
            Some(self.cache),
            self.workload,
        );
        self.json_files
            .extend(files.iter().filter_map(|f| Some((f.id, f.json.clone()?))));
        let path_module = normalize(&call.dir)
            .strip_prefix(normalize(&self.root_dir))
            .map(|p| {
                if p.as_os_str().is_empty() {
                    ".".to_string()
                } else {
                    p.display().to_string()
                }
            })
            .unwrap_or_else(|_| call.dir.display().to_string());
        let mut scope = Scope::new(&self.root_dir, &call.dir, path_module);

        // Pass 1: declarations.
        for f in &files {
            for block in f.body.blocks() {
                match block.ident.as_str() {
                    "resource" => {
                        if let Some(t) = label(block, 0) {
                            scope.resource_types.insert(t.to_string());
                        }
                    }
                    "locals" => {
                        for a in block.body.attributes() {
                            scope.locals.insert(a.key.as_str().to_string(), &a.value);
                        }
                    }
                    _ => {}
                }
            }
        }
        // Variables: input, else default, else unknown.
        for f in &files {
            for block in f.body.blocks().filter(|b| b.ident.as_str() == "variable") {
                let Some(name) = label(block, 0) else {
                    continue;
                };
                let span = span_of(block.span());
                let value = match call.inputs.get(name) {
                    Some(v) => v.clone(),
                    None => match attr_expr(&block.body, "default") {
                        Some(e) => {
                            let empty = Scope::new(&self.root_dir, &call.dir, ".".into());
                            Eval::new(&empty).eval(e)
                        }
                        None => unknown(format!("var.{name} has no value"), span),
                    },
                };
                let value = match attr_expr(&block.body, "type") {
                    Some(t) => apply_type_defaults(&value, t, 0),
                    None => value,
                };
                scope.vars.insert(name.to_string(), value);
            }
        }

        // Providers.
        let mut providers: HashMap<String, Region> = call.provider_map.clone();
        let mut default_region = call.default_region.clone();
        for f in &files {
            for block in f.body.blocks().filter(|b| b.ident.as_str() == "provider") {
                if label(block, 0) != Some("aws") {
                    continue;
                }
                let ev = Eval::new(&scope);
                let region = match attr_expr(&block.body, "region").map(|e| ev.eval(e)) {
                    Some(Node {
                        value: Value::String(s),
                        ..
                    }) => Region::Known(s),
                    Some(n) => Region::Unknown(format!(
                        "the region of provider aws is not static ({})",
                        eval::first_unknown(&n).unwrap_or_default()
                    )),
                    None => self.fallback_region(),
                };
                let alias = attr_expr(&block.body, "alias")
                    .map(|e| ev.eval(e))
                    .and_then(|n| n.scalar_text());
                match alias {
                    Some(a) => {
                        providers.insert(format!("aws.{a}"), region);
                    }
                    None => {
                        providers.insert("aws".into(), region.clone());
                        default_region = Some(region);
                    }
                }
            }
        }
        let default_region = default_region.unwrap_or_else(|| self.fallback_region());

        // Modules first (in order), so that their outputs can be used.
        for f in &files {
            for block in f.body.blocks().filter(|b| b.ident.as_str() == "module") {
                let outputs = self.module(&scope, &call, f.id, block, &providers, &default_region);
                if let (Some(name), Some(outputs)) = (label(block, 0), outputs) {
                    scope
                        .module_outputs
                        .borrow_mut()
                        .insert(name.to_string(), outputs);
                }
                self.drain_warnings(&scope, f.id);
            }
        }
        for f in &files {
            for block in f.body.blocks() {
                if matches!(block.ident.as_str(), "resource" | "data") {
                    self.resource(&scope, &call, f.id, block, &providers, &default_region);
                    self.drain_warnings(&scope, f.id);
                }
            }
        }
        // Outputs.
        let mut outputs = Vec::new();
        for f in &files {
            for block in f.body.blocks().filter(|b| b.ident.as_str() == "output") {
                let (Some(name), Some(e)) = (label(block, 0), attr_expr(&block.body, "value"))
                else {
                    continue;
                };
                let ev = Eval::new(&scope);
                let v = output_refs_unknown(&ev.eval(e), &call.scope);
                outputs.push(Entry {
                    key: name.to_string(),
                    key_span: Span::default(),
                    node: respan(&v, Span::default()),
                });
            }
        }
        scope.warnings.take();
        Node::new(Value::Map(outputs), Span::default())
    }

    fn drain_warnings(&mut self, scope: &Scope, file: FileId) {
        for (span, msg) in scope.warnings.take() {
            self.workload.warning(file, Some(span), msg);
        }
    }

    fn fallback_region(&self) -> Region {
        match &self.options.region {
            Some(r) => Region::Known(r.clone()),
            None => {
                Region::Unknown("provider aws sets no region and none was given (--region)".into())
            }
        }
    }

    /// The instances of a block with `count`/`for_each`: (address suffix, bindings).
    fn instances(
        &mut self,
        scope: &Scope,
        file: FileId,
        block: &Block,
        what: &str,
    ) -> Vec<(String, Vec<(String, Node)>)> {
        let ev = Eval::new(scope);
        if let Some(e) = attr_expr(&block.body, "count") {
            let n = ev.eval(e);
            let max = self.options.limits.max_expansion;
            if let Some(c) = n.as_i64().filter(|&c| c as u64 > max as u64) {
                self.workload.error(
                    file,
                    Some(n.span),
                    format!(
                        "count of {what} is {c}, over the limit of {max} instances (max_expansion): only the first {max} are read"
                    ),
                );
            }
            return match n.as_i64() {
                Some(c) if c >= 0 => (0..c.min(max as i64))
                    .map(|i| {
                        let mut m = Node::new(Value::Map(Vec::new()), n.span);
                        m.value = Value::Map(vec![Entry {
                            key: "index".into(),
                            key_span: n.span,
                            node: Node::new(Value::Number(i as f64), n.span),
                        }]);
                        (format!("[{i}]"), vec![("count".to_string(), m)])
                    })
                    .collect(),
                _ => {
                    let why = eval::first_unknown(&n).unwrap_or_else(|| "not a number".into());
                    self.workload.warning(
                        file,
                        Some(n.span),
                        format!("count of {what} is not static ({why}): read once as {what}[*]"),
                    );
                    let m = Node::new(
                        Value::Map(vec![Entry {
                            key: "index".into(),
                            key_span: n.span,
                            node: unknown(format!("count.index ({why})"), n.span),
                        }]),
                        n.span,
                    );
                    vec![("[*]".to_string(), vec![("count".to_string(), m)])]
                }
            };
        }
        if let Some(e) = attr_expr(&block.body, "for_each") {
            let n = ev.eval(e);
            let pairs: Option<Vec<(String, Node)>> = match &n.value {
                Value::Map(es) => {
                    Some(es.iter().map(|e| (e.key.clone(), e.node.clone())).collect())
                }
                Value::List(items) => items
                    .iter()
                    .map(|i| i.scalar_text().map(|k| (k, i.clone())))
                    .collect(),
                _ => None,
            };
            let max = self.options.limits.max_expansion;
            if let Some(p) = pairs.as_ref().filter(|p| p.len() > max) {
                self.workload.error(
                    file,
                    Some(n.span),
                    format!(
                        "for_each of {what} has {} instances, over the limit of {max} (max_expansion): only the first {max} are read",
                        p.len()
                    ),
                );
            }
            return match pairs {
                Some(pairs) => pairs
                    .into_iter()
                    .take(max)
                    .map(|(k, v)| {
                        let each = Node::new(
                            Value::Map(vec![
                                Entry {
                                    key: "key".into(),
                                    key_span: n.span,
                                    node: Node::new(Value::String(k.clone()), n.span),
                                },
                                Entry {
                                    key: "value".into(),
                                    key_span: n.span,
                                    node: v,
                                },
                            ]),
                            n.span,
                        );
                        (format!("[{k:?}]"), vec![("each".to_string(), each)])
                    })
                    .collect(),
                None => {
                    let why = eval::first_unknown(&n).unwrap_or_else(|| "not a map or set".into());
                    self.workload.warning(
                        file,
                        Some(n.span),
                        format!("for_each of {what} is not static ({why}): read once as {what}[*]"),
                    );
                    let each = Node::new(
                        Value::Map(vec![
                            Entry {
                                key: "key".into(),
                                key_span: n.span,
                                node: unknown(format!("each.key ({why})"), n.span),
                            },
                            Entry {
                                key: "value".into(),
                                key_span: n.span,
                                node: unknown(format!("each.value ({why})"), n.span),
                            },
                        ]),
                        n.span,
                    );
                    vec![("[*]".to_string(), vec![("each".to_string(), each)])]
                }
            };
        }
        vec![(String::new(), Vec::new())]
    }

    #[allow(clippy::too_many_arguments)]
    fn resource(
        &mut self,
        scope: &Scope,
        call: &Call,
        file: FileId,
        block: &Block,
        providers: &HashMap<String, Region>,
        default_region: &Region,
    ) {
        let is_data = block.ident.as_str() == "data";
        let (Some(rtype), Some(name)) = (label(block, 0), label(block, 1)) else {
            self.workload.error(
                file,
                Some(span_of(block.span())),
                format!(
                    "{} block needs a type and a name label",
                    block.ident.as_str()
                ),
            );
            return;
        };
        let base = if is_data {
            format!("data.{rtype}.{name}")
        } else {
            format!("{rtype}.{name}")
        };
        let prefix = if call.scope == "root" {
            String::new()
        } else {
            format!("{}.", call.scope)
        };
        let region = match attr_expr(&block.body, "provider") {
            Some(e) => {
                let p = eval::expr_text(e);
                providers.get(&p).cloned().unwrap_or_else(|| {
                    Region::Unknown(format!("provider {p} is not configured in this module"))
                })
            }
            None => default_region.clone(),
        };
        for (suffix, bindings) in self.instances(scope, file, block, &format!("{prefix}{base}")) {
            let ev = Eval::with_bindings(scope, bindings);
            let properties = body_node(&ev, &block.body, span_of(block.span()), true);
            let mut references: Vec<Reference> = Vec::new();
            for (target, span) in ev.refs.take() {
                let path = path_for_span(&properties, span).unwrap_or_default();
                if !references
                    .iter()
                    .any(|r| r.target == target && r.span == span)
                {
                    references.push(Reference { target, path, span });
                }
            }
            if let Some(Expression::Array(a)) = attr_expr(&block.body, "depends_on") {
                for e in a.iter() {
                    let t = eval::expr_text(e);
                    let t = if let Some(rest) = t.strip_prefix("module.") {
                        format!("module.{}", rest.split('.').next().unwrap_or(rest))
                    } else {
                        t
                    };
                    references.push(Reference {
                        target: t,
                        path: "depends_on".into(),
                        span: span_of(e.span()),
                    });
                }
            }
            // AWS provider 6: a resource's own `region` argument overrides the provider's.
            let own_region = rtype.starts_with("aws_") && !(is_data && rtype == "aws_region");
            let region = match properties.get("region").filter(|_| own_region) {
                Some(Node {
                    value: Value::String(r),
                    ..
                }) => Region::Known(r.clone()),
                Some(Node {
                    value: Value::Null, ..
                })
                | None => region.clone(),
                Some(other) => Region::Unknown(format!(
                    "the region argument of {prefix}{base} is not static ({})",
                    eval::first_unknown(other).unwrap_or_default()
                )),
            };
            let mut r = Resource {
                id: format!("{prefix}{base}{suffix}"),
                resource_type: rtype.to_string(),
                source_type: None,
                format: Format::Terraform,
                scope: call.scope.clone(),
                unit: 0,
                service: None,
                category: None,
                properties,
                file,
                span: span_of(block.span()),
                name_span: labels_span(block),
                region: region.clone(),
                references,
                is_data,
                metadata: None,
            };
            r.classify();
            self.workload.resources.push(r);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn module(
        &mut self,
        scope: &Scope,
        call: &Call,
        file: FileId,
        block: &Block,
        providers: &HashMap<String, Region>,
        default_region: &Region,
    ) -> Option<Node> {
        let name = label(block, 0)?;
        let block_span = span_of(block.span());
        let key = if call.key.is_empty() {
            name.to_string()
        } else {
            format!("{}.{}", call.key, name)
        };
        let source_node = attr_expr(&block.body, "source").map(|e| Eval::new(scope).eval(e));
        let Some(source) = source_node
            .as_ref()
            .and_then(|n| n.as_str().map(str::to_string))
        else {
            self.workload.warning(
                file,
                Some(block_span),
                format!("module {name} not scanned: its source is not static"),
            );
            return None;
        };
        let dir = if source.starts_with("./") || source.starts_with("../") {
            normalize(&call.dir.join(&source))
        } else if let Some(d) = self.modules_json.get(&key) {
            d.clone()
        } else {
            self.workload.warning(
                file,
                Some(block_span),
                format!("module {name} (source {source}) not scanned: remote source"),
            );
            return None;
        };
        let Ok(canon) = dir.canonicalize() else {
            self.workload.warning(
                file,
                Some(block_span),
                format!(
                    "module {name} not scanned: directory {} not found",
                    dir.display()
                ),
            );
            return None;
        };
        let mut stack = call.stack.clone();
        if stack.is_empty()
            && let Ok(c) = call.dir.canonicalize()
        {
            stack.push(c);
        }
        if stack.contains(&canon) {
            self.workload.error(
                file,
                Some(block_span),
                format!("module {name} (source {source}) includes itself: not read again"),
            );
            return None;
        }
        if stack.len() > MAX_MODULE_DEPTH {
            self.workload.error(
                file,
                Some(block_span),
                format!("module {name} nested more than {MAX_MODULE_DEPTH} levels deep: not read"),
            );
            return None;
        }
        // Provider mapping passed to the child.
        let mut provider_map: HashMap<String, Region> = HashMap::new();
        if let Some(Expression::Object(o)) = attr_expr(&block.body, "providers") {
            for (k, v) in o.iter() {
                let child = match k {
                    hcl_edit::expr::ObjectKey::Ident(i) => i.as_str().to_string(),
                    hcl_edit::expr::ObjectKey::Expression(e) => eval::expr_text(e),
                };
                let parent = eval::expr_text(v.expr());
                if let Some(r) = providers.get(&parent) {
                    provider_map.insert(child, r.clone());
                }
            }
        }
        let child_default = provider_map
            .get("aws")
            .cloned()
            .unwrap_or_else(|| default_region.clone());
        stack.push(canon);
        let what = format!(
            "{}module.{name}",
            if call.scope == "root" {
                String::new()
            } else {
                format!("{}.", call.scope)
            }
        );
        let mut instances: Vec<(String, Node)> = Vec::new();
        for (suffix, bindings) in self.instances(scope, file, block, &what) {
            let ev = Eval::with_bindings(scope, bindings);
            let mut inputs = HashMap::new();
            for a in block.body.attributes() {
                let k = a.key.as_str();
                if matches!(
                    k,
                    "source" | "version" | "providers" | "count" | "for_each" | "depends_on"
                ) {
                    continue;
                }
                let v = caller_refs_unknown(&ev.eval(&a.value), &call.scope);
                inputs.insert(k.to_string(), respan(&v, Span::default()));
            }
            let outputs = self.read(Call {
                dir: dir.clone(),
                scope: format!("{what}{suffix}"),
                key: key.clone(),
                inputs,
                default_region: Some(child_default.clone()),
                provider_map: provider_map.clone(),
                stack: stack.clone(),
            });
            instances.push((suffix, outputs));
        }
        let unknown_instances = || {
            unknown(
                format!("outputs of {what} (instances not static)"),
                Span::default(),
            )
        };
        Some(if attr_expr(&block.body, "count").is_some() {
            if instances.iter().any(|(s, _)| s == "[*]") {
                unknown_instances()
            } else {
                Node::new(
                    Value::List(instances.into_iter().map(|(_, o)| o).collect()),
                    Span::default(),
                )
            }
        } else if attr_expr(&block.body, "for_each").is_some() {
            if instances.iter().any(|(s, _)| s == "[*]") {
                unknown_instances()
            } else {
                Node::new(
                    Value::Map(
                        instances
                            .into_iter()
                            .map(|(s, o)| Entry {
                                key: s
                                    .trim_start_matches("[\"")
                                    .trim_end_matches("\"]")
                                    .to_string(),
                                key_span: Span::default(),
                                node: o,
                            })
                            .collect(),
                    ),
                    Span::default(),
                )
            }
        } else {
            instances.pop().map(|(_, o)| o)?
        })
    }
}

/// A block body as a map: attributes are entries; nested blocks are lists of
/// maps, one per block, grouped by block type; `dynamic` blocks are expanded.
fn body_node(ev: &Eval, body: &Body, span: Span, top: bool) -> Node {
    let mut entries: Vec<Entry> = Vec::new();
    for a in body.attributes() {
        let key = a.key.as_str();
        if top && META.contains(&key) {
            continue;
        }
        entries.push(Entry {
            key: key.to_string(),
            key_span: span_of(a.key.span()),
            node: ev.eval(&a.value),
        });
    }
    for block in body.blocks() {
        let ident = block.ident.as_str();
        if top && META.contains(&ident) {
            continue;
        }
        let (key, nodes) = if ident == "dynamic" {
            let Some(name) = label(block, 0) else {
                continue;
            };
            let nodes = dynamic_blocks(ev, block, name);
            // An empty `for_each` makes no block: the key stays absent.
            if nodes.is_empty() {
                continue;
            }
            (name.to_string(), nodes)
        } else {
            (
                ident.to_string(),
                vec![body_node(ev, &block.body, span_of(block.span()), false)],
            )
        };
        let key_span = span_of(block.ident.span());
        match entries.iter_mut().find(|e| e.key == key) {
            Some(Entry {
                node:
                    Node {
                        value: Value::List(items),
                        ..
                    },
                ..
            }) => items.extend(nodes),
            _ => entries.push(Entry {
                key,
                key_span,
                node: Node::new(Value::List(nodes), span_of(block.span())),
            }),
        }
    }
    Node::new(Value::Map(entries), span)
}

fn dynamic_blocks(ev: &Eval, block: &Block, name: &str) -> Vec<Node> {
    let span = span_of(block.span());
    let iterator = attr_expr(&block.body, "iterator")
        .map(eval::expr_text)
        .unwrap_or_else(|| name.to_string());
    let Some(content) = block.body.blocks().find(|b| b.ident.as_str() == "content") else {
        return vec![];
    };
    let coll = match attr_expr(&block.body, "for_each") {
        Some(e) => ev.eval(e),
        None => {
            return vec![unknown(
                format!("dynamic block {name} without for_each"),
                span,
            )];
        }
    };
    let dynamic = Dynamic {
        ev,
        content,
        iterator,
        name,
        span,
    };
    dynamic.expand(&coll)
}

/// One `dynamic` block being expanded.
struct Dynamic<'a, 's, 'e> {
    ev: &'a Eval<'s, 'e>,
    content: &'a Block,
    iterator: String,
    name: &'a str,
    span: Span,
}

impl Dynamic<'_, '_, '_> {
    /// The blocks `for_each = coll` makes.
    fn expand(&self, coll: &Node) -> Vec<Node> {
        let items: Vec<(Node, Node)> = match &coll.value {
            Value::List(_) | Value::Map(_) => eval::key_value_pairs(coll).unwrap_or_default(),
            // `null` and an empty collection make no block.
            Value::Null => Vec::new(),
            // A choice between collections (a conditional on an unset
            // variable): the blocks each branch makes, position by position,
            // as conditional items ("this block, or none"), like any other
            // condition.
            Value::Either(branches) => {
                let per_branch: Vec<Vec<Node>> = branches.iter().map(|b| self.expand(b)).collect();
                let most = per_branch.iter().map(Vec::len).max().unwrap_or(0);
                return (0..most)
                    .map(|i| {
                        let mut options: Vec<Node> = per_branch
                            .iter()
                            .map(|b| {
                                b.get(i)
                                    .cloned()
                                    .unwrap_or_else(|| Node::new(Value::Null, coll.span))
                            })
                            .collect();
                        options.dedup_by(|a, b| a.value == b.value);
                        if options.len() == 1 {
                            options.remove(0)
                        } else {
                            Node::new(Value::Either(options), self.span)
                        }
                    })
                    .collect();
            }
            _ => {
                // Not static: whether there is a block, and what it holds,
                // is unknown. The block stands as one unknown value, so a
                // property read through it is unknown rather than absent.
                let why = eval::first_unknown(coll).unwrap_or_default();
                return vec![unknown(
                    format!(
                        "dynamic block {}: its for_each is not known statically ({why})",
                        self.name
                    ),
                    self.span,
                )];
            }
        };
        let mut out = Vec::new();
        for (k, v) in items {
            let it = Node::new(
                Value::Map(vec![
                    Entry {
                        key: "key".into(),
                        key_span: k.span,
                        node: k,
                    },
                    Entry {
                        key: "value".into(),
                        key_span: v.span,
                        node: v,
                    },
                ]),
                self.span,
            );
            let mut b = self.ev.bindings.clone();
            b.push((self.iterator.clone(), it));
            let inner = Eval::with_bindings(self.ev.scope, b);
            out.push(body_node(
                &inner,
                &self.content.body,
                span_of(self.content.span()),
                false,
            ));
            self.ev.refs.borrow_mut().extend(inner.refs.take());
        }
        out
    }
}

/// Fills the attributes a variable's `object({...})` type declares
/// `optional(type, default)` (or `optional(type)`: null) and the value leaves
/// out, through `list(...)`, `set(...)`, `map(...)` and nested objects.
fn apply_type_defaults(value: &Node, ty: &Expression, depth: usize) -> Node {
    let Expression::FuncCall(f) = ty else {
        return value.clone();
    };
    if depth > 16 || f.name.is_namespaced() {
        return value.clone();
    }
    let args: Vec<&Expression> = f.args.iter().collect();
    match (f.name.name.as_str(), &value.value, args.first()) {
        ("list" | "set", Value::List(items), Some(t)) => Node::new(
            Value::List(
                items
                    .iter()
                    .map(|i| apply_type_defaults(i, t, depth + 1))
                    .collect(),
            ),
            value.span,
        ),
        ("map", Value::Map(entries), Some(t)) => Node::new(
            Value::Map(
                entries
                    .iter()
                    .map(|e| Entry {
                        key: e.key.clone(),
                        key_span: e.key_span,
                        node: apply_type_defaults(&e.node, t, depth + 1),
                    })
                    .collect(),
            ),
            value.span,
        ),
        ("object", Value::Map(entries), Some(Expression::Object(o))) => {
            let mut entries = entries.clone();
            for (k, v) in o.iter() {
                let key = match k {
                    hcl_edit::expr::ObjectKey::Ident(i) => i.as_str().to_string(),
                    hcl_edit::expr::ObjectKey::Expression(e) => match e {
                        Expression::String(s) => s.value().clone(),
                        _ => continue,
                    },
                };
                let (attr_ty, default) = match v.expr() {
                    Expression::FuncCall(of) if of.name.name.as_str() == "optional" => {
                        let oargs: Vec<&Expression> = of.args.iter().collect();
                        (oargs.first().copied(), Some(oargs.get(1).copied()))
                    }
                    other => (Some(other), None),
                };
                match entries.iter_mut().find(|e| e.key == key) {
                    Some(e) => {
                        if let Some(t) = attr_ty {
                            e.node = apply_type_defaults(&e.node, t, depth + 1);
                        }
                    }
                    None => {
                        let Some(default) = default else { continue };
                        let scope = Scope::new(Path::new("."), Path::new("."), ".".into());
                        let node = match default {
                            Some(d) => Eval::new(&scope).eval(d),
                            None => Node::new(Value::Null, value.span),
                        };
                        let node = match attr_ty {
                            Some(t) => apply_type_defaults(&node, t, depth + 1),
                            None => node,
                        };
                        entries.push(Entry {
                            key,
                            key_span: value.span,
                            node: respan(&node, value.span),
                        });
                    }
                }
            }
            Node::new(Value::Map(entries), value.span)
        }
        _ => value.clone(),
    }
}

/// Removes `.` and resolves `..` lexically (`a/./b/../c` → `a/c`).
pub(crate) fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out: Vec<Component> = Vec::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.last() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir) | Some(Component::Prefix(_)) => {}
                _ => out.push(c),
            },
            _ => out.push(c),
        }
    }
    if out.is_empty() {
        return PathBuf::from(".");
    }
    out.iter().collect()
}

/// Module inputs that refer to the caller's resources: the reference is to
/// another scope, so inside the module it is Unknown naming it.
fn caller_refs_unknown(node: &Node, scope: &str) -> Node {
    scope_refs_unknown(node, &|r| format!("module input from {r} in {scope}"))
}

/// Outputs that refer to the module's own resources: Unknown for the caller.
fn output_refs_unknown(node: &Node, scope: &str) -> Node {
    scope_refs_unknown(node, &|r| format!("output of {scope}: {r}"))
}

fn scope_refs_unknown(node: &Node, describe: &dyn Fn(&str) -> String) -> Node {
    let value = match &node.value {
        Value::Ref(r) => Value::Unknown(describe(&eval::ref_text(r))),
        Value::List(items) => Value::List(
            items
                .iter()
                .map(|n| scope_refs_unknown(n, describe))
                .collect(),
        ),
        Value::Either(items) => Value::Either(
            items
                .iter()
                .map(|n| scope_refs_unknown(n, describe))
                .collect(),
        ),
        Value::Map(es) => Value::Map(
            es.iter()
                .map(|e| Entry {
                    key: e.key.clone(),
                    key_span: e.key_span,
                    node: scope_refs_unknown(&e.node, describe),
                })
                .collect(),
        ),
        other => other.clone(),
    };
    Node::new(value, node.span)
}

/// The property path (`rule[0].apply_server_side_encryption_by_default[0].kms_master_key_id`)
/// of the innermost value whose span contains `span`.
fn path_for_span(node: &Node, span: Span) -> Option<String> {
    let inside = |n: &Node| n.span.start <= span.start && span.end <= n.span.end;
    match &node.value {
        Value::Map(es) => {
            for e in es {
                if inside(&e.node) {
                    return Some(match path_for_span(&e.node, span) {
                        Some(rest) if rest.starts_with('[') => format!("{}{rest}", e.key),
                        Some(rest) if !rest.is_empty() => format!("{}.{rest}", e.key),
                        _ => e.key.clone(),
                    });
                }
            }
            None
        }
        Value::List(items) => {
            for (i, n) in items.iter().enumerate() {
                if inside(n) {
                    return Some(match path_for_span(n, span) {
                        Some(rest) if rest.starts_with('[') => format!("[{i}]{rest}"),
                        Some(rest) if !rest.is_empty() => format!("[{i}].{rest}"),
                        _ => format!("[{i}]"),
                    });
                }
            }
            None
        }
        _ => None,
    }
}
