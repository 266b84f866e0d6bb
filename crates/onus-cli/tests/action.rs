//! The GitHub Action (`action.yml`) run as a runner runs a composite action,
//! on the workflow example of docs/CI.md, without network: each step in
//! order, its `if:`, `env:` and `${{ }}` expressions evaluated,
//! `GITHUB_OUTPUT`, `GITHUB_PATH` and `GITHUB_STEP_SUMMARY` honoured. The
//! SARIF upload is not run; the file it would upload is checked instead.
//! Expressions and actions this runner does not know fail the test, so the
//! action stays runnable here.

use onus_ingest::Node;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn yaml(text: &str) -> Node {
    let loaded = onus_ingest::cfn::yaml::load(text);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    loaded.root.expect("a YAML document")
}

fn text(node: Option<&Node>) -> String {
    node.and_then(Node::scalar_text).unwrap_or_default()
}

/// The first ```yaml block of a Markdown file.
fn first_yaml_block(markdown: &str) -> String {
    let start = markdown.find("```yaml\n").expect("a yaml block") + "```yaml\n".len();
    let end = markdown[start..].find("```").expect("its end") + start;
    markdown[start..end].to_owned()
}

/// What a run of the action did.
#[derive(Debug, Default)]
struct Run {
    /// Step name → (exit code, standard output and error).
    steps: Vec<(String, i32, String)>,
    /// Files the upload step would have uploaded.
    uploaded: Vec<PathBuf>,
    outputs: BTreeMap<String, BTreeMap<String, String>>,
    summary: String,
    failed: bool,
}

struct Runner {
    workspace: PathBuf,
    temp: PathBuf,
    inputs: BTreeMap<String, String>,
    /// Directories added by `GITHUB_PATH`, first first.
    path: Vec<PathBuf>,
    run: Run,
}

impl Runner {
    /// `${{ ... }}` expressions in `text`.
    fn expand(&self, text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(at) = rest.find("${{") {
            out.push_str(&rest[..at]);
            let end = rest[at..].find("}}").expect("closed expression") + at;
            out.push_str(&self.value(rest[at + 3..end].trim()));
            rest = &rest[end + 2..];
        }
        out.push_str(rest);
        out
    }

    fn value(&self, expr: &str) -> String {
        if let Some(name) = expr.strip_prefix("inputs.") {
            return self.inputs.get(name).cloned().unwrap_or_default();
        }
        if let Some(rest) = expr.strip_prefix("steps.") {
            let (step, output) = rest.split_once(".outputs.").expect("steps.ID.outputs.NAME");
            return self
                .run
                .outputs
                .get(step)
                .and_then(|o| o.get(output))
                .cloned()
                .unwrap_or_default();
        }
        if let Some(literal) = expr.strip_prefix('\'').and_then(|e| e.strip_suffix('\'')) {
            return literal.to_owned();
        }
        panic!("expression this runner does not know: {expr}");
    }

    /// An `if:` of `&&`-joined terms: `always()`, `success()`,
    /// `A == 'x'`, `A != 'x'`. No `if:` means `success()`.
    fn condition(&self, expr: Option<&str>) -> bool {
        let Some(expr) = expr else {
            return !self.run.failed;
        };
        let expr = expr.trim();
        let expr = expr
            .strip_prefix("${{")
            .and_then(|e| e.strip_suffix("}}"))
            .unwrap_or(expr);
        let mut always = false;
        let mut result = true;
        for term in expr.split("&&").map(str::trim) {
            result &= match term {
                "always()" => {
                    always = true;
                    true
                }
                "success()" => !self.run.failed,
                _ => {
                    let (a, b, equal) = match term.split_once("!=") {
                        Some((a, b)) => (a, b, false),
                        None => {
                            let (a, b) = term.split_once("==").expect("a comparison");
                            (a, b, true)
                        }
                    };
                    (self.value(a.trim()) == self.value(b.trim())) == equal
                }
            };
        }
        result && (always || !self.run.failed)
    }

