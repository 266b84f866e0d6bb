//! End-to-end: the `onus` binary on small CloudFormation fixtures (suppressions,
//! config, baseline, outputs) and on `examples/`.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn onus() -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin!("onus"));
    c.env("NO_COLOR", "1").env_remove("CLICOLOR_FORCE");
    c
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A database without storage encryption: `rds.encryption-at-rest` is not met.
fn db(name: &str, extra: &str) -> String {
    format!(
        "  {name}:\n    Type: AWS::RDS::DBInstance\n{extra}    Properties:\n      Engine: postgres\n      DBInstanceClass: db.t3.micro\n"
    )
}

fn template(dir: &Path, body: &str) -> PathBuf {
    let path = dir.join("app.yaml");
    std::fs::write(&path, format!("Resources:\n{body}")).unwrap();
    path
}

/// An `onus.toml` in `dir` that runs only `rule`, so a test about one finding
/// does not depend on which other rules a fixture happens to fail.
fn only(dir: &Path, rule: &str) {
    std::fs::write(dir.join("onus.toml"), format!("enable = [\"{rule}\"]\n")).unwrap();
}

/// `onus scan --format json` in `dir`: (exit code, report).
fn scan(dir: &Path, args: &[&str]) -> (i32, Value) {
    let out = onus()
        .current_dir(dir)
        .args(["scan", "--format", "json", "."])
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: stdout not JSON; stderr: {stderr}"));
    (out.status.code().unwrap_or(-1), json)
}

fn verdict<'a>(report: &'a Value, resource: &str, rule: &str) -> &'a Value {
    report["resources"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["id"] == resource)
        .flat_map(|r| r["duties"].as_object().unwrap().values())
        .flat_map(|d| d["verdicts"].as_array().into_iter().flatten())
        .find(|v| v["rule"] == rule)
        .unwrap_or_else(|| panic!("no {rule} verdict on {resource}"))
}

fn diagnostics(report: &Value) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn unsuppressed_finding_fails() {
    let dir = tempfile::tempdir().unwrap();
    template(dir.path(), &db("Db", ""));
    let (code, report) = scan(dir.path(), &[]);
    assert_eq!(code, 1);
    assert_eq!(
        verdict(&report, "Db", "rds.encryption-at-rest")["status"],
        "not-met"
    );
}

#[test]
fn inline_suppression_with_reason() {
    let dir = tempfile::tempdir().unwrap();
    let body = format!(
        "  # onus:ignore rds.encryption-at-rest Test data only, wiped nightly until=2999-12-31\n{}",
        db("Db", "")
    );
    template(dir.path(), &body);
    only(dir.path(), "rds.encryption-at-rest");
    let (code, report) = scan(dir.path(), &[]);
    assert_eq!(code, 0, "{report}");
    let s = &verdict(&report, "Db", "rds.encryption-at-rest")["suppression"];
    assert_eq!(s["kind"], "inline");
    assert_eq!(s["active"], true);
    assert_eq!(s["reason"], "Test data only, wiped nightly");
    assert_eq!(s["until"], "2999-12-31");
    assert_eq!(report["summary"]["suppressed"], 1);
}

#[test]
fn inline_suppression_on_the_name_line() {
    let dir = tempfile::tempdir().unwrap();
    let body = db("Db", "").replacen(
        "Db:",
        "Db: # onus:ignore rds.encryption-at-rest Sandbox only",
        1,
    );
    template(dir.path(), &body);
    only(dir.path(), "rds.encryption-at-rest");
    let (code, _) = scan(dir.path(), &[]);
    assert_eq!(code, 0);
}

#[test]
fn suppression_without_reason_is_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let body = format!("  # onus:ignore rds.encryption-at-rest\n{}", db("Db", ""));
    template(dir.path(), &body);
    let (code, report) = scan(dir.path(), &[]);
    assert_eq!(code, 1);
    assert!(verdict(&report, "Db", "rds.encryption-at-rest")["suppression"].is_null());
    let d = diagnostics(&report);
    assert!(d.iter().any(|m| m.contains("has no reason")), "{d:?}");
    assert_eq!(report["incomplete"], false, "a warning, not an error");
}

