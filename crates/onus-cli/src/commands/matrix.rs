//! `onus matrix`: the workload's Customer Responsibility Matrix.

use super::input::InputArgs;
use super::scan::{ProjectArgs, run_scan};
use crate::exit;
use anyhow::Context as _;
use clap::{Args, ValueEnum};
use onus_report::matrix::{self, By};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MatrixFormat {
    Markdown,
    Csv,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MatrixBy {
    /// One row per resource.
    Resource,
    /// One row per service (the worst cell of its resources).
    Service,
}

#[derive(Debug, Args)]
pub struct MatrixArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[arg(long, value_enum, default_value_t = MatrixFormat::Markdown)]
    pub format: MatrixFormat,

    /// Rows: resources or services.
    #[arg(long, value_enum, default_value_t = MatrixBy::Resource)]
    pub by: MatrixBy,

    /// Regions data may live in (comma-separated).
    #[arg(long, value_name = "REGIONS", value_delimiter = ',')]
    pub allowed_regions: Vec<String>,

    #[command(flatten)]
    pub project: ProjectArgs,

    #[command(flatten)]
    pub live: super::live::LiveArgs,

    /// Write to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: MatrixArgs) -> anyhow::Result<u8> {
    let (report, _) = run_scan(
        &args.input,
        &args.project,
        &args.allowed_regions,
        &args.live,
    )?;
    let by = match args.by {
        MatrixBy::Resource => By::Resource,
        MatrixBy::Service => By::Service,
    };
    let mut buf = Vec::new();
    match args.format {
        MatrixFormat::Markdown => matrix::render_markdown(&report, by, &mut buf)?,
        MatrixFormat::Csv => matrix::render_csv(&report, by, &mut buf)?,
        MatrixFormat::Html => matrix::render_html(&report, by, &mut buf)?,
    }
    match &args.output {
        Some(path) => {
            std::fs::write(path, buf).with_context(|| format!("writing {}", path.display()))?
        }
        None => {
            let mut out = anstream::stdout().lock();
            out.write_all(&buf)?;
            out.flush()?;
        }
    }
    Ok(if report.incomplete {
        exit::ERROR
    } else {
        exit::CLEAN
    })
}
