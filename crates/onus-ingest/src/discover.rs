//! Finds the files to read and decides each one's format by its content.

use crate::Options;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// One thing to read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    /// A CloudFormation or SAM template.
    CloudFormation(PathBuf),
    /// A directory holding `.tf` files: one Terraform module.
    TerraformModule(PathBuf),
    /// A Terraform plan in JSON (`terraform show -json`).
    TerraformPlan(PathBuf),
}

/// What [`discover`] found under the scanned paths.
#[derive(Debug, Default)]
pub struct Found {
    /// Sorted, so output does not depend on walk order.
    pub units: Vec<Unit>,
    /// What was learnt of each template and plan while deciding its format,
    /// by lexically normalised path.
    pub facts: std::collections::HashMap<PathBuf, FileFacts>,
    /// The templates of the nested stacks of each template that has some,
    /// one level, by lexically normalised path: the files a template's unit
    /// also reads.
    pub nested: std::collections::HashMap<PathBuf, Vec<PathBuf>>,
    /// Files looked at and left alone: not infrastructure code.
    pub skipped: usize,
    /// Paths that could not be walked or read (missing, permission denied).
    pub errors: Vec<(PathBuf, String)>,
    /// Every CloudFormation template found, nested ones included: where the
    /// S3 `TemplateURL`s of nested stacks are looked for.
    pub templates: crate::cfn::nested::Templates,
}

/// Directories never worth reading: provider caches and dependencies.
const SKIPPED_DIRS: &[&str] = &[".terraform", "node_modules", ".git"];

const TEMPLATE_EXTENSIONS: &[&str] = &["yaml", "yml", "json", "template", "jsn"];

/// What a file's content says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// A CloudFormation or SAM template.
    CloudFormation,
    /// A Terraform plan in JSON.
    TerraformPlan,
    /// Neither: not read.
    Other,
}

/// Decides the format of a YAML or JSON file from its first bytes and keys.
///
/// A CloudFormation template has `AWSTemplateFormatVersion`, or a `Resources`
/// map whose types look like `AWS::`. A plan has `format_version` and
/// `planned_values` or `resource_changes`.
pub fn sniff(text: &str) -> Sniffed {
    let head = &text[..text.len().min(1 << 16)];
    if (text.contains("\"planned_values\"") || text.contains("\"resource_changes\""))
        && (head.contains("\"format_version\"") || head.contains("\"terraform_version\""))
    {
        return Sniffed::TerraformPlan;
    }
    if text.contains("AWSTemplateFormatVersion") {
        return Sniffed::CloudFormation;
    }
    if text.contains("Resources") && (text.contains("AWS::") || text.contains("Alexa::")) {
        return Sniffed::CloudFormation;
    }
    Sniffed::Other
}

/// A template or plan, as seen when its format was decided.
#[derive(Debug, Clone, Default)]
pub struct FileFacts {
    /// Its size in bytes.
    pub bytes: u64,
    /// Mentions one of the markers given to [`discover_with`].
    pub marked: bool,
    /// Module sources it names (a plan's `"source": "./..."`).
    pub sources: Vec<String>,
}

/// Walks `paths` (honouring `.gitignore` unless [`Options::no_ignore`] and
/// the `--exclude` globs) and lists what to read, in a stable order.
pub fn discover(paths: &[PathBuf], options: &Options) -> Found {
    discover_with(paths, options, None)
}

