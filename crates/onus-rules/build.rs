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
    let dest = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("docs.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}