#[test]
fn expired_suppression_counts_again() {
    let dir = tempfile::tempdir().unwrap();
    let meta = "    Metadata:\n      onus:\n        ignore:\n          - rule: rds.encryption-at-rest\n            reason: Accepted for the 2020 audit\n            until: 2020-06-30\n";
    template(dir.path(), &db("Db", meta));
    let (code, report) = scan(dir.path(), &[]);
    assert_eq!(code, 1);
    let s = &verdict(&report, "Db", "rds.encryption-at-rest")["suppression"];
    assert_eq!(s["kind"], "metadata");
    assert_eq!(s["active"], false);
    let text = onus()
        .current_dir(dir.path())
        .args(["scan", "."])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("suppression expired on 2020-06-30"), "{text}");
}

#[test]
fn checkov_and_cfn_nag_suppressions_map_to_same_rules_only() {
    let dir = tempfile::tempdir().unwrap();
    let checkov = "    Metadata:\n      checkov:\n        skip:\n          - id: CKV_AWS_16\n            comment: Encrypted by the storage layer\n";
    let cfn_nag = "    Metadata:\n      cfn_nag:\n        rules_to_suppress:\n          - id: F26\n            reason: Legacy, migration in Q3\n";
    let body = format!(
        "{}{}  # checkov:skip=CKV_AWS_96:Replica of an encrypted source\n{}{}",
        db("A", checkov),
        db("B", cfn_nag),
        db("C", ""),
        // W2 is only Related to ec2.ssh-open-to-world: it must not carry over.
        "  Ssh:\n    Type: AWS::EC2::SecurityGroupIngress\n    Metadata:\n      cfn_nag:\n        rules_to_suppress:\n          - id: W2\n            reason: Open on purpose\n    Properties:\n      GroupId: sg-123\n      IpProtocol: tcp\n      FromPort: 22\n      ToPort: 22\n      CidrIp: 0.0.0.0/0\n",
    );
    template(dir.path(), &body);
    let (code, report) = scan(dir.path(), &[]);
    for (id, kind) in [("A", "checkov"), ("B", "cfn-nag"), ("C", "checkov")] {
        let s = &verdict(&report, id, "rds.encryption-at-rest")["suppression"];
        assert_eq!(s["kind"], kind, "{id}: {s}");
        assert_eq!(s["active"], true);
    }
    assert!(verdict(&report, "Ssh", "ec2.ssh-open-to-world")["suppression"].is_null());
    assert_eq!(code, 1, "the Related W2 suppression must not apply");
}

#[test]
fn guard_suppressed_rules_map_to_same_rules_only() {
    let dir = tempfile::tempdir().unwrap();
    let guard =
        |rules: &str| format!("    Metadata:\n      guard:\n        SuppressedRules:\n{rules}");
    // LAMBDA_NO_WILDCARD_PRINCIPALS is only Related to lambda.no-public-invoke.
    let permission = format!(
        "  Public:\n    Type: AWS::Lambda::Permission\n{}    Properties:\n      Action: lambda:InvokeFunction\n      FunctionName: app\n      Principal: \"*\"\n",
        guard("          - LAMBDA_NO_WILDCARD_PRINCIPALS\n")
    );
    let body = format!(
        "{}{}{permission}",
        db("A", &guard("          - RDS_STORAGE_ENCRYPTED\n")),
        db("B", ""),
    );
    template(dir.path(), &body);
    let (_, report) = scan(dir.path(), &[]);
    let s = &verdict(&report, "A", "rds.encryption-at-rest")["suppression"];
    assert_eq!(s["kind"], "guard", "{s}");
    assert_eq!(s["active"], true);
    assert!(verdict(&report, "B", "rds.encryption-at-rest")["suppression"].is_null());
    assert!(verdict(&report, "Public", "lambda.no-public-invoke")["suppression"].is_null());
}

