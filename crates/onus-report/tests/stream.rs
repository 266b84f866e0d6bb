//! `onus scan` reads, checks and reports one unit after another; every report
//! must be byte for byte the report of the whole workload read at once and
//! rendered whole: across batches, with several written together, with files
//! read by several units (a module called by several Terraform roots) and
//! with account-wide resources that cover resources of other units.

use onus_ingest::{Options, Units};
use onus_report::Report;
use onus_report::stream::{self, Format, Output};
use onus_report::suppress::SuppressOptions;
use onus_rules::{AccountWide, Engine, Settings, Severity};
use std::io::Write;
use std::path::Path;

type Render = fn(&Report, &mut dyn Write) -> std::io::Result<()>;

fn json(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    onus_report::json::render(report, onus_rules::rules::ALL, out)
}

fn json_v1(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
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
    (Format::JsonV1, json_v1),
    (Format::Sarif, onus_report::sarif::render),
    (Format::Csv, onus_report::csv_out::render),
    (Format::Github, onus_report::github::render),
    (Format::Junit, onus_report::junit::render),
    (Format::Markdown, onus_report::markdown::render),
    (Format::Html, onus_report::html::render),
];

/// The units under `dir`, and an engine that sees their account-wide
/// resources, as `onus scan` builds them.
fn units_and_engine(dir: &Path, settings: &Settings) -> (Units, Engine) {
    let units = Units::discover(
        &[dir.to_path_buf()],
        &Options::default(),
        onus_rules::ACCOUNT_WIDE,
    );
    let engine = Engine::new(settings, onus_rules::rules::ALL)
        .with_account_wide(AccountWide::collect(&units));
    (units, engine)
}

/// Every format, streamed unit by unit (all at once, as `-o FORMAT=FILE ...`
/// writes them) and rendered from the whole report, must be the same bytes.
/// Returns the whole report's number of resources and findings.
fn assert_streamed_is_whole(dir: &Path, settings: &Settings) -> (usize, usize) {
    let workload = onus_ingest::ingest(&[dir.to_path_buf()], &Options::default());
    let options = SuppressOptions::default();
    let result = onus_rules::engine::scan_with(&workload, settings, onus_rules::rules::ALL);
    let whole = onus_report::build_with(&workload, result, &options);

    // Every format at once, as `onus scan -o FORMAT=FILE ...` writes them.
    let (units, engine) = units_and_engine(dir, settings);
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
        &units,
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
        if *streamed != expected {
            let (a, b) = (
                String::from_utf8_lossy(streamed),
                String::from_utf8_lossy(&expected),
            );
            let line = a.lines().zip(b.lines()).position(|(x, y)| x != y);
            panic!(
                "streamed and whole {format:?} reports of {} differ (first at line {line:?}: {:?} vs {:?})",
                dir.display(),
                line.and_then(|l| a.lines().nth(l)),
                line.and_then(|l| b.lines().nth(l)),
            );
        }
    }
    // Nothing of version 1 is lost in version 2.
    let parse = |format: Format| -> serde_json::Value {
        let at = FORMATS.iter().position(|(f, _)| *f == format).unwrap();
        serde_json::from_slice(&buffers[at]).unwrap()
    };
    assert!(
        onus_report::json::v1_from_v2(&parse(Format::Json)) == parse(Format::JsonV1),
        "the version 1 report rebuilt from version 2 differs from --json-v1's, for {}",
        dir.display()
    );
    (whole.resources.len(), whole.findings().count())
}

#[test]
fn streamed_reports_match_the_whole_report() {
    let dir = tempfile::tempdir().unwrap();
    // Several batches of units, small and realistic files.
    onus_corpus::generate(&dir.path().join("small"), 1100, 11).unwrap();
    onus_corpus::generate_with(
        onus_corpus::Profile::Realistic,
        &dir.path().join("real"),
        300,
        5,
    )
    .unwrap();
    let settings = Settings {
        allowed_regions: Some(vec!["eu-west-1".to_owned()]),
    };
    let (resources, findings) = assert_streamed_is_whole(dir.path(), &settings);
    assert!(resources > 5000, "{resources}");
    assert!(findings > 1000, "{findings}");
}

