//! Terraform HCL modules.

use crate::{Options, Workload};
use std::path::Path;

/// Reads the module in `dir` (and the local modules it calls) into `workload`.
pub fn read_module(dir: &Path, options: &Options, workload: &mut Workload) {
    let _ = (dir, options, workload);
    todo!("Terraform reader")
}
