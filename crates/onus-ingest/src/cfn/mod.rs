//! CloudFormation and SAM templates, YAML or JSON.
//!
//! `bytes → (yaml | json) loader → Node tree → template sections → evaluated
//! resources (SAM expanded) → Workload`. Every problem is a diagnostic with a
//! position; nothing here panics on input.
//!
//! Choices worth knowing:
//! - A file whose first non-blank character is `{` is JSON (strict: no
//!   comments or trailing commas); anything else is YAML.
//! - Spans: a value produced by an intrinsic (`!Ref`, `!Sub`, `!FindInMap`...)
//!   has the span of the intrinsic. A static `Fn::If` yields the chosen
//!   branch with the branch's own span (the text that sets the value).
//! - `Fn::If` on a condition that is not static gives `Value::Either([a, b])`
//!   (`AWS::NoValue` in a branch is `Null`); `Fn::FindInMap` keyed by
//!   something unknown (usually `AWS::Region` without `--region`) gives
//!   `Either` of the mapping's values for the second-level key.
//! - `Fn::Base64` of a static string is the encoded string, as deployed.
//! - Resources whose `Condition` is statically false are dropped; other
//!   conditional resources are kept.
//! - `Fn::ForEach` is expanded when its collection is static; otherwise an
//!   error says what it would have made is not read.
//! - YAML aliases and merge keys are expanded (with a warning, since
//!   CloudFormation itself rejects them); duplicate keys keep the first value
//!   and are errors.
//! - Parameters: `--param` over parameter files over `Default`. SSM parameter
//!   types are unknown (the default is a parameter *name*). List types are
//!   lists. `AWS::Partition`/`AWS::URLSuffix` follow `--region`
//!   (commercial partition when none is given).

pub(crate) mod eval;
pub(crate) mod foreach;
pub mod json;
pub mod nested;
pub(crate) mod sam;
pub mod yaml;

use crate::model::{Format, NestedStack, Node, Reference, Region, Resource, Span, Value};
use crate::{Options, Workload};
use eval::{Evaluator, Param};
use nested::Templates;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A loaded file: the root node (when the text could be read), and the
/// problems found, each with its byte span.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The document, when the text could be parsed at all.
    pub root: Option<Node>,
    /// Problems that leave the file or part of it unread (syntax errors, unknown
    /// tags, limits hit).
    pub errors: Vec<(Span, String)>,
    /// Problems worth knowing that lose nothing (a YAML alias, which
    /// CloudFormation itself rejects).
    pub warnings: Vec<(Span, String)>,
}

/// The SAM transform.
pub const SAM_TRANSFORM: &str = "AWS::Serverless-2016-10-31";

/// Reads one template into `workload`, and the nested stacks whose
/// templates are local paths.
pub fn read_file(path: &Path, options: &Options, workload: &mut Workload) {
    read_file_with(path, options, &Templates::default(), workload);
}

/// [`read_file`], finding the templates of nested stacks among `templates`
/// (the scan's) when their `TemplateURL` is an S3 URL.
pub fn read_file_with(
    path: &Path,
    options: &Options,
    templates: &Templates,
    workload: &mut Workload,
) {
    read_path(path, options, &mut Stack::root(templates), workload);
}

/// The templates of the nested stacks of the template at `path` (one level):
/// what [`read_file_with`] would read through it.
pub fn nested_templates(path: &Path, options: &Options, templates: &Templates) -> Vec<PathBuf> {
    let mut stack = Stack::root(templates);
    stack.collect_only = true;
    read_path(path, options, &mut stack, &mut Workload::default());
    stack.found
}

/// How a template is read: on its own, or as a nested stack of a parent.
struct Stack<'t> {
    templates: &'t Templates,
    /// The templates being read, outermost first (canonical paths).
    chain: Vec<PathBuf>,
    /// Set for a nested stack.
    nested: Option<Nesting>,
    /// Only record the nested templates found, in `found`.
    collect_only: bool,
    found: Vec<PathBuf>,
}

/// What a parent gives its nested stack.
struct Nesting {
    params: Vec<(String, Param)>,
    region: Region,
    scope: String,
}

impl<'t> Stack<'t> {
    fn root(templates: &'t Templates) -> Self {
        Stack {
            templates,
            chain: Vec::new(),
            nested: None,
            collect_only: false,
            found: Vec::new(),
        }
    }
}

