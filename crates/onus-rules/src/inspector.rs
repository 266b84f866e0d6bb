//! Amazon Inspector scan types, as an `aws_inspector2_enabler` declares them
//! (CloudFormation has no resource that enables Inspector).

use crate::context::Context;
use crate::lists::require_item;
use crate::verdict::{Status, Verdict};
use onus_ingest::Resource;

/// The verdict on an enabler for one scan type (`EC2`, `ECR`, `LAMBDA`,
/// `LAMBDA_CODE`): listed by this enabler, or by another enabler of the same
/// module.
pub fn scan_type(enabler: &Resource, cx: &Context, scan: &str, what: &str) -> Verdict {
    let listed = |e: &Resource| require_item(e, "", "resource_types", &[scan], what);
    let own = listed(enabler);
    if own.status == Status::Met {
        return own;
    }
    let other = cx
        .in_scope(enabler, &["aws_inspector2_enabler"])
        .filter(|e| e.id != enabler.id)
        .find(|e| listed(e).status == Status::Met);
    match other {
        Some(e) => Verdict::met_by_default(enabler, "", format!("{what} is enabled by {}", e.id)),
        None => own,
    }
}
