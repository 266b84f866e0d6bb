//! The CloudFormation reader through `ingest` (discovery, rayon workers, merge).

mod cfn_support;

use cfn_support::fixture;
use onus_ingest::{DiagnosticLevel, Options, ingest};
use std::collections::BTreeSet;

#[test]
fn ingest_fixture_directory() {
    let w = ingest(&[fixture("")], &Options::default());
    let ids: BTreeSet<&str> = w.resources.iter().map(|r| r.id.as_str()).collect();
    for id in [
        "Bucket",
        "Queue",
        "ServerlessRestApi",
        "Bucketlogs",
        "Subnet",
    ] {
        assert!(ids.contains(id), "{id} missing from {ids:?}");
    }
    let errors: BTreeSet<String> = w
        .diagnostics
        .iter()
        .filter(|d| d.level == DiagnosticLevel::Error)
        .map(|d| {
            let f = w.file(d.file);
            f.path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .collect();
    let expected: BTreeSet<String> = [
        "bad.json",
        "bad.yaml",
        "duplicate_key.json",
        "duplicate_key.yaml",
        "foreach.yaml",
        "invalid_utf8.yaml",
        "unknown_tag.yaml",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(errors, expected);
    // Every diagnostic and resource points into its own file's text.
    for r in &w.resources {
        let text = w.file(r.file).lines.text();
        assert!(r.span.end as usize <= text.len());
        assert!(text.is_char_boundary(r.name_span.start as usize));
    }
}
