//! Hostile and broken input: no panics, bounded work, plain diagnostics.

mod cfn_support;

use cfn_support::fixture;
use onus_ingest::{DiagnosticLevel, Options, Workload};
use std::path::Path;
use std::time::{Duration, Instant};

fn read_text(name: &str, text: &[u8]) -> Workload {
    let mut w = Workload::default();
    onus_ingest::cfn::read_bytes(Path::new(name), text, &Options::default(), &mut w);
    w
}

fn errors(w: &Workload) -> Vec<String> {
    w.diagnostics
        .iter()
        .filter(|d| d.level == DiagnosticLevel::Error)
        .map(|d| d.message.clone())
        .collect()
}

/// Every prefix of every fixture (cut at each byte, UTF-8 or not) reads
/// without panicking.
#[test]
fn truncated_fixtures_do_not_panic() {
    let dir = fixture("");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("read");
        for cut in 0..=bytes.len() {
            let w = read_text("cut.yaml", &bytes[..cut]);
            // Every diagnostic has a position inside the text.
            for d in &w.diagnostics {
                if let Some(span) = d.span {
                    assert!(span.start <= span.end, "{path:?} cut at {cut}: {d:?}");
                    assert!(span.end as usize <= cut, "{path:?} cut at {cut}: {d:?}");
                }
            }
            count += 1;
        }
    }
    assert!(count > 1000);
}

#[test]
fn deep_block_nesting_is_a_diagnostic() {
    let mut text = String::from(
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      X:\n        ",
    );
    text.push_str(&"- ".repeat(20_000));
    text.push_str("x\n");
    let w = read_text("deep.yaml", text.as_bytes());
    assert_eq!(
        errors(&w),
        vec!["nesting deeper than 256 levels: the rest of this value is not read"]
    );
    assert_eq!(w.resources.len(), 1);
}

#[test]
fn deep_flow_nesting_is_a_diagnostic() {
    let text = format!("Resources: {}{}", "[".repeat(100_000), "]".repeat(100_000));
    let w = read_text("deep.yaml", text.as_bytes());
    assert_eq!(errors(&w).len(), 1, "{:?}", errors(&w));
    let text = format!(
        "{{\"Resources\": {}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let w = read_text("deep.json", text.as_bytes());
    assert_eq!(errors(&w).len(), 1, "{:?}", errors(&w));
}

#[test]
fn billion_laughs_is_bounded() {
    let mut text =
        String::from("AWSTemplateFormatVersion: '2010-09-09'\na: &a [x, x, x, x, x, x, x, x, x]\n");
    let names = ["b", "c", "d", "e", "f", "g", "h", "i"];
    let mut prev = "a";
    for n in names {
        text.push_str(&format!(
            "{n}: &{n} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
        ));
        prev = n;
    }
    text.push_str("Resources: {}\n");
    let start = Instant::now();
    let w = read_text("laughs.yaml", text.as_bytes());
    assert!(start.elapsed() < Duration::from_secs(5));
    assert!(
        errors(&w)
            .iter()
            .any(|e| e == "aliases expand to more than 100000 nodes: not expanded"),
        "{:?}",
        errors(&w)
    );
}

/// 60 independent conditions, each used by an `Fn::If` on each of 60
/// resources: evaluated once each, so this is fast.
#[test]
fn many_conditions_are_linear() {
    let mut text = String::from("AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n");
    for i in 0..60 {
        text.push_str(&format!("  P{i}:\n    Type: String\n"));
    }
    text.push_str("Conditions:\n");
    for i in 0..60 {
        if i == 0 {
            text.push_str("  C0: !Equals [!Ref P0, x]\n");
        } else {
            let prev = i - 1;
            text.push_str(&format!(
                "  C{i}: !Or [!Condition C{prev}, !And [!Equals [!Ref P{i}, y], !Not [!Condition C{prev}]]]\n"
            ));
        }
    }
    text.push_str("Resources:\n");
    for r in 0..60 {
        text.push_str(&format!(
            "  Q{r}:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: !If [C59, 1, !If [C{r}, 2, 3]]\n"
        ));
    }
    let start = Instant::now();
    let w = read_text("conds.yaml", text.as_bytes());
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "{:?}",
        start.elapsed()
    );
    assert!(w.diagnostics.is_empty(), "{:?}", w.diagnostics);
    assert_eq!(w.resources.len(), 60);
}

#[test]
fn bom_is_accepted() {
    let w = read_text(
        "bom.yaml",
        b"\xEF\xBB\xBFAWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::S3::Bucket\n",
    );
    assert!(w.diagnostics.is_empty(), "{:?}", w.diagnostics);
    assert_eq!(w.resources.len(), 1);
    let w = read_text(
        "bom.json",
        b"\xEF\xBB\xBF{\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\"}}}",
    );
    assert!(w.diagnostics.is_empty(), "{:?}", w.diagnostics);
    assert_eq!(w.resources.len(), 1);
}

