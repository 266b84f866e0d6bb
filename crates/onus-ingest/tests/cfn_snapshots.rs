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