#[test]
fn no_inline_ignores_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let body = format!(
        "  # onus:ignore rds.encryption-at-rest Test data only\n{}",
        db("Db", "")
    );
    template(dir.path(), &body);
    let (code, report) = scan(dir.path(), &["--no-inline-ignores"]);
    assert_eq!(code, 1);
    assert!(verdict(&report, "Db", "rds.encryption-at-rest")["suppression"].is_null());
    assert!(
        report["notes"][0]
            .as_str()
            .unwrap()
            .contains("--no-inline-ignores")
    );
    let out = onus()
        .current_dir(dir.path())
        .args(["scan", "--no-inline-ignores", "."])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("--no-inline-ignores"));
}

#[test]
fn config_is_found_above_and_applies() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("infra");
    std::fs::create_dir(&sub).unwrap();
    template(&sub, &format!("{}{}", db("Keep", ""), db("Legacy", "")));
    std::fs::write(
        dir.path().join("onus.toml"),
        "fail_on = \"high\"\n[[suppress]]\nrule = \"rds.encryption-at-rest\"\nresource = \"Legacy\"\npath = \"**/app.yaml\"\nreason = \"Retired in March\"\n",
    )
    .unwrap();
    let (code, report) = scan(&sub, &[]);
    assert_eq!(code, 1);
    assert_eq!(
        verdict(&report, "Legacy", "rds.encryption-at-rest")["suppression"]["kind"],
        "config"
    );
    assert!(verdict(&report, "Keep", "rds.encryption-at-rest")["suppression"].is_null());
    // fail_on = high from the file; --fail-on critical overrides it.
    let (code, _) = scan(&sub, &["--fail-on", "critical"]);
    assert_eq!(code, 0);
}

