//! `onus`: which AWS security duties are yours, and does your infrastructure
//! code meet them. A thin binary over the onus library crates.

mod commands;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Exit codes, as documented in README.md.
pub mod exit {
    /// Nothing at or above the fail threshold.
    pub const CLEAN: u8 = 0;
    /// Findings at or above the fail threshold.
    pub const FINDINGS: u8 = 1;
    /// Usage error, tool error, or a scan that could not read every file.
    pub const ERROR: u8 = 2;
}

#[derive(Debug, Parser)]
#[command(
    name = "onus",
    version,
    about = "Which AWS security duties are yours, and does your infrastructure code meet them?",
    propagate_version = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Who owns each security layer of a service, resource type or category,
    /// and which duties are yours.
    Explain(commands::explain::Args),
    /// The service catalog: every AWS service onus knows and its category.
    Services(commands::services::Args),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                exit::ERROR
            } else {
                exit::CLEAN
            };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result: anyhow::Result<u8> = match cli.command {
        Command::Explain(args) => commands::explain::run(args),
        Command::Services(args) => commands::services::run(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("onus: error: {e:#}");
            ExitCode::from(exit::ERROR)
        }
    }
}
