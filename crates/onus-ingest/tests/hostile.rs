//! Hostile input, generated at test time: every case must end with a clear
//! diagnostic (or a clean read), in bounded time, without stopping the scan of
//! the other files next to it.

use onus_ingest::{DiagnosticLevel, Limits, Options, Workload, ingest};
use std::path::Path;
use std::time::{Duration, Instant};

/// A well-formed template put next to every hostile file: it must still be read.
const GOOD: &str =
    "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Good:\n    Type: AWS::S3::Bucket\n";

/// Generous: catches runaway behaviour only (debug build, shared machine).
const TIME: Duration = Duration::from_secs(60);

fn scan_with(dir: &Path, options: &Options) -> Workload {
    let start = Instant::now();
    let w = ingest(&[dir.to_path_buf()], options);
    assert!(start.elapsed() < TIME, "took {:?}", start.elapsed());
    w
}

/// Writes `name` with `content` and the good template next to it, then scans.
fn scan_one(name: &str, content: &[u8]) -> (tempfile::TempDir, Workload) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, content).unwrap();
    std::fs::write(dir.path().join("good.yaml"), GOOD).unwrap();
    let w = scan_with(dir.path(), &Options::default());
    assert_good_read(&w);
    (dir, w)
}

fn assert_good_read(w: &Workload) {
    assert!(
        w.resources.iter().any(|r| r.id == "Good"),
        "the good file next to the hostile one was not read: {:?}",
        w.diagnostics
    );
}

/// The messages of the error diagnostics, with `file:line:col` where known.
fn errors(w: &Workload) -> Vec<String> {
    w.diagnostics
        .iter()
        .filter(|d| d.level == DiagnosticLevel::Error)
        .map(|d| match d.span {
            Some(s) => format!("{}: {}", w.location(d.file, s), d.message),
            None => format!("{}: {}", w.file(d.file).path.display(), d.message),
        })
        .collect()
}

fn messages(w: &Workload) -> Vec<String> {
    w.diagnostics.iter().map(|d| d.message.clone()).collect()
}

fn has_error(w: &Workload, needle: &str) -> bool {
    errors(w).iter().any(|m| m.contains(needle))
}

/// Peak resident memory of this test process in KiB (`VmHWM`); tests run in
/// parallel in one process, so bounds on it are generous.
fn peak_rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn running_as_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))
        .and_then(|v| v.split_whitespace().nth(1).map(|e| e == "0"))
        .unwrap_or(true)
}

#[test]
fn billion_laughs_yaml_is_bounded() {
    let mut y = String::from("AWSTemplateFormatVersion: '2010-09-09'\n");
    y.push_str("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let p = i - 1;
        y.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    y.push_str("Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: *a9\n");
    let (_d, w) = scan_one("laughs.yaml", y.as_bytes());
    assert!(
        has_error(&w, "aliases expand to more than 100000 nodes: not expanded"),
        "{:?}",
        errors(&w)
    );
    assert!(w.incomplete());
}

fn deep(open: &str, close: &str, n: usize) -> String {
    let mut s = String::with_capacity((open.len() + close.len()) * n);
    for _ in 0..n {
        s.push_str(open);
    }
    for _ in 0..n {
        s.push_str(close);
    }
    s
}

#[test]
fn deep_nesting_yaml() {
    let y = format!(
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: {}\n",
        deep("[", "]", 100_000)
    );
    let (_d, w) = scan_one("deep.yaml", y.as_bytes());
    assert!(
        has_error(&w, "deep.yaml:6:") && has_error(&w, "invalid YAML: recursion limit exceeded"),
        "{:?}",
        errors(&w)
    );
}

#[test]
fn deep_nesting_json() {
    let j = format!(
        "{{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {{\"A\": {{\"Type\": \"AWS::S3::Bucket\", \"Properties\": {{\"Tags\": {}}}}}}}}}",
        deep("[", "]", 100_000)
    );
    let (_d, w) = scan_one("deep.json", j.as_bytes());
    assert!(
        has_error(&w, "deep.json:1:")
            && has_error(&w, "invalid JSON: Maximum nesting depth exceeded"),
        "{:?}",
        errors(&w)
    );
}

#[test]
fn deep_nesting_hcl() {
    let h = format!("locals {{\n  x = {}\n}}\n", deep("[", "]", 100_000));
    let (_d, w) = scan_one("tf/main.tf", h.as_bytes());
    assert!(
        has_error(&w, "main.tf:2:")
            && has_error(
                &w,
                "invalid HCL: invalid nesting depth; expected at most 64 nested levels"
            ),
        "{:?}",
        errors(&w)
    );
}

#[test]
fn deep_nesting_plan() {
    let p = format!(
        "{{\"format_version\": \"1.2\", \"planned_values\": {{\"root_module\": {{\"resources\": {}}}}}}}",
        deep("[", "]", 100_000)
    );
    let (_d, w) = scan_one("plan.json", p.as_bytes());
    assert!(
        has_error(&w, "plan.json:1:") && has_error(&w, "Maximum nesting depth exceeded"),
        "{:?}",
        errors(&w)
    );
}

#[test]
fn file_over_the_size_limit_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    // Sparse: 100 MiB on paper, no disk or memory spent writing it.
    let big = std::fs::File::create(dir.path().join("big.yaml")).unwrap();
    big.set_len(100 * 1024 * 1024).unwrap();
    std::fs::write(dir.path().join("good.yaml"), GOOD).unwrap();
    let before = peak_rss_kib();
    let w = scan_with(dir.path(), &Options::default());
    let after = peak_rss_kib();
    assert_good_read(&w);
    assert!(
        has_error(
            &w,
            "big.yaml: file is 104857600 bytes, over the limit of 20971520 bytes (max_file_bytes): not read"
        ),
        "{:?}",
        errors(&w)
    );
    // Reading it would have cost 100 MiB at least.
    assert!(
        after.saturating_sub(before) < 50 * 1024,
        "peak RSS grew by {} KiB",
        after - before
    );
}

