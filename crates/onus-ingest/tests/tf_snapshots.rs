//! Snapshot tests of the Terraform HCL reader.

mod tf_common;

use onus_ingest::{Options, Workload, terraform};
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tf")
}

fn read(name: &str, options: &Options) -> String {
    let dir = fixtures().join(name);
    let mut w = Workload::default();
    terraform::read_module(&dir, options, &mut w);
    tf_common::render(&w, &fixtures())
}

#[test]
fn basic() {
    insta::assert_snapshot!(read("basic", &Options::default()));
}

#[test]
fn variables_tfvars_auto_and_var_file() {
    let options = Options {
        var_files: vec![fixtures().join("vars/extra/cli.tfvars")],
        ..Options::default()
    };
    insta::assert_snapshot!(read("vars", &options));
}

#[test]
fn locals_and_count() {
    insta::assert_snapshot!(read("locals_count", &Options::default()));
}

#[test]
fn count_and_for_each() {
    insta::assert_snapshot!(read("count_foreach", &Options::default()));
}

#[test]
fn dynamic_blocks() {
    insta::assert_snapshot!(read("dynamic", &Options::default()));
}

#[test]
fn local_modules_with_inputs() {
    insta::assert_snapshot!(read("modules", &Options::default()));
}

#[test]
fn remote_modules() {
    insta::assert_snapshot!(read("remote", &Options::default()));
}

#[test]
fn provider_regions_and_aliases() {
    insta::assert_snapshot!(read("providers", &Options::default()));
}

#[test]
fn jsonencode_policies_and_files() {
    insta::assert_snapshot!(read("jsonencode", &Options::default()));
}

#[test]
fn malformed_hcl() {
    insta::assert_snapshot!(read("malformed", &Options::default()));
}

#[test]
fn module_including_itself() {
    insta::assert_snapshot!(read("selfmod", &Options::default()));
}

#[test]
fn builtin_functions() {
    insta::assert_snapshot!(read("functions", &Options::default()));
}
