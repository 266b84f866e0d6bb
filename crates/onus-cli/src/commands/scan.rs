//! `onus scan`: the duty matrix of every resource, and the unmet duties, in
//! one or several formats.

use super::input::InputArgs;
use crate::exit;
use anyhow::{Context as _, bail};
use clap::{Args, ValueEnum};
use onus_report::Report;
use onus_report::config::{self, Config};
use onus_report::suppress::{Baseline, SuppressOptions};
use onus_rules::{Settings, Severity};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScanFormat {
    /// Grouped by file and resource, for people.
    Text,
    /// The full result, for programs (stable layout, `schema_version`,
    /// schemas/report.schema.json).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and IDEs.
    Sarif,
    /// JUnit XML: one test case per resource and rule.
    Junit,
    /// Markdown summary and findings, for pull-request comments.
    Markdown,
    /// One row per rule verdict, spreadsheet-safe.
    Csv,
    /// GitHub Actions annotations (`::error file=…`).
    Github,
    /// One self-contained HTML page: responsibility stack, matrix, findings.
    Html,
}

#[derive(Debug, Args)]
pub struct ScanArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Format printed on standard output.
    #[arg(long, value_enum, default_value_t = ScanFormat::Text)]
    pub format: ScanFormat,

    /// Also write FORMAT to FILE (repeatable), e.g. `--output sarif=onus.sarif`.
    #[arg(long = "output", short = 'o', value_name = "FORMAT=FILE", value_parser = parse_output)]
    pub outputs: Vec<(ScanFormat, PathBuf)>,

    /// Exit 1 when a duty is not met by a rule of this severity or higher
    /// [default: onus.toml's fail_on, else low].
    #[arg(long, value_name = "SEVERITY", value_parser = parse_severity)]
    pub fail_on: Option<Severity>,

    /// Regions data may live in (comma-separated); resources elsewhere fail
    /// their data-residency duty.
    #[arg(long, value_name = "REGIONS", value_delimiter = ',')]
    pub allowed_regions: Vec<String>,

    /// Exit by the findings alone even when some files could not be read.
    #[arg(long)]
    pub skip_invalid: bool,

    #[command(flatten)]
    pub project: ProjectArgs,

    #[command(flatten)]
    pub live: super::live::LiveArgs,

    /// Report only findings not listed in this baseline file (matched by rule,
    /// resource and file, not line).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Write the current findings to this baseline file.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,

    /// Print nothing on standard output (files from --output are still written).
    #[arg(long, short = 'q')]
    pub quiet: bool,

    /// Benchmarking aid: discover and parse the files, run no rules, print
    /// one summary line (files, resources, diagnostics). Exit 2 when a file
    /// could not be read completely, else 0.
    #[arg(long, hide = true)]
    pub parse_only: bool,
}

/// Options shared by `scan` and `matrix`: the config file and suppressions.
#[derive(Debug, Clone, Args)]
pub struct ProjectArgs {
    /// Config file [default: the nearest onus.toml above the first scanned path].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Don't apply suppressions written in scanned files (`onus:ignore` and
    /// `checkov:skip` comments, template Metadata); onus.toml entries still apply.
    #[arg(long)]
    pub no_inline_ignores: bool,
}

pub fn parse_severity(text: &str) -> Result<Severity, String> {
    Severity::parse(text)
        .ok_or_else(|| format!("expected critical, high, medium or low, got {text:?}"))
}

fn parse_output(text: &str) -> Result<(ScanFormat, PathBuf), String> {
    let (format, file) = text
        .split_once('=')
        .ok_or_else(|| format!("expected FORMAT=FILE, got {text:?}"))?;
    let format = ScanFormat::from_str(format.trim(), true).map_err(|_| {
        let names: Vec<String> = ScanFormat::value_variants()
            .iter()
            .filter_map(|v| v.to_possible_value().map(|p| p.get_name().to_owned()))
            .collect();
        format!(
            "unknown format {format:?}; formats are: {}",
            names.join(", ")
        )
    })?;
    if file.is_empty() {
        return Err(format!("no file after {format:?}="));
    }
    Ok((format, PathBuf::from(file)))
}

/// The config file in use, if any.
pub fn load_config(project: &ProjectArgs, input: &InputArgs) -> anyhow::Result<(Config, String)> {
    let path = match &project.config {
        Some(p) => Some(p.clone()),
        None => config::discover(&input.paths()[0]),
    };
    match path {
        Some(p) => {
            let c = Config::load(&p)?;
            Ok((c, p.display().to_string()))
        }
        None => Ok((Config::default(), String::new())),
    }
}

