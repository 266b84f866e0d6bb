//! Nested stacks: read through their parent, cycles and depth guarded.

use onus_ingest::{DiagnosticLevel, Options, Workload, ingest};
use std::path::Path;

fn stack(name: &str, nested: &[&str]) -> String {
    let mut text = format!(
        "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Queue{name}:\n    Type: AWS::SQS::Queue\n"
    );
    for (i, child) in nested.iter().enumerate() {
        text.push_str(&format!(
            "  Child{i}:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: {child}\n"
        ));
    }
    text
}

fn ids(w: &Workload) -> Vec<&str> {
    let mut ids: Vec<&str> = w
        .resources
        .iter()
        .filter(|r| r.resource_type == "AWS::SQS::Queue")
        .map(|r| r.id.as_str())
        .collect();
    ids.sort();
    ids
}

fn errors(w: &Workload) -> Vec<&str> {
    w.diagnostics
        .iter()
        .filter(|d| d.level == DiagnosticLevel::Error)
        .map(|d| d.message.as_str())
        .collect()
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

#[test]
fn a_cycle_is_read_once_round_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "main.yaml", &stack("Main", &["a.yaml"]));
    write(dir.path(), "a.yaml", &stack("A", &["b.yaml"]));
    write(dir.path(), "b.yaml", &stack("B", &["a.yaml"]));
    let w = ingest(&[dir.path().to_path_buf()], &Options::default());
    // a and b only through main: each once.
    assert_eq!(ids(&w), ["QueueA", "QueueB", "QueueMain"]);
    let errors = errors(&w);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("includes this template"), "{errors:?}");
    assert_eq!(w.stacks.len(), 2);
}

#[test]
fn a_loop_no_template_leads_to_is_still_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.yaml", &stack("A", &["b.yaml"]));
    write(dir.path(), "b.yaml", &stack("B", &["a.yaml"]));
    let w = ingest(&[dir.path().to_path_buf()], &Options::default());
    // Each on its own and through the other, the loop stopped each time.
    assert_eq!(ids(&w), ["QueueA", "QueueA", "QueueB", "QueueB"]);
    assert_eq!(errors(&w).len(), 2);
}

#[test]
fn nesting_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let depth = onus_ingest::cfn::nested::MAX_DEPTH + 3;
    for i in 0..depth {
        let child = format!("t{}.yaml", i + 1);
        write(
            dir.path(),
            &format!("t{i}.yaml"),
            &stack(&i.to_string(), &[&child]),
        );
    }
    write(dir.path(), &format!("t{depth}.yaml"), &stack("Last", &[]));
    let w = ingest(&[dir.path().to_path_buf()], &Options::default());
    let errors = errors(&w);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("levels deep"), "{errors:?}");
    assert_eq!(ids(&w).len(), onus_ingest::cfn::nested::MAX_DEPTH + 1);
}

#[test]
fn missing_and_remote_templates_are_warnings() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.yaml",
        &stack(
            "Main",
            &[
                "missing.yaml",
                "https://bucket.s3.amazonaws.com/5f2a9c0e1b.template",
                "!Ref TemplateUrl",
            ],
        ),
    );
    let w = ingest(&[dir.path().to_path_buf()], &Options::default());
    assert!(
        errors(&w).iter().all(|e| e.contains("TemplateUrl")),
        "{:?}",
        errors(&w)
    );
    let warnings: Vec<&str> = w
        .diagnostics
        .iter()
        .filter(|d| d.level == DiagnosticLevel::Warning)
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        warnings
            .iter()
            .any(|m| m.contains("Child0 not read: TemplateURL missing.yaml: no such file")),
        "{warnings:?}"
    );
    assert!(
        warnings
            .iter()
            .any(|m| m.contains("Child1 not read") && m.contains("names no template")),
        "{warnings:?}"
    );
    assert_eq!(ids(&w), ["QueueMain"]);
}

#[test]
fn a_local_template_outside_the_scanned_paths_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("infra")).unwrap();
    write(dir.path(), "outside.yaml", &stack("Outside", &[]));
    write(
        dir.path(),
        "infra/main.yaml",
        &stack("Main", &["../outside.yaml"]),
    );
    let w = ingest(&[dir.path().join("infra")], &Options::default());
    assert_eq!(ids(&w), ["QueueMain"]);
    assert!(
        w.diagnostics.iter().any(|d| d
            .message
            .contains("../outside.yaml is outside the scanned paths")),
        "{:?}",
        w.diagnostics
    );
    // Scanned together, it is read through its parent.
    let w = ingest(&[dir.path().to_path_buf()], &Options::default());
    assert_eq!(ids(&w), ["QueueMain", "QueueOutside"]);
}
