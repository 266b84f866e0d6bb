//! Your own duties: custom policies as onus rules.
//!
//! `onus scan --policy DIR` loads every Rego file (`.rego`) and every Checkov
//! YAML policy (`.yaml`, `.yml` with `metadata` and `definition`) below DIR.
//! Each policy becomes a rule, with its id, title, duty and severity from the
//! policy's metadata, and is [installed](onus_rules::custom) so its verdicts
//! join the built-in rules' in the matrix, every report, `--fail-on`,
//! suppressions and baselines. See docs/POLICIES.md.
//!
//! Rego is evaluated in-process by regorus, built without its clock, network,
//! random numbers and environment; a policy that fails on a resource gives an
//! unknown verdict, and one that runs too long is stopped ([`limits`]).

#![warn(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod checkov;
pub mod input;
pub mod limits;
mod locate;
mod meta;
mod rego;
pub mod testing;

use foldhash::HashMap;
use onus_ingest::{LineIndex, Resource, Span};
use onus_rules::custom::CustomRules;
use onus_rules::{Context, Rule, Severity, Verdict};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A problem in a policy file, at its line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The policy file, as given on the command line or in `onus.toml`.
    pub file: String,
    /// 1-based line of the problem.
    pub line: u32,
    /// 1-based column of the problem.
    pub column: u32,
    /// What is wrong, in a sentence.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// Why policies could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// A path given does not exist or cannot be read.
    Path(String),
    /// Policies with problems, each at its place.
    Policies(Vec<Diagnostic>),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Path(m) => f.write_str(m),
            LoadError::Policies(list) => {
                for (i, d) in list.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{d}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// A policy file's text, with its line index for diagnostics.
pub(crate) struct SourceText {
    pub path: String,
    pub text: Arc<str>,
    lines: LineIndex,
}

impl SourceText {
    fn new(path: String, text: String) -> SourceText {
        let text: Arc<str> = Arc::from(text);
        SourceText {
            path,
            lines: LineIndex::new(text.clone()),
            text,
        }
    }

    pub fn diagnostic(&self, span: Span, message: &str) -> Diagnostic {
        let at = self.lines.line_col(span.start);
        Diagnostic {
            file: self.path.clone(),
            line: at.line,
            column: at.column,
            message: message.to_owned(),
        }
    }

    /// `file:line:col` of a span.
    pub fn place(&self, span: Span) -> String {
        let at = self.lines.line_col(span.start);
        format!("{}:{}:{}", self.path, at.line, at.column)
    }
}

/// The policy files below `paths` (`.rego`, `.yaml`, `.yml`), in path order
/// within each path; hidden files and directories are skipped.
pub fn policy_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, LoadError> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), LoadError> {
        let entries = std::fs::read_dir(dir)
            .map_err(|e| LoadError::Path(format!("{}: {e}", dir.display())))?;
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            let hidden = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            if path.is_dir() {
                walk(&path, out)?;
            } else if is_policy_file(&path) {
                out.push(path);
            }
        }
        Ok(())
    }
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut files)?;
        } else if path.is_file() && is_policy_file(path) {
            files.push(path.clone());
        } else if path.is_file() {
            return Err(LoadError::Path(format!(
                "{}: not a policy file (.rego, .yaml or .yml)",
                path.display()
            )));
        } else {
            return Err(LoadError::Path(format!(
                "{}: no such file or directory",
                path.display()
            )));
        }
    }
    files.dedup();
    Ok(files)
}

fn is_policy_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("rego" | "yaml" | "yml")
    )
}

fn is_rego(path: &str) -> bool {
    path.ends_with(".rego")
}

/// The largest policy file read (regorus's own limit for a Rego file).
pub const MAX_POLICY_BYTES: u64 = 1 << 20;

fn read(files: &[PathBuf]) -> Result<Vec<SourceText>, LoadError> {
    use std::io::Read;
    let mut problems = Vec::new();
    let mut sources = Vec::new();
    for f in files {
        let name = f.display().to_string();
        let mut text = String::new();
        std::fs::File::open(f)
            .and_then(|file| file.take(MAX_POLICY_BYTES + 1).read_to_string(&mut text))
            .map_err(|e| LoadError::Path(format!("{name}: {e}")))?;
        if text.len() as u64 > MAX_POLICY_BYTES {
            problems.push(Diagnostic {
                file: name,
                line: 1,
                column: 1,
                message: format!(
                    "over the limit of {MAX_POLICY_BYTES} bytes for a policy file: not read"
                ),
            });
            continue;
        }
        sources.push(SourceText::new(name, text));
    }
    if problems.is_empty() {
        Ok(sources)
    } else {
        Err(LoadError::Policies(problems))
    }
}

/// How one custom rule is checked.
enum Check {
    Rego(usize, rego::Answer),
    Checkov(checkov::Policy),
}

struct Entry {
    doc: String,
    check: Check,
}

/// A Rego module: its file, package and test rules.
struct ModuleInfo {
    file: String,
    package: String,
    tests: Vec<String>,
}

/// Loaded policies: rules to [install](onus_rules::custom::install).
pub struct Policies {
    rules: Vec<&'static Rule>,
    entries: HashMap<&'static str, Entry>,
    rego: Option<rego::RegoSet>,
    /// The Rego modules loaded (policies, tests and libraries), for the test runner.
    modules: Vec<ModuleInfo>,
    /// Policy files read.
    pub files: usize,
    /// Whether a Rego file names `refers_to` or `referred_by`: the input
    /// documents carry the related resources only then.
    relations: bool,
}

