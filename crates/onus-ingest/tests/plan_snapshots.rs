//! Snapshot and position tests of the Terraform plan JSON reader.

mod tf_common;

use onus_ingest::{Options, Workload, plan};
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plan")
}

fn load(name: &str) -> Workload {
    let mut w = Workload::default();
    plan::read_file(
        &fixtures().join(name).join("plan.json"),
        &Options::default(),
        &mut w,
    );
    w
}

#[test]
fn plan_mapped_to_tf() {
    insta::assert_snapshot!(tf_common::render(&load("mapped"), &fixtures()));
}

#[test]
fn plan_without_sources() {
    insta::assert_snapshot!(tf_common::render(&load("alone"), &fixtures()));
}

#[test]
fn plan_invalid_json() {
    insta::assert_snapshot!(tf_common::render(&load("broken"), &fixtures()));
}

#[test]
fn nested_attribute_position_in_plan_mapped_to_tf() {
    let w = load("mapped");
    let r = w
        .resources
        .iter()
        .find(|r| r.id == "aws_s3_bucket_server_side_encryption_configuration.x")
        .expect("resource");
    assert!(w.file(r.file).path.ends_with("main.tf"));
    let alg = r
        .properties
        .path([
            "rule",
            "apply_server_side_encryption_by_default",
            "sse_algorithm",
        ])
        .expect("sse_algorithm");
    assert_eq!(alg.as_str(), Some("aws:kms"));
    let at = w.file(r.file).lines.line_col(alg.span.start);
    assert_eq!((at.line, at.column), (17, 27));
    // Known after apply, taken from one resource in the configuration: a Ref,
    // at the attribute's own line in the .tf.
    let key = r
        .properties
        .path([
            "rule",
            "apply_server_side_encryption_by_default",
            "kms_master_key_id",
        ])
        .expect("kms_master_key_id");
    assert_eq!(
        key.value,
        onus_ingest::Value::Ref(Box::new(onus_ingest::ResourceRef {
            target: "aws_kms_key.main".into(),
            attribute: Some("arn".into()),
        }))
    );
    let at = w.file(r.file).lines.line_col(key.span.start);
    assert_eq!((at.line, at.column), (18, 27));
    // Only in the plan: the resource block.
    let owner = r.properties.get("expected_bucket_owner").expect("owner");
    let at = w.file(r.file).lines.line_col(owner.span.start);
    assert_eq!((at.line, at.column), (13, 1));
}