fn read_path(path: &Path, options: &Options, stack: &mut Stack, workload: &mut Workload) {
    match crate::read_limited(path, &options.limits) {
        Ok(bytes) => read_template(path, &bytes, options, stack, workload),
        Err(e) => {
            let file =
                workload.add_file(path.to_path_buf(), Some(Format::CloudFormation), "".into());
            workload.error(file, None, e);
        }
    }
}

/// Reads one template from its bytes (`path` names it in the workload).
pub fn read_bytes(path: &Path, bytes: &[u8], options: &Options, workload: &mut Workload) {
    read_template(
        path,
        bytes,
        options,
        &mut Stack::root(&Templates::default()),
        workload,
    );
}

fn read_template(
    path: &Path,
    bytes: &[u8],
    options: &Options,
    stack: &mut Stack,
    workload: &mut Workload,
) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text: Arc<str> = match std::str::from_utf8(bytes) {
        Ok(t) => t.into(),
        Err(e) => {
            let at = e.valid_up_to();
            let lossy: Arc<str> = String::from_utf8_lossy(bytes).into_owned().into();
            let file = workload.add_file(path.to_path_buf(), Some(Format::CloudFormation), lossy);
            workload.error(file, Some(Span::new(at, at)), "file is not valid UTF-8");
            return;
        }
    };
    let file = workload.add_file(
        path.to_path_buf(),
        Some(Format::CloudFormation),
        text.clone(),
    );
    let is_json = text.trim_start().starts_with('{');
    // The parsers are third-party code: a panic in one of them is reported as
    // a diagnostic on this file rather than ending the scan.
    let loaded = std::panic::catch_unwind(|| {
        if is_json {
            json::load(&text)
        } else {
            yaml::load(&text)
        }
    })
    .unwrap_or_else(|_| Loaded {
        root: None,
        errors: vec![(
            Span::new(0, 0),
            "the parser failed on this file (internal error)".into(),
        )],
        warnings: Vec::new(),
    });
    for (span, message) in loaded.errors {
        workload.error(file, Some(span), message);
    }
    for (span, message) in loaded.warnings {
        workload.warning(file, Some(span), message);
    }
    let Some(root) = loaded.root else {
        return;
    };
    if !is_template(&root) {
        workload.skipped_files += 1;
        // Not infrastructure code: drop it from the file table unless a
        // diagnostic points into it.
        if !workload.diagnostics.iter().any(|d| d.file == file)
            && workload.files.len() == file.0 as usize + 1
        {
            workload.files.pop();
        }
        return;
    }
    let (scope, region) = match &stack.nested {
        Some(n) => (n.scope.clone(), n.region.clone()),
        None => (
            path.display().to_string(),
            match (&options.region, stack.templates.region(path)) {
                (Some(r), _) => Region::Known(r.clone()),
                // cdk.out's manifest, samconfig.toml.
                (None, Some(r)) => Region::Known(r.to_owned()),
                (None, None) => Region::Unknown(
                    "no --region given: the stack's Region is chosen at deploy time".into(),
                ),
            },
        ),
    };
    stack
        .chain
        .push(path.canonicalize().unwrap_or_else(|_| path.to_path_buf()));
    let mut template = Template {
        file,
        path,
        scope,
        region,
        options,
        stack,
        workload,
    };
    template.read(&root);
}

/// A template has `AWSTemplateFormatVersion`, or `Resources` whose types look
/// like `AWS::`.
fn is_template(root: &Node) -> bool {
    if root.get("AWSTemplateFormatVersion").is_some() {
        return true;
    }
    root.get("Resources")
        .and_then(Node::as_map)
        .is_some_and(|entries| {
            entries.iter().any(|e| {
                e.node
                    .get("Type")
                    .and_then(Node::as_str)
                    .is_some_and(|t| t.starts_with("AWS::") || t.starts_with("Alexa::"))
            })
        })
}

struct Template<'w, 't> {
    file: crate::model::FileId,
    path: &'w Path,
    scope: String,
    region: Region,
    options: &'w Options,
    stack: &'w mut Stack<'t>,
    workload: &'w mut Workload,
}

/// A stack resource of the template, to read its nested template after the
/// template's own resources.
struct StackResource {
    id: String,
    name_span: Span,
    url: Option<Result<(String, Span), String>>,
    /// A CDK app's nested stack: where its template was synthesised.
    asset_path: Option<String>,
    parameters: Option<Node>,
}

