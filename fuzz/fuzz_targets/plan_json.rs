//! The Terraform plan JSON reader.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;

fn file() -> &'static PathBuf {
    static FILE: OnceLock<PathBuf> = OnceLock::new();
    FILE.get_or_init(|| {
        let base = std::env::var_os("FUZZ_TMP").map(PathBuf::from).unwrap_or_else(std::env::temp_dir);
        base.join(format!("onus-fuzz-plan-{}.json", std::process::id()))
    })
}

fuzz_target!(|data: &[u8]| {
    let f = file();
    std::fs::write(f, data).expect("write");
    let mut w = onus_ingest::Workload::default();
    onus_ingest::plan::read_file(f, &onus_ingest::Options::default(), &mut w);
});
