//! Reads every template of the shared corpus: no panic, few unreadable files.

use onus_ingest::{DiagnosticLevel, Options, Workload, discover};
use std::collections::{BTreeMap, HashSet};
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

/// Resources read at a template's own top level, by file, and the files
/// read as nested stacks (whose resources depend on what their parent passes).
fn root_resources_by_file(
    w: &Workload,
    dir: &Path,
) -> (BTreeMap<PathBuf, usize>, HashSet<PathBuf>) {
    let nested: HashSet<&str> = w.stacks.iter().map(|s| s.scope.as_str()).collect();
    let mut roots: BTreeMap<PathBuf, usize> = BTreeMap::new();
    let mut children = HashSet::new();
    for r in &w.resources {
        let path = canonical(&dir.join(&w.file(r.file).path));
        if nested.contains(r.scope.as_str()) {
            children.insert(path);
        } else {
            *roots.entry(path).or_default() += 1;
        }
    }
    (roots, children)
}

/// One spelling per file: nested templates are found by a normalised path.
fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
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
    let mut per_file: BTreeMap<PathBuf, usize> = BTreeMap::new();
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
        for (path, n) in root_resources_by_file(&w, &dir).0 {
            *per_file.entry(path).or_default() += n;
        }
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
    // A nested template is read through its parent stack (with the parent's
    // parameters, once per parent), not on its own: compare the other files.
    let all = onus_ingest::ingest(std::slice::from_ref(&dir), &options);
    let (through_ingest, children) = root_resources_by_file(&all, &dir);
    let differ: Vec<String> = per_file
        .iter()
        .filter(|(p, n)| {
            !children.contains(*p) && through_ingest.get(*p).copied().unwrap_or(0) != **n
        })
        .map(|(p, n)| {
            format!(
                "{}: {n} alone, {:?} through ingest",
                p.display(),
                through_ingest.get(p)
            )
        })
        .collect();
    assert!(differ.is_empty(), "{}", differ.join("\n"));
    assert!(
        !children.is_empty(),
        "no nested template was read through its parent"
    );
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