impl Template<'_, '_> {
    fn read(&mut self, root: &Node) {
        let file = self.file;
        if !matches!(root.value, Value::Map(_)) {
            self.workload
                .error(file, Some(root.span), "a template must be a map");
            return;
        }
        let transforms = transforms(root);
        let is_sam = transforms.iter().any(|t| t == SAM_TRANSFORM);
        for t in &transforms {
            if t != SAM_TRANSFORM && t != "AWS::LanguageExtensions" {
                let span = root.get("Transform").map(|n| n.span);
                self.workload.warning(
                    file,
                    span,
                    format!(
                        "transform {t} runs at deploy time: what it adds or changes is not seen"
                    ),
                );
            }
        }
        if is_sam {
            self.workload.files[file.0 as usize].format = Some(Format::Sam);
        }
        let mut ev = Evaluator::new(self.options.region.clone());
        ev.mappings = root.get("Mappings");
        if let Some(conditions) = root.get("Conditions").and_then(Node::as_map) {
            for e in conditions {
                ev.conditions.insert(e.key.clone(), &e.node);
            }
        }
        self.parameters(root, &mut ev);
        let Some(resources) = root.get("Resources") else {
            self.workload.error(
                file,
                Some(root.span),
                "the template has no Resources section",
            );
            return;
        };
        let expanded;
        let resources = if foreach::has_loop(resources) {
            expanded = foreach::Expander::new(&mut ev).expand(resources);
            &expanded
        } else {
            resources
        };
        let Some(entries) = resources.as_map() else {
            self.workload
                .error(file, Some(resources.span), "Resources must be a map");
            return;
        };
        for e in entries {
            ev.resources.insert(e.key.clone());
        }
        // SAM adds resources other templates' resources can name (`MyApiStage`).
        let implicit = if is_sam {
            for e in entries {
                for extra in sam::generated_ids(&e.key, &e.node) {
                    ev.resources.insert(extra);
                }
            }
            sam::implicit_apis(entries)
        } else {
            Vec::new()
        };
        for api in &implicit {
            ev.resources.insert(api.id.to_string());
            ev.resources.insert(api.stage_id.to_string());
        }
        let globals = if is_sam { root.get("Globals") } else { None };
        let format = if is_sam {
            Format::Sam
        } else {
            Format::CloudFormation
        };
        let region = self.region.clone();
        let mut stacks: Vec<StackResource> = Vec::new();
        for e in entries {
            let id = &e.key;
            let node = &e.node;
            if !matches!(node.value, Value::Map(_)) {
                self.workload.error(
                    file,
                    Some(node.span),
                    format!("resource {id} must be a map"),
                );
                continue;
            }
            let Some(resource_type) = node.get("Type").and_then(Node::as_str) else {
                let span = node.get("Type").map(|t| t.span).unwrap_or(e.key_span);
                self.workload
                    .error(file, Some(span), format!("resource {id} has no Type"));
                continue;
            };
            if let Some(cond) = node.get("Condition") {
                match cond.as_str() {
                    Some(name) => {
                        if ev.condition(name, cond.span) == Some(false) {
                            continue;
                        }
                    }
                    None => self.workload.error(
                        file,
                        Some(cond.span),
                        format!("the Condition of {id} must be a condition name"),
                    ),
                }
            }
            let span = Span::new(
                e.key_span.start as usize,
                node.span.end.max(e.key_span.end) as usize,
            );
            let mut references = Vec::new();
            let raw_props = node.get("Properties");
            let merged;
            let raw_props = match (globals, sam::globals_section(resource_type)) {
                (Some(g), Some(section)) => match g.get(section) {
                    Some(global) => {
                        merged = sam::merge_globals(global, raw_props);
                        Some(&merged)
                    }
                    None => raw_props,
                },
                _ => raw_props,
            };
            let properties = match raw_props {
                None => Node::new(Value::Map(Vec::new()), span),
                // `Properties:` with nothing after it.
                Some(p) if p.value == Value::Null => Node::new(Value::Map(Vec::new()), p.span),
                Some(p) => match ev.eval(p, "Properties", &mut references) {
                    None => Node::new(Value::Map(Vec::new()), p.span),
                    Some(n) if matches!(n.value, Value::Map(_)) => n,
                    Some(n) => {
                        let why = match &n.value {
                            Value::Either(_) => "depend on a condition".to_string(),
                            Value::Unknown(w) => format!("are not known statically ({w})"),
                            _ => "are not a map".to_string(),
                        };
                        self.workload.error(
                            file,
                            Some(n.span),
                            format!("the Properties of {id} {why}: the resource is not checked"),
                        );
                        Node::new(Value::Map(Vec::new()), n.span)
                    }
                },
            };
            depends_on(node, &mut references);
            let base = Resource {
                id: id.clone(),
                resource_type: resource_type.to_string(),
                source_type: None,
                format,
                scope: self.scope.clone(),
                unit: 0,
                service: None,
                category: None,
                properties,
                file,
                span,
                name_span: e.key_span,
                region: region.clone(),
                references,
                is_data: false,
                metadata: node.get("Metadata").cloned(),
            };
            if resource_type.starts_with("AWS::Serverless::") && !is_sam {
                let span = node.get("Type").map(|t| t.span).unwrap_or(e.key_span);
                self.workload.error(
                    file,
                    Some(span),
                    format!("{resource_type} needs `Transform: {SAM_TRANSFORM}`"),
                );
            }
            let produced = if resource_type.starts_with("AWS::Serverless::") {
                let (resources, warnings) = sam::expand(base);
                for (span, message) in warnings {
                    self.workload.warning(file, Some(span), message);
                }
                resources
            } else {
                vec![base]
            };
            for mut resource in produced {
                if resource.resource_type == "AWS::CloudFormation::Stack" {
                    // SAM's `Location` becomes `TemplateURL`.
                    let written =
                        raw_props.and_then(|p| p.get("TemplateURL").or_else(|| p.get("Location")));
                    stacks.push(StackResource {
                        id: resource.id.clone(),
                        name_span: resource.name_span,
                        url: nested::url_text(resource.properties.get("TemplateURL"), written),
                        parameters: resource.properties.get("Parameters").cloned(),
                        asset_path: nested::cdk_asset_path(resource.metadata.as_ref())
                            .map(str::to_owned),
                    });
                }
                resource.classify();
                self.workload.resources.push(resource);
            }
        }
        // APIs SAM creates for function events that name no API.
        for api in implicit {
            let mut references = Vec::new();
            let raw = globals.and_then(|g| g.get(api.globals));
            let mut properties = raw
                .and_then(|r| ev.eval(r, "Properties", &mut references))
                .filter(|n| matches!(n.value, Value::Map(_)))
                .unwrap_or_else(|| Node::new(Value::Map(Vec::new()), api.event_span));
            if api.globals == "Api"
                && let Value::Map(entries) = &mut properties.value
                && !entries.iter().any(|e| e.key == "StageName")
            {
                entries.push(crate::model::Entry {
                    key: "StageName".into(),
                    key_span: api.event_span,
                    node: Node::new(Value::String("Prod".into()), api.event_span),
                });
            }
            let base = Resource {
                id: api.id.to_string(),
                resource_type: api.sam_type.to_string(),
                source_type: None,
                format,
                scope: self.scope.clone(),
                unit: 0,
                service: None,
                category: None,
                properties,
                file,
                span: api.event_span,
                name_span: api.event_span,
                region: region.clone(),
                references,
                is_data: false,
                metadata: None,
            };
            let (resources, warnings) = sam::expand(base);
            for (span, message) in warnings {
                self.workload.warning(file, Some(span), message);
            }
            for mut resource in resources {
                resource.classify();
                self.workload.resources.push(resource);
            }
        }
        for (span, message) in std::mem::take(&mut ev.diags.errors) {
            self.workload.error(file, Some(span), message);
        }
        for (span, message) in std::mem::take(&mut ev.diags.warnings) {
            self.workload.warning(file, Some(span), message);
        }
        for s in stacks {
            self.nested_stack(s);
        }
    }

