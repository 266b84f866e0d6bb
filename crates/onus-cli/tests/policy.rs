//! Custom policies from the command line: `onus scan --policy`, `onus policy
//! check|test|input`, and custom rules in every report, `--fail-on`,
//! suppressions, baselines, `onus.toml`, `onus rules` and `onus matrix`.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn onus() -> Command {
    let mut cmd = Command::cargo_bin("onus").expect("onus binary");
    cmd.env("NO_COLOR", "1").current_dir(repo());
    cmd
}

fn run(cmd: &mut Command) -> (String, String, i32) {
    let out = cmd.output().expect("run onus");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// Validates a document against one of `schemas/`.
fn assert_valid(document: &Value, schema: &str) {
    let text = std::fs::read_to_string(repo().join("schemas").join(schema))
        .unwrap()
        // As in cli.rs: a pattern of the SARIF schema the regex crate reads otherwise.
        .replace(r#"{2}]?$"#, r#"{2}\\]?$"#);
    let schema: Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("valid schema");
    let errors: Vec<String> = validator
        .iter_errors(document)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

const EXAMPLES: [&str; 3] = ["examples/", "--policy", "examples/policies"];

/// Custom verdicts the examples must show: (rule, resource, status, file, line, column).
const EXPECTED: &[(&str, &str, &str, &str, u64, u64)] = &[
    (
        "acme.approved-instance-families",
        "WebLaunchTemplate",
        "not-met",
        "examples/cloudformation/three-tier.yaml",
        146,
        23,
    ),
    (
        "acme.approved-instance-families",
        "aws_launch_template.web",
        "not-met",
        "examples/terraform/main.tf",
        168,
        28,
    ),
    (
        "acme.s3-naming",
        "AssetsBucket",
        "not-met",
        "examples/cloudformation/three-tier.yaml",
        207,
        19,
    ),
    (
        "acme.s3-naming",
        "aws_s3_bucket.assets",
        "not-met",
        "examples/terraform/main.tf",
        229,
        12,
    ),
    (
        "acme.region-per-business-unit",
        "aws_s3_bucket.assets",
        "met",
        "examples/terraform/main.tf",
        228,
        10,
    ),
    (
        "CKV2_ACME_1",
        "TrailBucket",
        "not-met",
        "examples/cloudformation/three-tier.yaml",
        229,
        32,
    ),
    (
        "CKV2_ACME_1",
        "aws_s3_bucket.trail",
        "not-met",
        "examples/terraform/main.tf",
        266,
        29,
    ),
    (
        "CKV2_ACME_1",
        "aws_s3_bucket.assets",
        "met",
        "examples/terraform/main.tf",
        228,
        10,
    ),
    (
        "CKV2_ACME_2",
        "Database",
        "unknown",
        "examples/cloudformation/three-tier.yaml",
        201,
        30,
    ),
];

#[test]
fn examples_show_custom_verdicts_in_json_at_their_place() {
    let (stdout, stderr, code) = run(onus().arg("scan").args(EXAMPLES).args(["--format", "json"]));
    assert_eq!(code, 1, "{stderr}");
    let report: Value = serde_json::from_str(&stdout).expect("json");
    assert_valid(&report, "report.schema.json");
    for (rule, resource, status_wanted, file, line, column) in EXPECTED {
        let r = report["resources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == *resource)
            .unwrap_or_else(|| panic!("no {resource}"));
        // Version 2: duties by id; a verdict's location, or its file, only
        // where it is not its resource's.
        let (row, v) = r["duties"]
            .as_object()
            .unwrap()
            .values()
            .flat_map(|d| {
                d["verdicts"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(move |v| (d, v))
            })
            .find(|(_, v)| v["rule"] == *rule)
            .unwrap_or_else(|| panic!("no {rule} on {resource}"));
        // A verdict leaves out its status when it is its row's usual one
        // (met in a met row, else not applicable); findings always say it.
        let status = v["status"].as_str().unwrap_or(if row["status"] == "met" {
            "met"
        } else {
            "not-applicable"
        });
        let at = |key: &str| {
            v["location"]
                .get(key)
                .or_else(|| r["location"].get(key))
                .cloned()
        };
        assert_eq!(status, *status_wanted, "{rule} on {resource}: {v}");
        assert_eq!(at("file"), Some((*file).into()), "{rule} on {resource}");
        assert_eq!(at("line"), Some((*line).into()), "{rule} on {resource}");
        assert_eq!(at("column"), Some((*column).into()), "{rule} on {resource}");
        let described = &report["rules"][*rule];
        assert!(described["title"].is_string(), "{rule}: {described}");
    }
    // A custom duty the code now verifies: no longer only attested.
    let bucket = report["resources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "AssetsBucket")
        .unwrap();
    assert_eq!(bucket["duties"]["data-classification"]["status"], "not-met");
}

#[test]
fn examples_show_custom_verdicts_in_text_sarif_and_html() {
    let (text, _, code) = run(onus().arg("scan").args(EXAMPLES));
    assert_eq!(code, 1);
    assert!(
        line_with(
            &text,
            &[
                "146:23",
                "high",
                "acme.approved-instance-families",
                "instance type t3.small is not of an approved family"
            ]
        ),
        "{text}"
    );
    assert!(line_with(&text, &["229:32", "CKV2_ACME_1"]), "{text}");
    let (sarif, _, _) = run(onus()
        .arg("scan")
        .args(EXAMPLES)
        .args(["--format", "sarif"]));
    let sarif: Value = serde_json::from_str(&sarif).unwrap();
    assert_valid(&sarif, "sarif-schema-2.1.0.json");
    let run0 = &sarif["runs"][0];
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    let custom = rules
        .iter()
        .find(|r| r["id"] == "acme.data-classification")
        .expect("custom rule in the driver");
    assert!(custom.get("helpUri").is_none());
    assert!(
        custom["fullDescription"]["text"]
            .as_str()
            .unwrap()
            .starts_with("Every data store carries a `data-classification` tag"),
        "{custom}"
    );
    for (rule, resource, status, file, line, column) in EXPECTED {
        if *status == "met" {
            continue;
        }
        let found = run0["results"].as_array().unwrap().iter().any(|r| {
            let place = &r["locations"][0]["physicalLocation"];
            r["ruleId"] == *rule
                && r["message"]["text"].as_str().unwrap().starts_with(resource)
                && place["artifactLocation"]["uri"] == *file
                && place["region"]["startLine"] == *line
                && place["region"]["startColumn"] == *column
        });
        assert!(
            found,
            "no SARIF result of {rule} on {resource} at {file}:{line}:{column}"
        );
    }
    let (html, _, _) = run(onus().arg("scan").args(EXAMPLES).args(["--format", "html"]));
    for (rule, resource, status, file, line, column) in EXPECTED {
        if *status == "met" {
            continue;
        }
        let card = format!("<code>{rule}</code><b class=\"resource-id\">{resource}</b>");
        let at = html
            .find(&card)
            .unwrap_or_else(|| panic!("no {rule} on {resource} in HTML"));
        assert!(
            html[at..].contains(&format!("{file}:{line}:{column}")),
            "{rule} on {resource}"
        );
    }
}

#[test]
fn policy_tests_pass_and_a_broken_one_fails() {
    let (out, err, code) = run(onus().args(["policy", "test", "examples/policies"]));
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("data.acme.kms_account_test.test_key_created_alongside_is_not_met: PASS"));
    assert!(!out.contains("FAIL"), "{out}");
    let copy = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(repo().join("examples/policies")).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::copy(&path, copy.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    let test = copy.path().join("s3_naming_test.rego");
    let text = std::fs::read_to_string(&test).unwrap();
    std::fs::write(
        &test,
        text.replace("\"acme-prod-orders\"", "\"shop-orders\""),
    )
    .unwrap();
    let (out, _, code) = run(onus().args(["policy", "test"]).arg(copy.path()));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("data.acme.s3_naming_test.test_conventional_name_passes: FAIL"),
        "{out}"
    );
    assert!(out.contains("FAIL: 1/"), "{out}");
}

/// True when one line of `text` holds every one of `parts`.
fn line_with(text: &str, parts: &[&str]) -> bool {
    text.lines().any(|l| parts.iter().all(|p| l.contains(p)))
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn policy_check_names_problems_and_scan_refuses_to_run_with_them() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "bad.rego",
        "# METADATA\n# title: Bad\n# custom:\n#   id: acme.bad\n#   duty: nope\n#   terraform: [aws_s3_bucket]\npackage bad\n\nimport rego.v1\n\ndeny contains \"x\" if true\n",
    );
    let (_, err, code) = run(onus().args(["policy", "check"]).arg(dir.path()));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("bad.rego:5:11: unknown duty \"nope\""),
        "{err}"
    );
    let (_, err, code) = run(onus()
        .args(["scan", "examples/", "--policy"])
        .arg(dir.path()));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("bad.rego:5:11: unknown duty \"nope\""),
        "{err}"
    );
    let (out, _, code) = run(onus().args(["policy", "check", "examples/policies"]));
    assert_eq!(code, 0);
    assert!(
        out.contains("6 Rego policies, 2 Checkov YAML policies"),
        "{out}"
    );
    let (_, err, code) = run(onus().args(["policy", "check", "no/such/dir"]));
    assert_eq!(code, 2, "{err}");
}

const TEMPLATE: &str = r#"Resources:
  Orders:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: shop-orders
"#;

const POLICY: &str = r#"# METADATA
# title: Buckets are ours
# description: Bucket names start with acme-.
# custom:
#   id: acme.names
#   duty: access-control
#   severity: high
#   cloudformation: [AWS::S3::Bucket]
package names

import rego.v1

deny contains {"msg": "not an acme bucket", "path": "BucketName"} if not startswith(input.resource.properties.BucketName, "acme-")
"#;

/// A project with a config that runs only the custom rule.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "infra/template.yaml", TEMPLATE);
    write(dir.path(), "policies/names.rego", POLICY);
    write(
        dir.path(),
        "onus.toml",
        "policies = [\"policies\"]\nenable = [\"acme.names\"]\n",
    );
    dir
}

fn scan_in(dir: &Path, args: &[&str]) -> (String, String, i32) {
    let mut cmd = Command::cargo_bin("onus").unwrap();
    cmd.env("NO_COLOR", "1")
        .current_dir(dir)
        .arg("scan")
        .args(args);
    run(&mut cmd)
}

#[test]
fn custom_rules_follow_config_fail_on_suppressions_and_baselines() {
    let dir = project();
    let (out, err, code) = scan_in(dir.path(), &["infra"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        line_with(&out, &["5:19", "high", "acme.names", "not an acme bucket"]),
        "{out}"
    );
    assert!(
        !out.contains("s3.encryption-at-rest"),
        "only the enabled rule runs: {out}"
    );
    let (_, _, code) = scan_in(dir.path(), &["infra", "--fail-on", "critical"]);
    assert_eq!(code, 0);
    // A baseline of today's findings.
    let (_, err, code) = scan_in(dir.path(), &["infra", "--write-baseline", "baseline.json"]);
    assert_eq!(code, 1, "{err}");
    let (_, _, code) = scan_in(dir.path(), &["infra", "--baseline", "baseline.json"]);
    assert_eq!(code, 0);
    // An inline suppression names the custom rule.
    write(
        dir.path(),
        "infra/template.yaml",
        &TEMPLATE.replace(
            "  Orders:\n",
            "  # onus:ignore acme.names Legacy bucket, renamed in Q3\n  Orders:\n",
        ),
    );
    let (out, err, code) = scan_in(dir.path(), &["infra"]);
    assert_eq!(code, 0, "{out}{err}");
    // onus.toml may disable it by id, too.
    write(
        dir.path(),
        "onus.toml",
        "policies = [\"policies\"]\ndisable = [\"acme.names\"]\n",
    );
    let (out, _, _) = scan_in(dir.path(), &["infra", "--no-inline-ignores"]);
    assert!(!out.contains("acme.names"), "{out}");
}

#[test]
fn checkov_skip_comments_suppress_checkov_policies() {
    let dir = tempfile::tempdir().unwrap();
    let policy = "metadata:\n  id: CKV2_ACME_7\n  name: Buckets are versioned\n  category: BACKUP_AND_RECOVERY\ndefinition:\n  cond_type: attribute\n  resource_types: [AWS::S3::Bucket]\n  attribute: VersioningConfiguration.Status\n  operator: equals\n  value: Enabled\n";
    write(dir.path(), "policies/versioned.yaml", policy);
    write(dir.path(), "onus.toml", "enable = [\"CKV2_ACME_7\"]\n");
    write(dir.path(), "infra/template.yaml", TEMPLATE);
    let (out, err, code) = scan_in(dir.path(), &["infra", "--policy", "policies"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        line_with(
            &out,
            &[
                "2:3",
                "medium",
                "CKV2_ACME_7",
                "expected VersioningConfiguration.Status equals \"Enabled\""
            ]
        ),
        "{out}"
    );
    write(
        dir.path(),
        "infra/template.yaml",
        &TEMPLATE.replace(
            "    Type: AWS::S3::Bucket\n",
            "    # checkov:skip=CKV2_ACME_7: scratch data\n    Type: AWS::S3::Bucket\n",
        ),
    );
    let (out, err, code) = scan_in(dir.path(), &["infra", "--policy", "policies"]);
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn rules_lists_and_documents_custom_rules() {
    let (out, _, code) = run(onus().args(["rules", "--policy", "examples/policies"]));
    assert_eq!(code, 0);
    assert!(out.contains("acme.public-alb-waf"), "{out}");
    assert!(out.contains("CKV2_ACME_2"), "{out}");
    let (out, _, code) = run(onus().args([
        "rules",
        "--policy",
        "examples/policies",
        "--duty",
        "data-classification",
    ]));
    assert_eq!(code, 0);
    assert!(
        out.contains("acme.data-classification") && out.contains("1 rules"),
        "{out}"
    );
    let (out, _, code) = run(onus().args([
        "rules",
        "acme.data-classification",
        "--policy",
        "examples/policies",
    ]));
    assert_eq!(code, 0);
    assert!(
        out.starts_with("# acme.data-classification: Data stores say how sensitive their data is"),
        "{out}"
    );
    assert!(
        out.contains("Every data store carries a `data-classification` tag"),
        "{out}"
    );
    assert!(
        out.contains("examples/policies/data_classification.rego"),
        "{out}"
    );
    // Without the policies, the id is unknown.
    let (_, _, code) = run(onus().args(["rules", "acme.data-classification"]));
    assert_eq!(code, 2);
}

#[test]
fn the_matrix_counts_custom_verdicts() {
    let (plain, _, _) = run(onus().args(["matrix", "examples/"]));
    let (custom, err, code) = run(onus().args(["matrix"]).args(EXAMPLES));
    assert_eq!(code, 0, "{err}");
    assert_ne!(plain, custom, "custom verdicts change the matrix");
}

#[test]
fn policy_input_documents_match_their_schema() {
    let (out, err, code) = run(onus().args(["policy", "input", "examples/"]));
    assert_eq!(code, 0, "{err}");
    let documents: Value = serde_json::from_str(&out).unwrap();
    let documents = documents.as_array().unwrap();
    assert!(documents.len() > 40);
    for d in documents {
        assert_valid(d, "policy-input.schema.json");
    }
    let bucket = documents
        .iter()
        .find(|d| d["resource"]["id"] == "AssetsBucket")
        .unwrap();
    assert_eq!(bucket["version"], 1);
    assert_eq!(
        bucket["refers_to"][0]["resource"]["type"], "AWS::KMS::Key",
        "{bucket}"
    );
}