/// Reads, checks and builds the report, with the config's settings applied.
/// Everything a scan needs before the rules run.
pub struct Prepared {
    pub config: Config,
    pub settings: Settings,
    pub workload: onus_ingest::Workload,
    pub options: SuppressOptions,
}

/// Reads the configuration, the baseline and the files; without
/// `read_code`, no file is read (`onus scan --aws` with no path reads the
/// account alone).
pub fn prepare_code(
    input: &InputArgs,
    project: &ProjectArgs,
    cli_regions: &[String],
    baseline: Option<&Path>,
    read_code: bool,
) -> anyhow::Result<Prepared> {
    let (config, config_file) = load_config(project, input)?;
    let mut input = input.clone();
    input.excludes.extend(config.exclude.iter().cloned());
    let mut params: Vec<(String, String)> = config
        .params
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    params.append(&mut input.params);
    input.params = params;
    let regions: Vec<String> = if cli_regions.is_empty() {
        config.allowed_regions.clone()
    } else {
        cli_regions.to_vec()
    };
    let settings = Settings {
        allowed_regions: (!regions.is_empty()).then(|| {
            regions
                .iter()
                .map(|r| r.trim().to_owned())
                .filter(|r| !r.is_empty())
                .collect()
        }),
    };
    let baseline_file = baseline.map(|p| p.display().to_string());
    let baseline = match baseline {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading baseline {}", path.display()))?;
            let b: Baseline = serde_json::from_str(&text)
                .with_context(|| format!("reading baseline {}", path.display()))?;
            if b.schema_version != 1 {
                bail!(
                    "baseline {}: schema_version {} is not supported (expected 1)",
                    path.display(),
                    b.schema_version
                );
            }
            Some(b)
        }
        None => None,
    };
    let options = SuppressOptions {
        inline: !project.no_inline_ignores,
        config: config.suppress.clone(),
        config_file: if config_file.is_empty() {
            config::FILE_NAME.to_owned()
        } else {
            config_file
        },
        baseline,
        baseline_file: baseline_file.unwrap_or_default(),
        ..SuppressOptions::default()
    };
    let workload = if read_code {
        input.ingest()
    } else {
        onus_ingest::Workload::default()
    };
    Ok(Prepared {
        config,
        settings,
        workload,
        options,
    })
}

/// Runs the scan and builds the whole report, without a baseline or source
/// excerpts (`onus matrix`; `onus scan` streams its reports instead). With
/// `--aws`, the account's resources join the code's.
pub fn run_scan(
    input: &InputArgs,
    project: &ProjectArgs,
    cli_regions: &[String],
    live: &super::live::LiveArgs,
) -> anyhow::Result<(Report<'static>, Config)> {
    use super::live::Stop;
    let mut account = if live.aws {
        match super::live::read(live, false) {
            Ok(read) => Some(read),
            Err(Stop::Error(e)) => return Err(e),
            Err(Stop::Interrupted) => anyhow::bail!("interrupted: the account was not read"),
        }
    } else {
        None
    };
    let read_code = !(live.aws && input.paths.is_empty());
    let Prepared {
        config,
        settings,
        mut workload,
        options,
    } = prepare_code(input, project, cli_regions, None, read_code)?;
    if let Some(account) = &mut account {
        super::live::merge_into(account, &mut workload);
    }
    let rules = config.rules();
    let joiner = account
        .as_ref()
        .map(|account| super::live::joiner(account, &workload));
    let result = onus_rules::engine::scan_with(&workload, &settings, &rules);
    workload.release_rule_inputs();
    // The report borrows the resources' names from the workload, which lives
    // until the process exits (and is freed with it, not piece by piece).
    let workload: &'static onus_ingest::Workload = Box::leak(Box::new(workload));
    let mut report = onus_report::build_with_excerpts(workload, result, &options, false);
    report.live = joiner.map(|mut joiner| {
        use onus_report::live::LiveJoin as _;
        joiner.see(&report.resources);
        joiner.finish()
    });
    Ok((report, config))
}

pub fn run(args: ScanArgs) -> anyhow::Result<u8> {
    if args.parse_only {
        let workload = args.input.ingest();
        let mut out = std::io::stdout().lock();
        writeln!(
            out,
            "parsed {} files, {} resources, {} diagnostics",
            workload.files.len(),
            workload.resources.len(),
            workload.diagnostics.len()
        )?;
        let code = if workload.incomplete() {
            exit::ERROR
        } else {
            exit::CLEAN
        };
        // As for the full scan: the system frees it at exit.
        std::mem::forget(workload);
        return Ok(code);
    }
    // Reports are written while the rules run, so the resources' reports are
    // never all in memory at once.
    run_streaming(&args)
}

/// A report file whose write errors name it (the streamed reports are
/// written together).
struct NamedWriter<'p> {
    inner: std::fs::File,
    path: &'p std::path::Path,
}

