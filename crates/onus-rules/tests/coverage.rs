//! docs/COVERAGE.md is generated from the registry and the coverage data,
//! never edited by hand; and the coverage data must be consistent.

use onus_rules::coverage;
use onus_rules::rules::ALL;

#[test]
fn coverage_doc_is_up_to_date() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/COVERAGE.md");
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    let generated = coverage::markdown(ALL);
    assert!(
        on_disk == generated,
        "docs/COVERAGE.md is stale (rules, crates/onus-rules/data/reference/ or \
         crates/onus-rules/data/coverage/*.tsv changed). Regenerate it with:\n\n    \
         cargo run -p onus-cli -- rules --coverage --format markdown > docs/COVERAGE.md\n"
    );
}

#[test]
fn coverage_data_is_consistent() {
    let problems = coverage::problems(ALL);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_reference_control_and_check_is_accounted_for() {
    let fsbp = coverage::fsbp(ALL);
    let checkov = coverage::checkov(ALL);
    assert_eq!(fsbp.len(), 363, "FSBP controls in data/reference");
    assert_eq!(checkov.len(), 457, "Checkov AWS checks in data/reference");
    let doc = coverage::markdown(ALL);
    for e in fsbp.iter().chain(&checkov) {
        assert!(
            doc.contains(&format!("| {} |", e.id)),
            "{} is missing from COVERAGE.md",
            e.id
        );
    }
}
