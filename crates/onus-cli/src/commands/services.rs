//! `onus services`: the service catalog.

use super::{BOLD, DIM, emit, parse_category, print_json};
use crate::exit;
use onus_model::{Catalog, Category, Duty, Owner, Service};
use serde::Serialize;
use std::fmt::Write as _;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only services in this category: infrastructure, container or abstracted.
    #[arg(long, value_parser = parse_category)]
    pub category: Option<Category>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Serialize)]
struct Row<'a> {
    key: &'a str,
    name: &'a str,
    aliases: &'a [String],
    category: Category,
    category_varies: bool,
    cfn_prefixes: &'a [String],
    tf_prefixes: &'a [String],
    overrides: Vec<OverrideRow<'a>>,
    rationale: &'a str,
    sources: &'a [String],
}

#[derive(Debug, Serialize)]
struct OverrideRow<'a> {
    duty: Duty,
    owner: Owner,
    reason: &'a str,
}

fn row(s: &Service) -> Row<'_> {
    Row {
        key: s.key(),
        name: &s.name,
        aliases: s.aliases.get(1..).unwrap_or_default(),
        category: s.category,
        category_varies: s.category_varies(),
        cfn_prefixes: &s.cfn_prefixes,
        tf_prefixes: &s.tf_prefixes,
        overrides: s
            .overrides
            .iter()
            .map(|o| OverrideRow {
                duty: o.duty,
                owner: o.owner,
                reason: &o.reason,
            })
            .collect(),
        rationale: &s.rationale,
        sources: &s.sources,
    }
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let services: Vec<&Service> = Catalog::get()
        .services()
        .iter()
        .filter(|s| args.category.is_none_or(|c| s.category == c))
        .collect();
    match args.format {
        Format::Json => print_json(&services.iter().map(|s| row(s)).collect::<Vec<_>>())?,
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record([
                "key",
                "name",
                "category",
                "category_varies",
                "aliases",
                "cfn_prefixes",
                "tf_prefixes",
                "overrides",
                "sources",
            ])?;
            for s in &services {
                let overrides: Vec<String> = s
                    .overrides
                    .iter()
                    .map(|o| format!("{}={}", o.duty, o.owner.as_str()))
                    .collect();
                w.write_record([
                    s.key(),
                    &s.name,
                    s.category.as_str(),
                    if s.category_varies() { "true" } else { "false" },
                    &s.aliases.get(1..).unwrap_or_default().join("; "),
                    &s.cfn_prefixes.join(" "),
                    &s.tf_prefixes.join(" "),
                    &overrides.join(" "),
                    &s.sources.join(" "),
                ])?;
            }
            let bytes = w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?;
            emit(&String::from_utf8(bytes)?)?;
        }
        Format::Table => {
            let (b, d) = (BOLD, DIM);
            let width = services
                .iter()
                .map(|s| s.key().len())
                .max()
                .unwrap_or(3)
                .max(3);
            let mut o = String::new();
            let _ = writeln!(
                o,
                "{b}{:<width$}  {:<14}  {:<6}  NAME{b:#}",
                "KEY", "CATEGORY", "VARIES"
            );
            for s in &services {
                let _ = writeln!(
                    o,
                    "{:<width$}  {:<14}  {:<6}  {}",
                    s.key(),
                    s.category.as_str(),
                    if s.category_varies() { "yes" } else { "" },
                    s.name
                );
            }
            let _ = writeln!(
                o,
                "{d}{} services. `onus explain <key>` for one of them.{d:#}",
                services.len()
            );
            emit(&o)?;
        }
    }
    Ok(exit::CLEAN)
}