#[test]
fn json_comments_are_rejected() {
    let w = read_text(
        "c.json",
        b"{\n  // no\n  \"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\"}}\n}",
    );
    assert_eq!(errors(&w).len(), 1, "{:?}", w.diagnostics);
    assert_eq!(w.diagnostics[0].span.map(|s| s.start), Some(4));
}

#[test]
fn condition_cycle_is_reported() {
    let w = read_text(
        "cycle.yaml",
        b"AWSTemplateFormatVersion: '2010-09-09'\nConditions:\n  A: !Condition B\n  B: !Not [!Condition A]\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Condition: A\n",
    );
    assert!(
        errors(&w).iter().any(|e| e.contains("refers to itself")),
        "{:?}",
        w.diagnostics
    );
    assert_eq!(w.resources.len(), 1);
}

/// Aliases cannot stack nesting past the depth limit (each one deepening the
/// last would otherwise overflow the stack later).
#[test]
fn aliases_cannot_deepen_past_the_limit() {
    let mut text = String::from("AWSTemplateFormatVersion: '2010-09-09'\n");
    text.push_str(&format!(
        "a0: &a0 {}x{}\n",
        "[".repeat(200),
        "]".repeat(200)
    ));
    for i in 1..400 {
        let prev = i - 1;
        text.push_str(&format!(
            "a{i}: &a{i} {}*a{prev}{}\n",
            "[".repeat(200),
            "]".repeat(200)
        ));
    }
    text.push_str("Resources: {}\n");
    let w = read_text("deepalias.yaml", text.as_bytes());
    assert!(
        errors(&w)
            .iter()
            .any(|e| e.starts_with("nesting deeper than 256 levels once this alias is expanded")),
        "{:?}",
        errors(&w)
    );
}

/// Random single-byte edits of every fixture (a fixed-seed generator, so runs
/// repeat): no panic, and every diagnostic span lies inside the text.
#[test]
fn mutated_fixtures_do_not_panic() {
    const BYTES: &[u8] = b"[]{}:-&*!|>'\"\n #,?%@`\t\\<0.~=";
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let dir = fixture("");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    // More rounds: ONUS_MUTATIONS=5000 cargo test --test cfn_robust mutated
    let rounds: usize = std::env::var("ONUS_MUTATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    for path in paths {
        let original = std::fs::read(&path).expect("read");
        if original.is_empty() {
            continue;
        }
        for _ in 0..rounds {
            let mut bytes = original.clone();
            for _ in 0..(1 + next() % 3) {
                let at = (next() % bytes.len() as u64) as usize;
                bytes[at] = BYTES[(next() % BYTES.len() as u64) as usize];
            }
            let w = read_text("m.yaml", &bytes);
            for d in &w.diagnostics {
                if let Some(span) = d.span {
                    assert!(span.start <= span.end && span.end as usize <= bytes.len());
                }
            }
        }
    }
}

/// Intrinsics nested to the depth limit evaluate on a 2 MiB stack (rayon's
/// worker size) without overflowing.
#[test]
fn nested_intrinsics_fit_a_small_stack() {
    let mut value = String::from("x");
    for i in 0..130 {
        value = match i % 4 {
            0 => format!("!If [C, {value}, y]"),
            1 => format!("!Join ['', [a, {value}]]"),
            2 => format!("!Select [0, [{value}]]"),
            _ => format!("!Sub ['${{V}}', {{V: {value}}}]"),
        };
    }
    let text = format!(
        "AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  P:\n    Type: String\nConditions:\n  C: !Equals [!Ref P, a]\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: {value}\n"
    );
    let handle = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            let w = read_text("nested.yaml", text.as_bytes());
            (w.resources.len(), errors(&w))
        })
        .expect("thread");
    let (resources, errors) = handle.join().expect("no overflow");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("nesting deeper than 256 levels"),
        "{errors:?}"
    );
    assert_eq!(resources, 1);
}

#[test]
fn later_yaml_documents() {
    let one = b"AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::S3::Bucket\n---\n";
    let w = read_text("one.yaml", one);
    assert!(w.diagnostics.is_empty(), "{:?}", w.diagnostics);
    assert_eq!(w.resources.len(), 1);
    let two = b"AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::S3::Bucket\n---\nResources: {}\n";
    let w = read_text("two.yaml", two);
    assert_eq!(
        errors(&w),
        vec!["more than one YAML document: only the first is read"]
    );
    assert_eq!(
        w.location(w.diagnostics[0].file, w.diagnostics[0].span.expect("span")),
        "two.yaml:5:1"
    );
    assert_eq!(w.resources.len(), 1);
}
