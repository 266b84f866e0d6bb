//! Rego policies, evaluated in-process by regorus.
//!
//! Every `.rego` file of a run goes into one engine. A package that declares
//! `deny`, `violation`, `warn` or `verdict` is a policy, and takes its
//! identity from the `# METADATA` block above its `package` line. The engine
//! is compiled once; each evaluating thread works on its own clone of it.

use crate::meta::{self, Meta, Problem};
use crate::{Diagnostic, SourceText, limits, locate};
use onus_ingest::{Resource, Span};
use onus_rules::{Rule, Status, Verdict};
use regorus::{Engine, Value};
use std::borrow::Cow;
use std::sync::Mutex;

/// The helper library every policy can import as `data.onus`.
pub const LIBRARY: &str = include_str!("onus.rego");
/// The name the library has in error messages.
const LIBRARY_FILE: &str = "<onus>/onus.rego";

/// The rules that make a package a policy.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Outputs {
    pub deny: bool,
    pub violation: bool,
    pub warn: bool,
    pub verdict: bool,
}

impl Outputs {
    fn any(self) -> bool {
        self.deny || self.violation || self.warn || self.verdict
    }
}

/// One policy: a package and the rules it answers with.
#[derive(Debug, Clone)]
pub struct Policy {
    /// `data.acme.tags`.
    pub package: String,
    pub outputs: Outputs,
}

/// The rule onus adds to each policy's package: every answer, tagged, so
/// one evaluation per resource gives them all (and shares the rules they
/// have in common). The name is reserved.
const ANSWERS: &str = "__onus_answers";

impl Policy {
    /// The path of the rule that gives every answer.
    fn answers_path(&self) -> String {
        format!("{}.{ANSWERS}", self.package)
    }

    /// The module that defines it, in the policy's package: each element is
    /// `[answer, value]`, one per element of `deny`, `violation` and `warn`,
    /// and one with `verdict`'s value when it is defined.
    fn answers_module(&self) -> Option<String> {
        let package = self.package.strip_prefix("data.")?;
        if !package
            .split('.')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        {
            return None;
        }
        let o = self.outputs;
        let mut module = format!("package {package}\n\nimport rego.v1\n");
        for (name, declared) in [
            ("deny", o.deny),
            ("violation", o.violation),
            ("warn", o.warn),
        ] {
            if declared {
                module.push_str(&format!(
                    "\n{ANSWERS} contains [\"{name}\", x] if some x in {name}\n"
                ));
            }
        }
        if o.verdict {
            module.push_str(&format!(
                "\n{ANSWERS} contains [\"verdict\", v] if v := verdict\n"
            ));
        }
        Some(module)
    }
}

/// A loaded module: its file and package.
#[derive(Debug, Clone)]
pub struct Module {
    pub source: usize,
    pub package: String,
}

/// The compiled policies, ready to evaluate from any thread.
pub struct RegoSet {
    template: Engine,
    /// Engines not in use; a thread takes one, or clones the template.
    pool: Mutex<Vec<Engine>>,
    pub policies: Vec<Policy>,
}

/// What loading the `.rego` files found.
pub struct Loaded {
    pub set: RegoSet,
    /// Each policy's metadata and its index in `set.policies`, with the file
    /// of its metadata.
    pub found: Vec<(Meta, usize, usize)>,
    pub modules: Vec<Module>,
}

/// A new engine with the library and onus's bounds. A builtin's error
/// makes its expression undefined, as in OPA by default.
pub fn engine(step_budget: u64) -> anyhow::Result<Engine> {
    let mut engine = Engine::new();
    engine.set_strict_builtin_errors(false);
    limits::bound(&mut engine, step_budget)?;
    engine.add_policy(LIBRARY_FILE.into(), LIBRARY.into())?;
    Ok(engine)
}

/// A regorus error's place (`--> file:line:col`) and message (`error:`
/// line, else the whole text).
fn split_error(error: &anyhow::Error) -> (Option<String>, String) {
    let text = format!("{error:#}");
    let place = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("--> "))
        .map(str::to_owned);
    let message = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("error: "))
        .unwrap_or(text.trim());
    (place, message.to_owned())
}

/// A regorus error on one line: `file:line:col: message`.
pub fn error_text(error: &anyhow::Error) -> String {
    match split_error(error) {
        (Some(place), message) => format!("{place}: {message}"),
        (None, message) => message,
    }
}