#[test]
fn size_limit_is_configurable_and_applies_to_terraform_and_plans() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("main.tf"), "# ".repeat(600)).unwrap();
    std::fs::write(dir.path().join("good.yaml"), GOOD).unwrap();
    let options = Options {
        limits: Limits {
            max_file_bytes: 1000,
            ..Limits::default()
        },
        ..Options::default()
    };
    let w = scan_with(dir.path(), &options);
    assert_good_read(&w);
    assert!(
        has_error(
            &w,
            "main.tf: file is 1200 bytes, over the limit of 1000 bytes"
        ),
        "{:?}",
        errors(&w)
    );
}

#[test]
fn invalid_utf8() {
    let mut bytes = GOOD.replace("Good", "Bad").into_bytes();
    bytes.extend_from_slice(b"      Name: \xff\xfe\n");
    let (_d, w) = scan_one("latin1.yaml", &bytes);
    assert!(
        has_error(&w, "latin1.yaml:5:13: file is not valid UTF-8"),
        "{:?}",
        errors(&w)
    );
}

#[test]
fn utf8_bom_is_read() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(GOOD.replace("Good", "Bom").as_bytes());
    let (_d, w) = scan_one("bom.yaml", &bytes);
    assert!(errors(&w).is_empty(), "{:?}", errors(&w));
    assert!(w.resources.iter().any(|r| r.id == "Bom"));
}

#[test]
fn crlf_line_endings_are_read() {
    let text = GOOD.replace("Good", "Crlf").replace('\n', "\r\n");
    let (_d, w) = scan_one("crlf.yaml", text.as_bytes());
    assert!(errors(&w).is_empty(), "{:?}", errors(&w));
    let r = w.resources.iter().find(|r| r.id == "Crlf").unwrap();
    assert_eq!(
        w.location(r.file, r.name_span),
        format!("{}:3:3", w.file(r.file).path.display())
    );
}

#[test]
fn binary_file_named_yaml() {
    let bytes: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let (_d, w) = scan_one("blob.yaml", &bytes);
    // Not valid UTF-8: an error naming the file, never a silent skip.
    assert!(
        has_error(&w, "blob.yaml:1:2: file is not valid UTF-8"),
        "{:?}",
        errors(&w)
    );
}

