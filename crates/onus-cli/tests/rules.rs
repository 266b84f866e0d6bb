//! `onus rules`: filters (--control, --service, --duty, --severity) and --coverage.

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
    serde_json::from_slice(&out).unwrap()
}

fn ids(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn control_framework_filter_keeps_only_mapped_rules() {
    let all = json(&["rules", "--format", "json"]);
    let fsbp = json(&["rules", "--control", "FSBP", "--format", "json"]);
    let list = fsbp.as_array().unwrap();
    assert!(!list.is_empty());
    assert!(list.len() < all.as_array().unwrap().len());
    for r in list {
        assert!(
            !r["controls"]["fsbp"].as_array().unwrap().is_empty(),
            "{} has no FSBP control",
            r["id"]
        );
    }
    // Case does not matter for the framework.
    assert_eq!(
        ids(&json(&["rules", "--control", "fsbp", "--format", "json"])),
        ids(&fsbp)
    );
}

#[test]
fn control_id_filter_finds_the_rule() {
    assert_eq!(
        ids(&json(&[
            "rules",
            "--control",
            "FSBP:S3.5",
            "--format",
            "json"
        ])),
        vec!["s3.tls-only"]
    );
    assert_eq!(
        ids(&json(&[
            "rules",
            "--control",
            "CIS:1.8",
            "--format",
            "json"
        ])),
        vec!["iam.password-policy"]
    );
    let config = ids(&json(&[
        "rules",
        "--control",
        "CONFIG:ECS_CONTAINERS_NONPRIVILEGED",
        "--format",
        "json",
    ]));
    assert_eq!(config, vec!["ecs.no-privileged-containers"]);
    onus()
        .args(["rules", "--control", "FSBP:NoSuch.99"])
        .assert()
        .success()
        .stdout(predicate::str::contains("0 rules"));
}

#[test]
fn control_filter_rejects_unknown_frameworks() {
    onus()
        .args(["rules", "--control", "PCI"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("FSBP, CONFIG or CIS"));
    onus()
        .args(["rules", "--control", "FSBP:"])
        .assert()
        .failure();
}

#[test]
fn filters_combine() {
    let v = json(&[
        "rules",
        "--service",
        "ecs",
        "--severity",
        "high",
        "--format",
        "json",
    ]);
    let got = ids(&v);
    assert!(got.contains(&"ecs.no-privileged-containers".to_owned()));
    assert!(!got.contains(&"ecs.read-only-root-filesystem".to_owned()));
    for r in v.as_array().unwrap() {
        assert_eq!(r["service"], "ecs");
        assert_eq!(r["severity"], "high");
    }
    let logging = json(&[
        "rules",
        "--duty",
        "logging",
        "--control",
        "FSBP",
        "--format",
        "json",
    ]);
    for r in logging.as_array().unwrap() {
        assert_eq!(r["duty"], "logging");
    }
    assert!(ids(&logging).contains(&"eks.control-plane-logging".to_owned()));
}

#[test]
fn coverage_text_lists_duties_categories_and_attestation() {
    onus()
        .args(["rules", "--coverage"])
        .assert()
        .success()
        .stdout(predicate::str::contains("os-patching"))
        .stdout(predicate::str::contains("Per category:"))
        .stdout(predicate::str::contains("infrastructure"))
        .stdout(predicate::str::contains("Attestation only"))
        .stdout(predicate::str::contains("client-side-encryption"))
        .stdout(predicate::str::contains(
            "Every verifiable duty the customer owns or shares is checked",
        ));
}

#[test]
fn coverage_json_has_no_gaps_for_the_full_rule_set() {
    let v = json(&["rules", "--coverage", "--format", "json"]);
    assert_eq!(v["gaps"].as_array().unwrap().len(), 0, "{:#}", v["gaps"]);
    assert_eq!(v["duties"].as_array().unwrap().len(), 19);
    let attest: Vec<&str> = v["attest_only"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    assert!(attest.contains(&"application-security"));
    assert!(!attest.contains(&"logging"));
    for c in v["categories"].as_array().unwrap() {
        assert_eq!(c["covered"], c["customer_duties"], "{c:#}");
    }
    // Per duty and category: owner and rule ids.
    let os = v["duties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["duty"] == "os-patching")
        .unwrap();
    let infra = os["categories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["category"] == "infrastructure")
        .unwrap();
    assert_eq!(infra["owner"], "customer");
    assert!(
        infra["rules"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "ssm.instance-patching")
    );
}

#[test]
fn coverage_of_a_filtered_set_reports_gaps() {
    let v = json(&["rules", "--coverage", "--service", "s3", "--format", "json"]);
    let gaps = v["gaps"].as_array().unwrap();
    assert!(
        gaps.iter()
            .any(|g| g["duty"] == "os-patching" && g["category"] == "infrastructure")
    );
    onus()
        .args(["rules", "--coverage", "--service", "s3"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Gaps ("))
        .stdout(predicate::str::contains(
            "os-patching in infrastructure (customer): no rule",
        ));
}
