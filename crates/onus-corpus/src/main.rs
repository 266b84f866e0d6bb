//! `onus-corpus --files N --out DIR [--seed S] [--profile small|realistic]`:
//! writes a generated corpus (`realistic`: file sizes of `../shared/corpus`).

use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let mut files = 1000usize;
    let mut out: Option<PathBuf> = None;
    let mut seed = 7u64;
    let mut profile = onus_corpus::Profile::Small;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .ok_or_else(|| anyhow::anyhow!("{arg} needs a value"))
        };
        match arg.as_str() {
            "--files" => files = value()?.parse()?,
            "--out" => out = Some(PathBuf::from(value()?)),
            "--seed" => seed = value()?.parse()?,
            "--profile" => {
                profile = match value()?.as_str() {
                    "small" => onus_corpus::Profile::Small,
                    "realistic" => onus_corpus::Profile::Realistic,
                    other => anyhow::bail!("unknown profile {other:?} (small, realistic)"),
                }
            }
            "-h" | "--help" => {
                println!(
                    "usage: onus-corpus --files N --out DIR [--seed S] [--profile small|realistic]"
                );
                return Ok(());
            }
            other => anyhow::bail!("unknown argument {other:?}"),
        }
    }
    let out = out.ok_or_else(|| anyhow::anyhow!("--out DIR is required"))?;
    let stats = onus_corpus::generate_with(profile, &out, files, seed)?;
    println!(
        "wrote {} files ({} bytes, {} resources) to {}",
        stats.files,
        stats.bytes,
        stats.resources,
        out.display()
    );
    Ok(())
}