/// A regorus error as one diagnostic, at its place, else at the start of
/// `fallback`.
pub fn diagnostic(error: &anyhow::Error, fallback: &SourceText) -> Diagnostic {
    let (place, message) = split_error(error);
    if let Some((file, line, column)) = place.as_deref().and_then(split_place) {
        return Diagnostic {
            file: file.to_owned(),
            line,
            column,
            message,
        };
    }
    fallback.diagnostic(Span::default(), &message)
}

/// `file:line:col` → its parts (the file may hold colons).
fn split_place(place: &str) -> Option<(&str, u32, u32)> {
    let (rest, column) = place.rsplit_once(':')?;
    let (file, line) = rest.rsplit_once(':')?;
    Some((file, line.parse().ok()?, column.parse().ok()?))
}

/// Loads the `.rego` files: parse, metadata, compile. The problems found,
/// and what loaded when the files at least compile (so that the ids of the
/// policies whose metadata is sound can still be checked).
pub fn load(sources: &[SourceText], step_budget: u64) -> (Option<Loaded>, Vec<Diagnostic>) {
    let mut errors = Vec::new();
    let mut engine = match engine(step_budget) {
        Ok(e) => e,
        Err(e) => {
            return (
                None,
                vec![sources[0].diagnostic(Span::default(), &e.to_string())],
            );
        }
    };
    let mut modules = Vec::new();
    for (i, source) in sources.iter().enumerate() {
        match engine.add_policy(source.path.clone(), source.text.to_string()) {
            Ok(package) => modules.push(Module { source: i, package }),
            Err(e) => errors.push(diagnostic(&e, source)),
        }
    }
    // Compile: unsafe variables, recursion and the like show here.
    if errors.is_empty()
        && let Err(e) = engine.eval_rule("data.onus.input_version".into())
    {
        errors.push(diagnostic(&e, &sources[0]));
    }
    if !errors.is_empty() {
        return (None, errors);
    }
    // Which packages are policies, and their metadata.
    let mut policies: Vec<Policy> = Vec::new();
    let mut found: Vec<(Meta, usize, usize)> = Vec::new();
    let mut outputs_of: Vec<(String, Outputs, usize)> = Vec::new();
    for m in &modules {
        let source = &sources[m.source];
        let declares = |name: &str| {
            engine
                .has_declared_rule_rooted_at(&source.path, name)
                .unwrap_or(false)
        };
        let outputs = Outputs {
            deny: declares("deny"),
            violation: declares("violation"),
            warn: declares("warn"),
            verdict: declares("verdict"),
        };
        match outputs_of.iter_mut().find(|(p, ..)| *p == m.package) {
            Some((_, o, _)) => {
                o.deny |= outputs.deny;
                o.violation |= outputs.violation;
                o.warn |= outputs.warn;
                o.verdict |= outputs.verdict;
            }
            None => outputs_of.push((m.package.clone(), outputs, m.source)),
        }
    }
    for (package, outputs, first) in &outputs_of {
        let annotated: Vec<(usize, Annotation)> = modules
            .iter()
            .filter(|m| m.package == *package)
            .filter_map(|m| Some((m.source, annotation(&sources[m.source])?)))
            .collect();
        if !outputs.any() {
            for (source, a) in &annotated {
                errors.push(sources[*source].diagnostic(
                    a.at,
                    &format!(
                        "{package} has # METADATA but declares no deny, violation, warn or verdict rule"
                    ),
                ));
            }
            continue;
        }
        match annotated.as_slice() {
            [] => {
                let source = &sources[*first];
                errors.push(source.diagnostic(
                    package_span(&source.text).unwrap_or_default(),
                    &format!(
                        "policy {package} has no # METADATA block above its package line (title, custom.id, custom.duty)"
                    ),
                ));
            }
            [(source, a), rest @ ..] => {
                for (other, b) in rest {
                    errors.push(sources[*other].diagnostic(
                        b.at,
                        &format!(
                            "{package} already has its # METADATA in {}",
                            sources[*source].place(a.at)
                        ),
                    ));
                }
                match &a.meta {
                    Ok(meta) => {
                        found.push((meta.clone(), policies.len(), *source));
                        policies.push(Policy {
                            package: package.clone(),
                            outputs: *outputs,
                        });
                    }
                    Err(problems) => errors.extend(
                        problems
                            .iter()
                            .map(|(span, m)| sources[*source].diagnostic(*span, m)),
                    ),
                }
            }
        }
    }
    // One rule per policy gives every answer.
    for (policy, (_, _, source)) in policies.iter().zip(&found) {
        let source = &sources[*source];
        let Some(module) = policy.answers_module() else {
            errors.push(source.diagnostic(
                package_span(&source.text).unwrap_or_default(),
                &format!(
                    "policy package {} must be a dotted name of identifiers",
                    policy.package
                ),
            ));
            continue;
        };
        let file = format!("<onus>/{}.rego", policy.package);
        if let Err(e) = engine.add_policy(file, module) {
            errors.push(diagnostic(&e, source));
        }
    }
    let loaded = Loaded {
        set: RegoSet {
            template: engine,
            pool: Mutex::new(Vec::new()),
            policies,
        },
        found,
        modules,
    };
    (Some(loaded), errors)
}

