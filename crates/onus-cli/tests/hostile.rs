//! Hostile input end to end: the `onus` binary's exit code and JSON output
//! when files cannot be read completely, bounded memory, and no network.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;
use std::process::Output;

const GOOD: &str =
    "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Good:\n    Type: AWS::S3::Bucket\n";

fn onus() -> Command {
    let mut cmd = Command::cargo_bin("onus").expect("onus binary");
    cmd.env("NO_COLOR", "1");
    cmd
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}\nstdout: {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// A directory with the good template and one broken one.
fn workload_with_a_broken_file() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.yaml"), GOOD).unwrap();
    std::fs::write(
        dir.path().join("broken.yaml"),
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A: {Type: AWS::S3::Bucket\n",
    )
    .unwrap();
    dir
}

fn resource_ids(v: &Value) -> Vec<String> {
    v["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn an_incomplete_scan_never_looks_clean() {
    let dir = workload_with_a_broken_file();
    let out = onus()
        .args(["scan", "--format", "json", "--fail-on", "critical"])
        .arg(dir.path())
        .output()
        .unwrap();
    let v = json(&out);
    assert_eq!(out.status.code(), Some(2), "{v}");
    assert_eq!(v["incomplete"], true);
    let diags = v["diagnostics"].as_array().unwrap();
    assert!(
        diags.iter().any(|d| d["level"] == "error"
            && d["location"]["file"]
                .as_str()
                .unwrap()
                .ends_with("broken.yaml")
            && d["location"]["line"] == 4),
        "{diags:?}"
    );
    // The other file is still reported.
    assert!(resource_ids(&v).contains(&"Good".to_owned()), "{v}");

    // --skip-invalid: exit 0 (nothing at or above critical), still marked incomplete.
    let out = onus()
        .args([
            "scan",
            "--format",
            "json",
            "--fail-on",
            "critical",
            "--skip-invalid",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out)["incomplete"], true);

    // The terminal output says so too.
    let out = onus()
        .args(["scan", "--fail-on", "critical"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("scan incomplete"), "{text}");
}

#[test]
fn inventory_exits_2_on_an_incomplete_scan() {
    let dir = workload_with_a_broken_file();
    let out = onus().arg("inventory").arg(dir.path()).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = onus()
        .args(["inventory", "--skip-invalid"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn hostile_files_each_give_an_error_and_the_scan_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.yaml"), GOOD).unwrap();
    let big = std::fs::File::create(dir.path().join("big.yaml")).unwrap();
    big.set_len(100 * 1024 * 1024).unwrap();
    std::fs::write(
        dir.path().join("blob.yaml"),
        [0u8, 159, 146, 150, 255, 1, 2],
    )
    .unwrap();
    std::fs::write(
        dir.path().join("deep.json"),
        format!(
            "{{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {}{}}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        ),
    )
    .unwrap();
    let out = onus()
        .args(["scan", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let v = json(&out);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(v["incomplete"], true);
    assert!(resource_ids(&v).contains(&"Good".to_owned()));
    let msgs: Vec<String> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{}:{}: {}",
                Path::new(d["location"]["file"].as_str().unwrap())
                    .file_name()
                    .unwrap()
                    .to_string_lossy(),
                d["location"]["line"],
                d["message"].as_str().unwrap()
            )
        })
        .collect();
    for expected in [
        "big.yaml:1: file is 104857600 bytes, over the limit of 20971520 bytes (max_file_bytes): not read",
        "blob.yaml:1: file is not valid UTF-8",
        "deep.json:1: invalid JSON: Maximum nesting depth exceeded",
    ] {
        assert!(msgs.iter().any(|m| m == expected), "{expected}\n{msgs:#?}");
    }
}

/// Peak RSS of the `onus` child in KiB, through GNU time when it is installed.
fn peak_rss_kib(args: &[&Path]) -> Option<u64> {
    if !Path::new("/usr/bin/time").exists() {
        return None;
    }
    let out = std::process::Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(assert_cmd::cargo::cargo_bin("onus"))
        .args(["scan", "--format", "json"])
        .args(args)
        .output()
        .ok()?;
    let err = String::from_utf8_lossy(&out.stderr);
    err.lines().last()?.trim().parse().ok()
}

#[test]
fn memory_stays_bounded_on_a_huge_file_and_a_billion_laughs() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.yaml"), GOOD).unwrap();
    let big = std::fs::File::create(dir.path().join("big.yaml")).unwrap();
    big.set_len(100 * 1024 * 1024).unwrap();
    let mut y = String::from(
        "AWSTemplateFormatVersion: '2010-09-09'\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
    );
    for i in 1..10 {
        let p = i - 1;
        y.push_str(&format!(
            "a{i}: &a{i} [{}]\n",
            vec![format!("*a{p}"); 10].join(", ")
        ));
    }
    y.push_str("Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: *a9\n");
    std::fs::write(dir.path().join("laughs.yaml"), y).unwrap();
    match peak_rss_kib(&[dir.path()]) {
        // Generous: a runaway read of the 100 MiB file or the expansion of
        // 10^10 nodes would be far above it.
        Some(kib) => assert!(kib < 400 * 1024, "peak RSS {kib} KiB"),
        None if std::env::var_os("CI").is_some() => panic!("/usr/bin/time is needed in CI"),
        None => eprintln!("note: /usr/bin/time not installed: peak RSS not measured"),
    }
}

/// `strace` must be installed in CI (scripts/test installs it); elsewhere the
/// test says so and passes.
fn have(tool: &str) -> bool {
    let ok = std::process::Command::new(tool)
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok && std::env::var_os("CI").is_some() {
        panic!("{tool} is needed in CI (scripts/test installs it)");
    }
    if !ok {
        eprintln!("note: {tool} not installed: network confinement not checked");
    }
    ok
}

#[test]
fn a_scan_opens_no_network_connection() {
    if !have("strace") {
        return;
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let trace = tempfile::NamedTempFile::new().unwrap();
    let out = std::process::Command::new("strace")
        .args(["-f", "-qq", "-e", "trace=network", "-o"])
        .arg(trace.path())
        .arg(assert_cmd::cargo::cargo_bin("onus"))
        .args(["scan", "--format", "json", "--fail-on", "critical"])
        .arg(&repo)
        .output()
        .unwrap();
    let log = std::fs::read_to_string(trace.path()).unwrap();
    assert!(
        out.status.code().is_some(),
        "strace failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let calls: Vec<&str> = log
        .lines()
        .filter(|l| {
            ["socket(", "connect(", "sendto(", "bind("]
                .iter()
                .any(|c| l.contains(c))
        })
        .collect();
    assert!(calls.is_empty(), "network syscalls: {calls:#?}");
    // And the scan really ran under strace.
    let v = json(&out);
    assert!(!resource_ids(&v).is_empty());
}

#[test]
fn a_scan_works_without_a_network() {
    // `unshare -n` needs root (CI) or unprivileged user namespaces (`-r`).
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let bin = assert_cmd::cargo::cargo_bin("onus");
    let attempt = |flags: &[&str]| {
        std::process::Command::new("unshare")
            .args(flags)
            .arg(&bin)
            .args(["scan", "--format", "json", "--fail-on", "critical"])
            .arg(&repo)
            .output()
            .ok()
            .filter(|o| o.status.code() == Some(0))
    };
    match attempt(&["-n"]).or_else(|| attempt(&["-rn"])) {
        Some(out) => assert!(!resource_ids(&json(&out)).is_empty()),
        None if std::env::var_os("CI").is_some() => {
            panic!("unshare -n is needed in CI (util-linux, run as root)")
        }
        None => eprintln!("note: cannot unshare the network namespace here: not checked"),
    }
}
