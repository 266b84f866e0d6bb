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