/// [`discover`], noting which templates and plans mention one of `markers`.
pub fn discover_with(
    paths: &[PathBuf],
    options: &Options,
    markers: Option<&aho_corasick::AhoCorasick>,
) -> Found {
    let mut found = Found::default();
    // (path, named on the command line)
    let mut files: Vec<(PathBuf, bool)> = Vec::new();
    for root in paths {
        if !root.exists() {
            found
                .errors
                .push((root.clone(), "no such file or directory".into()));
            continue;
        }
        if root.is_file() {
            // A file named on the command line is read whatever its extension.
            files.push((root.clone(), true));
            continue;
        }
        let mut walk = ignore::WalkBuilder::new(root);
        walk.hidden(false)
            .git_ignore(!options.no_ignore)
            .git_exclude(!options.no_ignore)
            .git_global(false)
            .ignore(!options.no_ignore)
            .parents(!options.no_ignore)
            .require_git(false)
            .follow_links(false)
            .filter_entry(|entry| {
                let dir = entry.file_type().is_some_and(|t| t.is_dir());
                !(dir
                    && (entry
                        .file_name()
                        .to_str()
                        .is_some_and(|n| SKIPPED_DIRS.contains(&n))
                        || crate::deploy::is_cdk_asset_dir(entry.path())))
            });
        if !options.excludes.is_empty() {
            let mut builder = ignore::overrides::OverrideBuilder::new(root);
            for pattern in &options.excludes {
                // An override glob is a whitelist; `!` turns it into an exclusion.
                let glob = if pattern.contains('/') || pattern.starts_with("**") {
                    format!("!{pattern}")
                } else {
                    format!("!**/{pattern}")
                };
                if let Err(e) = builder.add(&glob) {
                    found.errors.push((
                        PathBuf::from(pattern),
                        format!("invalid --exclude pattern: {e}"),
                    ));
                }
            }
            if let Ok(built) = builder.build() {
                walk.overrides(built);
            }
        }
        // The parallel walker visits in no fixed order: everything it finds is
        // sorted below.
        let walked = Mutex::new((Vec::new(), Vec::new()));
        walk.build_parallel().run(|| {
            Box::new(|entry| {
                let mut walked = walked.lock().unwrap_or_else(|e| e.into_inner());
                match entry {
                    Ok(entry) => {
                        if entry.file_type().is_some_and(|t| t.is_file()) {
                            walked.0.push((entry.into_path(), false));
                        }
                    }
                    Err(e) => {
                        let path = error_path(&e).unwrap_or_else(|| root.clone());
                        walked.1.push((path, e.to_string()));
                    }
                }
                ignore::WalkState::Continue
            })
        });
        let (mut walked_files, mut errors) = walked.into_inner().unwrap_or_else(|e| e.into_inner());
        walked_files.sort();
        errors.sort();
        files.append(&mut walked_files);
        found.errors.append(&mut errors);
    }
    // Deciding a file's format may mean reading it: in parallel.
    let outcomes: Vec<Classified> = files
        .par_iter()
        .map(|(path, explicit)| classify(path, *explicit, options, markers))
        .collect();
    let mut units = BTreeSet::new();
    let mut parents = Vec::new();
    for ((path, _), outcome) in files.into_iter().zip(outcomes) {
        match outcome {
            Classified::Unit(unit, facts) => {
                if let Some(facts) = facts {
                    found
                        .facts
                        .insert(crate::terraform::normalize(&path), facts);
                }
                units.insert(unit);
            }
            Classified::Template { nests, facts } => {
                if nests {
                    parents.push(path.clone());
                }
                found
                    .facts
                    .insert(crate::terraform::normalize(&path), facts);
                units.insert(Unit::CloudFormation(path));
            }
            Classified::PartOfModule => {}
            Classified::Skipped => found.skipped += 1,
            Classified::Unreadable(e) => found.errors.push((path, e)),
        }
    }
    found.templates = crate::cfn::nested::Templates::new(units.iter().filter_map(|u| match u {
        Unit::CloudFormation(p) => Some(p.clone()),
        _ => None,
    }))
    .with_deployment_regions()
    .within(paths);
    let normalize = crate::terraform::normalize;
    found.nested = parents
        .par_iter()
        .map(|p| {
            let children = crate::cfn::nested_templates(p, options, &found.templates);
            (
                normalize(p),
                children.iter().map(|c| normalize(c)).collect(),
            )
        })
        .collect();
    let nested = nested_templates(&found.nested);
    found.units = prefer_roots_and_plans(units.into_iter().collect(), &nested);
    found
}

/// The templates read as nested stacks of another template found (from a
/// template no other one nests): those are read through their parents, with
/// the parameters they pass, not on their own. A template in a loop that
/// no other template leads to is still read on its own.
fn nested_templates(
    children: &std::collections::HashMap<PathBuf, Vec<PathBuf>>,
) -> std::collections::HashSet<PathBuf> {
    let nested: std::collections::HashSet<&PathBuf> = children.values().flatten().collect();
    let roots = children.keys().filter(|p| !nested.contains(p));
    reached_from(children, roots)
}

/// The templates read through those of `from`, at any depth (`from`
/// excluded unless a loop leads back to it).
pub fn reached_from<'p>(
    children: &'p std::collections::HashMap<PathBuf, Vec<PathBuf>>,
    from: impl IntoIterator<Item = &'p PathBuf>,
) -> std::collections::HashSet<PathBuf> {
    let mut reached = std::collections::HashSet::new();
    let mut todo: Vec<&PathBuf> = from.into_iter().collect();
    while let Some(parent) = todo.pop() {
        for child in children.get(parent).into_iter().flatten() {
            if reached.insert(child.clone()) {
                todo.push(child);
            }
        }
    }
    reached
}

