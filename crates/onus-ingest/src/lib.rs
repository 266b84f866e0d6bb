//! Reads infrastructure code into one resource model.
//!
//! `files → discover → (CloudFormation | Terraform module | plan JSON) → Workload`.
//! Each reader gets the file text and returns resources and diagnostics; syntax
//! trees are dropped as soon as resources are extracted.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]
#![warn(missing_docs)]

pub mod cfn;
pub mod deploy;
pub mod discover;
pub mod model;
pub mod plan;
pub mod terraform;
pub mod units;

pub use model::*;
pub use units::{Source, UnitInfo, Units};

use std::path::PathBuf;

/// What the user told the readers.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// CloudFormation parameter values (`--param Key=Value`), applied after files.
    pub params: Vec<(String, String)>,
    /// CloudFormation parameter files in the AWS CLI JSON list format.
    pub param_files: Vec<PathBuf>,
    /// Terraform variable files (`--var-file`).
    pub var_files: Vec<PathBuf>,
    /// `AWS::Region`, and the region of Terraform resources whose provider sets none.
    pub region: Option<String>,
    /// Glob patterns to leave out (`--exclude`).
    pub excludes: Vec<String>,
    /// Scan files that `.gitignore` would hide.
    pub no_ignore: bool,
    /// Bounds on hostile or runaway input (`docs/LIMITS.md`).
    pub limits: Limits,
}

/// Bounds on what one input may cost. Hitting one is an error diagnostic on
/// that file (the scan is incomplete) and the scan goes on with other files.
/// The defaults are documented in `docs/LIMITS.md`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest file read, in bytes; checked before reading.
    pub max_file_bytes: u64,
    /// Most resources kept from one file.
    pub max_resources_per_file: usize,
    /// Longest single string value kept, in bytes.
    pub max_string_bytes: usize,
    /// Most instances one Terraform `count`/`for_each` expands to.
    pub max_expansion: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 20 * 1024 * 1024,
            max_resources_per_file: 100_000,
            max_string_bytes: 1024 * 1024,
            max_expansion: 10_000,
        }
    }
}

/// Reads a whole input file, refusing one larger than the limit before
/// reading it (and reading at most one byte more than the limit, in case the
/// file grows or is a device).
pub fn read_limited(path: &std::path::Path, limits: &Limits) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let too_big = |size: u64| {
        format!(
            "file is {size} bytes, over the limit of {} bytes (max_file_bytes): not read",
            limits.max_file_bytes
        )
    };
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read the file: {e}"))?;
    let meta = file
        .metadata()
        .map_err(|e| format!("cannot read the file: {e}"))?;
    if meta.is_dir() {
        return Err("cannot read the file: it is a directory".into());
    }
    if meta.len() > limits.max_file_bytes {
        return Err(too_big(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limits.max_file_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read the file: {e}"))?;
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Reads every supported file under `paths` into one workload.
///
/// Units (a template, a module directory, a plan) are read in parallel, each
/// into its own workload, then merged in discovery order. A scan that checks
/// and reports one unit at a time reads them through [`Units`] instead.
pub fn ingest(paths: &[PathBuf], options: &Options) -> Workload {
    use rayon::prelude::*;
    let units = Units::discover(paths, options, &[]);
    let mut workload = units.preamble();
    let mut in_order: Vec<&UnitInfo> = units.list.iter().collect();
    in_order.sort_by_key(|u| u.number);
    let parts: Vec<Workload> = in_order.par_iter().map(|u| units.read_unit(u)).collect();
    // Sized once: growing by doubling would copy the resources several times
    // and leave up to half the capacity unused.
    workload
        .resources
        .reserve_exact(parts.iter().map(|p| p.resources.len()).sum());
    workload
        .files
        .reserve_exact(parts.iter().map(|p| p.files.len()).sum());
    for part in parts {
        workload.merge(part);
    }
    workload
}

/// Reads one unit; a panic in a reader becomes an error diagnostic on the unit
/// rather than ending the scan.
pub(crate) fn read_unit(
    unit: &discover::Unit,
    options: &Options,
    modules: &terraform::ModuleCache,
    templates: &cfn::nested::Templates,
) -> Workload {
    let result = std::panic::catch_unwind(|| {
        let mut part = Workload::default();
        match unit {
            discover::Unit::CloudFormation(path) => {
                cfn::read_file_with(path, options, templates, &mut part)
            }
            discover::Unit::TerraformModule(dir) => {
                terraform::read_module_with(dir, options, modules, &mut part)
            }
            discover::Unit::TerraformPlan(path) => plan::read_file(path, options, &mut part),
        }
        part
    });
    match result {
        Ok(part) => part,
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            let (path, format) = match unit {
                discover::Unit::CloudFormation(p) => (p, Format::CloudFormation),
                discover::Unit::TerraformModule(p) => (p, Format::Terraform),
                discover::Unit::TerraformPlan(p) => (p, Format::TerraformPlan),
            };
            let mut part = Workload::default();
            let file = part.add_file(path.clone(), Some(format), "".into());
            part.error(
                file,
                None,
                format!("internal error while reading this file: {what}"),
            );
            part
        }
    }
}

/// Applies the limits that are checked on what a reader produced: resources
/// per file and the length of single strings.
pub(crate) fn enforce_limits(part: &mut Workload, limits: &Limits) {
    let mut per_file: std::collections::HashMap<FileId, usize> = Default::default();
    let mut dropped: std::collections::BTreeMap<FileId, (usize, Span)> = Default::default();
    part.resources.retain(|r| {
        let n = per_file.entry(r.file).or_default();
        *n += 1;
        if *n > limits.max_resources_per_file {
            let d = dropped.entry(r.file).or_insert((0, r.span));
            d.0 += 1;
            false
        } else {
            true
        }
    });
    for (file, (count, span)) in dropped {
        part.error(
            file,
            Some(span),
            format!(
                "more than {} resources in this file (max_resources_per_file): the {count} from here on are not read",
                limits.max_resources_per_file
            ),
        );
    }
    let mut long = Vec::new();
    for r in &mut part.resources {
        truncate_long(
            &mut r.properties,
            limits.max_string_bytes,
            r.file,
            &mut long,
        );
    }
    for (file, span) in long {
        part.error(
            file,
            Some(span),
            format!(
                "string longer than {} bytes (max_string_bytes): read as unknown",
                limits.max_string_bytes
            ),
        );
    }
}

fn truncate_long(node: &mut Node, max: usize, file: FileId, out: &mut Vec<(FileId, Span)>) {
    match &mut node.value {
        Value::String(s) if s.len() > max => {
            node.value = Value::Unknown(format!("a string of {} bytes", s.len()));
            out.push((file, node.span));
        }
        Value::List(items) | Value::Either(items) => {
            for n in items {
                truncate_long(n, max, file, out);
            }
        }
        Value::Map(entries) => {
            for e in entries {
                truncate_long(&mut e.node, max, file, out);
            }
        }
        _ => {}
    }
}
