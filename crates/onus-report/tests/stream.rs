//! Every report is written while the rules run, a batch of files at a time;
//! each must be byte for byte the report rendered whole, across batch
//! boundaries too, and when several are written at once.

use onus_report::Report;
use onus_report::stream::{self, Format, Output};
use onus_report::suppress::SuppressOptions;
use onus_rules::{Engine, Settings, Severity};
use std::io::Write;

type Render = fn(&Report, &mut dyn Write) -> std::io::Result<()>;

fn json(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    writeln!(out)
}

fn text(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    onus_report::terminal::render_with(report, Severity::Medium, false, out)
}

fn text_findings(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    use onus_report::terminal::Show;
    onus_report::terminal::render_view(report, Severity::Medium, Show::Actionable, false, out)
}

const FORMATS: &[(Format, Render)] = &[
    (Format::Text, text_findings),
    (Format::TextAll, text),
    (Format::Json, json),
    (Format::Sarif, onus_report::sarif::render),
    (Format::Csv, onus_report::csv_out::render),
    (Format::Github, onus_report::github::render),
    (Format::Junit, onus_report::junit::render),
    (Format::Markdown, onus_report::markdown::render),
    (Format::Html, onus_report::html::render),
];

#[test]
fn streamed_reports_match_the_whole_report() {
    let dir = tempfile::tempdir().unwrap();
    // More than two batches of every size (512 files, 128 with excerpts).
    onus_corpus::generate(dir.path(), 1100, 11).unwrap();
    let workload = onus_ingest::ingest(&[dir.path().to_path_buf()], &Default::default());
    let settings = Settings {
        allowed_regions: Some(vec!["eu-west-1".to_owned()]),
    };
    let options = SuppressOptions::default();

    let result = onus_rules::engine::scan_with(&workload, &settings, onus_rules::rules::ALL);
    let whole = onus_report::build_with(&workload, result, &options);
    assert!(whole.resources.len() > 3000, "{}", whole.resources.len());
    assert!(whole.findings().count() > 1000);

    // Every format at once, as `onus scan -o FORMAT=FILE ...` writes them.
    let engine = Engine::new(&workload, &settings, onus_rules::rules::ALL);
    let mut buffers: Vec<Vec<u8>> = vec![Vec::new(); FORMATS.len()];
    let mut outputs: Vec<Output> = FORMATS
        .iter()
        .zip(buffers.iter_mut())
        .map(|((format, _), out)| Output {
            format: *format,
            color: false,
            out,
        })
        .collect();
    let streamed = stream::write(
        &workload,
        &engine,
        &options,
        Severity::Medium,
        &mut outputs,
        None,
    )
    .unwrap();
    drop(outputs);
    assert_eq!(streamed.summary.resources, whole.resources.len());
    assert_eq!(
        streamed.failing(Severity::Low),
        whole.failing(Severity::Low)
    );

    for ((format, render), streamed) in FORMATS.iter().zip(&buffers) {
        let mut expected = Vec::new();
        render(&whole, &mut expected).unwrap();
        assert!(
            *streamed == expected,
            "streamed and whole {format:?} reports differ"
        );
    }
}

#[test]
fn a_baseline_collected_while_streaming_matches_the_whole_report() {
    let dir = tempfile::tempdir().unwrap();
    onus_corpus::generate(dir.path(), 700, 3).unwrap();
    let workload = onus_ingest::ingest(&[dir.path().to_path_buf()], &Default::default());
    let settings = Settings::default();
    let options = SuppressOptions::default();
    let result = onus_rules::engine::scan_with(&workload, &settings, onus_rules::rules::ALL);
    let whole = onus_report::build_with(&workload, result, &options);

    let engine = Engine::new(&workload, &settings, onus_rules::rules::ALL);
    let mut baseline = onus_report::suppress::Baseline::new();
    stream::write(
        &workload,
        &engine,
        &options,
        Severity::Low,
        &mut [],
        Some(&mut baseline),
    )
    .unwrap();
    let expected = onus_report::suppress::Baseline::from_report(&whole);
    assert!(expected.findings.len() > 500, "{}", expected.findings.len());
    assert_eq!(baseline, expected);
}
