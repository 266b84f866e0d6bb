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
    /// Offset of the first byte.
    pub start: u32,
    /// Offset just past the last byte.
    pub end: u32,
}

impl Span {
    /// The span `start..end`, offsets clamped to `u32::MAX` (files that large
    /// are refused by [`crate::Limits`] anyway).
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
    /// Line number, from 1.
    pub line: u32,
    /// Column number, from 1, in characters.
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
    /// Indexes the line starts of `text`.
    pub fn new(text: Arc<str>) -> LineIndex {
        let mut line_starts = vec![0u32];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push((i + 1) as u32);
            }
        }
        LineIndex { line_starts, text }
    }

    /// The line and column of a byte offset (an offset inside a character counts
    /// as that character).
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

    /// The file's text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Number of lines, as `str::lines` counts them.
    pub fn line_count(&self) -> usize {
        match self.text.as_bytes().last() {
            None => 0,
            Some(b'\n') => self.line_starts.len() - 1,
            Some(_) => self.line_starts.len(),
        }
    }

    /// Line `i` (0-based) without its line ending, as `str::lines` gives it.
    pub fn line(&self, i: usize) -> Option<&str> {
        if i >= self.line_count() {
            return None;
        }
        let start = self.line_starts[i] as usize;
        let line = match self.line_starts.get(i + 1) {
            Some(&next) => {
                let line = self.text.get(start..next as usize - 1)?;
                line.strip_suffix('\r').unwrap_or(line)
            }
            None => self.text.get(start..)?,
        };
        Some(line)
    }
}

/// Which reader produced a resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// A CloudFormation template (YAML or JSON).
    CloudFormation,
    /// A SAM template (`Transform: AWS::Serverless-2016-10-31`), its resources
    /// expanded to what the transform generates.
    Sam,
    /// Terraform configuration (`.tf`, `.tf.json`).
    Terraform,
    /// A Terraform plan in JSON (`terraform show -json`).
    TerraformPlan,
    /// Read from a live AWS account (`onus scan --aws`): the file is the
    /// resource's ARN and its text the deployed configuration, as onus read it,
    /// in the CloudFormation property shape.
    Aws,
}

impl Format {
    /// True for Terraform configuration and plans (snake_case attribute names).
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
    /// An explicit `null`, or the branch of a condition that leaves the value unset
    /// (`AWS::NoValue`, a Terraform `null`).
    Null,
    /// A boolean.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    String(String),
    /// A list.
    List(Vec<Node>),
    /// A map, its entries in source order.
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

/// A reference to another resource of the same scope, and the attribute read.
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
    /// The value.
    pub value: Value,
    /// The source text that produced it.
    pub span: Span,
}

/// One key of a map, with its own span.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    /// The key as written.
    pub key: String,
    /// The span of the key.
    pub key_span: Span,
    /// The value under the key.
    pub node: Node,
}

impl Node {
    /// A node of `value` at `span`.
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

    /// The text of a string (not of numbers or booleans; see [`Node::scalar_text`]).
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

    /// Whole numbers, as [`Node::as_f64`] reads them, within the range an `f64`
    /// holds exactly.
    pub fn as_i64(&self) -> Option<i64> {
        self.as_f64()
            .filter(|n| n.fract() == 0.0 && n.abs() < 9.0e15)
            .map(|n| n as i64)
    }

    /// The elements of a list.
    pub fn as_list(&self) -> Option<&[Node]> {
        match &self.value {
            Value::List(items) => Some(items),
            _ => None,
        }
    }

    /// The entries of a map.
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
    /// The Region's name, e.g. `eu-west-1`.
    Known(String),
    /// Not resolvable statically; the text says why.
    Unknown(String),
}