    /// Reads the template of a nested stack, when it can be found, with the
    /// parameters the stack passes, in a scope of its own.
    fn nested_stack(&mut self, stack: StackResource) {
        let file = self.file;
        let (url, url_span) = match stack.url {
            None => return,
            Some(Ok(url)) => url,
            Some(Err(why)) => {
                self.workload.warning(
                    file,
                    Some(stack.name_span),
                    format!("nested stack {} not read: {why}", stack.id),
                );
                return;
            }
        };
        let found = match &stack.asset_path {
            Some(asset) => self.stack.templates.local(self.path, asset).map(|path| {
                let how = format!("the CDK asset path of its Metadata, {asset}");
                (path, how)
            }),
            None => self.stack.templates.resolve(self.path, &url),
        };
        let (child, found) = match found {
            Ok(found) => found,
            Err(why) => {
                self.workload.warning(
                    file,
                    Some(url_span),
                    format!("nested stack {} not read: {why}", stack.id),
                );
                return;
            }
        };
        if self.stack.collect_only {
            self.stack.found.push(child);
            return;
        }
        let canonical = child.canonicalize().unwrap_or_else(|_| child.clone());
        if self.stack.chain.contains(&canonical) {
            self.workload.error(
                file,
                Some(url_span),
                format!(
                    "nested stack {} uses {}, which includes this template: not read again",
                    stack.id,
                    child.display()
                ),
            );
            return;
        }
        if self.stack.chain.len() > nested::MAX_DEPTH {
            self.workload.error(
                file,
                Some(url_span),
                format!(
                    "nested stack {} is more than {} levels deep: not read",
                    stack.id,
                    nested::MAX_DEPTH
                ),
            );
            return;
        }
        let scope = format!("{}#{}", self.scope, stack.id);
        self.workload.stacks.push(NestedStack {
            scope: scope.clone(),
            unit: 0,
            parent: stack.id.clone(),
            file,
            span: stack.name_span,
            found,
        });
        let mut child_stack = Stack {
            templates: self.stack.templates,
            chain: self.stack.chain.clone(),
            nested: Some(Nesting {
                params: passed_parameters(stack.parameters.as_ref(), &stack.id),
                region: self.region.clone(),
                scope,
            }),
            collect_only: false,
            found: Vec::new(),
        };
        read_path(&child, self.options, &mut child_stack, self.workload);
    }