/// A `# METADATA` block and what it says.
struct Annotation {
    /// The `# METADATA` line.
    at: Span,
    meta: Result<Meta, Vec<Problem>>,
}

/// The line of the `package` statement.
fn package_span(text: &str) -> Option<Span> {
    lines(text)
        .find(|(_, l)| is_package(l))
        .map(|(start, l)| Span::new(start, start + l.len()))
}

fn is_package(line: &str) -> bool {
    let l = line.trim_start();
    l.strip_prefix("package")
        .is_some_and(|rest| rest.starts_with(char::is_whitespace))
}

/// Lines with their byte offsets.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |start, line| {
        let here = *start;
        *start += line.len();
        Some((here, line.trim_end_matches(['\n', '\r'])))
    })
}

/// The `# METADATA` block of the comment lines right above `package`, read
/// as YAML where it stands, so its spans are the file's.
fn annotation(source: &SourceText) -> Option<Annotation> {
    let all: Vec<(usize, &str)> = lines(&source.text).collect();
    let package = all.iter().position(|(_, l)| is_package(l))?;
    let block_start = all[..package]
        .iter()
        .rposition(|(_, l)| !l.trim_start().starts_with('#'))
        .map_or(0, |i| i + 1);
    let block = &all[block_start..package];
    let marker = block
        .iter()
        .rposition(|(_, l)| l.trim_start().trim_start_matches('#').trim() == "METADATA")?;
    let (at_start, at_line) = block[marker];
    let at = Span::new(at_start, at_start + at_line.len());
    let mut masked: Vec<u8> = source
        .text
        .bytes()
        .map(|b| if b == b'\n' { b'\n' } else { b' ' })
        .collect();
    for (start, line) in &block[marker + 1..] {
        let hash = line.find('#').unwrap_or(0);
        masked[start + hash + 1..start + line.len()].copy_from_slice(&line.as_bytes()[hash + 1..]);
    }
    let yaml = String::from_utf8(masked).unwrap_or_default();
    let loaded = onus_ingest::cfn::yaml::load(&yaml);
    if !loaded.errors.is_empty() {
        let problems = loaded
            .errors
            .into_iter()
            .map(|(span, m)| (span, format!("# METADATA: {m}")))
            .collect();
        return Some(Annotation {
            at,
            meta: Err(problems),
        });
    }
    let meta = match loaded.root {
        Some(root) if root.as_map().is_some() => parse_meta(&root, at),
        _ => Err(vec![(
            at,
            "# METADATA is empty: it needs title and custom (id, duty)".into(),
        )]),
    };
    Some(Annotation { at, meta })
}

