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
        .flat_map(|r| r["duties"].as_object().unwrap().values())
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

/// Every report is written while the rules run, a batch of files at a time
/// (`onus-report`'s `tests/stream.rs` checks each against the report rendered
/// whole). Through the CLI: a format on stdout, the same format in an `-o`
/// file beside the text report, and either with a baseline being written
/// must all be the same bytes, across batch boundaries too.
#[test]
fn reports_are_the_same_on_stdout_in_files_and_with_a_baseline() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    onus_corpus::generate(&corpus, 1100, 11).unwrap();
    let scan = |extra: &[&str]| {
        onus()
            .args(["scan", "--allowed-regions", "eu-west-1"])
            .arg(&corpus)
            .args(extra)
            .output()
            .unwrap()
    };
    let formats = [
        "text", "json", "sarif", "csv", "github", "junit", "markdown", "html",
    ];
    let alone: Vec<_> = formats
        .iter()
        .map(|format| scan(&["--format", format]))
        .collect();
    for (format, out) in formats.iter().zip(&alone) {
        assert_eq!(out.status.code(), Some(1), "{format}");
    }
    let text = String::from_utf8(alone[0].stdout.clone()).unwrap();
    assert!(text.lines().count() > 5000, "{}", text.len());
    let report: serde_json::Value = serde_json::from_slice(&alone[1].stdout).unwrap();
    assert!(report["resources"].as_array().unwrap().len() > 3000);
    let sarif: serde_json::Value = serde_json::from_slice(&alone[2].stdout).unwrap();
    assert!(sarif["runs"][0]["results"].as_array().unwrap().len() > 1000);
    let html = String::from_utf8(alone[7].stdout.clone()).unwrap();
    assert!(html.matches("<tr class=\"matrix-row\">").count() > 3000);
    assert!(html.matches("<div class=\"finding ").count() > 1000);

    // Several reports at once, text on stdout and the others in files, while
    // a baseline is written.
    let baseline = dir.path().join("baseline.json");
    let files: Vec<_> = formats[1..]
        .iter()
        .map(|f| (f, dir.path().join(format!("out.{f}"))))
        .collect();
    let mut args: Vec<String> = files
        .iter()
        .flat_map(|(f, path)| ["-o".to_owned(), format!("{f}={}", path.display())])
        .collect();
    args.extend([
        "--write-baseline".to_owned(),
        baseline.display().to_string(),
    ]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let together = scan(&args);
    assert_eq!(together.status.code(), Some(1));
    assert!(
        together.stdout == alone[0].stdout,
        "text beside files differs"
    );
    for ((format, path), alone) in files.iter().zip(&alone[1..]) {
        assert!(
            std::fs::read(path).unwrap() == alone.stdout,
            "{format} written beside text differs"
        );
    }
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&baseline).unwrap()).unwrap();
    let entries = written["findings"].as_array().unwrap().len();
    assert!(entries > 1000, "{entries}");
    let stderr = String::from_utf8_lossy(&together.stderr);
    assert!(
        stderr.contains(&format!("wrote {entries} findings to the baseline")),
        "{stderr}"
    );
}
