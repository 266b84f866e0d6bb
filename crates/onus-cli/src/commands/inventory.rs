//! `onus inventory`: what the workload is made of, by service and category.

use super::input::InputArgs;
use crate::exit;
use clap::{Args, ValueEnum};
use onus_ingest::DiagnosticLevel;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InventoryFormat {
    Table,
    Json,
}

#[derive(Debug, Args)]
pub struct InventoryArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[arg(long, value_enum, default_value_t = InventoryFormat::Table)]
    pub format: InventoryFormat,

    /// Exit 0 even when some files could not be read.
    #[arg(long)]
    pub skip_invalid: bool,
}

#[derive(Debug, Default, Serialize)]
struct Inventory {
    files_read: usize,
    files_skipped: usize,
    files_with_errors: usize,
    resources: usize,
    data_sources: usize,
    /// category → resource count (`undetermined` when a deciding value is unknown).
    by_category: BTreeMap<String, usize>,
    /// service → (category → count)
    by_service: BTreeMap<String, BTreeMap<String, usize>>,
    /// Types not in the service catalog, with counts.
    unclassified: BTreeMap<String, usize>,
    errors: Vec<String>,
    warnings: Vec<String>,
}

pub fn run(args: InventoryArgs) -> anyhow::Result<u8> {
    let workload = args.input.ingest();
    let mut inv = Inventory {
        files_read: workload.files.len(),
        files_skipped: workload.skipped_files,
        ..Inventory::default()
    };
    for r in &workload.resources {
        if r.is_data {
            inv.data_sources += 1;
            continue;
        }
        inv.resources += 1;
        match &r.service {
            Some(service) => {
                let category = r
                    .category
                    .as_ref()
                    .and_then(|c| c.category)
                    .map(|c| c.to_string())
                    .unwrap_or_else(|| "undetermined".to_owned());
                *inv.by_category.entry(category.clone()).or_default() += 1;
                *inv.by_service
                    .entry(service.clone())
                    .or_default()
                    .entry(category)
                    .or_default() += 1;
            }
            None => {
                *inv.by_category
                    .entry("unclassified".to_owned())
                    .or_default() += 1;
                *inv.unclassified.entry(r.resource_type.clone()).or_default() += 1;
            }
        }
    }
    let mut error_files = std::collections::BTreeSet::new();
    for d in &workload.diagnostics {
        let text = format!(
            "{}: {}",
            workload.location(d.file, d.span.unwrap_or_default()),
            d.message
        );
        match d.level {
            DiagnosticLevel::Error => {
                error_files.insert(d.file);
                inv.errors.push(text);
            }
            DiagnosticLevel::Warning => inv.warnings.push(text),
        }
    }
    inv.files_with_errors = error_files.len();
    let mut out = anstream::stdout().lock();
    match args.format {
        InventoryFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &inv)?;
            writeln!(out)?;
        }
        InventoryFormat::Table => {
            writeln!(
                out,
                "{} resources ({} data sources not counted) in {} files; {} files skipped (not infrastructure code)",
                inv.resources, inv.data_sources, inv.files_read, inv.files_skipped
            )?;
            if inv.files_with_errors > 0 {
                writeln!(
                    out,
                    "{} files could not be read completely (listed under Errors)",
                    inv.files_with_errors
                )?;
            }
            writeln!(out)?;
            writeln!(out, "By category")?;
            for (category, n) in &inv.by_category {
                writeln!(out, "  {category:<14} {n:>6}")?;
            }
            writeln!(out)?;
            writeln!(out, "By service")?;
            for (service, cats) in &inv.by_service {
                let total: usize = cats.values().sum();
                let cats: Vec<String> = cats.iter().map(|(c, n)| format!("{c} {n}")).collect();
                writeln!(out, "  {service:<44} {total:>6}  ({})", cats.join(", "))?;
            }
            if !inv.unclassified.is_empty() {
                writeln!(out)?;
                writeln!(out, "Types not in the service catalog")?;
                for (t, n) in &inv.unclassified {
                    writeln!(out, "  {t:<44} {n:>6}")?;
                }
            }
            for (title, list) in [("Errors", &inv.errors), ("Warnings", &inv.warnings)] {
                if !list.is_empty() {
                    writeln!(out)?;
                    writeln!(out, "{title} ({})", list.len())?;
                    for line in list.iter() {
                        writeln!(out, "  {line}")?;
                    }
                }
            }
        }
    }
    Ok(if workload.incomplete() && !args.skip_invalid {
        exit::ERROR
    } else {
        exit::CLEAN
    })
}