/// The OPA annotations onus reads: `title`, `description` and, under
/// `custom`, `id`, `duty`, `severity`, `cloudformation`, `terraform` and
/// `controls` (`fsbp`, `config`, `cis`).
fn parse_meta(root: &onus_ingest::Node, at: Span) -> Result<Meta, Vec<Problem>> {
    let mut problems = Vec::new();
    let title = meta::required(root, "title", "title", at).map_err(|p| problems.push(p));
    let description = root
        .get("description")
        .and_then(meta::text)
        .unwrap_or_default();
    let Some(custom) = root.get("custom").filter(|c| c.as_map().is_some()) else {
        problems.push((at, "missing custom (with id and duty)".into()));
        return Err(problems);
    };
    let id = meta::required(custom, "id", "custom.id", at)
        .and_then(|(id, span)| meta::check_id(&id, span).map(|()| (id, span)))
        .map_err(|p| problems.push(p));
    let duty = match custom.get("duty") {
        Some(node) => meta::duty(node).map_err(|p| problems.push(p)),
        None => {
            problems.push((at, "missing custom.duty".into()));
            Err(())
        }
    };
    let severity = custom
        .get("severity")
        .map(meta::severity)
        .transpose()
        .map_err(|p| problems.push(p));
    let mut types = |key: &str, cfn: bool| -> Vec<String> {
        let Some(node) = custom.get(key) else {
            return Vec::new();
        };
        match meta::strings(node, &format!("custom.{key}")) {
            Ok(list) => {
                for t in &list {
                    let is_cfn = t.starts_with("AWS::") || t.starts_with("Alexa::");
                    if t != "*" && is_cfn != cfn {
                        problems.push((
                            node.span,
                            format!(
                                "custom.{key}: {t:?} is not a {} resource type",
                                if cfn { "CloudFormation" } else { "Terraform" }
                            ),
                        ));
                    }
                }
                list
            }
            Err(p) => {
                problems.push(p);
                Vec::new()
            }
        }
    };
    let cfn_types = types("cloudformation", true);
    let tf_types = types("terraform", false);
    if cfn_types.is_empty() && tf_types.is_empty() {
        problems.push((
            at,
            "no resource types: set custom.cloudformation and/or custom.terraform (a list of types, or \"*\")".into(),
        ));
    }
    let controls = custom.get("controls");
    let mut control = |key: &str| -> Vec<String> {
        match controls.and_then(|c| c.get(key)) {
            Some(node) => meta::strings(node, &format!("custom.controls.{key}"))
                .map_err(|p| problems.push(p))
                .unwrap_or_default(),
            None => Vec::new(),
        }
    };
    let (fsbp, config, cis) = (control("fsbp"), control("config"), control("cis"));
    match (title, id, duty, severity) {
        (Ok((title, _)), Ok((id, id_span)), Ok(duty), Ok(severity)) if problems.is_empty() => {
            Ok(Meta {
                id,
                id_span,
                title,
                description: description.trim().to_owned(),
                duty,
                severity: severity.unwrap_or(onus_rules::Severity::Medium),
                cfn_types,
                tf_types,
                fsbp,
                config,
                cis,
                peers: Vec::new(),
            })
        }
        _ => Err(problems),
    }
}

/// Which answer of a policy a rule reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// `verdict`, else `deny` and `violation`.
    Main,
    /// `warn` (the policy's `.warn` rule).
    Warn,
}

impl RegoSet {
    /// Verdicts of `jobs` (policy index, answer) on one resource, in order.
    pub fn evaluate(
        &self,
        jobs: &[(&'static Rule, usize, Answer)],
        input: Value,
        resource: &Resource,
    ) -> Vec<Verdict> {
        let mut engine = self
            .pool
            .lock()
            .ok()
            .and_then(|mut pool| pool.pop())
            .unwrap_or_else(|| self.template.clone());
        engine.set_input(input);
        // Each policy's answers on this resource, once evaluated (a policy
        // with `warn` has two jobs).
        let mut answered: Vec<(usize, Value)> = Vec::new();
        let verdicts = jobs
            .iter()
            .map(|(rule, index, answer)| {
                let policy = &self.policies[*index];
                let answers = match answered.iter().find(|(p, _)| p == index) {
                    Some((_, value)) => Ok(value.clone()),
                    None => engine.eval_rule(policy.answers_path()).inspect(|value| {
                        answered.push((*index, value.clone()));
                    }),
                };
                judge(answers, rule, policy, *answer, resource)
            })
            .collect();
        if let Ok(mut pool) = self.pool.lock() {
            pool.push(engine);
        }
        verdicts
    }

    /// A clone of the compiled engine (for `onus policy test`).
    pub fn engine(&self) -> Engine {
        self.template.clone()
    }
}

/// One policy's verdict on one resource, from its answers (or the error
/// that stopped them). Every element of `deny` and `violation` is a failure;
/// `verdict`, when it gives one, adds its own (it is how a policy says
/// unknown or not applicable); the worst of them decides. With neither, the
/// policy found nothing wrong.
fn judge(
    answers: anyhow::Result<Value>,
    rule: &Rule,
    policy: &Policy,
    answer: Answer,
    resource: &Resource,
) -> Verdict {
    let outputs = policy.outputs;
    let failures: &[&str] = match answer {
        Answer::Warn => &["warn"],
        Answer::Main => &["deny", "violation"],
    };
    let result = answers.and_then(|answers| {
        let mut found = Vec::new();
        for item in elements(&answers) {
            let (Some(name), Some(value)) = (nth(item, 0), nth(item, 1)) else {
                continue;
            };
            let name = as_text(name);
            if failures.contains(&name.as_str()) {
                let (message, path) = message_and_path(value);
                found.push(Found {
                    status: Status::NotMet,
                    message,
                    path,
                });
            } else if name == "verdict" && answer == Answer::Main {
                found.extend(explicit(value)?);
            }
        }
        if found.is_empty() {
            let checked = match answer {
                Answer::Warn => outputs.warn,
                Answer::Main => outputs.deny || outputs.violation,
            };
            found.push(if checked {
                Found {
                    status: Status::Met,
                    message: format!("the policy found nothing wrong ({})", rule.title),
                    path: Vec::new(),
                }
            } else {
                Found {
                    status: Status::NotApplicable,
                    message: "the policy gave no verdict for this resource".into(),
                    path: Vec::new(),
                }
            });
        }
        Ok(found)
    });
    match result {
        Ok(found) => verdict(rule, resource, found),
        Err(e) => failed(rule, resource, &e),
    }
}

/// The `i`th element of an array.
fn nth(value: &Value, i: usize) -> Option<&Value> {
    value.as_array().ok()?.get(i)
}

/// What a policy said: a status, a message and the property path.
struct Found {
    status: Status,
    message: String,
    path: Vec<locate::Step>,
}

/// The elements of a set or array; a single value otherwise.
fn elements(value: &Value) -> Vec<&Value> {
    match value {
        Value::Set(s) => s.iter().collect(),
        Value::Array(a) => a.iter().collect(),
        Value::Undefined => Vec::new(),
        v => vec![v],
    }
}

fn field<'v>(value: &'v Value, key: &str) -> Option<&'v Value> {
    value.as_object().ok()?.get(&Value::from(key))
}