/// Files read by several units, and resources that look across units.
#[test]
fn units_that_share_files_or_look_across() {
    let dir = tempfile::tempdir().unwrap();
    let write = |path: &str, text: &str| {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    // A module called by two roots, one sorting before it, one after it.
    write(
        "modules/db/main.tf",
        "variable \"name\" {}\nresource \"aws_db_instance\" \"this\" {\n  identifier        = var.name\n  engine            = \"postgres\"\n  storage_encrypted = false\n}\nresource \"aws_ebs_volume\" \"v\" {\n  availability_zone = \"eu-west-1a\"\n  size              = 8\n}\n",
    );
    for root in ["a-first", "zz-last"] {
        write(
            &format!("{root}/main.tf"),
            &format!(
                "provider \"aws\" {{\n  region = \"eu-west-1\"\n}}\nmodule \"db\" {{\n  source = \"../modules/db\"\n  name   = \"{root}\"\n}}\nresource \"aws_s3_bucket\" \"b\" {{\n  bucket = \"{root}\"\n}}\n"
            ),
        );
    }
    // Region-wide EBS encryption in one root, volumes in others.
    write(
        "m-settings/main.tf",
        "provider \"aws\" {\n  region = \"eu-west-1\"\n}\nresource \"aws_ebs_encryption_by_default\" \"on\" {\n  enabled = true\n}\nresource \"aws_ebs_default_kms_key\" \"k\" {\n  key_arn = \"arn:aws:kms:eu-west-1:111122223333:key/1\"\n}\n",
    );
    // A backup selection in one template covering a table in another.
    write(
        "b/table.yaml",
        "Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      TableName: orders\n      BillingMode: PAY_PER_REQUEST\n      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]\n      KeySchema: [{AttributeName: id, KeyType: HASH}]\n",
    );
    write(
        "y/backup.yaml",
        "Resources:\n  Selection:\n    Type: AWS::Backup::BackupSelection\n    Properties:\n      BackupPlanId: plan-1\n      BackupSelection:\n        SelectionName: tables\n        IamRoleArn: arn:aws:iam::111122223333:role/backup\n        Resources:\n          - arn:aws:dynamodb:*:*:table/orders\n",
    );
    assert_streamed_is_whole(dir.path(), &Settings::default());

    // The cross-unit verdicts are there, pointing at the other unit's file.
    let (units, engine) = units_and_engine(dir.path(), &Settings::default());
    let (mut out, mut text) = (Vec::new(), Vec::new());
    stream::write(
        &units,
        &engine,
        &SuppressOptions::default(),
        Severity::Low,
        &mut [
            Output {
                format: Format::Csv,
                color: false,
                out: &mut out,
            },
            Output {
                format: Format::Text,
                color: false,
                out: &mut text,
            },
        ],
        None,
    )
    .unwrap();
    let csv = String::from_utf8(out).unwrap();
    let text = String::from_utf8(text).unwrap();
    let verdict = |rule: &str, resource: &str| {
        csv.lines()
            .find(|l| l.contains(rule) && l.contains(resource))
            .unwrap_or_else(|| panic!("no {rule} verdict on {resource} in\n{csv}"))
            .to_owned()
    };
    let backup = verdict("backup.resource-covered", "Orders");
    assert!(
        backup.contains(",met,") && backup.contains("y/backup.yaml"),
        "{backup}"
    );
    let volume = verdict("ebs.encryption-at-rest", "module.db.aws_ebs_volume.v");
    assert!(volume.contains(",met,"), "{volume}");
    let key = verdict("ebs.customer-managed-key", "module.db.aws_ebs_volume.v");
    assert!(key.contains(",met,"), "{key}");
    // The module's file is listed once, with the resources of both roots.
    assert_eq!(
        text.lines()
            .filter(|l| !l.starts_with(" ") && l.ends_with("/modules/db/main.tf"))
            .count(),
        1,
        "{text}"
    );
    let db = csv
        .lines()
        .filter(|l| {
            l.contains("module.db.aws_db_instance.this") && l.contains("rds.encryption-at-rest")
        })
        .count();
    assert_eq!(db, 2, "{csv}");
}

/// The real templates and Terraform modules of `../shared/corpus`, whose
/// module collections call the same modules from many examples.
#[test]
fn shared_corpus_streams_as_the_whole_report() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    if !corpus.is_dir() {
        eprintln!(
            "{} is absent: the comparison on real code is skipped",
            corpus.display()
        );
        return;
    }
    let (resources, _) = assert_streamed_is_whole(&corpus, &Settings::default());
    assert!(resources > 1000, "{resources}");
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

    let (units, engine) = units_and_engine(dir.path(), &settings);
    let mut baseline = onus_report::suppress::Baseline::new();
    stream::write(
        &units,
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
