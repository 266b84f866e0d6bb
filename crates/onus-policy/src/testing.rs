//! `onus policy test`: runs the `test_*` rules of the Rego files, as
//! `opa test` does. A test passes when its rule is true.

use crate::{Policies, limits, rego};
use regorus::Value;

/// How one test ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The test rule is true.
    Pass,
    /// False or undefined.
    Fail,
    /// The test could not be evaluated (a runtime error, or the step budget).
    Error(String),
}

/// One test's result.
#[derive(Debug, Clone)]
pub struct TestResult {
    /// The file that defines the test.
    pub file: String,
    /// `data.acme.tags_test.test_untagged_bucket`.
    pub name: String,
    /// Whether it passed, failed or could not run.
    pub outcome: Outcome,
    /// What the test printed (`print`), shown when it does not pass.
    pub prints: Vec<String>,
}

/// The names of the test rules a module defines: rules named `test_…`
/// written at the start of a line (functions, which take arguments, are not
/// tests), each once.
pub fn test_names(text: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for line in text.lines() {
        if !line.starts_with("test_") {
            continue;
        }
        let end = line
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(line.len());
        let is_function = line[end..].trim_start().starts_with('(');
        let name = &line[..end];
        if !is_function && !names.iter().any(|n| n == name) {
            names.push(name.to_owned());
        }
    }
    names
}

/// Runs every test of the loaded Rego modules, module by module.
pub fn run(policies: &Policies) -> Vec<TestResult> {
    let Some(set) = &policies.rego else {
        return Vec::new();
    };
    let mut engine = set.engine();
    engine.set_gather_prints(true);
    let mut results = Vec::new();
    for module in &policies.modules {
        for test in &module.tests {
            let name = format!("{}.{test}", module.package);
            let outcome = match engine.eval_rule(name.clone()) {
                Ok(Value::Bool(true)) => Outcome::Pass,
                Ok(_) => Outcome::Fail,
                Err(e) if limits::is_budget(&e) => {
                    Outcome::Error("stopped: it ran past its budget of evaluation steps".into())
                }
                Err(e) => Outcome::Error(rego::error_text(&e)),
            };
            let prints = engine.take_prints().unwrap_or_default();
            results.push(TestResult {
                file: module.file.clone(),
                name,
                outcome,
                prints,
            });
        }
    }
    results
}
