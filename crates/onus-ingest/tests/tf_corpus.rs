//! Reads every module directory of the shared Terraform corpus: no panic, and
//! the files that do not parse are listed.

use onus_ingest::{DiagnosticLevel, Options, Workload, terraform};
use std::path::{Path, PathBuf};

fn module_dirs(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    entries.sort();
    if entries
        .iter()
        .any(|p| p.is_file() && p.extension().is_some_and(|e| e == "tf"))
    {
        out.push(dir.to_path_buf());
    }
    for p in entries {
        if p.is_dir()
            && p.file_name()
                .is_some_and(|n| n != ".terraform" && n != ".git")
        {
            module_dirs(&p, out);
        }
    }
}

#[test]
fn corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/terraform");
    if !root.is_dir() {
        println!("corpus not found at {}, skipping", root.display());
        return;
    }
    let mut dirs = Vec::new();
    module_dirs(&root, &mut dirs);
    let (mut resources, mut data, mut errors, mut warnings, mut unknown_region) = (0, 0, 0, 0, 0);
    let mut tf_files = std::collections::BTreeSet::new();
    let mut unevaluated = std::collections::BTreeMap::<String, usize>::new();
    for dir in &dirs {
        let mut w = Workload::default();
        terraform::read_module(dir, &Options::default(), &mut w);
        resources += w.resources.iter().filter(|r| !r.is_data).count();
        data += w.resources.iter().filter(|r| r.is_data).count();
        unknown_region += w
            .resources
            .iter()
            .filter(|r| matches!(r.region, onus_ingest::Region::Unknown(_)))
            .count();
        for f in &w.files {
            if f.path.extension().is_some_and(|e| e == "tf") {
                tf_files.insert(f.path.canonicalize().unwrap_or(f.path.clone()));
            }
        }
        fn walk(n: &onus_ingest::Node, out: &mut std::collections::BTreeMap<String, usize>) {
            match &n.value {
                onus_ingest::Value::Unknown(w) if w.ends_with("() is not evaluated") => {
                    *out.entry(w.clone()).or_default() += 1;
                }
                onus_ingest::Value::List(i) | onus_ingest::Value::Either(i) => {
                    i.iter().for_each(|n| walk(n, out))
                }
                onus_ingest::Value::Map(es) => es.iter().for_each(|e| walk(&e.node, out)),
                _ => {}
            }
        }
        for r in &w.resources {
            walk(&r.properties, &mut unevaluated);
        }
        for d in &w.diagnostics {
            let loc = match d.span {
                Some(s) => w.location(d.file, s),
                None => w.file(d.file).path.display().to_string(),
            };
            match d.level {
                DiagnosticLevel::Error => {
                    errors += 1;
                    println!("ERROR {loc}: {}", d.message);
                }
                DiagnosticLevel::Warning => {
                    warnings += 1;
                    if std::env::var_os("ONUS_CORPUS_WARNINGS").is_some() {
                        println!("warning {loc}: {}", d.message);
                    }
                }
            }
        }
    }
    println!("functions not evaluated: {unevaluated:?}");
    println!(
        "corpus: {} .tf files, {} module dirs, {resources} resources, {data} data sources, {errors} errors, {warnings} warnings, {unknown_region} with unknown region",
        tf_files.len(),
        dirs.len()
    );
    assert!(!dirs.is_empty());
}
