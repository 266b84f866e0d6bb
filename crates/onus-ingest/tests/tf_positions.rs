//! Exact line:column of a nested attribute read from HCL.

use onus_ingest::{Options, Workload, terraform};
use std::path::Path;

#[test]
fn nested_attribute_position_in_hcl() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tf/basic");
    let mut w = Workload::default();
    terraform::read_module(&dir, &Options::default(), &mut w);
    let r = w
        .resources
        .iter()
        .find(|r| r.id == "aws_s3_bucket_server_side_encryption_configuration.x")
        .expect("resource");
    let rule = r
        .properties
        .get("rule")
        .expect("rule")
        .as_list()
        .expect("list");
    let by_default = rule[0]
        .get("apply_server_side_encryption_by_default")
        .expect("block")
        .as_list()
        .expect("list");
    let alg = by_default[0].get("sse_algorithm").expect("sse_algorithm");
    assert_eq!(alg.as_str(), Some("aws:kms"));
    let at = w.file(r.file).lines.line_col(alg.span.start);
    assert_eq!((at.line, at.column), (20, 27));
    let key = by_default[0]
        .as_map()
        .expect("map")
        .iter()
        .find(|e| e.key == "sse_algorithm")
        .expect("entry");
    let at = w.file(r.file).lines.line_col(key.key_span.start);
    assert_eq!((at.line, at.column), (20, 7));
    assert!(w.location(r.file, r.span).ends_with("main.tf:16:1"));
}

#[test]
fn probe_through_unresolved_dynamic_block_is_unknown() {
    use onus_model::{Probe, Properties};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tf/dynamic");
    let mut w = Workload::default();
    terraform::read_module(&dir, &Options::default(), &mut w);
    let other = w
        .resources
        .iter()
        .find(|r| r.id == "aws_security_group.other")
        .expect("resource");
    assert!(matches!(
        other.probe(&["ingress", "cidr_blocks"]),
        Probe::Unknown(_)
    ));
    let web = w
        .resources
        .iter()
        .find(|r| r.id == "aws_security_group.web")
        .expect("resource");
    assert_eq!(web.probe(&["name"]), Probe::Text("web".into()));
    assert_eq!(web.probe(&["nope", "x"]), Probe::Absent);
}
