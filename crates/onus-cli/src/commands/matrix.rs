//! `onus matrix`: the workload's Customer Responsibility Matrix.

use super::input::InputArgs;
use super::scan::{ProjectArgs, prepare};
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
    use super::live::{self, Stop};
    let mut account = if args.live.aws {
        match live::read(&args.live, false) {
            Ok(read) => Some(read),
            Err(Stop::Error(e)) => return Err(e),
            Err(Stop::Interrupted) => {
                eprintln!("onus: interrupted: the account was not read");
                return Ok(exit::INTERRUPTED);
            }
        }
    } else {
        None
    };
    let read_code = !(args.live.aws && args.input.paths.is_empty());
    let prepared = prepare(&args.input, &args.project, &args.allowed_regions, None)?;
    let units = read_code.then(|| prepared.units());
    let scanned = live::Scanned::new(units.as_ref(), account.as_mut());
    let engine = prepared.engine(scanned.source());
    let mut joiner = scanned.joiner();
    let by = match args.by {
        MatrixBy::Resource => By::Resource,
        MatrixBy::Service => By::Service,
    };
    let format = match args.format {
        MatrixFormat::Markdown => matrix::Format::Markdown,
        MatrixFormat::Csv => matrix::Format::Csv,
        MatrixFormat::Html => matrix::Format::Html,
    };
    let report = match &args.output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("writing {}", path.display()))?;
            let mut out = std::io::BufWriter::new(file);
            let report = matrix::write_with_live(
                scanned.source(),
                &engine,
                &prepared.options,
                by,
                format,
                &mut out,
                joiner
                    .as_mut()
                    .map(|j| j as &mut dyn onus_report::live::LiveJoin),
            )
            .with_context(|| format!("writing {}", path.display()))?;
            out.flush()
                .with_context(|| format!("writing {}", path.display()))?;
            report
        }
        None => {
            let mut out = std::io::BufWriter::new(anstream::stdout().lock());
            let report = matrix::write_with_live(
                scanned.source(),
                &engine,
                &prepared.options,
                by,
                format,
                &mut out,
                joiner
                    .as_mut()
                    .map(|j| j as &mut dyn onus_report::live::LiveJoin),
            )?;
            out.flush()?;
            report
        }
    };
    Ok(if report.incomplete {
        exit::ERROR
    } else {
        exit::CLEAN
    })
}
