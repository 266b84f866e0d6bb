//! EMR security configurations: the `SecurityConfiguration` document is a map
//! in CloudFormation and a JSON string in Terraform (`configuration`); both are
//! read as one node tree.

use crate::check::{Judgement, get_in, judge, spelling, verdict_of};
use crate::policy::json_to_node;
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Value};

/// The security configuration document, or the verdict to give when it is
/// absent or unreadable.
pub fn document(resource: &Resource) -> Result<(Node, &'static str), Verdict> {
    let path = spelling(resource, "SecurityConfiguration", "configuration");
    let Some(node) = resource.properties.get(path) else {
        return Err(Verdict::missing(
            resource,
            path,
            format!("{path} is not set: no encryption is configured"),
        ));
    };
    match &node.value {
        Value::Map(_) => Ok((node.clone(), path)),
        Value::String(text) => match serde_json::from_str::<serde_json::Value>(text) {
            Ok(json) => Ok((json_to_node(&json, node.span), path)),
            Err(e) => Err(Verdict::not_met(
                resource,
                node.span,
                path,
                format!("{path} is not valid JSON: {e}"),
            )),
        },
        Value::Unknown(u) => Err(Verdict::unknown(resource, node.span, path, u.clone())),
        _ => Err(Verdict::unknown(
            resource,
            node.span,
            path,
            format!("{path}, which is not a static document"),
        )),
    }
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
