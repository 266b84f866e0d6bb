//! `onus services`.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn onus() -> Command {
    let mut cmd = Command::cargo_bin("onus").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

#[test]
fn json_lists_at_least_200() {
    let out = onus()
        .args(["services", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    let list = v.as_array().unwrap();
    assert!(list.len() >= 200, "{}", list.len());
    let s3 = list.iter().find(|s| s["key"] == "s3").unwrap();
    assert_eq!(s3["name"], "Amazon S3");
    assert_eq!(s3["category"], "abstracted");
    assert!(
        s3["cfn_prefixes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p == "AWS::S3::")
    );
    let ecs = list.iter().find(|s| s["key"] == "ecs").unwrap();
    assert_eq!(ecs["category_varies"], true);
}

#[test]
fn category_filter() {
    let out = onus()
        .args([
            "services",
            "--category",
            "infrastructure",
            "--format",
            "json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    let list = v.as_array().unwrap();
    assert!(!list.is_empty());
    assert!(list.iter().all(|s| s["category"] == "infrastructure"));
    assert!(list.iter().any(|s| s["key"] == "ec2"));
}

#[test]
fn table_and_csv() {
    onus()
        .args(["services"])
        .assert()
        .success()
        .stdout(predicate::str::contains("KEY"))
        .stdout(predicate::str::contains("Amazon DynamoDB"))
        .stdout(predicate::str::contains("services."));
    let out = onus()
        .args(["services", "--format", "csv", "--category", "container"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let mut lines = text.lines();
    assert!(lines.next().unwrap().starts_with("key,name,category"));
    assert!(text.contains("rds,Amazon RDS,container"));
    assert!(lines.all(|l| l.contains(",container,")));
}

#[test]
fn version_is_cheap() {
    onus()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("onus "));
}
