//! `onus`: which AWS security duties are yours, and does your infrastructure
//! code meet them. A thin binary over the onus library crates.

mod commands;

use clap::{CommandFactory, Parser, Subcommand};
use std::process::ExitCode;

/// A scan frees each unit's parse trees and reports as it goes: glibc's
/// allocator spent a fifth of the scan coalescing those freed chunks
/// (`unlink_chunk`, `malloc_consolidate`); mimalloc reuses them in place.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit codes, as documented in README.md.
pub mod exit {
    /// Nothing at or above the fail threshold.
    pub const CLEAN: u8 = 0;
    /// Findings at or above the fail threshold.
    pub const FINDINGS: u8 = 1;
    /// Usage error, tool error, or a scan that could not read every file.
    pub const ERROR: u8 = 2;
    /// Stopped by Ctrl-C (128 + SIGINT, as shells report it).
    pub const INTERRUPTED: u8 = 130;
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
    /// Scan infrastructure code: every resource's duties, who owns them, and
    /// whether the code meets yours.
    Scan(commands::scan::ScanArgs),
    /// List the rules, or print one rule's documentation.
    Rules(commands::rules::RulesArgs),
    /// Count the workload's resources by service and category.
    Inventory(commands::inventory::InventoryArgs),
    /// Who owns each security layer of a service, resource type or category,
    /// and which duties are yours.
    Explain(commands::explain::Args),
    /// The service catalog: every AWS service onus knows and its category.
    Services(commands::services::Args),
    /// The Customer Responsibility Matrix: resources × layers, who carries each.
    Matrix(commands::matrix::MatrixArgs),
    /// Custom policies: check them, run their tests, show their input.
    Policy(commands::policy::PolicyArgs),
    /// Write a commented onus.toml.
    Init(commands::init::InitArgs),
    /// Print a shell completion script.
    Completions(commands::completions::CompletionsArgs),
    /// Print the man page (roff).
    #[command(hide = true)]
    Man,
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
        Command::Scan(args) => commands::scan::run(args),
        Command::Rules(args) => commands::rules::run(args),
        Command::Inventory(args) => commands::inventory::run(args),
        Command::Explain(args) => commands::explain::run(args),
        Command::Services(args) => commands::services::run(args),
        Command::Matrix(args) => commands::matrix::run(args),
        Command::Policy(args) => commands::policy::run(args),
        Command::Init(args) => commands::init::run(args),
        Command::Completions(args) => commands::completions::run(args, Cli::command()),
        Command::Man => commands::completions::man(Cli::command()),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) if is_broken_pipe(&e) => ExitCode::from(exit::CLEAN),
        Err(e) => {
            eprintln!("onus: error: {e:#}");
            ExitCode::from(exit::ERROR)
        }
    }
}

/// Output cut short by a closed pipe (`onus rules | head`) is not an error.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
