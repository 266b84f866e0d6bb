//! Reads every template of the shared corpus: no panic, few unreadable files.

use onus_ingest::{DiagnosticLevel, Options, Workload, discover};
use std::path::{Path, PathBuf};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/cloudformation")
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml" | "json" | "template")
        ) {
            out.push(path);
        }
    }
}

#[test]
fn corpus_reads_without_panics() {
    let dir = corpus_dir();
    if !dir.is_dir() {
        println!("corpus not found at {}, skipping", dir.display());
        return;
    }
    let mut paths = Vec::new();
    files(&dir, &mut paths);
    paths.sort();
    let options = Options::default();
    let mut read = 0;
    let mut resources = 0;
    let mut skipped = 0;
    let mut with_errors: Vec<(PathBuf, Vec<String>)> = Vec::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if discover::sniff(&text) != discover::Sniffed::CloudFormation {
            skipped += 1;
            continue;
        }
        let mut w = Workload::default();
        onus_ingest::cfn::read_file(path, &options, &mut w);
        read += 1;
        resources += w.resources.len();
        skipped += w.skipped_files;
        let errors: Vec<String> = w
            .diagnostics
            .iter()
            .filter(|d| d.level == DiagnosticLevel::Error)
            .map(|d| match d.span {
                Some(s) => format!("{}: {}", w.location(d.file, s), d.message),
                None => d.message.clone(),
            })
            .collect();
        if !errors.is_empty() {
            with_errors.push((path.clone(), errors));
        }
    }
    println!(
        "corpus: {} files, {read} read as templates, {skipped} skipped, {resources} resources, {} with errors",
        paths.len(),
        with_errors.len()
    );
    for (path, errors) in &with_errors {
        let rel = path.strip_prefix(&dir).unwrap_or(path);
        println!("{}", rel.display());
        for e in errors.iter().take(5) {
            println!("    {e}");
        }
    }
    assert!(read > 300, "only {read} templates read");
    // The same through `ingest`: discovery and rayon workers (2 MiB stacks).
    let all = onus_ingest::ingest(std::slice::from_ref(&dir), &options);
    assert_eq!(all.resources.len(), resources);
    // Templates written for the `rain` tool (`!Rain::Embed`, `Rain::Module`)
    // are not CloudFormation until `rain pkg` has run: errors are expected.
    let not_rain: Vec<&PathBuf> = with_errors
        .iter()
        .map(|(p, _)| p)
        .filter(|p| {
            !std::fs::read_to_string(p)
                .unwrap_or_default()
                .contains("Rain::")
        })
        .collect();
    println!("{} with errors that are not rain templates", not_rain.len());
    assert!(
        not_rain.len() <= 5,
        "{} templates with errors besides rain templates",
        not_rain.len()
    );
}
