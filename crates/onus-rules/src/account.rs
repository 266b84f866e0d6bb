//! Facts of the live account resources (`AWS::Account`, from `onus scan
//! --aws`): one account-wide resource carries the root user's facts, one per
//! Region what that Region runs (trails covering it, GuardDuty, Config, IAM
//! Access Analyzer, Security Hub). No template declares them.

use crate::check::{Judgement, judge, verdict_of};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource};
use std::borrow::Cow;

/// Judges the fact `key`: not applicable on an account resource that does
/// not carry it (the account-wide one has no Region's facts and the reverse),
/// unknown where the API did not answer, else `ok` decides.
pub fn judge_fact(
    resource: &Resource,
    key: &str,
    mut ok: impl FnMut(&Node) -> Judgement,
    met: impl Into<Cow<'static, str>>,
) -> Verdict {
    match resource.properties.get(key) {
        None => Verdict::not_applicable(
            resource,
            format!("{key} is judged on another account resource (account-wide or per Region)"),
        ),
        Some(node) => {
            let j = judge(node, &mut |n| ok(n));
            verdict_of(resource, node, key, j, met)
        }
    }
}

/// The text of `key` in a map node, if it is a string.
pub fn text<'n>(node: &'n Node, key: &str) -> Option<&'n str> {
    node.get(key).and_then(Node::as_str)
}
