//! Scale and blow-up guards: a generated corpus scans cleanly, and independent
//! CloudFormation conditions do not multiply the work.

use assert_cmd::Command;
use std::fmt::Write as _;
use std::time::{Duration, Instant};

fn onus() -> Command {
    let mut cmd = Command::cargo_bin("onus").expect("onus binary");
    cmd.env("NO_COLOR", "1");
    cmd
}

#[test]
fn generated_corpus_scans_without_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let stats = onus_corpus::generate(dir.path(), 50, 7).unwrap();
    assert_eq!(stats.files, 50);
    let out = onus()
        .args(["scan", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["diagnostics"], serde_json::json!([]), "{report:#}");
    assert_eq!(report["incomplete"], false);
    let resources = report["resources"].as_array().unwrap();
    assert!(resources.len() >= stats.resources, "{}", resources.len());
    // A mix of met and unmet duties: the generator is not all-good or all-bad.
    let statuses: Vec<&str> = resources
        .iter()
        .flat_map(|r| r["duties"].as_array().unwrap())
        .filter_map(|d| d["status"].as_str())
        .collect();
    assert!(statuses.contains(&"met") && statuses.contains(&"not-met"));
    // Parse-only reads the same files and runs no rules.
    let out = onus()
        .args(["scan", "--parse-only"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let line = String::from_utf8(out.stdout).unwrap();
    assert!(line.starts_with("parsed 50 files,"), "{line}");
    assert!(line.trim_end().ends_with(" 0 diagnostics"), "{line}");
}

/// A template with `conditions` independent conditions, each used by an
/// `Fn::If` on several properties of its own bucket.
fn template(conditions: usize) -> String {
    let mut t = String::from("AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n");
    for i in 0..conditions {
        let _ = writeln!(t, "  Flag{i}:\n    Type: String\n    Default: 'false'");
    }
    if conditions > 0 {
        t.push_str("Conditions:\n");
    }
    for i in 0..conditions {
        let _ = writeln!(t, "  C{i}: !Equals [!Ref Flag{i}, 'true']");
    }
    t.push_str("Resources:\n");
    for i in 0..60 {
        let c = if conditions > 0 {
            format!("C{}", i % conditions)
        } else {
            String::new()
        };
        let pick = |a: &str, b: &str| {
            if conditions > 0 {
                format!("!If [{c}, {a}, {b}]")
            } else {
                a.to_owned()
            }
        };
        let _ = writeln!(
            t,
            "  B{i}:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: {}\n      VersioningConfiguration:\n        Status: {}\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: {}\n      ObjectLockEnabled: {}",
            pick(&format!("a{i}"), &format!("b{i}")),
            pick("Enabled", "Suspended"),
            pick("aws:kms", "AES256"),
            pick("true", "false"),
        );
    }
    t
}

fn scan_time(text: &str) -> Duration {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.yaml");
    std::fs::write(&path, text).unwrap();
    let mut best = Duration::MAX;
    for _ in 0..3 {
        let start = Instant::now();
        let out = onus()
            .args(["scan", "--format", "json"])
            .arg(&path)
            .output()
            .unwrap();
        best = best.min(start.elapsed());
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(report["resources"].as_array().unwrap().len(), 60);
        assert_eq!(report["diagnostics"], serde_json::json!([]));
    }
    best
}

#[test]
fn sixty_independent_conditions_do_not_blow_up() {
    let plain = scan_time(&template(0));
    let conditional = scan_time(&template(60));
    // Generous: a process start dominates both; exponential expansion of 60
    // conditions (2^60 variants) would never finish.
    assert!(
        conditional < plain * 10 + Duration::from_secs(2),
        "60 conditions: {conditional:?}, none: {plain:?}"
    );
}

/// The default text output is written while the rules run, a batch of files
/// at a time; it must match the report built whole (`-o text=FILE`), across
/// batch boundaries too.
#[test]
fn streamed_text_matches_the_whole_report() {
    let dir = tempfile::tempdir().unwrap();
    onus_corpus::generate(&dir.path().join("corpus"), 1100, 11).unwrap();
    let file = dir.path().join("whole.txt");
    let streamed = onus()
        .args(["scan", "--allowed-regions", "eu-west-1"])
        .arg(dir.path().join("corpus"))
        .output()
        .unwrap();
    let whole = onus()
        .args(["scan", "--allowed-regions", "eu-west-1"])
        .arg(dir.path().join("corpus"))
        .arg("-o")
        .arg(format!("text={}", file.display()))
        .output()
        .unwrap();
    assert_eq!(streamed.status.code(), whole.status.code());
    let whole_text = std::fs::read_to_string(&file).unwrap();
    let streamed_text = String::from_utf8(streamed.stdout).unwrap();
    assert!(
        streamed_text.lines().count() > 5000,
        "{}",
        streamed_text.len()
    );
    assert!(
        streamed_text == whole_text,
        "streamed and whole text reports differ"
    );

    // The same for JSON: streamed to stdout alone; built whole when a file
    // is written too.
    let file = dir.path().join("whole.json");
    let streamed = onus()
        .args(["scan", "--format", "json", "--allowed-regions", "eu-west-1"])
        .arg(dir.path().join("corpus"))
        .output()
        .unwrap();
    let whole = onus()
        .args(["scan", "--format", "json", "--allowed-regions", "eu-west-1"])
        .arg(dir.path().join("corpus"))
        .arg("-o")
        .arg(format!("json={}", file.display()))
        .output()
        .unwrap();
    assert_eq!(streamed.status.code(), whole.status.code());
    assert!(
        streamed.stdout == whole.stdout,
        "streamed and whole JSON differ"
    );
    let report: serde_json::Value = serde_json::from_slice(&streamed.stdout).unwrap();
    assert!(report["resources"].as_array().unwrap().len() > 3000);
}
