//! Snapshots of the resource model read from small templates.

mod cfn_support;

use cfn_support::{fixture, read, render};
use onus_ingest::Options;

fn snap(name: &str, options: &Options) {
    let w = read(name, options);
    insta::assert_json_snapshot!(name.replace('.', "_"), render(&w));
}

#[test]
fn short_forms() {
    snap("short_forms.yaml", &Options::default());
}

#[test]
fn short_forms_with_region() {
    let options = Options {
        region: Some("eu-west-1".into()),
        ..Options::default()
    };
    let w = read("short_forms.yaml", &options);
    insta::assert_json_snapshot!("short_forms_region", render(&w));
}

#[test]
fn json_template() {
    snap("template.json", &Options::default());
}

#[test]
fn sam_template() {
    snap("sam.yaml", &Options::default());
}

#[test]
fn conditions() {
    snap("conditions.yaml", &Options::default());
}

#[test]
fn params_defaults() {
    snap("params.yaml", &Options::default());
}

#[test]
fn params_overridden() {
    let options = Options {
        params: vec![("Versioning".into(), "Enabled".into())],
        param_files: vec![fixture("params.list.json")],
        ..Options::default()
    };
    let w = read("params.yaml", &options);
    insta::assert_json_snapshot!("params_overridden", render(&w));
}

#[test]
fn params_object_file() {
    let options = Options {
        param_files: vec![fixture("params.object.json")],
        ..Options::default()
    };
    let w = read("params.yaml", &options);
    insta::assert_json_snapshot!("params_object_file", render(&w));
}

#[test]
fn anchors_and_merge_keys() {
    snap("anchors.yaml", &Options::default());
}

#[test]
fn malformed() {
    for name in [
        "bad.yaml",
        "unknown_tag.yaml",
        "duplicate_key.yaml",
        "duplicate_key.json",
        "invalid_utf8.yaml",
        "bad.json",
        "not_a_template.yaml",
    ] {
        snap(name, &Options::default());
    }
}

#[test]
fn foreach() {
    snap("foreach.yaml", &Options::default());
}

/// `Node::path_all` finds a key under a non-static `Fn::If` in each branch.
#[test]
fn path_through_either() {
    let text = b"AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  P:\n    Type: String\nConditions:\n  C: !Equals [!Ref P, a]\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption: !If\n        - C\n        - ServerSideEncryptionConfiguration:\n            - ServerSideEncryptionByDefault: {SSEAlgorithm: aws:kms}\n        - !Ref AWS::NoValue\n";
    let mut w = onus_ingest::Workload::default();
    onus_ingest::cfn::read_bytes(
        std::path::Path::new("e.yaml"),
        text,
        &Options::default(),
        &mut w,
    );
    let props = &w.resources[0].properties;
    let path = [
        "BucketEncryption",
        "ServerSideEncryptionConfiguration",
        "ServerSideEncryptionByDefault",
        "SSEAlgorithm",
    ];
    assert!(props.path(path).is_none());
    let all: Vec<Option<&str>> = props
        .path_all(&path)
        .into_iter()
        .map(|n| n.and_then(|n| n.as_str()))
        .collect();
    assert_eq!(all, vec![Some("aws:kms"), None]);
}