#[test]
fn config_without_reason_and_unknown_keys() {
    let dir = tempfile::tempdir().unwrap();
    template(dir.path(), &db("Db", ""));
    let cfg = dir.path().join("onus.toml");
    std::fs::write(&cfg, "[[suppress]]\nrule = \"rds.encryption-at-rest\"\n").unwrap();
    let (code, report) = scan(dir.path(), &[]);
    assert_eq!(code, 1);
    assert!(diagnostics(&report).iter().any(|m| m.contains("no reason")));
    std::fs::write(
        &cfg,
        "fail_on = \"high\"\nallowed_region = [\"eu-west-1\"]\n",
    )
    .unwrap();
    let out = onus()
        .current_dir(dir.path())
        .args(["scan", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("allowed_region"), "{err}");
}

#[test]
fn disabled_rules_do_not_run() {
    let dir = tempfile::tempdir().unwrap();
    template(dir.path(), &db("Db", ""));
    let cfg = dir.path().join("custom.toml");
    // Every encryption-at-rest rule but the one this database fails.
    std::fs::write(
        &cfg,
        "enable = [\"encryption-at-rest\"]\ndisable = [\"rds.encryption-at-rest\"]\n",
    )
    .unwrap();
    let (code, report) = scan(dir.path(), &["--config", cfg.to_str().unwrap()]);
    assert_eq!(code, 0, "{report}");
}

#[test]
fn baseline_matches_after_unrelated_edits() {
    let dir = tempfile::tempdir().unwrap();
    let path = template(dir.path(), &db("Db", ""));
    only(dir.path(), "rds.encryption-at-rest");
    let baseline = dir.path().join("baseline.json");
    let out = onus()
        .current_dir(dir.path())
        .args(["scan", "-q", "--write-baseline", "baseline.json", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "--quiet printed something");
    let b: Value = serde_json::from_slice(&std::fs::read(&baseline).unwrap()).unwrap();
    assert_eq!(b["findings"].as_array().unwrap().len(), 1);
    // Lines inserted above the resource move it; the baseline still matches.
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text.replacen(
        "Resources:\n",
        "Description: moved down\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n",
        1,
    );
    std::fs::write(&path, edited).unwrap();
    let (code, report) = scan(dir.path(), &["--baseline", "baseline.json"]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["summary"]["baselined"], 1);
    // A new finding is reported.
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str(&db("Db2", ""));
    std::fs::write(&path, text).unwrap();
    let (code, report) = scan(dir.path(), &["--baseline", "baseline.json"]);
    assert_eq!(code, 1);
    assert_eq!(report["summary"]["findings_by_severity"]["high"], 1);
    let sarif = onus()
        .current_dir(dir.path())
        .args([
            "scan",
            "--format",
            "sarif",
            "--baseline",
            "baseline.json",
            ".",
        ])
        .output()
        .unwrap();
    let sarif: Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 1);
    assert_eq!(results[0]["properties"]["resource"], "Db2");
    // Rewriting the baseline while reading it keeps the old entry.
    onus()
        .current_dir(dir.path())
        .args([
            "scan",
            "-q",
            "--baseline",
            "baseline.json",
            "--write-baseline",
            "baseline.json",
            ".",
        ])
        .assert()
        .code(1);
    let b: Value = serde_json::from_slice(&std::fs::read(&baseline).unwrap()).unwrap();
    assert_eq!(b["findings"].as_array().unwrap().len(), 2);
}

#[test]
fn several_outputs_at_once() {
    let dir = tempfile::tempdir().unwrap();
    template(dir.path(), &db("Db", ""));
    let out = onus()
        .current_dir(dir.path())
        .args([
            "scan",
            "--quiet",
            "-o",
            "sarif=r.sarif",
            "--output",
            "junit=r.xml",
            "--output",
            "html=r.html",
            "--output",
            "markdown=r.md",
            "--output",
            "csv=r.csv",
            "--output",
            "github=r.txt",
            "--output",
            "json=r.json",
            "--output",
            "text=r.log",
            ".",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    for f in [
        "r.sarif", "r.xml", "r.html", "r.md", "r.csv", "r.txt", "r.json", "r.log",
    ] {
        let text = std::fs::read_to_string(dir.path().join(f)).unwrap();
        assert!(text.contains("rds.encryption-at-rest"), "{f}: {text}");
        assert!(!text.contains('\u{1b}'), "{f} has ANSI escapes");
    }
    let bad = onus()
        .args(["scan", "--output", "pdf=x.pdf", "."])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown format"));
}

#[test]
fn init_writes_a_config_that_loads() {
    let dir = tempfile::tempdir().unwrap();
    onus().current_dir(dir.path()).arg("init").assert().code(0);
    let text = std::fs::read_to_string(dir.path().join("onus.toml")).unwrap();
    assert!(text.contains("[[suppress]]"));
    onus().current_dir(dir.path()).arg("init").assert().code(2);
    onus()
        .current_dir(dir.path())
        .args(["init", "--force"])
        .assert()
        .code(0);
    template(dir.path(), &db("Db", ""));
    let (code, _) = scan(dir.path(), &[]);
    assert_eq!(code, 1);
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish"] {
        let out = onus().args(["completions", shell]).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("onus") && text.contains("baseline"),
            "{shell}"
        );
    }
    let man = onus().arg("man").output().unwrap();
    assert!(String::from_utf8_lossy(&man.stdout).starts_with(".ie"));
}

/// The bundled workload, CloudFormation and Terraform.
const EXAMPLES: &str = "examples";

#[test]
fn matrix_csv_of_examples() {
    let dir = EXAMPLES;
    let out = onus()
        .current_dir(repo())
        .args(["matrix", dir, "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json = onus()
        .current_dir(repo())
        .args(["scan", "--format", "json", dir])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&json.stdout).unwrap();
    let resources = report["resources"].as_array().unwrap().len();
    let mut rdr = csv_rows(&out.stdout);
    let header = rdr.remove(0);
    // id, type, service, category, the 16 layers bottom to top, then the file.
    assert_eq!(header.len(), 4 + 16 + 1);
    assert_eq!(&header[..4], ["id", "type", "service", "category"]);
    let layers: Vec<&str> = onus_model::Layer::ALL.iter().map(|l| l.slug()).collect();
    assert_eq!(header[4..20], layers[..]);
    assert_eq!(header[20], "file");
    assert_eq!(rdr.len(), resources);
    for row in &rdr {
        assert_eq!(row.len(), 21);
        assert_eq!(row[4], "AWS", "AWS always carries the data centers");
    }
}

/// Minimal CSV reader for the test (quoted cells, no embedded newlines).
fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    String::from_utf8_lossy(bytes)
        .lines()
        .map(|line| {
            let mut cells = vec![String::new()];
            let mut quoted = false;
            let mut chars = line.chars().peekable();
            while let Some(c) = chars.next() {
                match c {
                    '"' if quoted && chars.peek() == Some(&'"') => {
                        chars.next();
                        cells.last_mut().unwrap().push('"');
                    }
                    '"' => quoted = !quoted,
                    ',' if !quoted => cells.push(String::new()),
                    c => cells.last_mut().unwrap().push(c),
                }
            }
            cells
        })
        .collect()
}

/// A validator for a schema of `schemas/`.
fn schema(name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(repo().join("schemas").join(name))
        .unwrap()
        .replace(r#"{2}]?$"#, r#"{2}\\]?$"#);
    jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap()
}

#[test]
fn sarif_and_json_match_their_schemas() {
    let (sarif_schema, report_schema) = (
        schema("sarif-schema-2.1.0.json"),
        schema("report.schema.json"),
    );
    // The examples, nested stacks (SARIF related locations, the JSON
    // report's `stack`), a CDK cloud assembly and Terraform JSON.
    for dir in [
        EXAMPLES,
        "crates/onus-cli/tests/fixtures/nested",
        "crates/onus-cli/tests/fixtures/cdk",
        "crates/onus-cli/tests/fixtures/tf_json/json",
    ] {
        let scan = |format: &str| -> Value {
            let out = onus()
                .current_dir(repo())
                .args(["scan", "--format", format, dir])
                .output()
                .unwrap();
            serde_json::from_slice(&out.stdout).unwrap()
        };
        let sarif = scan("sarif");
        let errors: Vec<String> = sarif_schema
            .iter_errors(&sarif)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{dir}: {errors:?}");
        assert!(!sarif["runs"][0]["results"].as_array().unwrap().is_empty());
        let report = scan("json");
        let errors: Vec<String> = report_schema
            .iter_errors(&report)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{dir}: {errors:?}");
    }
}

#[test]
fn colours_follow_no_color_and_clicolor_force() {
    let dir = tempfile::tempdir().unwrap();
    template(dir.path(), &db("Db", ""));
    let forced = Command::new(assert_cmd::cargo::cargo_bin!("onus"))
        .current_dir(dir.path())
        .env_remove("NO_COLOR")
        .env("CLICOLOR_FORCE", "1")
        .args(["scan", "."])
        .output()
        .unwrap();
    assert!(
        forced.stdout.contains(&0x1b),
        "CLICOLOR_FORCE=1 gives colour"
    );
    let plain = onus()
        .current_dir(dir.path())
        .args(["scan", "."])
        .output()
        .unwrap();
    assert!(
        !plain.stdout.contains(&0x1b),
        "NO_COLOR / a pipe gives none"
    );
    // Machine formats never carry styles, even when forced.
    let json = Command::new(assert_cmd::cargo::cargo_bin!("onus"))
        .current_dir(dir.path())
        .env("CLICOLOR_FORCE", "1")
        .args(["scan", "--format", "json", "."])
        .output()
        .unwrap();
    assert!(!json.stdout.contains(&0x1b));
}

#[test]
fn terraform_inline_suppressions() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("main.tf"),
        r#"# onus:ignore rds.encryption-at-rest Scratch database for load tests until=2999-01-01
resource "aws_db_instance" "scratch" {
  engine         = "postgres"
  instance_class = "db.t3.micro"
}

resource "aws_db_instance" "legacy" {
  # checkov:skip=CKV_AWS_16:Encrypted by the storage array
  engine         = "postgres"
  instance_class = "db.t3.micro"
}

// onus:ignore rds.encryption-at-rest
resource "aws_db_instance" "main" {
  engine         = "postgres"
  instance_class = "db.t3.micro"
}
"#,
    )
    .unwrap();
    let (code, report) = scan(dir.path(), &[]);
    assert_eq!(code, 1, "{report}");
    let kind =
        |id: &str| verdict(&report, id, "rds.encryption-at-rest")["suppression"]["kind"].clone();
    assert_eq!(kind("aws_db_instance.scratch"), "inline");
    assert_eq!(kind("aws_db_instance.legacy"), "checkov");
    assert!(kind("aws_db_instance.main").is_null());
    assert!(
        diagnostics(&report)
            .iter()
            .any(|m| m.contains("has no reason"))
    );
    let (code, _) = scan(dir.path(), &["--no-inline-ignores"]);
    assert_eq!(code, 1);
}