fn as_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.to_string(),
        other => other.to_json_str().unwrap_or_default(),
    }
}

/// A message and its path: a string, or `{"msg": .., "path": ..}`.
fn message_and_path(item: &Value) -> (String, Vec<locate::Step>) {
    match item {
        Value::Object(_) => {
            let message = field(item, "msg")
                .map(as_text)
                .unwrap_or_else(|| as_text(item));
            (message, field(item, "path").map(path).unwrap_or_default())
        }
        other => (as_text(other), Vec::new()),
    }
}

/// A path as a string (`Tags[0].Value`) or an array of keys and indexes.
fn path(value: &Value) -> Vec<locate::Step> {
    match value {
        Value::String(s) => locate::parse(s),
        Value::Array(items) => items
            .iter()
            .map(|i| match i.as_u64() {
                Ok(n) => locate::Step::Index(n as usize),
                Err(_) => locate::Step::Key(as_text(i)),
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The explicit form: `{"status": "met" | "not-met" | "unknown" |
/// "not-applicable", "msg": .., "path": ..}`, or a set or array of them;
/// undefined or empty says nothing.
fn explicit(value: &Value) -> anyhow::Result<Vec<Found>> {
    let mut found = Vec::new();
    for item in elements(value) {
        let status = field(item, "status").map(as_text).unwrap_or_default();
        let Some(status) = Status::parse(&status) else {
            anyhow::bail!(
                "verdict status {status:?} is not met, not-met, unknown or not-applicable"
            );
        };
        let (message, path) = message_and_path(item);
        found.push(Found {
            status,
            message,
            path,
        });
    }
    Ok(found)
}

/// The worst of a policy's findings (not met, unknown, met, not applicable),
/// with the messages of all findings of that status.
fn verdict(rule: &Rule, resource: &Resource, mut found: Vec<Found>) -> Verdict {
    let rank = |s: Status| match s {
        Status::NotMet => 0,
        Status::Unknown => 1,
        Status::Met => 2,
        Status::NotApplicable => 3,
    };
    found.sort_by_key(|f| rank(f.status));
    let status = found[0].status;
    let same: Vec<&Found> = found.iter().take_while(|f| f.status == status).collect();
    let mut messages: Vec<&str> = same.iter().map(|f| f.message.as_str()).collect();
    messages.dedup();
    let message = if messages.iter().all(|m| m.is_empty()) {
        format!("{} ({})", rule.title, status)
    } else {
        messages.join("; ")
    };
    // Point at the first finding that names a property.
    let steps = same
        .iter()
        .map(|f| &f.path)
        .find(|p| !p.is_empty())
        .unwrap_or(&same[0].path);
    Verdict {
        status,
        unknown: (status == Status::Unknown).then(|| message.clone()),
        message: Cow::Owned(message),
        path: locate::display(steps),
        file: resource.file,
        span: locate::span(resource, steps),
    }
}

/// A policy that failed on this resource: unknown, saying why.
fn failed(rule: &Rule, resource: &Resource, error: &anyhow::Error) -> Verdict {
    let why = if limits::is_budget(error) {
        format!(
            "policy {} stopped: it ran past its budget of evaluation steps on this resource",
            rule.id
        )
    } else {
        format!("policy {} failed: {}", rule.id, error_text(error))
    };
    Verdict {
        status: Status::Unknown,
        message: Cow::Owned(why.clone()),
        path: String::new(),
        file: resource.file,
        span: resource.name_span,
        unknown: Some(why),
    }
}