/// What a file found by the walk turned out to be.
enum Classified {
    /// With what was learnt of a plan.
    Unit(Unit, Option<FileFacts>),
    /// A CloudFormation template; `nests` when it may have nested stacks.
    Template {
        nests: bool,
        facts: FileFacts,
    },
    /// Read with its Terraform module (`.tfvars`, `.tfvars.json`).
    PartOfModule,
    /// Not infrastructure code.
    Skipped,
    Unreadable(String),
}

/// Terraform modules are read from their roots: a directory that another
/// scanned directory calls as a local module (`source = "./..."`) is read
/// through that call, with its inputs, not again on its own with unset
/// variables. A directory holding a plan is read from the plan (which has the
/// planned values and maps them back to the `.tf` lines), not from its `.tf`.
/// Likewise a template in `nested` is read through its parent stack.
fn prefer_roots_and_plans(
    units: Vec<Unit>,
    nested: &std::collections::HashSet<PathBuf>,
) -> Vec<Unit> {
    let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    let mut called = std::collections::HashSet::new();
    let mut planned = std::collections::HashSet::new();
    for unit in &units {
        match unit {
            Unit::TerraformModule(dir) => {
                let me = canonical(dir);
                for target in local_module_sources(dir) {
                    let target = canonical(&target);
                    if target != me {
                        called.insert(target);
                    }
                }
            }
            Unit::TerraformPlan(path) => {
                if let Some(dir) = path.parent() {
                    planned.insert(canonical(dir));
                }
            }
            Unit::CloudFormation(_) => {}
        }
    }
    units
        .into_iter()
        .filter(|unit| match unit {
            Unit::TerraformModule(dir) => {
                let dir = canonical(dir);
                !called.contains(&dir) && !planned.contains(&dir)
            }
            Unit::CloudFormation(path) => !nested.contains(&crate::terraform::normalize(path)),
            _ => true,
        })
        .collect()
}

/// Directories named by `source = "./..."` or `"../..."` in a module's `.tf`
/// files (`"source": "./..."` in `.tf.json`). A textual scan: cheap, and a
/// miss only means a module is also read on its own.
fn local_module_sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let json = path.to_str().is_some_and(|p| p.ends_with(".tf.json"));
        if (path.extension().is_none_or(|e| e != "tf") && !json) || !path.is_file() {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        for line in text.lines() {
            let line = line.trim_start();
            let Some(rest) = line
                .strip_prefix("source")
                .or_else(|| line.strip_prefix("\"source\""))
            else {
                continue;
            };
            let Some(value) = rest.trim_start().strip_prefix(['=', ':']) else {
                continue;
            };
            let value = value.trim().trim_end_matches(',').trim().trim_matches('"');
            if value.starts_with("./") || value.starts_with("../") {
                out.push(dir.join(value));
            }
        }
    }
    out
}

fn error_path(error: &ignore::Error) -> Option<PathBuf> {
    match error {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        _ => None,
    }
}

fn classify(
    path: &Path,
    explicit: bool,
    options: &Options,
    markers: Option<&aho_corasick::AhoCorasick>,
) -> Classified {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if ext == "tf" || name.ends_with(".tf.json") {
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let dir = if dir.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            dir
        };
        return Classified::Unit(Unit::TerraformModule(dir), None);
    }
    if name.ends_with(".tfvars") || name.ends_with(".tfvars.json") {
        // Read as part of their module, not on their own.
        return Classified::PartOfModule;
    }
    if !explicit && !TEMPLATE_EXTENSIONS.contains(&ext.as_str()) {
        return Classified::Skipped;
    }
    // Read the file to decide; unreadable or non-UTF-8 files go to the
    // CloudFormation reader when their extension says template, so the
    // diagnostic names the file.
    let facts = |text: &str, plan: bool| FileFacts {
        bytes: text.len() as u64,
        marked: markers.is_some_and(|m| m.is_match(text)),
        sources: if plan {
            crate::units::module_sources(text)
                .map(str::to_owned)
                .collect()
        } else {
            Vec::new()
        },
    };
    let template = |text: &str| Classified::Template {
        nests: text.contains("AWS::CloudFormation::Stack")
            || text.contains("AWS::Serverless::Application"),
        facts: facts(text, false),
    };
    match crate::read_limited(path, &options.limits) {
        Ok(bytes) => match std::str::from_utf8(&bytes) {
            Ok(text) => match sniff(text) {
                Sniffed::CloudFormation => template(text),
                Sniffed::TerraformPlan => Classified::Unit(
                    Unit::TerraformPlan(path.to_path_buf()),
                    Some(facts(text, true)),
                ),
                Sniffed::Other if explicit => template(text),
                Sniffed::Other => Classified::Skipped,
            },
            Err(_) => template(""),
        },
        Err(e) => Classified::Unreadable(e),
    }
}
