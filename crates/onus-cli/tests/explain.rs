//! `onus explain` and `onus services`, run as a user would.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn onus() -> Command {
    let mut cmd = Command::cargo_bin("onus").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

fn json(args: &[&str]) -> Value {
    let out = onus()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap_or_else(|e| panic!("{args:?}: {e}"))
}

fn layer_owner(v: &Value, layer: &str) -> String {
    v["layers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["layer"] == layer)
        .unwrap_or_else(|| panic!("no layer {layer}"))["owner"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn duty<'a>(v: &'a Value, duty: &str) -> &'a Value {
    v["duties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["duty"] == duty)
        .unwrap_or_else(|| panic!("no duty {duty}"))
}

#[test]
fn s3_json_is_abstracted() {
    let v = json(&["explain", "s3", "--format", "json"]);
    assert_eq!(v["service"], "s3");
    assert_eq!(v["service_name"], "Amazon S3");
    assert_eq!(v["category"], "abstracted");
    assert_eq!(v["category_varies"], false);
    assert!(v["category_reason"].as_str().unwrap().contains("SSE-S3"));
    let layers = v["layers"].as_array().unwrap();
    assert_eq!(layers.len(), 16);
    assert_eq!(layers[0]["layer"], "global-infrastructure", "bottom first");
    for l in layers {
        for key in ["layer", "title", "owner", "reason", "source"] {
            assert!(l[key].is_string(), "{key} in {l}");
        }
    }
    assert_eq!(layer_owner(&v, "server-side-encryption"), "aws");
    assert_eq!(layer_owner(&v, "guest-os-patching"), "aws");
    assert_eq!(layer_owner(&v, "identity-access"), "customer");
    let cse = duty(&v, "client-side-encryption");
    assert_eq!(cse["owner"], "customer");
    assert_eq!(cse["verification"], "attest");
    assert!(cse["attest_reason"].is_string());
    assert_eq!(duty(&v, "access-control")["verification"], "code");
    assert_eq!(duty(&v, "encryption-at-rest")["owner"], "aws");
}

#[test]
fn ec2_instance_is_infrastructure() {
    onus()
        .args(["explain", "AWS::EC2::Instance"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Amazon EC2"))
        .stdout(predicate::str::contains("category: infrastructure"))
        .stdout(predicate::str::contains("os-patching"));
    let v = json(&["explain", "AWS::EC2::Instance", "--format", "json"]);
    assert_eq!(v["category"], "infrastructure");
    assert_eq!(v["resource_type"], "AWS::EC2::Instance");
    assert_eq!(layer_owner(&v, "guest-os-patching"), "customer");
}

#[test]
fn db_instance_is_container() {
    let v = json(&["explain", "aws_db_instance", "--format", "json"]);
    assert_eq!(v["service"], "rds");
    assert_eq!(v["category"], "container");
    assert_eq!(layer_owner(&v, "guest-os-patching"), "aws");
    assert_eq!(duty(&v, "encryption-at-rest")["owner"], "customer");
    assert_eq!(duty(&v, "network-exposure")["owner"], "customer");
    onus()
        .args(["explain", "AWS::RDS::DBInstance"])
        .assert()
        .success()
        .stdout(predicate::str::contains("category: container"));
}

#[test]
fn ecs_service_mentions_launch_type() {
    onus()
        .args(["explain", "AWS::ECS::Service"])
        .assert()
        .success()
        .stdout(predicate::str::contains("launch type"))
        .stdout(predicate::str::contains("varies"))
        .stdout(predicate::str::contains("FARGATE"))
        .stdout(predicate::str::contains(
            "Default for this type with nothing set: infrastructure",
        ));
    let v = json(&["explain", "AWS::ECS::Service", "--format", "json"]);
    assert_eq!(v["category_varies"], true);
    assert_eq!(v["category"], "infrastructure", "default EC2");
    assert!(v["category_rule"].as_str().unwrap().contains("launch type"));
}

#[test]
fn unknown_name_suggests() {
    onus()
        .args(["explain", "s4"])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("did you mean: s3"));
    onus()
        .args(["explain", "lamda"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("lambda"));
}

#[test]
fn category_stack() {
    let v = json(&["explain", "--category", "container", "--format", "json"]);
    assert_eq!(v["category"], "container");
    assert!(v["service"].is_null());
    assert_eq!(layer_owner(&v, "application-platform"), "aws");
    assert_eq!(layer_owner(&v, "server-side-encryption"), "customer");
    onus()
        .args(["explain", "--category", "abstracted"])
        .assert()
        .success()
        .stdout(predicate::str::contains("client-side encryption"))
        .stdout(predicate::str::contains("s3"));
    onus()
        .args(["explain", "--category", "bogus"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown category"));
    onus().args(["explain"]).assert().code(2);
}

#[test]
fn overrides_are_shown() {
    let v = json(&["explain", "sns", "--format", "json"]);
    let e = duty(&v, "encryption-at-rest");
    assert_eq!(e["owner"], "customer");
    assert!(e["override_reason"].as_str().unwrap().contains("KMS"));
    assert_eq!(layer_owner(&v, "server-side-encryption"), "customer");
    let v = json(&["explain", "outposts", "--format", "json"]);
    assert_eq!(layer_owner(&v, "global-infrastructure"), "shared");
    assert_eq!(duty(&v, "physical-security")["verification"], "attest");
    onus()
        .args(["explain", "iam"])
        .assert()
        .success()
        .stdout(predicate::str::contains("global"));
}

#[test]
fn opensearch_rows_explain_each_other() {
    let v = json(&["explain", "opensearch", "--format", "json"]);
    assert_eq!(v["category"], "container");
    assert!(
        v["category_reason"]
            .as_str()
            .unwrap()
            .contains("Serverless")
    );
    let v = json(&[
        "explain",
        "AWS::OpenSearchServerless::Collection",
        "--format",
        "json",
    ]);
    assert_eq!(v["service"], "opensearchserverless");
    assert_eq!(v["category"], "abstracted");
    assert!(v["category_reason"].as_str().unwrap().contains("domains"));
}

#[test]
fn markdown_has_tables() {
    onus()
        .args(["explain", "lambda", "--format", "markdown"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("# AWS Lambda"))
        .stdout(predicate::str::contains("| Layer | Owner | Why | Source |"))
        .stdout(predicate::str::contains("runtime"));
}

#[test]
fn unknown_category_without_properties() {
    let v = json(&[
        "explain",
        "AWS::Lambda::CapacityProvider",
        "--format",
        "json",
    ]);
    assert!(v["category"].is_null());
    assert_eq!(v["shown_category"], "abstracted");
}

#[test]
fn no_color_when_piped() {
    let out = Command::cargo_bin("onus")
        .unwrap()
        .env_remove("CLICOLOR_FORCE")
        .args(["explain", "s3"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(!out.contains(&0x1b), "no ANSI escapes when not a terminal");
}

#[test]
fn sam_types_explain_their_generated_type() {
    let v = json(&["explain", "AWS::Serverless::Function", "--format", "json"]);
    assert_eq!(v["service"], "lambda");
    assert_eq!(v["resource_type"], "AWS::Lambda::Function");
    assert_eq!(v["category"], "abstracted");
    assert!(v["category_reason"].as_str().unwrap().contains("SAM"));
}
