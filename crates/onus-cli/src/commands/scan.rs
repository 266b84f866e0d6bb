//! `onus scan`: the duty matrix of every resource, and the unmet duties.

use super::input::InputArgs;
use crate::exit;
use anyhow::Context as _;
use clap::{Args, ValueEnum};
use onus_rules::{Settings, Severity};
use std::io::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScanFormat {
    /// Grouped by file and resource, for people.
    Text,
    /// The full result, for programs (stable layout, `schema_version`).
    Json,
}

#[derive(Debug, Args)]
pub struct ScanArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[arg(long, value_enum, default_value_t = ScanFormat::Text)]
    pub format: ScanFormat,

    /// Exit 1 when a duty is not met by a rule of this severity or higher.
    #[arg(long, value_name = "SEVERITY", default_value = "low", value_parser = parse_severity)]
    pub fail_on: Severity,

    /// Regions data may live in (comma-separated); resources elsewhere fail
    /// their data-residency duty.
    #[arg(long, value_name = "REGIONS", value_delimiter = ',')]
    pub allowed_regions: Vec<String>,

    /// Exit by the findings alone even when some files could not be read.
    #[arg(long)]
    pub skip_invalid: bool,

    /// Benchmarking aid: discover and parse the files, run no rules, print
    /// one summary line (files, resources, diagnostics). Exit 2 when a file
    /// could not be read completely, else 0.
    #[arg(long, hide = true)]
    pub parse_only: bool,
}

pub fn parse_severity(text: &str) -> Result<Severity, String> {
    Severity::parse(text)
        .ok_or_else(|| format!("expected critical, high, medium or low, got {text:?}"))
}

pub fn run(args: ScanArgs) -> anyhow::Result<u8> {
    let workload = args.input.ingest();
    if args.parse_only {
        let mut out = std::io::stdout().lock();
        writeln!(
            out,
            "parsed {} files, {} resources, {} diagnostics",
            workload.files.len(),
            workload.resources.len(),
            workload.diagnostics.len()
        )?;
        return Ok(if workload.incomplete() {
            exit::ERROR
        } else {
            exit::CLEAN
        });
    }
    let settings = Settings {
        allowed_regions: (!args.allowed_regions.is_empty()).then(|| {
            args.allowed_regions
                .iter()
                .map(|r| r.trim().to_owned())
                .filter(|r| !r.is_empty())
                .collect()
        }),
    };
    let result = onus_rules::scan(&workload, &settings);
    let report = onus_report::build(&workload, &result);
    let mut out = anstream::stdout().lock();
    match args.format {
        ScanFormat::Text => onus_report::terminal::render(&report, args.fail_on, &mut out)
            .context("writing the report")?,
        ScanFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &report).context("writing JSON")?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    if report.incomplete && !args.skip_invalid {
        return Ok(exit::ERROR);
    }
    Ok(if report.failing(args.fail_on) > 0 {
        exit::FINDINGS
    } else {
        exit::CLEAN
    })
}
