//! Collects each rule file's `//!` doc comment, so a rule's user documentation
//! lives in the rule's own file (as in ruff) and `onus rules <id>` can print it.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new("src/rules");
    println!("cargo:rerun-if-changed=src/rules");
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/rules exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs") && !p.ends_with("mod.rs"))
        .collect();
    entries.sort();
    let mut out = String::from("pub(crate) static DOCS: &[(&str, &str)] = &[\n");
    for path in entries {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("rule file is readable");
        let doc: Vec<&str> = text
            .lines()
            .take_while(|l| l.starts_with("//!"))
            .map(|l| {
                l.strip_prefix("//! ")
                    .unwrap_or(l.trim_start_matches("//!"))
            })
            .collect();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        writeln!(out, "    ({name:?}, {:?}),", doc.join("\n")).expect("write to string");
    }
    out.push_str("];\n");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out_dir).join("docs.rs"), out).expect("OUT_DIR is writable");
    coverage_files(Path::new(&out_dir));
}

/// Embeds every `data/coverage/*.tsv` (the checks and controls left out on
/// purpose, one file per area, added by whoever covers the area).
fn coverage_files(out_dir: &Path) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/coverage");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == "tsv"));
    files.sort();
    let mut out = String::from("pub(crate) static EXCLUSION_FILES: &[(&str, &str)] = &[\n");
    for path in files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        writeln!(
            out,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .expect("write to string");
    }
    out.push_str("];\n");
    std::fs::write(out_dir.join("coverage_files.rs"), out).expect("OUT_DIR is writable");
}