/// How one resource refers to another (besides values in its properties).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reference {
    /// The referenced resource's logical id or address, in the same scope.
    pub target: String,
    /// Property path where the reference appears, `DependsOn`, or `depends_on`.
    pub path: String,
    /// Where the reference is written.
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
    /// The reader that produced it.
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
    /// The category of the service for this resource (some services vary by
    /// properties), set by [`Resource::classify`].
    pub category: Option<CategoryDecision>,
    /// The resource's properties (CloudFormation `Properties`, Terraform
    /// attributes and blocks) as a map node.
    pub properties: Node,
    /// The file it is declared in.
    pub file: FileId,
    /// The whole resource in its file.
    pub span: Span,
    /// The span of the resource's name (logical id key, Terraform block label).
    pub name_span: Span,
    /// The Region it is deployed to, from `--region`, the provider or deployment
    /// configuration.
    pub region: Region,
    /// Every reference to another resource: in property values, `DependsOn` and
    /// `depends_on`.
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

    /// True for AWS resource types (CloudFormation `AWS::`/`Alexa::`,
    /// Terraform `aws_`/`awscc_`), the ones the Shared Responsibility Model
    /// speaks of. Others (`null_resource`, `random_pet`, `Custom::…`,
    /// third-party registry types) are read, so references to them resolve,
    /// but carry no AWS duties.
    pub fn is_aws(&self) -> bool {
        const PREFIXES: [&str; 4] = ["AWS::", "Alexa::", "aws_", "awscc_"];
        PREFIXES.iter().any(|p| self.resource_type.starts_with(p))
    }

    /// Judged and reported: an AWS resource, not a data source.
    pub fn assessed(&self) -> bool {
        !self.is_data && self.is_aws()
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

/// How a path is shown in reports: `/`-separated, without a leading `./`.
/// Reports sort files by this text.
pub fn display_path(path: &std::path::Path) -> String {
    let text = path.display().to_string().replace('\\', "/");
    text.strip_prefix("./").map(str::to_owned).unwrap_or(text)
}

/// One file that was read.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// As given or found, relative to the scan root when under it.
    pub path: PathBuf,
    /// The reader that read it, `None` when it could not be read as any.
    pub format: Option<Format>,
    /// Its text and line starts, for positions and excerpts.
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
    /// Error (the scan is incomplete) or warning.
    pub level: DiagnosticLevel,
    /// The file at fault.
    pub file: FileId,
    /// Where in it, when a position is known.
    pub span: Option<Span>,
    /// What is wrong, for people.
    pub message: String,
}

/// A nested stack read through its parent's stack resource
/// (`AWS::CloudFormation::Stack`, SAM `AWS::Serverless::Application`): the
/// resources of its template have `scope` in `unit`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NestedStack {
    /// The scope the nested template's resources are read in.
    pub scope: String,
    /// Set by [`Workload::merge`], as [`Resource::unit`].
    #[serde(skip)]
    pub unit: u32,
    /// The parent's stack resource: its logical id, file and name.
    pub parent: String,
    /// The file of the parent's stack resource.
    pub file: FileId,
    /// The span of the parent's stack resource.
    pub span: Span,
    /// How the template was found (`TemplateURL is the local path …`).
    pub found: String,
}

/// Everything read from the scanned paths.
#[derive(Debug, Clone, Default)]
pub struct Workload {
    /// Every file read, indexed by [`FileId`].
    pub files: Vec<SourceFile>,
    /// Every resource read, in a fixed order (by unit, then as read).
    pub resources: Vec<Resource>,
    /// Problems with the input files.
    pub diagnostics: Vec<Diagnostic>,
    /// The nested stacks read through their parents.
    pub stacks: Vec<NestedStack>,
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
    /// The file with this id.
    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// Frees what only the rules read (property trees, references, merge
    /// bookkeeping) once they have run, so reporting on a large scan does not
    /// hold the whole model. Ids, types, spans, metadata and file text stay.
    pub fn release_rule_inputs(&mut self) {
        use rayon::prelude::*;
        // In parallel for a large workload; one unit's is freed in place.
        self.resources
            .par_iter_mut()
            .with_min_len(256)
            .for_each(|r| {
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
        self.stacks.extend(other.stacks.into_iter().map(|mut s| {
            s.file = remap(s.file);
            s.unit = unit;
            s
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
