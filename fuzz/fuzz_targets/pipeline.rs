//! The whole per-file pipeline: discovery (format by content), reading, and
//! every rule. The first byte picks the file name, so the same input can be
//! read as a template, a plan or a Terraform module.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;

fn dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let base = std::env::var_os("FUZZ_TMP").map(PathBuf::from).unwrap_or_else(std::env::temp_dir);
        base.join(format!("onus-fuzz-pipeline-{}", std::process::id()))
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, body)) = data.split_first() else {
        return;
    };
    let name = match pick % 3 {
        0 => "template.yaml",
        1 => "main.tf",
        _ => "plan.json",
    };
    let d = dir();
    let _ = std::fs::remove_dir_all(d);
    std::fs::create_dir_all(d).expect("temp dir");
    std::fs::write(d.join(name), body).expect("write");
    let options = onus_ingest::Options::default();
    let workload = onus_ingest::ingest(std::slice::from_ref(d), &options);
    let _ = onus_rules::scan(&workload, &onus_rules::Settings::default());
});
