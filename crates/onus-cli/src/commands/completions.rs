//! `onus completions SHELL` and the hidden `onus man`: generated from the clap
//! definition, so they never drift from the options.

use crate::exit;
use clap::Args;
use clap_complete::Shell;
use std::io::Write;

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// bash, zsh, fish, elvish or powershell.
    #[arg(value_enum)]
    pub shell: Shell,
}

pub fn run(args: CompletionsArgs, mut command: clap::Command) -> anyhow::Result<u8> {
    let mut out = std::io::stdout().lock();
    clap_complete::generate(args.shell, &mut command, "onus", &mut out);
    out.flush()?;
    Ok(exit::CLEAN)
}

/// The man page (roff) of `onus`, on standard output.
pub fn man(command: clap::Command) -> anyhow::Result<u8> {
    let mut out = std::io::stdout().lock();
    clap_mangen::Man::new(command).render(&mut out)?;
    out.flush()?;
    Ok(exit::CLEAN)
}