impl NamedWriter<'_> {
    fn name(&self, e: std::io::Error) -> std::io::Error {
        std::io::Error::new(e.kind(), format!("writing {}: {e}", self.path.display()))
    }
}

impl Write for NamedWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.inner.write(buf).map_err(|e| self.name(e))
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush().map_err(|e| self.name(e))
    }
}

/// The streamed writer of a format.
fn stream_format(format: ScanFormat) -> onus_report::stream::Format {
    use onus_report::stream::Format;
    match format {
        ScanFormat::Text => Format::Text,
        ScanFormat::Json => Format::Json,
        ScanFormat::Sarif => Format::Sarif,
        ScanFormat::Github => Format::Github,
        ScanFormat::Csv => Format::Csv,
        ScanFormat::Junit => Format::Junit,
        ScanFormat::Markdown => Format::Markdown,
        ScanFormat::Html => Format::Html,
    }
}

/// `onus scan`: every report is written a batch of files at a time.
fn run_streaming(args: &ScanArgs) -> anyhow::Result<u8> {
    use super::live::{self, Stop};
    // The account first: a scan that cannot reach it stops before any output.
    let mut account = if args.live.aws {
        match live::read(&args.live, args.quiet) {
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
    // `onus scan --aws` alone reads the account, not the current directory.
    let read_code = !(args.live.aws && args.input.paths.is_empty());
    let mut prepared = prepare_code(
        &args.input,
        &args.project,
        &args.allowed_regions,
        args.baseline.as_deref(),
        read_code,
    )?;
    if let Some(account) = &mut account {
        live::merge_into(account, &mut prepared.workload);
    }
    let fail_on = args
        .fail_on
        .or_else(|| prepared.config.fail_on.as_deref().and_then(Severity::parse))
        .unwrap_or(Severity::Low);
    let rules = prepared.config.rules();
    let engine = onus_rules::Engine::new(&prepared.workload, &prepared.settings, &rules);
    let mut joiner = account
        .as_ref()
        .map(|account| live::joiner(account, &prepared.workload));
    let mut files = Vec::new();
    for (format, path) in &args.outputs {
        let file =
            std::fs::File::create(path).with_context(|| format!("writing {}", path.display()))?;
        let named = NamedWriter { inner: file, path };
        files.push((*format, std::io::BufWriter::new(named)));
    }
    let stdout = std::io::stdout();
    let choice = anstream::AutoStream::choice(&stdout);
    let color = args.format == ScanFormat::Text && choice != anstream::ColorChoice::Never;
    let mut screen: Box<dyn Write> = if color {
        Box::new(std::io::BufWriter::new(anstream::AutoStream::new(
            stdout.lock(),
            choice,
        )))
    } else {
        Box::new(std::io::BufWriter::with_capacity(1 << 16, stdout.lock()))
    };
    let mut outputs: Vec<onus_report::stream::Output> = Vec::new();
    if !args.quiet {
        outputs.push(onus_report::stream::Output {
            format: stream_format(args.format),
            color,
            out: &mut *screen,
        });
    }
    for (format, file) in &mut files {
        // Files get no colour.
        outputs.push(onus_report::stream::Output {
            format: stream_format(*format),
            color: false,
            out: file,
        });
    }
    let mut baseline = args.write_baseline.as_ref().map(|_| Baseline::new());
    let report = onus_report::stream::write_with_live(
        &prepared.workload,
        &engine,
        &prepared.options,
        fail_on,
        &mut outputs,
        baseline.as_mut(),
        joiner
            .as_mut()
            .map(|j| j as &mut dyn onus_report::live::LiveJoin),
    )?;
    drop(outputs);
    // The files' write errors already name them.
    for (_, file) in &mut files {
        file.flush()?;
    }
    screen.flush()?;
    if let (Some(path), Some(baseline)) = (&args.write_baseline, &baseline) {
        let mut text = serde_json::to_string_pretty(baseline)?;
        text.push('\n');
        std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))?;
        if !args.quiet {
            eprintln!(
                "onus: wrote {} findings to the baseline {}",
                baseline.findings.len(),
                path.display()
            );
        }
    }
    if !args.quiet && args.format != ScanFormat::Text && args.format != ScanFormat::Github {
        for note in &report.notes {
            eprintln!("onus: note: {note}");
        }
    }
    let code = if report.incomplete && !args.skip_invalid {
        exit::ERROR
    } else if report.failing(fail_on) > 0 {
        exit::FINDINGS
    } else {
        exit::CLEAN
    };
    // Freed with the process, not piece by piece.
    std::mem::forget(engine);
    std::mem::forget(prepared);
    Ok(code)
}