#[test]
fn empty_file_and_comments_only_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.yaml"), "").unwrap();
    std::fs::write(dir.path().join("comments.yaml"), "# nothing\n# here\n").unwrap();
    std::fs::write(dir.path().join("main.tf"), "# only a comment\n").unwrap();
    std::fs::write(dir.path().join("good.yaml"), GOOD).unwrap();
    let w = scan_with(dir.path(), &Options::default());
    assert_good_read(&w);
    assert!(w.diagnostics.is_empty(), "{:?}", messages(&w));
    assert_eq!(w.skipped_files, 2);
    // Named explicitly, an empty file is read as a template and is not one.
    let w = scan_with(&dir.path().join("empty.yaml"), &Options::default());
    assert!(!w.incomplete(), "{:?}", errors(&w));
}

#[cfg(unix)]
#[test]
fn symlink_loop_is_an_error_and_the_scan_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.yaml"), GOOD).unwrap();
    std::os::unix::fs::symlink("b.yaml", dir.path().join("a.yaml")).unwrap();
    std::os::unix::fs::symlink("a.yaml", dir.path().join("b.yaml")).unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("sub/up")).unwrap();
    let w = scan_with(dir.path(), &Options::default());
    assert_good_read(&w);
    // Links are not followed inside the scanned root (so neither loops).
    assert!(errors(&w).is_empty(), "{:?}", errors(&w));
    assert_eq!(w.resources.len(), 1);
    // A looping link named on the command line is an error naming it.
    let w = scan_with(&dir.path().join("a.yaml"), &Options::default());
    assert!(w.incomplete(), "{:?}", messages(&w));
}

#[cfg(unix)]
#[test]
fn symlinks_leaving_the_root_are_not_followed() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("secret.yaml"),
        GOOD.replace("Good", "Secret"),
    )
    .unwrap();
    std::fs::write(
        outside.path().join("secret.tf"),
        "resource \"aws_s3_bucket\" \"secret\" {}\n",
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.yaml"), GOOD).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.yaml"),
        dir.path().join("link.yaml"),
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("linkdir")).unwrap();
    std::fs::create_dir(dir.path().join("tf")).unwrap();
    std::fs::write(
        dir.path().join("tf/main.tf"),
        "resource \"aws_s3_bucket\" \"mine\" {}\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.tf"),
        dir.path().join("tf/secret.tf"),
    )
    .unwrap();
    let w = scan_with(dir.path(), &Options::default());
    assert_good_read(&w);
    let ids: Vec<&str> = w.resources.iter().map(|r| r.id.as_str()).collect();
    assert!(!ids.iter().any(|i| i.contains("ecret")), "{ids:?}");
    assert!(ids.contains(&"aws_s3_bucket.mine"), "{ids:?}");
}

#[test]
fn directory_named_main_tf() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("main.tf")).unwrap();
    std::fs::create_dir(dir.path().join("x.yaml")).unwrap();
    std::fs::write(dir.path().join("good.yaml"), GOOD).unwrap();
    let w = scan_with(dir.path(), &Options::default());
    assert_good_read(&w);
    assert!(w.diagnostics.is_empty(), "{:?}", messages(&w));
}

#[cfg(unix)]
#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("secret.yaml");
    std::fs::write(&path, GOOD.replace("Good", "Hidden")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::write(dir.path().join("good.yaml"), GOOD).unwrap();
    let w = scan_with(dir.path(), &Options::default());
    assert_good_read(&w);
    if running_as_root() {
        // Root reads mode-000 files: permissions cannot bite here (CI runs as
        // root). The refusal path is the same `cannot read the file` one as
        // for a looping symlink, tested above.
        assert!(w.resources.iter().any(|r| r.id == "Hidden"));
    } else {
        assert!(
            has_error(&w, "secret.yaml: cannot read the file: Permission denied"),
            "{:?}",
            errors(&w)
        );
    }
}

#[test]
fn fifty_thousand_resources_scan_in_bounded_time() {
    let mut t = String::from("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n");
    for i in 0..50_000 {
        t.push_str(&format!(
            "  B{i}:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: b-{i}\n"
        ));
    }
    let (_d, w) = scan_one("many.yaml", t.as_bytes());
    assert!(errors(&w).is_empty(), "{:?}", errors(&w));
    assert_eq!(w.resources.len(), 50_001);
}

