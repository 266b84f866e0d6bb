//! Exact positions of a nested property, in YAML and in JSON, with non-ASCII
//! text before it (columns count characters).

mod cfn_support;

use cfn_support::read;
use onus_ingest::Options;

fn position(name: &str) -> (String, String, String) {
    let w = read(name, &Options::default());
    assert!(w.diagnostics.is_empty(), "{:?}", w.diagnostics);
    let bucket = w
        .resources
        .iter()
        .find(|r| r.id == "Bucket")
        .expect("bucket");
    let node = bucket
        .properties
        .path([
            "BucketEncryption",
            "ServerSideEncryptionConfiguration",
            "ServerSideEncryptionByDefault",
            "SSEAlgorithm",
        ])
        .expect("SSEAlgorithm");
    assert_eq!(node.as_str(), Some("aws:kms"));
    let name_node = bucket.properties.get("BucketName").expect("BucketName");
    assert_eq!(name_node.as_str(), Some("bücket"));
    (
        w.location(bucket.file, node.span),
        w.location(bucket.file, name_node.span),
        w.location(bucket.file, bucket.name_span),
    )
}

#[test]
fn yaml_positions() {
    let (sse, name, id) = position("positions.yaml");
    assert_eq!(sse, "positions.yaml:11:29");
    assert_eq!(name, "positions.yaml:7:19");
    assert_eq!(id, "positions.yaml:4:3");
}

#[test]
fn json_positions() {
    let (sse, name, id) = position("positions.json");
    assert_eq!(sse, "positions.json:12:65");
    assert_eq!(name, "positions.json:8:23");
    assert_eq!(id, "positions.json:5:5");
}

#[test]
fn yaml_span_covers_the_value_text() {
    let w = read("positions.yaml", &Options::default());
    let bucket = &w.resources[0];
    let node = bucket.properties.get("BucketName").expect("BucketName");
    let text = w.file(bucket.file).lines.text();
    assert_eq!(
        &text[node.span.start as usize..node.span.end as usize],
        "\"bücket\""
    );
}

/// CRLF line endings give the same lines and columns.
#[test]
fn crlf_positions() {
    for name in ["positions.yaml", "positions.json"] {
        let text = std::fs::read_to_string(cfn_support::fixture(name)).expect("fixture");
        let crlf = text.replace('\n', "\r\n");
        let mut w = onus_ingest::Workload::default();
        onus_ingest::cfn::read_bytes(
            std::path::Path::new(name),
            crlf.as_bytes(),
            &Options::default(),
            &mut w,
        );
        assert!(w.diagnostics.is_empty(), "{:?}", w.diagnostics);
        let bucket = &w.resources[0];
        let node = bucket
            .properties
            .path([
                "BucketEncryption",
                "ServerSideEncryptionConfiguration",
                "ServerSideEncryptionByDefault",
                "SSEAlgorithm",
            ])
            .expect("SSEAlgorithm");
        let want = if name.ends_with("yaml") {
            "positions.yaml:11:29"
        } else {
            "positions.json:12:65"
        };
        assert_eq!(w.location(bucket.file, node.span), want);
    }
}
