//! Terraform's JSON syntax (`*.tf.json`): read as the native syntax it stands
//! for, with every span in the JSON text.

mod tf_common;

use onus_ingest::{DiagnosticLevel, Options, Workload, ingest, terraform};
use std::path::Path;

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn providers_aliases_data_outputs_and_literals() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.tf.json",
        r#"{
  "provider": {
    "aws": [
      {"region": "eu-west-1"},
      {"alias": "us", "region": "us-east-1"}
    ]
  },
  "variable": {
    "prefix": {"type": "string", "default": "literal-${not.a.ref}"}
  },
  "data": {
    "aws_caller_identity": {"me": {}}
  },
  "resource": {
    "aws_s3_bucket": {
      "eu": {"bucket": "${var.prefix}-eu"},
      "us": {"provider": "aws.us", "bucket": "us", "for_each": {"a": 1, "b": 2}}
    }
  },
  "output": {
    "arn": {"value": "${aws_s3_bucket.eu.arn}"}
  }
}
"#,
    );
    let mut w = Workload::default();
    terraform::read_module(dir.path(), &Options::default(), &mut w);
    insta::assert_snapshot!(tf_common::render(&w, dir.path()));
}

#[test]
fn cdk_for_terraform_output_is_found_and_read() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "cdktf.out/stacks/shop/cdk.tf.json",
        r#"{
  "//": {"metadata": {"backend": "local", "stackName": "shop", "version": "0.20.0"}},
  "terraform": {"backend": {"local": {"path": "terraform.shop.tfstate"}}},
  "provider": {"aws": [{"region": "eu-central-1"}]},
  "resource": {
    "aws_sqs_queue": {
      "orders_ABC123": {
        "//": {"metadata": {"path": "shop/orders", "uniqueId": "orders_ABC123"}},
        "name": "orders"
      }
    }
  }
}
"#,
    );
    write(
        dir.path(),
        "cdktf.out/manifest.json",
        r#"{"version": "0.20.0"}"#,
    );
    let w = ingest(&[dir.path().to_path_buf()], &Options::default());
    assert!(w.diagnostics.is_empty(), "{:?}", w.diagnostics);
    let [queue] = w.resources.as_slice() else {
        panic!(
            "{:?}",
            w.resources.iter().map(|r| &r.id).collect::<Vec<_>>()
        );
    };
    assert_eq!(queue.id, "aws_sqs_queue.orders_ABC123");
    assert_eq!(
        queue.region,
        onus_ingest::Region::Known("eu-central-1".into())
    );
    let at = w.file(queue.file).lines.line_col(queue.name_span.start);
    assert_eq!((at.line, at.column), (7, 7));
}

#[test]
fn invalid_json_is_an_error_at_its_line_and_the_scan_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "bad.tf.json",
        "{\n  \"resource\": {\n    \"aws_s3_bucket\": [\n}\n",
    );
    write(
        dir.path(),
        "good.tf",
        "resource \"aws_s3_bucket\" \"good\" {}\n",
    );
    write(
        dir.path(),
        "odd.tf.json",
        r#"{"resource": {"aws_s3_bucket": {"b": {"bad key": 1, "bucket": "b"}}}}"#,
    );
    let w = ingest(&[dir.path().to_path_buf()], &Options::default());
    let mut ids: Vec<&str> = w.resources.iter().map(|r| r.id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["aws_s3_bucket.b", "aws_s3_bucket.good"]);
    let errors: Vec<_> = w
        .diagnostics
        .iter()
        .filter(|d| d.level == DiagnosticLevel::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{:?}", w.diagnostics);
    assert!(w.file(errors[0].file).path.ends_with("bad.tf.json"));
    assert!(
        errors[0].message.contains("invalid JSON"),
        "{}",
        errors[0].message
    );
    let at = w
        .file(errors[0].file)
        .lines
        .line_col(errors[0].span.unwrap().start);
    assert_eq!(at.line, 4);
    let warning = w
        .diagnostics
        .iter()
        .find(|d| d.level == DiagnosticLevel::Warning)
        .expect("a warning for the bad key");
    assert!(
        warning.message.contains("\"bad key\""),
        "{}",
        warning.message
    );
}

#[test]
fn tfvars_json_values_apply_and_errors_have_their_line() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.tf.json",
        r#"{"variable": {"name": {}}, "resource": {"aws_s3_bucket": {"b": {"bucket": "${var.name}"}}}}"#,
    );
    write(
        dir.path(),
        "terraform.tfvars.json",
        "{\n  \"name\": \"from-tfvars\"\n}\n",
    );
    write(
        dir.path(),
        "broken.auto.tfvars.json",
        "{\n  \"x\": 1,\n  \"x\" 2\n}\n",
    );
    let mut w = Workload::default();
    terraform::read_module(dir.path(), &Options::default(), &mut w);
    let bucket = w.resources[0].properties.get("bucket").unwrap();
    assert_eq!(bucket.as_str(), Some("from-tfvars"));
    let error = w
        .diagnostics
        .iter()
        .find(|d| d.level == DiagnosticLevel::Error)
        .expect("an error for the broken file");
    assert!(w.file(error.file).path.ends_with("broken.auto.tfvars.json"));
    let at = w.file(error.file).lines.line_col(error.span.unwrap().start);
    assert_eq!(at.line, 3, "{}", error.message);
}
