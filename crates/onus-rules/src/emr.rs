//! EMR security configurations: the `SecurityConfiguration` document is a map
//! in CloudFormation and a JSON string in Terraform (`configuration`); both are
//! read as one node tree.

use crate::check::{Judgement, get_in, json_document, judge, verdict_of};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource};

/// The security configuration document, or the verdict to give when it is
/// absent or unreadable.
pub fn document(resource: &Resource) -> Result<(Node, &'static str), Verdict> {
    json_document(
        resource,
        "SecurityConfiguration",
        "configuration",
        "no encryption is configured",
    )
}

/// An `EncryptionConfiguration` flag of the document that must be true
/// (absent means false).
pub fn flag(resource: &Resource, key: &str, what: &str) -> Verdict {
    let (doc, base) = match document(resource) {
        Ok(d) => d,
        Err(v) => return v,
    };
    let path = format!("{base}.EncryptionConfiguration.{key}");
    let Some(node) = get_in(&doc, &format!("EncryptionConfiguration.{key}")) else {
        return Verdict::not_met(
            resource,
            doc.span,
            &path,
            format!("{path} is not set (default false): {what} is off"),
        );
    };
    let j = judge(node, &mut |n| match n.as_bool() {
        Some(b) => Judgement::from_bool(b, n, || format!("{path} is false: {what} is off")),
        None => Judgement::no(n, format!("{path} is not a boolean")),
    });
    verdict_of(resource, node, &path, j, format!("{what}: {path} is true"))
}