    fn step(&mut self, step: &Node, number: usize) {
        let name = text(step.get("name"));
        let name = if name.is_empty() {
            format!("step {number}")
        } else {
            name
        };
        if !self.condition(step.get("if").and_then(Node::as_str)) {
            self.run.steps.push((name, -1, "skipped".into()));
            return;
        }
        if let Some(uses) = step.get("uses").and_then(Node::as_str) {
            assert!(
                uses.starts_with("github/codeql-action/upload-sarif@"),
                "action this runner does not know: {uses}"
            );
            let file = self.expand(&text(step.path(["with", "sarif_file"])));
            self.run.uploaded.push(self.workspace.join(file));
            self.run
                .steps
                .push((name, 0, "checked, not uploaded".into()));
            return;
        }
        assert_eq!(text(step.get("shell")), "bash", "{name}: shell");
        let script = self.temp.join(format!("step-{number}.sh"));
        std::fs::write(&script, self.expand(&text(step.get("run")))).unwrap();
        let output_file = self.temp.join(format!("output-{number}"));
        let path_file = self.temp.join(format!("path-{number}"));
        std::fs::write(&output_file, "").unwrap();
        std::fs::write(&path_file, "").unwrap();
        let mut path: Vec<PathBuf> = self.path.clone();
        path.extend(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        ));
        let mut cmd = Command::new("bash");
        cmd.args(["--noprofile", "--norc", "-eo", "pipefail"])
            .arg(&script)
            .current_dir(&self.workspace)
            .env("PATH", std::env::join_paths(path).unwrap())
            .env("GITHUB_ACTION_PATH", repo())
            .env("GITHUB_WORKSPACE", &self.workspace)
            .env("RUNNER_TEMP", &self.temp)
            .env("GITHUB_OUTPUT", &output_file)
            .env("GITHUB_PATH", &path_file)
            .env("GITHUB_STEP_SUMMARY", self.temp.join("summary.md"))
            .env("NO_COLOR", "1");
        for e in step.get("env").and_then(Node::as_map).unwrap_or(&[]) {
            cmd.env(&e.key, self.expand(&text(Some(&e.node))));
        }
        let out = cmd.output().unwrap();
        let code = out.status.code().unwrap_or(-1);
        let log = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        if let Some(id) = step.get("id").and_then(Node::as_str) {
            let outputs = std::fs::read_to_string(&output_file).unwrap();
            let map = self.run.outputs.entry(id.to_owned()).or_default();
            for line in outputs.lines() {
                let (k, v) = line.split_once('=').expect("NAME=VALUE");
                map.insert(k.to_owned(), v.to_owned());
            }
        }
        for dir in std::fs::read_to_string(&path_file).unwrap().lines() {
            self.path.insert(0, PathBuf::from(dir));
        }
        self.run.failed |= code != 0;
        self.run.steps.push((name, code, log));
    }
}