/// How policies run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Evaluation steps one Rego policy may take on one resource before it
    /// is stopped (its verdict is then unknown).
    pub step_budget: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            step_budget: limits::STEP_BUDGET,
        }
    }
}

/// Reads the policies below `paths`. Every problem is reported with its
/// place; any problem fails the load.
pub fn load(paths: &[PathBuf]) -> Result<Policies, LoadError> {
    load_with(paths, &Options::default())
}

/// [`load`], with options.
pub fn load_with(paths: &[PathBuf], options: &Options) -> Result<Policies, LoadError> {
    let files = policy_files(paths)?;
    let sources = read(&files)?;
    let (rego_sources, yaml_sources): (Vec<SourceText>, Vec<SourceText>) =
        sources.into_iter().partition(|s| is_rego(&s.path));
    let mut errors = Vec::new();
    let mut policies = Policies {
        rules: Vec::new(),
        entries: HashMap::default(),
        rego: None,
        modules: Vec::new(),
        files: files.len(),
        relations: rego_sources
            .iter()
            .any(|s| s.text.contains("refers_to") || s.text.contains("referred_by")),
    };
    // (id, place) of every rule so far, to report an id used twice.
    let mut seen: Vec<(String, String)> = Vec::new();
    let mut add = |policies: &mut Policies,
                   meta: meta::Meta,
                   source: &SourceText,
                   check: Check,
                   errors: &mut Vec<Diagnostic>| {
        let place = source.place(meta.id_span);
        if let Some((_, other)) = seen.iter().find(|(id, _)| *id == meta.id) {
            errors.push(source.diagnostic(
                meta.id_span,
                &format!(
                    "rule id {:?} is already the id of the policy at {other}",
                    meta.id
                ),
            ));
            return;
        }
        seen.push((meta.id.clone(), place));
        let doc = meta.doc(&source.path);
        let rule = meta.into_rule(&source.path);
        policies.rules.push(rule);
        policies.entries.insert(rule.id, Entry { doc, check });
    };
    if !rego_sources.is_empty() {
        let (loaded, mut problems) = rego::load(&rego_sources, options.step_budget);
        errors.append(&mut problems);
        if let Some(loaded) = loaded {
            for (meta, index, source) in loaded.found {
                let source = &rego_sources[source];
                let outputs = loaded.set.policies[index].outputs;
                if outputs.warn {
                    let mut warn = meta.clone();
                    warn.id = format!("{}.warn", meta.id);
                    warn.title = format!("{} (warnings)", meta.title);
                    warn.severity = Severity::Low;
                    let check = Check::Rego(index, rego::Answer::Warn);
                    add(&mut policies, warn, source, check, &mut errors);
                }
                if outputs.deny || outputs.violation || outputs.verdict {
                    let check = Check::Rego(index, rego::Answer::Main);
                    add(&mut policies, meta, source, check, &mut errors);
                }
            }
            policies.modules = loaded
                .modules
                .iter()
                .map(|m| {
                    let source = &rego_sources[m.source];
                    ModuleInfo {
                        file: source.path.clone(),
                        package: m.package.clone(),
                        tests: testing::test_names(&source.text),
                    }
                })
                .collect();
            policies.rego = Some(loaded.set);
        }
    }
    for source in &yaml_sources {
        match checkov::load(source) {
            Ok(Some((meta, policy))) => add(
                &mut policies,
                meta,
                source,
                Check::Checkov(policy),
                &mut errors,
            ),
            Ok(None) => {}
            Err(mut e) => errors.append(&mut e),
        }
    }
    if errors.is_empty() {
        Ok(policies)
    } else {
        Err(LoadError::Policies(errors))
    }
}

impl Policies {
    /// The rules, in load order (Rego, then Checkov YAML).
    pub fn rules(&self) -> &[&'static Rule] {
        &self.rules
    }

    /// Rego policies and Checkov YAML policies loaded.
    pub fn counts(&self) -> (usize, usize) {
        let rego = self
            .entries
            .values()
            .filter(|e| matches!(e.check, Check::Rego(_, rego::Answer::Main)))
            .count();
        let checkov = self
            .entries
            .values()
            .filter(|e| matches!(e.check, Check::Checkov(_)))
            .count();
        (rego, checkov)
    }
}

impl CustomRules for Policies {
    fn rules(&self) -> &[&'static Rule] {
        &self.rules
    }

    fn doc(&self, rule: &Rule) -> Option<&str> {
        self.entries.get(rule.id).map(|e| e.doc.as_str())
    }

    fn check(&self, rules: &[&'static Rule], resource: &Resource, cx: &Context) -> Vec<Verdict> {
        let mut out: Vec<Option<Verdict>> = vec![None; rules.len()];
        let mut jobs = Vec::new();
        let mut slots = Vec::new();
        for (i, rule) in rules.iter().enumerate() {
            match self.entries.get(rule.id).map(|e| &e.check) {
                Some(Check::Rego(policy, answer)) => {
                    jobs.push((*rule, *policy, *answer));
                    slots.push(i);
                }
                Some(Check::Checkov(policy)) => out[i] = Some(policy.evaluate(resource, cx)),
                None => out[i] = Some(onus_rules::custom::uninstalled(resource, cx)),
            }
        }
        if let Some(set) = self.rego.as_ref().filter(|_| !jobs.is_empty()) {
            let input = input::build(resource, cx, self.relations);
            for (slot, verdict) in slots.into_iter().zip(set.evaluate(&jobs, input, resource)) {
                out[slot] = Some(verdict);
            }
        }
        out.into_iter()
            .map(|v| v.unwrap_or_else(|| onus_rules::custom::uninstalled(resource, cx)))
            .collect()
    }
}
