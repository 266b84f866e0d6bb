//! `onus policy`: check and test custom policies, and show the input they
//! read; and the loading of `--policy` directories for the other commands.

use super::input::InputArgs;
use crate::exit;
use anyhow::Context as _;
use clap::{Args, Subcommand};
use onus_policy::LoadError;
use onus_policy::testing::Outcome;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Args)]
pub struct PolicyArgs {
    #[command(subcommand)]
    pub command: PolicyCommand,
}

#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// Compile the policies and check their metadata, without scanning.
    /// Exit 1 when a policy has a problem.
    Check {
        /// Policy directories or files.
        #[arg(value_name = "DIR", required = true)]
        paths: Vec<PathBuf>,
    },
    /// Run the `test_*` rules of the Rego files, like `opa test`: pass or
    /// fail per test, exit 1 when one fails.
    Test {
        /// Policy directories or files.
        #[arg(value_name = "DIR", required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print the input documents policies receive for the resources of the
    /// scanned files (a JSON array), to write policies and their tests.
    Input {
        #[command(flatten)]
        input: InputArgs,
    },
}

/// Loads the custom policies of `--policy` and of the config file's
/// `policies`, and makes their rules part of this run.
pub fn install(cli: &[PathBuf], config: Option<&Path>) -> anyhow::Result<()> {
    let mut paths = match config {
        Some(p) => onus_report::config::policy_dirs(p)?,
        None => Vec::new(),
    };
    paths.extend(cli.iter().cloned());
    if paths.is_empty() {
        return Ok(());
    }
    let policies = onus_policy::load(&paths).map_err(|e| match e {
        LoadError::Path(m) => anyhow::anyhow!("policies: {m}"),
        e => anyhow::anyhow!("the custom policies have problems:\n{e}"),
    })?;
    onus_rules::custom::install(Box::new(policies)).map_err(anyhow::Error::msg)
}

pub fn run(args: PolicyArgs) -> anyhow::Result<u8> {
    match args.command {
        PolicyCommand::Check { paths } => check(&paths),
        PolicyCommand::Test { paths } => test(&paths),
        PolicyCommand::Input { input } => print_input(&input),
    }
}

/// Loads for `check` and `test`: problems are printed, and end the command.
fn load(paths: &[PathBuf]) -> Result<onus_policy::Policies, u8> {
    match onus_policy::load(paths) {
        Ok(p) => Ok(p),
        Err(LoadError::Path(m)) => {
            eprintln!("onus: error: {m}");
            Err(exit::ERROR)
        }
        Err(LoadError::Policies(problems)) => {
            for p in &problems {
                eprintln!("{p}");
            }
            eprintln!("onus: {} problem(s) in the policies", problems.len());
            Err(exit::FINDINGS)
        }
    }
}

fn check(paths: &[PathBuf]) -> anyhow::Result<u8> {
    let policies = match load(paths) {
        Ok(p) => p,
        Err(code) => return Ok(code),
    };
    let (rego, checkov) = policies.counts();
    let mut out = std::io::stdout().lock();
    for rule in policies.rules() {
        writeln!(
            out,
            "{:<40} {:<24} {:<9} {}",
            rule.id,
            rule.duty.slug(),
            rule.severity,
            rule.file
        )?;
    }
    writeln!(
        out,
        "{} files: {rego} Rego policies, {checkov} Checkov YAML policies, {} rules; no problems",
        policies.files,
        policies.rules().len()
    )?;
    Ok(exit::CLEAN)
}

fn test(paths: &[PathBuf]) -> anyhow::Result<u8> {
    let policies = match load(paths) {
        Ok(p) => p,
        Err(code) => return Ok(code),
    };
    let results = onus_policy::testing::run(&policies);
    let mut out = std::io::stdout().lock();
    let mut file = None;
    for r in &results {
        if file != Some(&r.file) {
            writeln!(out, "{}:", r.file)?;
            file = Some(&r.file);
        }
        match &r.outcome {
            Outcome::Pass => writeln!(out, "  {}: PASS", r.name)?,
            Outcome::Fail => writeln!(out, "  {}: FAIL", r.name)?,
            Outcome::Error(e) => writeln!(out, "  {}: ERROR\n    {e}", r.name)?,
        }
        if r.outcome != Outcome::Pass {
            for line in &r.prints {
                writeln!(out, "    {line}")?;
            }
        }
    }
    let passed = results
        .iter()
        .filter(|r| r.outcome == Outcome::Pass)
        .count();
    let total = results.len();
    if total == 0 {
        writeln!(out, "no tests (rules named test_*) found")?;
        return Ok(exit::CLEAN);
    }
    writeln!(out, "{}", "-".repeat(60))?;
    if passed == total {
        writeln!(out, "PASS: {passed}/{total}")?;
        Ok(exit::CLEAN)
    } else {
        writeln!(out, "PASS: {passed}/{total}")?;
        writeln!(out, "FAIL: {}/{total}", total - passed)?;
        Ok(exit::FINDINGS)
    }
}

fn print_input(input: &InputArgs) -> anyhow::Result<u8> {
    let workload = input.ingest();
    let settings = onus_rules::Settings::default();
    let cx = onus_rules::Context::new(&workload, &settings);
    let documents: Vec<serde_json::Value> = workload
        .resources
        .iter()
        .filter(|r| !r.is_data)
        .map(|r| {
            let text = onus_policy::input::build(r, &cx, true)
                .to_json_str()
                .context("writing an input document")?;
            serde_json::from_str(&text).context("writing an input document")
        })
        .collect::<anyhow::Result<_>>()?;
    super::print_json(&documents)?;
    Ok(exit::CLEAN)
}
