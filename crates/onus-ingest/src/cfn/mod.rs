//! CloudFormation and SAM templates, YAML or JSON.

use crate::{Options, Workload};
use std::path::Path;

/// Reads one template into `workload`.
pub fn read_file(path: &Path, options: &Options, workload: &mut Workload) {
    let _ = (path, options, workload);
    todo!("CloudFormation reader")
}
