//! Reads infrastructure code into one resource model.
//!
//! `files → discover → (CloudFormation | Terraform module | plan JSON) → Workload`.
//! Each reader gets the file text and returns resources and diagnostics; syntax
//! trees are dropped as soon as resources are extracted.

pub mod cfn;
pub mod discover;
pub mod model;
pub mod plan;
pub mod terraform;

pub use model::*;

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
}

/// Reads every supported file under `paths` into one workload.
///
/// Units (a template, a module directory, a plan) are read in parallel, each
/// into its own workload, then merged in a fixed order.
pub fn ingest(paths: &[PathBuf], options: &Options) -> Workload {
    use rayon::prelude::*;
    let found = discover::discover(paths, options);
    let mut workload = Workload {
        skipped_files: found.skipped,
        ..Workload::default()
    };
    for (path, message) in found.errors {
        let file = workload.add_file(path, None, "".into());
        workload.error(file, None, message);
    }
    let parts: Vec<Workload> = found
        .units
        .par_iter()
        .map(|unit| {
            let mut part = Workload::default();
            match unit {
                discover::Unit::CloudFormation(path) => cfn::read_file(path, options, &mut part),
                discover::Unit::TerraformModule(dir) => {
                    terraform::read_module(dir, options, &mut part)
                }
                discover::Unit::TerraformPlan(path) => plan::read_file(path, options, &mut part),
            }
            part
        })
        .collect();
    for part in parts {
        workload.merge(part);
    }
    workload
}
