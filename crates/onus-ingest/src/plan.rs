//! Terraform plan JSON (`terraform show -json plan.out`).

use crate::{Options, Workload};
use std::path::Path;

/// Reads one plan into `workload`.
pub fn read_file(path: &Path, options: &Options, workload: &mut Workload) {
    let _ = (path, options, workload);
    todo!("plan reader")
}
