//! The neutral resource model every format is read into.
//!
//! Positions are byte ranges into the source file; line and column are computed
//! only when printing, through [`LineIndex`].

use onus_model::{CategoryDecision, Probe, Properties};
use serde::Serialize;
use std::path::PathBuf;
use std::sync::Arc;

/// A byte range in one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord, Serialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start.min(u32::MAX as usize) as u32,
            end: end.min(u32::MAX as usize) as u32,
        }
    }
}

/// 1-based line and column (column counted in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct LineCol {
    pub line: u32,
    pub column: u32,
}

/// Line starts of one file, to turn byte offsets into line:column.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    line_starts: Vec<u32>,
    /// Kept to count columns in characters, not bytes.
    text: Arc<str>,
}

impl LineIndex {
    pub fn new(text: Arc<str>) -> LineIndex {
        let mut line_starts = vec![0u32];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push((i + 1) as u32);
            }
        }
        LineIndex { line_starts, text }
    }

    pub fn line_col(&self, offset: u32) -> LineCol {
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line] as usize;
        let end = (offset as usize).min(self.text.len()).max(start);
        let column = self
            .text
            .get(start..end)
            .map(|s| s.chars().count())
            .unwrap_or(end - start);
        LineCol {
            line: line as u32 + 1,
            column: column as u32 + 1,
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }
}

/// Which reader produced a resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    CloudFormation,
    Sam,
    Terraform,
    TerraformPlan,
    /// Read from a live AWS account (`onus scan --aws`): the file is the
    /// resource's ARN and its text the deployed configuration, as onus read it,
    /// in the CloudFormation property shape.
    Aws,
}

impl Format {
    pub fn is_terraform(self) -> bool {
        matches!(self, Format::Terraform | Format::TerraformPlan)
    }

    /// Read from a live account, not from code.
    pub fn is_live(self) -> bool {
        self == Format::Aws
    }
}

/// A value in a property tree. Anything not resolvable statically is
/// [`Value::Unknown`] and says why; it is never guessed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    List(Vec<Node>),
    Map(Vec<Entry>),
    /// Points at another resource in the same template or module
    /// (`!Ref Key`, `!GetAtt Key.Arn`, `aws_kms_key.main.arn`): set, and known
    /// to be that resource, but its runtime value is not known.
    Ref(Box<ResourceRef>),
    /// Several possible values (a non-static `Fn::If`, a conditional
    /// expression): a rule must hold for each.
    Either(Vec<Node>),
    /// Not resolvable statically; the text names the value, e.g.
    /// `parameter KmsKeyArn has no default` or `var.kms_key_id`.
    Unknown(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct ResourceRef {
    /// Logical id (CloudFormation) or address (`aws_kms_key.main`, Terraform)
    /// of the target, in the same scope as the referring resource.
    pub target: String,
    /// The attribute read, if any (`Arn`, `id`).
    pub attribute: Option<String>,
}

/// A value with the span of the source text that produced it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    pub value: Value,
    pub span: Span,
}

/// One key of a map, with its own span.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    pub key: String,
    pub key_span: Span,
    pub node: Node,
}

impl Node {
    pub fn new(value: Value, span: Span) -> Node {
        Node { value, span }
    }

