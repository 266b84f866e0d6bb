//! Replays `tests/regressions/*` and the saved fuzz corpus (`fuzz/corpus/*`,
//! when present) through the whole pipeline on stable: each input is read as
//! a template, a Terraform module and a plan, and every rule runs. A panic or
//! an "internal error" diagnostic fails the test.

use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn inputs(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if e.file_type().is_ok_and(|t| t.is_dir()) {
            inputs(&p, out);
        } else if e.file_type().is_ok_and(|t| t.is_file())
            && p.file_name().is_some_and(|n| n != "README.md")
        {
            out.push(p);
        }
    }
}

fn replay(input: &Path) {
    // A running fuzzer may delete corpus entries while this test lists them.
    let Ok(bytes) = std::fs::read(input) else {
        return;
    };
    for name in ["template.yaml", "main.tf", "plan.json"] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(name), &bytes).unwrap();
        let options = onus_ingest::Options::default();
        let w = onus_ingest::ingest(&[dir.path().to_path_buf()], &options);
        let internal: Vec<&str> = w
            .diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .filter(|m| m.contains("internal error"))
            .collect();
        assert!(
            internal.is_empty(),
            "{} as {name}: {internal:?}",
            input.display()
        );
        let result = onus_rules::scan(&w, &onus_rules::Settings::default());
        for r in &result.resources {
            for d in &r.duties {
                for v in &d.verdicts {
                    assert!(
                        !v.verdict.message.contains("internal error in rule"),
                        "{} as {name}: {}",
                        input.display(),
                        v.verdict.message
                    );
                }
            }
        }
    }
}

#[test]
fn regressions_replay_cleanly() {
    let mut files = Vec::new();
    inputs(&repo().join("tests/regressions"), &mut files);
    files.sort();
    for f in &files {
        replay(f);
    }
}

#[test]
fn saved_fuzz_corpus_replays_cleanly() {
    let mut files = Vec::new();
    inputs(&repo().join("fuzz/corpus"), &mut files);
    files.sort();
    // The corpus is not committed (fuzz/seed.sh rebuilds its seeds); replay
    // a bounded number so the test stays quick when it is large.
    for f in files.iter().take(300) {
        replay(f);
    }
}
