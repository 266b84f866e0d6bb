//! `onus scan`: the duty matrix of every resource, and the unmet duties, in
//! one or several formats.

use super::input::InputArgs;
use crate::exit;
use anyhow::{Context as _, bail};
use clap::{Args, ValueEnum};
use onus_report::config::{self, Config};
use onus_report::suppress::{Baseline, SuppressOptions};
use onus_rules::{Settings, Severity};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScanFormat {
    /// Grouped by file and resource, for people.
    Text,
    /// The full result, for programs (stable layout, `schema_version` 2,
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

/// What the text report lists of each resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Show {
    /// Resources with something to do, a line per finding; then the summary.
    Findings,
    /// Every duty of every resource: what AWS carries, met, to attest.
    All,
}

#[derive(Debug, Args)]
pub struct ScanArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Format printed on standard output.
    #[arg(long, value_enum, default_value_t = ScanFormat::Text)]
    pub format: ScanFormat,

    /// Write `--format json` and `-o json=FILE` in the layout of version 1
    /// (schemas/report-v1.schema.json), for consumers not yet moved to
    /// version 2. Kept for one release.
    #[arg(long)]
    pub json_v1: bool,

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

    /// What the text report lists: the findings to act on (not met, unknown,
    /// expired suppressions), or every duty of every resource.
    #[arg(long, value_enum, default_value_t = Show::Findings)]
    pub show: Show,

    /// The same as `--show all`.
    #[arg(long, short = 'v')]
    pub verbose: bool,

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

    /// Also run the custom policies below DIR (repeatable): Rego files and
    /// Checkov YAML policies (docs/POLICIES.md).
    #[arg(long = "policy", value_name = "DIR")]
    pub policies: Vec<PathBuf>,

    /// Run only these rules (repeatable or comma-separated): rule ids, duties
    /// (`logging`), services (`s3`), globs (`s3.*`) or peer check ids
    /// (`CKV_AWS_18`). Replaces onus.toml's `enable`.
    #[arg(long = "rule", value_name = "RULE", value_delimiter = ',')]
    pub rules: Vec<String>,

    /// Don't run these rules (named as for --rule). Replaces onus.toml's
    /// `disable`.
    #[arg(long = "skip-rule", value_name = "RULE", value_delimiter = ',')]
    pub skip_rules: Vec<String>,
}

impl ProjectArgs {
    /// The rules to run: the config's `enable`/`disable`, each replaced by
    /// `--rule`/`--skip-rule` when given.
    pub fn rules(&self, config: &Config) -> anyhow::Result<Vec<&'static onus_rules::Rule>> {
        fn given(list: &[String]) -> Option<&[String]> {
            (!list.is_empty()).then_some(list)
        }
        config
            .rules_with(given(&self.rules), given(&self.skip_rules))
            .map_err(anyhow::Error::msg)
    }
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

/// The config file in use, if any, read after the custom policies it and
/// `--policy` name are loaded (its rule names may be theirs).
pub fn load_config(project: &ProjectArgs, input: &InputArgs) -> anyhow::Result<(Config, String)> {
    let path = match &project.config {
        Some(p) => Some(p.clone()),
        None => config::discover(&input.paths()[0]),
    };
    super::policy::install(&project.policies, path.as_deref())?;
    match path {
        Some(p) => {
            let c = Config::load(&p)?;
            Ok((c, p.display().to_string()))
        }
        None => Ok((Config::default(), String::new())),
    }
}

/// Everything a scan needs before the rules run, with the config's settings
/// applied.
pub struct Prepared {
    pub config: Config,
    pub rules: Vec<&'static onus_rules::Rule>,
    pub settings: Settings,
    /// The inputs, with the config's excludes and parameters added.
    pub input: InputArgs,
    pub options: SuppressOptions,
}

impl Prepared {
    /// The units to scan, found (not read yet).
    pub fn units(&self) -> onus_ingest::Units {
        onus_ingest::Units::discover(
            &self.input.paths(),
            &self.input.options(),
            onus_rules::ACCOUNT_WIDE,
        )
    }

    /// The configured rules, seeing the account-wide resources of `units`
    /// (read now, from the units that mention such types).
    pub fn engine(&self, units: &dyn onus_ingest::Source) -> onus_rules::Engine {
        onus_rules::Engine::new(&self.settings, &self.rules)
            .with_account_wide(onus_rules::AccountWide::collect(units))
    }
}

/// Reads the configuration and the baseline.
pub fn prepare(
    input: &InputArgs,
    project: &ProjectArgs,
    cli_regions: &[String],
    baseline: Option<&Path>,
) -> anyhow::Result<Prepared> {
    let (config, config_file) = load_config(project, input)?;
    let rules = project.rules(&config)?;
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
        rules_url: config.rules_url.clone(),
        ..SuppressOptions::default()
    };
    Ok(Prepared {
        config,
        rules,
        settings,
        input,
        options,
    })
}

pub fn run(args: ScanArgs) -> anyhow::Result<u8> {
    if args.parse_only {
        let units = onus_ingest::Units::discover(&args.input.paths(), &args.input.options(), &[]);
        let parsed = onus_ingest::units::parse_only(&units);
        let mut out = std::io::stdout().lock();
        writeln!(
            out,
            "parsed {} files, {} resources, {} diagnostics",
            parsed.files, parsed.resources, parsed.diagnostics
        )?;
        return Ok(if parsed.incomplete {
            exit::ERROR
        } else {
            exit::CLEAN
        });
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
fn stream_format(format: ScanFormat, show: Show, json_v1: bool) -> onus_report::stream::Format {
    use onus_report::stream::Format;
    match format {
        ScanFormat::Text if show == Show::All => Format::TextAll,
        ScanFormat::Text => Format::Text,
        ScanFormat::Json if json_v1 => Format::JsonV1,
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
    let prepared = prepare(
        &args.input,
        &args.project,
        &args.allowed_regions,
        args.baseline.as_deref(),
    )?;
    let fail_on = args
        .fail_on
        .or_else(|| prepared.config.fail_on.as_deref().and_then(Severity::parse))
        .unwrap_or(Severity::Low);
    let units = read_code.then(|| prepared.units());
    let scanned = live::Scanned::new(units.as_ref(), account.as_mut());
    let engine = prepared.engine(scanned.source());
    let mut joiner = scanned.joiner();
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
    let show = if args.verbose { Show::All } else { args.show };
    let mut outputs: Vec<onus_report::stream::Output> = Vec::new();
    if !args.quiet {
        outputs.push(onus_report::stream::Output {
            format: stream_format(args.format, show, args.json_v1),
            color,
            out: &mut *screen,
        });
    }
    for (format, file) in &mut files {
        // Files get no colour.
        outputs.push(onus_report::stream::Output {
            format: stream_format(*format, show, args.json_v1),
            color: false,
            out: file,
        });
    }
    let mut baseline = args.write_baseline.as_ref().map(|_| Baseline::new());
    let report = onus_report::stream::write_with_live(
        scanned.source(),
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
    Ok(code)
}