    /// Parameter values: `--param`, then parameter files, then defaults; for
    /// a nested stack, what its parent passes, then defaults.
    fn parameters(&mut self, root: &Node, ev: &mut Evaluator<'_>) {
        let mut given: Vec<(String, String)> = Vec::new();
        let mut passed: Vec<(String, Param)> = Vec::new();
        match &mut self.stack.nested {
            Some(nesting) => passed = std::mem::take(&mut nesting.params),
            None => {
                for path in &self.options.param_files {
                    given.extend(read_param_file(path, self.workload));
                }
                given.extend(self.options.params.iter().cloned());
            }
        }
        let Some(params) = root.get("Parameters").and_then(Node::as_map) else {
            return;
        };
        for p in params {
            let name = &p.key;
            if let Some((_, param)) = passed.iter().find(|(k, _)| k == name) {
                ev.params.insert(name.clone(), param.clone());
                continue;
            }
            let ptype = p
                .node
                .get("Type")
                .and_then(Node::as_str)
                .unwrap_or("String");
            let value: Option<String> = given
                .iter()
                .rev()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .or_else(|| p.node.get("Default").and_then(default_text));
            let param = match value {
                None if self.stack.nested.is_some() => Param::Unknown(format!(
                    "parameter {name} has no default and the parent stack passes none"
                )),
                None => Param::Unknown(format!("parameter {name} has no default")),
                Some(v) if ptype.starts_with("AWS::SSM::Parameter::Value<") => Param::Unknown(
                    format!("parameter {name} is read from SSM parameter {v} at deploy time"),
                ),
                Some(v) if ptype.starts_with("List<") || ptype == "CommaDelimitedList" => {
                    Param::Value(Value::List(
                        v.split(',')
                            .map(|s| Node::new(Value::String(s.to_string()), p.key_span))
                            .collect(),
                    ))
                }
                Some(v) => Param::Value(Value::String(v)),
            };
            ev.params.insert(name.clone(), param);
        }
    }
}

/// The parameters a stack resource passes to its nested stack, as the
/// nested template sees them: static values as they are, references to the
/// parent's resources unknown (they belong to another stack).
fn passed_parameters(parameters: Option<&Node>, stack: &str) -> Vec<(String, Param)> {
    let Some(entries) = parameters.and_then(Node::as_map) else {
        return Vec::new();
    };
    entries
        .iter()
        .filter(|e| e.node.value != Value::Null)
        .map(|e| {
            let name = &e.key;
            let param = match &e.node.value {
                Value::String(_) | Value::List(_) | Value::Either(_) => {
                    Param::Value(e.node.value.clone())
                }
                Value::Unknown(why) => Param::Unknown(format!(
                    "parameter {name}, passed by the parent stack {stack}: {why}"
                )),
                _ => match e.node.scalar_text() {
                    Some(text) => Param::Value(Value::String(text)),
                    None => Param::Unknown(format!(
                        "parameter {name}: the parent stack {stack} passes {}, a value of another stack",
                        eval::describe(&e.node)
                    )),
                },
            };
            (name.clone(), param)
        })
        .collect()
}