/// A binary built without the `aws` feature answers `--aws` with how to build
/// one that can, and exit code 2, before reading anything.
#[cfg(not(feature = "aws"))]
#[test]
fn aws_without_the_feature_says_how_to_build_it() {
    for command in ["scan", "matrix"] {
        let out = onus()
            .args([command, "--aws", "--regions", "eu-west-1"])
            .current_dir(repo())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{command}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("built without the live AWS scan") && stderr.contains("--features aws"),
            "{command}: {stderr}"
        );
        assert!(out.stdout.is_empty(), "{command}: nothing is reported");
    }
}

#[test]
fn opt_in_rules_run_only_when_named() {
    let dir = tempfile::tempdir().unwrap();
    template(dir.path(), "  Data:\n    Type: AWS::S3::Bucket\n");
    let has = |report: &Value, rule: &str| {
        report["resources"][0]["duties"]
            .as_object()
            .unwrap()
            .values()
            .flat_map(|d| d["verdicts"].as_array().into_iter().flatten())
            .any(|v| v["rule"] == rule)
    };
    let (_, default) = scan(dir.path(), &[]);
    assert!(has(&default, "s3.versioning"));
    assert!(!has(&default, "s3.replication"));
    let (_, by_glob) = scan(dir.path(), &["--rule", "s3.*"]);
    assert!(!has(&by_glob, "s3.replication"));
    let (_, named) = scan(dir.path(), &["--rule", "*,s3.replication"]);
    assert!(has(&named, "s3.replication") && has(&named, "s3.versioning"));
    assert!(!has(&named, "s3.object-lock"));
    std::fs::write(
        dir.path().join("onus.toml"),
        "enable = [\"*\", \"s3.object-lock\"]\n",
    )
    .unwrap();
    let (_, configured) = scan(dir.path(), &[]);
    assert!(has(&configured, "s3.object-lock") && !has(&configured, "s3.replication"));

    let out = onus().args(["rules", "--service", "s3"]).output().unwrap();
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(table.contains("s3.replication (opt-in)"), "{table}");
    assert!(table.contains("opt-in: they run only when"), "{table}");
    assert!(!table.contains("s3.versioning (opt-in)"), "{table}");
}

/// `--json-v1` writes the layout of version 1 for one release, on stdout and
/// in `-o json=FILE`; version 2 (the default) rebuilds into the same document.
#[test]
fn json_v1_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("v1.json");
    let v1 = onus()
        .current_dir(repo())
        .args(["scan", "--format", "json", "--json-v1", EXAMPLES, "-o"])
        .arg(format!("json={}", file.display()))
        .output()
        .unwrap();
    let v2 = onus()
        .current_dir(repo())
        .args(["scan", "--format", "json", EXAMPLES])
        .output()
        .unwrap();
    assert_eq!(std::fs::read(&file).unwrap(), v1.stdout);
    let v1: Value = serde_json::from_slice(&v1.stdout).unwrap();
    let v2: Value = serde_json::from_slice(&v2.stdout).unwrap();
    assert_eq!(v1["schema_version"], 1);
    assert_eq!(v2["schema_version"], 2);
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("schemas/report-v1.schema.json")).unwrap(),
    )
    .unwrap();
    let v = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = v.iter_errors(&v1).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert!(onus_report::json::v1_from_v2(&v2) == v1);
}