    /// The child at `key` when this is a map.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(entries) => entries.iter().find(|e| e.key == key).map(|e| &e.node),
            _ => None,
        }
    }

    /// Follows a path of keys; a one-element list is looked through (Terraform
    /// nested blocks are lists).
    pub fn path<K: AsRef<str>>(&self, path: impl IntoIterator<Item = K>) -> Option<&Node> {
        let mut node = self;
        for key in path {
            node = node.single().get(key.as_ref())?;
        }
        Some(node)
    }

    /// Like [`Node::path`], but looks through [`Value::Either`] anywhere on
    /// the way: one result per possible outcome, `None` where the path is
    /// absent in that outcome. `path` stops at an `Either` (it is not a map),
    /// so a key under `!If [Cond, {..}, {..}]` needs this to be found.
    pub fn path_all(&self, path: &[&str]) -> Vec<Option<&Node>> {
        match &self.value {
            Value::Either(options) => options.iter().flat_map(|o| o.path_all(path)).collect(),
            _ => match path.split_first() {
                None => vec![Some(self)],
                Some((key, rest)) => match self.single().get(key) {
                    None => match &self.single().value {
                        Value::Either(_) => self.single().path_all(path),
                        _ => vec![None],
                    },
                    Some(child) => child.path_all(rest),
                },
            },
        }
    }

    /// Rewrites a choice between maps (`Either[{A: 1}, {A: 2, B: 3}]`) into a
    /// map of choices (`{A: Either[1, 2], B: Either[null, 3]}`), everywhere in
    /// the tree, so a property path can be followed through a non-static
    /// condition. A branch without the key (or `AWS::NoValue`) contributes
    /// `Null`, which rules read as "absent" on that branch. The correlation
    /// between keys of one branch is dropped, which can only make a verdict
    /// stricter, never silently pass. Choices that are list items are kept
    /// (there `Null` means "no item", not "an item without keys").
    pub fn hoist_conditions(&mut self) {
        match &mut self.value {
            // A choice as a list item stays one ("this item, or no item"):
            // only its branches are rewritten.
            Value::List(items) => items.iter_mut().for_each(|item| match &mut item.value {
                Value::Either(branches) => branches.iter_mut().for_each(Node::hoist_conditions),
                _ => item.hoist_conditions(),
            }),
            Value::Map(entries) => entries.iter_mut().for_each(|e| e.node.hoist_conditions()),
            Value::Either(branches) => {
                branches.iter_mut().for_each(Node::hoist_conditions);
                let maps = branches
                    .iter()
                    .filter(|b| matches!(b.value, Value::Map(_)))
                    .count();
                let only_maps_or_null = branches
                    .iter()
                    .all(|b| matches!(b.value, Value::Map(_) | Value::Null));
                if maps == 0 || !only_maps_or_null {
                    return;
                }
                let mut keys: Vec<(String, Span)> = Vec::new();
                for b in branches.iter() {
                    for e in b.as_map().unwrap_or(&[]) {
                        if !keys.iter().any(|(k, _)| *k == e.key) {
                            keys.push((e.key.clone(), e.key_span));
                        }
                    }
                }
                let entries = keys
                    .into_iter()
                    .map(|(key, key_span)| {
                        let mut choices: Vec<Node> = branches
                            .iter()
                            .map(|b| {
                                b.get(&key)
                                    .cloned()
                                    .unwrap_or_else(|| Node::new(Value::Null, b.span))
                            })
                            .collect();
                        choices.dedup_by(|a, b| a.value == b.value);
                        let node = if choices.len() == 1 {
                            choices.remove(0)
                        } else {
                            let span = self.span;
                            let mut node = Node::new(Value::Either(choices), span);
                            node.hoist_conditions();
                            node
                        };
                        Entry {
                            key,
                            key_span,
                            node,
                        }
                    })
                    .collect();
                self.value = Value::Map(entries);
            }
            _ => {}
        }
    }

    /// Like [`Node::path`], but stops at the first value on the way that is not
    /// resolved ([`Value::Unknown`] or [`Value::Either`]) and returns it: a
    /// path through an unresolved value is unresolved, not absent.
    pub fn path_or_unresolved(&self, path: &[&str]) -> Option<&Node> {
        let mut node = self;
        for key in path {
            let here = node.single();
            if matches!(here.value, Value::Unknown(_) | Value::Either(_)) {
                return Some(here);
            }
            node = here.get(key)?;
        }
        Some(node)
    }

    /// This node, or its only element when it is a one-element list.
    pub fn single(&self) -> &Node {
        match &self.value {
            Value::List(items) if items.len() == 1 => &items[0],
            _ => self,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// Booleans, and the strings `true`/`false` that CloudFormation also accepts.
    pub fn as_bool(&self) -> Option<bool> {
        match &self.value {
            Value::Bool(b) => Some(*b),
            Value::String(s) if s.eq_ignore_ascii_case("true") => Some(true),
            Value::String(s) if s.eq_ignore_ascii_case("false") => Some(false),
            _ => None,
        }
    }

    /// Numbers, and numeric strings (`"22"`).
    pub fn as_f64(&self) -> Option<f64> {
        match &self.value {
            Value::Number(n) => Some(*n),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        self.as_f64()
            .filter(|n| n.fract() == 0.0 && n.abs() < 9.0e15)
            .map(|n| n as i64)
    }

    pub fn as_list(&self) -> Option<&[Node]> {
        match &self.value {
            Value::List(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_map(&self) -> Option<&[Entry]> {
        match &self.value {
            Value::Map(entries) => Some(entries),
            _ => None,
        }
    }

    /// Scalar text: strings, numbers and booleans.
    pub fn scalar_text(&self) -> Option<String> {
        match &self.value {
            Value::String(s) => Some(s.clone()),
            Value::Bool(b) => Some(b.to_string()),
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => {
                Some((*n as i64).to_string())
            }
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    }
}

/// Where a resource came from, in a workload-wide table of files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct FileId(pub u32);

/// A region that is known, or unknown with a reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum Region {
    Known(String),
    Unknown(String),
}

/// How one resource refers to another (besides values in its properties).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reference {
    pub target: String,
    /// Property path where the reference appears, `DependsOn`, or `depends_on`.
    pub path: String,
    pub span: Span,
}

/// One resource, whatever format it came from.
#[derive(Debug, Clone, Serialize)]
pub struct Resource {
    /// CloudFormation logical id, or Terraform address (`module.db.aws_db_instance.this[0]`).
    pub id: String,
    /// `AWS::S3::Bucket` or `aws_s3_bucket`. For SAM, the type the transform
    /// generates (`AWS::Lambda::Function` for `AWS::Serverless::Function`).
    pub resource_type: String,
    /// The type as written, when it differs from `resource_type` (SAM).
    pub source_type: Option<String>,
    pub format: Format,
    /// Groups resources that can refer to each other: the template file, or the
    /// Terraform module instance (`module.db` / root), within `unit`.
    pub scope: String,
    /// The ingest unit (template, Terraform root module or plan) the resource
    /// was read from, numbered by [`Workload::merge`]: two Terraform roots both
    /// have a scope `root`, and must not see each other's resources.
    #[serde(skip)]
    pub unit: u32,
    /// Catalog service name, `None` when the type is not in the catalog.
    pub service: Option<String>,
    pub category: Option<CategoryDecision>,
    /// The resource's properties (CloudFormation `Properties`, Terraform
    /// attributes and blocks) as a map node.
    pub properties: Node,
    pub file: FileId,
    /// The whole resource in its file.
    pub span: Span,
    /// The span of the resource's name (logical id key, Terraform block label).
    pub name_span: Span,
    pub region: Region,
    pub references: Vec<Reference>,
    /// Terraform data sources are recorded, not checked.
    pub is_data: bool,
    /// CloudFormation `Metadata` of the resource (suppressions live there).
    pub metadata: Option<Node>,
}

impl Resource {
    /// True when the two resources can refer to each other: the same scope of
    /// the same template or Terraform root.
    pub fn same_scope(&self, other: &Resource) -> bool {
        self.unit == other.unit && self.scope == other.scope
    }

    /// True when the properties use Terraform's names: read from Terraform, or
    /// a live account setting CloudFormation has no type for, mapped to the
    /// Terraform type (`aws_ebs_encryption_by_default`) so its rules judge it.
    pub fn terraform_shaped(&self) -> bool {
        self.format.is_terraform()
            || (self.format == Format::Aws && !self.resource_type.starts_with("AWS::"))
    }

    /// Readies a resource for rules, once its properties are built: pushes
    /// conditions down to the values they choose between (see
    /// [`Node::hoist_conditions`]), then fills `service` and `category` from the
    /// catalog (longest type prefix, then the service's category rule).
    pub fn classify(&mut self) {
        self.properties.hoist_conditions();
        let catalog = onus_model::Catalog::get();
        match catalog.service_for_type(&self.resource_type) {
            Some(service) => {
                self.category = Some(service.category_for(&self.resource_type, &*self));
                self.service = Some(service.name.clone());
            }
            None => {
                self.service = None;
                self.category = None;
            }
        }
    }
}

impl Properties for Resource {
    fn probe(&self, path: &[&str]) -> Probe {
        match self.properties.path_or_unresolved(path) {
            None => Probe::Absent,
            Some(node) => probe_node(node),
        }
    }
}

fn probe_node(node: &Node) -> Probe {
    match &node.value {
        Value::Null => Probe::Absent,
        Value::Unknown(why) => Probe::Unknown(why.clone()),
        Value::Either(_) => Probe::Unknown("the value depends on a condition".into()),
        Value::List(items) if items.len() == 1 => probe_node(&items[0]),
        _ => node
            .scalar_text()
            .map(Probe::Text)
            .unwrap_or(Probe::Present),
    }
}

/// One file that was read.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// As given or found, relative to the scan root when under it.
    pub path: PathBuf,
    pub format: Option<Format>,
    pub lines: LineIndex,
}

/// Severity of a diagnostic about an input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DiagnosticLevel {
    /// The file (or part of it) could not be read: the scan is incomplete.
    Error,
    /// Read, with something worth knowing (e.g. a remote module not scanned).
    Warning,
}

/// A problem with an input file, with the position that caused it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    pub level: DiagnosticLevel,
    pub file: FileId,
    pub span: Option<Span>,
    pub message: String,
}

/// Everything read from the scanned paths.
#[derive(Debug, Clone, Default)]
pub struct Workload {
    pub files: Vec<SourceFile>,
    pub resources: Vec<Resource>,
    pub diagnostics: Vec<Diagnostic>,
    /// Files looked at and skipped because they are not infrastructure code.
    pub skipped_files: usize,
    /// Path → id, so a file read through several module calls is listed once.
    /// Maintained by [`Workload::merge`]; public only so `..Default::default()` works.
    #[doc(hidden)]
    pub file_ids: std::collections::HashMap<PathBuf, FileId>,
    /// Diagnostics already recorded, so a module called twice warns once.
    #[doc(hidden)]
    pub seen_diagnostics: std::collections::HashSet<(FileId, Option<Span>, String)>,
    /// Units merged so far (the next [`Resource::unit`]).
    #[doc(hidden)]
    pub units: u32,
}

impl Workload {
    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// Frees what only the rules read (property trees, references, merge
    /// bookkeeping) once they have run, so reporting on a large scan does not
    /// hold the whole model. Ids, types, spans, metadata and file text stay.
    pub fn release_rule_inputs(&mut self) {
        use rayon::prelude::*;
        self.resources.par_iter_mut().for_each(|r| {
            r.properties = Node {
                value: Value::Null,
                span: r.properties.span,
            };
            r.references = Vec::new();
        });
        self.file_ids = Default::default();
        self.seen_diagnostics = Default::default();
    }

    /// `path:line:column` of a span in a file.
    pub fn location(&self, file: FileId, span: Span) -> String {
        let f = self.file(file);
        let lc = f.lines.line_col(span.start);
        format!("{}:{}:{}", f.path.display(), lc.line, lc.column)
    }

    /// Adds a file to the table and returns its id.
    pub fn add_file(&mut self, path: PathBuf, format: Option<Format>, text: Arc<str>) -> FileId {
        self.files.push(SourceFile {
            path,
            format,
            lines: LineIndex::new(text),
        });
        FileId((self.files.len() - 1) as u32)
    }

    /// Records an error: the file could not be read completely.
    pub fn error(&mut self, file: FileId, span: Option<Span>, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic {
            level: DiagnosticLevel::Error,
            file,
            span,
            message: message.into(),
        });
    }

    /// Records a warning about a file that was still read.
    pub fn warning(&mut self, file: FileId, span: Option<Span>, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic {
            level: DiagnosticLevel::Warning,
            file,
            span,
            message: message.into(),
        });
    }

    /// Appends another workload, renumbering its file ids. A file already in
    /// this workload (the same path, read again through another module call)
    /// keeps its id, and a diagnostic already recorded is not repeated.
    pub fn merge(&mut self, other: Workload) {
        if self.file_ids.len() != self.files.len() {
            self.reindex();
        }
        let ids: Vec<FileId> = other
            .files
            .into_iter()
            .map(|file| match self.file_ids.get(&file.path) {
                Some(id) => *id,
                None => {
                    let id = FileId(self.files.len() as u32);
                    self.file_ids.insert(file.path.clone(), id);
                    self.files.push(file);
                    id
                }
            })
            .collect();
        let remap = |id: FileId| ids.get(id.0 as usize).copied().unwrap_or(id);
        let unit = self.units;
        self.units += 1;
        self.resources
            .extend(other.resources.into_iter().map(|mut r| {
                r.file = remap(r.file);
                r.unit = unit;
                r
            }));
        for mut d in other.diagnostics {
            d.file = remap(d.file);
            if self
                .seen_diagnostics
                .insert((d.file, d.span, d.message.clone()))
            {
                self.diagnostics.push(d);
            }
        }
        self.skipped_files += other.skipped_files;
    }

    /// Rebuilds the path index and the set of seen diagnostics, for a workload
    /// whose files were added directly.
    fn reindex(&mut self) {
        self.file_ids.clear();
        for (i, f) in self.files.iter().enumerate() {
            self.file_ids
                .entry(f.path.clone())
                .or_insert(FileId(i as u32));
        }
        self.seen_diagnostics = self
            .diagnostics
            .iter()
            .map(|d| (d.file, d.span, d.message.clone()))
            .collect();
    }

    /// True when any file could not be read completely.
    pub fn incomplete(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.level == DiagnosticLevel::Error)
    }
}