/// Runs `action.yml` with `with` (the workflow step's inputs) in
/// `workspace`, the test's onus first on PATH.
fn run_action(workspace: &Path, with: &BTreeMap<String, String>) -> Run {
    let action = yaml(&std::fs::read_to_string(repo().join("action.yml")).unwrap());
    assert_eq!(text(action.path(["runs", "using"])), "composite");
    let mut inputs: BTreeMap<String, String> = BTreeMap::new();
    for e in action.get("inputs").and_then(Node::as_map).unwrap() {
        inputs.insert(e.key.clone(), text(e.node.get("default")));
    }
    for (k, v) in with {
        assert!(
            inputs.contains_key(k),
            "the workflow passes {k}, which action.yml does not declare"
        );
        inputs.insert(k.clone(), v.clone());
    }
    let temp = tempfile::tempdir().unwrap();
    let onus = PathBuf::from(env!("CARGO_BIN_EXE_onus"));
    let mut runner = Runner {
        workspace: workspace.to_path_buf(),
        temp: temp.path().to_path_buf(),
        inputs,
        path: vec![onus.parent().unwrap().to_path_buf()],
        run: Run::default(),
    };
    let steps = action
        .path(["runs", "steps"])
        .and_then(Node::as_list)
        .unwrap();
    for (i, step) in steps.iter().enumerate() {
        runner.step(step, i);
    }
    runner.run.summary =
        std::fs::read_to_string(temp.path().join("summary.md")).unwrap_or_default();
    runner.run
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn the_documented_workflow_scans_annotates_uploads_and_fails_on_findings() {
    let workflow = yaml(&first_yaml_block(
        &std::fs::read_to_string(repo().join("docs/CI.md")).unwrap(),
    ));
    let steps = workflow
        .path(["jobs", "onus", "steps"])
        .and_then(Node::as_list)
        .expect("jobs.onus.steps");
    let mut with = None;
    for step in steps {
        let uses = text(step.get("uses"));
        if uses.contains("/onus@") || uses == "./" {
            with = Some(
                step.get("with")
                    .and_then(Node::as_map)
                    .unwrap_or(&[])
                    .iter()
                    .map(|e| (e.key.clone(), text(Some(&e.node))))
                    .collect::<BTreeMap<_, _>>(),
            );
        } else {
            // Setup this runner stands in for: the checkout is the
            // workspace below, the toolchain is the one running this test.
            assert!(
                uses.starts_with("actions/checkout@")
                    || uses.starts_with("dtolnay/rust-toolchain@"),
                "workflow step this runner does not know: {uses}"
            );
        }
    }
    let with = with.expect("a step that uses the onus action");
    // The checked-out repository: the example workload where the workflow
    // looks for infrastructure code.
    let workspace = tempfile::tempdir().unwrap();
    let paths = &with["paths"];
    copy_dir(&repo().join("examples"), &workspace.path().join(paths));

    let run = run_action(workspace.path(), &with);
    let log = |name: &str| {
        run.steps
            .iter()
            .find(|(n, ..)| n == name)
            .unwrap_or_else(|| panic!("no step {name}: {:?}", run.steps))
    };
    let (_, code, install) = log("Install onus");
    assert_eq!(*code, 0, "{install}");
    assert!(install.contains("using "), "{install}");
    let (_, code, scan) = log("Scan");
    assert_eq!(*code, 0, "{scan}");
    // Annotations on the changed lines, paths as in the repository.
    assert!(
        scan.contains(&format!(
            "::error file={paths}cloudformation/three-tier.yaml,line="
        )),
        "{scan}"
    );
    assert_eq!(run.outputs["scan"]["exit-code"], "1");
    // The SARIF report was checked as the upload step would send it.
    let [sarif] = run.uploaded.as_slice() else {
        panic!("{:?}", run.steps);
    };
    let log_json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(sarif).unwrap()).unwrap();
    assert_eq!(log_json["version"], "2.1.0");
    assert!(
        !log_json["runs"][0]["results"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert!(run.summary.contains("not met"), "{}", run.summary);
    // Findings at or above high: the last step fails the job, after the upload.
    let (_, code, fail) = log("Fail on findings");
    assert_eq!(*code, 1, "{fail}");
    assert!(run.failed);
}

#[test]
fn a_clean_scan_passes_and_a_bad_install_mode_is_an_error() {
    let workspace = tempfile::tempdir().unwrap();
    std::fs::write(
        workspace.path().join("queue.yaml"),
        "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n",
    )
    .unwrap();
    let with = BTreeMap::from([
        ("fail-on".to_owned(), "critical".to_owned()),
        ("upload-sarif".to_owned(), "false".to_owned()),
    ]);
    let run = run_action(workspace.path(), &with);
    assert!(!run.failed, "{:?}", run.steps);
    assert_eq!(run.outputs["scan"]["exit-code"], "0");
    assert!(run.uploaded.is_empty());
    assert!(workspace.path().join("onus.sarif").is_file());

    let with = BTreeMap::from([("install".to_owned(), "nightly".to_owned())]);
    let run = run_action(workspace.path(), &with);
    assert!(run.failed);
    let (_, code, log) = &run.steps[0];
    assert_eq!(*code, 2, "{log}");
    assert!(log.contains("install must be auto, build or path"), "{log}");
    // Nothing after a failed step runs but what says `always()`.
    assert_eq!(run.steps[1].1, -1, "{:?}", run.steps);
}