/// A parameter default as text (`Default: 22` is "22"; a list default is
/// joined with commas).
fn default_text(node: &Node) -> Option<String> {
    match &node.value {
        Value::List(items) => items
            .iter()
            .map(Node::scalar_text)
            .collect::<Option<Vec<_>>>()
            .map(|v| v.join(",")),
        _ => node.scalar_text(),
    }
}

/// The template's transforms (a string or a list).
fn transforms(root: &Node) -> Vec<String> {
    match root.get("Transform") {
        None => Vec::new(),
        Some(n) => match &n.value {
            Value::String(s) => vec![s.clone()],
            Value::List(items) => items
                .iter()
                .map(|i| match &i.value {
                    Value::String(s) => s.clone(),
                    _ => i
                        .get("Name")
                        .and_then(Node::as_str)
                        .unwrap_or("(a macro)")
                        .to_string(),
                })
                .collect(),
            Value::Map(_) => vec![
                n.get("Name")
                    .and_then(Node::as_str)
                    .unwrap_or("(a macro)")
                    .to_string(),
            ],
            _ => Vec::new(),
        },
    }
}

fn depends_on(node: &Node, references: &mut Vec<Reference>) {
    let Some(d) = node.get("DependsOn") else {
        return;
    };
    let items: Vec<&Node> = match &d.value {
        Value::List(items) => items.iter().collect(),
        _ => vec![d],
    };
    for item in items {
        if let Some(target) = item.as_str() {
            references.push(Reference {
                target: target.to_string(),
                path: "DependsOn".into(),
                span: item.span,
            });
        }
    }
}

/// Reads a parameter file: the AWS CLI list `[{"ParameterKey": .., "ParameterValue": ..}]`
/// or an object `{"Parameters": {"Key": "Value"}}`. Problems are reported on that file.
fn read_param_file(path: &Path, workload: &mut Workload) -> Vec<(String, String)> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            let file = workload.add_file(path.to_path_buf(), None, "".into());
            workload.error(file, None, format!("cannot read the parameter file: {e}"));
            return Vec::new();
        }
    };
    let fail = |workload: &mut Workload, text: &str, span: Option<Span>, message: String| {
        let file = workload.add_file(path.to_path_buf(), None, text.into());
        workload.error(file, span, message);
    };
    let loaded = json::load(&text);
    if let Some((span, message)) = loaded.errors.into_iter().next() {
        fail(workload, &text, Some(span), message);
        return Vec::new();
    }
    let Some(root) = loaded.root else {
        return Vec::new();
    };
    let mut out = Vec::new();
    match &root.value {
        Value::List(items) => {
            for item in items {
                let key = item.get("ParameterKey").and_then(Node::as_str);
                let value = item.get("ParameterValue").and_then(default_text);
                match (key, value) {
                    (Some(k), Some(v)) => out.push((k.to_string(), v)),
                    (Some(_), None) if item.get("UsePreviousValue").is_some() => {}
                    _ => {
                        fail(
                            workload,
                            &text,
                            Some(item.span),
                            "a parameter must have ParameterKey and ParameterValue".into(),
                        );
                        return Vec::new();
                    }
                }
            }
        }
        Value::Map(_) => match root.get("Parameters").and_then(Node::as_map) {
            Some(entries) => {
                for e in entries {
                    if let Some(v) = default_text(&e.node) {
                        out.push((e.key.clone(), v));
                    }
                }
            }
            None => {
                fail(
                    workload,
                    &text,
                    Some(root.span),
                    "expected a list of {\"ParameterKey\", \"ParameterValue\"} or {\"Parameters\": {..}}"
                        .into(),
                );
                return Vec::new();
            }
        },
        _ => {
            fail(
                workload,
                &text,
                Some(root.span),
                "expected a list of {\"ParameterKey\", \"ParameterValue\"} or {\"Parameters\": {..}}"
                    .into(),
            );
            return Vec::new();
        }
    }
    out
}