#[test]
fn resources_per_file_limit() {
    let mut t = String::from("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n");
    for i in 0..20 {
        t.push_str(&format!("  B{i}:\n    Type: AWS::S3::Bucket\n"));
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("many.yaml"), t).unwrap();
    std::fs::write(dir.path().join("good.yaml"), GOOD).unwrap();
    let options = Options {
        limits: Limits {
            max_resources_per_file: 10,
            ..Limits::default()
        },
        ..Options::default()
    };
    let w = scan_with(dir.path(), &options);
    assert_good_read(&w);
    assert_eq!(w.resources.len(), 11);
    assert!(
        has_error(
            &w,
            "more than 10 resources in this file (max_resources_per_file): the 10 from here on are not read"
        ),
        "{:?}",
        errors(&w)
    );
}

#[test]
fn string_length_limit() {
    let t = format!(
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Long:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: {}\n",
        "x".repeat(2000)
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("long.yaml"), t).unwrap();
    let options = Options {
        limits: Limits {
            max_string_bytes: 1000,
            ..Limits::default()
        },
        ..Options::default()
    };
    let w = scan_with(dir.path(), &options);
    assert!(
        has_error(
            &w,
            "long.yaml:6:19: string longer than 1000 bytes (max_string_bytes): read as unknown"
        ),
        "{:?}",
        errors(&w)
    );
}

#[test]
fn count_expansion_limit() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("main.tf"),
        "resource \"aws_s3_bucket\" \"b\" {\n  count = 1000000000\n}\n\nresource \"aws_s3_bucket\" \"e\" {\n  for_each = toset([for i in range(50) : tostring(i)])\n}\n",
    )
    .unwrap();
    let options = Options {
        limits: Limits {
            max_expansion: 20,
            ..Limits::default()
        },
        ..Options::default()
    };
    let w = scan_with(dir.path(), &options);
    assert!(
        has_error(
            &w,
            "main.tf:2:11: count of aws_s3_bucket.b is 1000000000, over the limit of 20 instances (max_expansion)"
        ),
        "{:?}",
        errors(&w)
    );
    assert_eq!(
        w.resources
            .iter()
            .filter(|r| r.id.starts_with("aws_s3_bucket.b["))
            .count(),
        20
    );
    let e = w
        .resources
        .iter()
        .filter(|r| r.id.starts_with("aws_s3_bucket.e["))
        .count();
    assert!(e <= 20, "{e} for_each instances");
}

#[test]
fn duplicate_keys() {
    let t = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Dup:\n    Type: AWS::S3::Bucket\n  Dup:\n    Type: AWS::S3::Bucket\n";
    let (_d, w) = scan_one("dup.yaml", t.as_bytes());
    assert!(
        w.diagnostics
            .iter()
            .any(|d| d.message.contains("duplicate")),
        "{:?}",
        messages(&w)
    );
}

#[test]
fn module_that_sources_itself() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("main.tf"),
        "module \"me\" {\n  source = \"./\"\n}\nresource \"aws_s3_bucket\" \"b\" {}\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("good.yaml"), GOOD).unwrap();
    let w = scan_with(dir.path(), &Options::default());
    assert_good_read(&w);
    assert!(
        w.diagnostics
            .iter()
            .any(|d| d.message.contains("module me")),
        "{:?}",
        messages(&w)
    );
    assert!(w.resources.len() < 20, "{}", w.resources.len());
}

#[test]
fn terraform_file_functions_stay_inside_the_root() {
    let outer = tempfile::tempdir().unwrap();
    std::fs::write(outer.path().join("secret"), "TOP SECRET").unwrap();
    let root = outer.path().join("a/b");
    std::fs::create_dir_all(&root).unwrap();
    std::fs::write(
        root.join("main.tf"),
        "resource \"aws_s3_bucket\" \"p\" {\n  bucket = file(\"/etc/passwd\")\n}\nresource \"aws_s3_bucket\" \"s\" {\n  bucket = file(\"../../secret\")\n}\n",
    )
    .unwrap();
    let w = scan_with(&root, &Options::default());
    let msgs = messages(&w);
    assert!(
        msgs.iter()
            .any(|m| m == "file(\"/etc/passwd\"): outside the scanned module, not read"),
        "{msgs:?}"
    );
    assert!(
        msgs.iter()
            .any(|m| m == "file(\"../../secret\"): outside the scanned module, not read"),
        "{msgs:?}"
    );
    for r in &w.resources {
        let v = &r.properties.get("bucket").unwrap().value;
        assert!(matches!(v, onus_ingest::Value::Unknown(_)), "{v:?}");
        assert!(!format!("{v:?}").contains("SECRET") && !format!("{v:?}").contains("root:"));
    }
}
