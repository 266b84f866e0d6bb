//! The Terraform module reader: the input is written as `main.tf` of a
//! one-file module in a private temporary directory and read with evaluation.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;

fn dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let base = std::env::var_os("FUZZ_TMP").map(PathBuf::from).unwrap_or_else(std::env::temp_dir);
        let d = base.join(format!("onus-fuzz-hcl-{}", std::process::id()));
        std::fs::create_dir_all(&d).expect("temp dir");
        d
    })
}

fuzz_target!(|data: &[u8]| {
    let d = dir();
    std::fs::write(d.join("main.tf"), data).expect("write");
    let mut w = onus_ingest::Workload::default();
    onus_ingest::terraform::read_module(d, &onus_ingest::Options::default(), &mut w);
});
