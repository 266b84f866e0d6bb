//! Amazon Inspector scan types, as an `aws_inspector2_enabler` declares them
//! (CloudFormation has no resource that enables Inspector).

use crate::check::{judge_items, names};
use crate::context::Context;
use crate::verdict::{Status, Verdict};
use onus_ingest::Resource;

/// The verdict on an enabler for one scan type (`EC2`, `ECR`, `LAMBDA`,
/// `LAMBDA_CODE`): listed by this enabler, or by another enabler of the same
/// module.
pub fn scan_type(enabler: &Resource, cx: &Context, scan: &str, what: &str) -> Verdict {
    let met = format!("{what} is enabled");
    let own = judge_items(enabler, "", "resource_types", &mut names(scan), &met);
    if let Some(v) = &own
        && v.status == Status::Met
    {
        return v.clone();
    }
    let other = cx
        .in_scope(enabler, &["aws_inspector2_enabler"])
        .filter(|e| e.id != enabler.id)
        .find(|e| {
            judge_items(e, "", "resource_types", &mut names(scan), &met)
                .is_some_and(|v| v.status == Status::Met)
        });
    match (other, own) {
        (Some(e), _) => {
            Verdict::met_by_default(enabler, "", format!("{what} is enabled by {}", e.id))
        }
        (None, Some(v)) => v,
        (None, None) => Verdict::missing(
            enabler,
            "resource_types",
            format!("no aws_inspector2_enabler in this module lists {scan}: {what} is off"),
        ),
    }
}
