//! `onus init`: writes a commented onus.toml.

use crate::exit;
use anyhow::Context as _;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write it.
    #[arg(default_value = onus_report::config::FILE_NAME)]
    pub path: PathBuf,

    /// Overwrite an existing file.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: InitArgs) -> anyhow::Result<u8> {
    if args.path.exists() && !args.force {
        eprintln!(
            "onus: {} exists; use --force to overwrite it",
            args.path.display()
        );
        return Ok(exit::ERROR);
    }
    std::fs::write(&args.path, onus_report::config::TEMPLATE)
        .with_context(|| format!("writing {}", args.path.display()))?;
    eprintln!("onus: wrote {}", args.path.display());
    Ok(exit::CLEAN)
}
