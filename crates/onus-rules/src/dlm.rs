//! Data Lifecycle Manager policies: the cross-Region copies a policy makes,
//! from its schedules (snapshot and AMI policies) and its event-based
//! actions, each with the settings that encrypt the copy.

use crate::check::{Every, Judgement, get, get_in, items, spelling};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Value};

/// One cross-Region copy: the node holding `Encrypted` / `CmkArn`
/// (`encrypted` / `cmk_arn`) and its path.
pub struct Copy<'r> {
    pub settings: Option<&'r Node>,
    /// Where to point when `settings` is absent: the copy itself.
    pub at: &'r Node,
    pub path: String,
}

/// Every cross-Region copy of a policy; `Err` with an unknown verdict when
/// a list of schedules, actions or copies is not static.
pub fn copies(resource: &Resource) -> Result<Vec<Copy<'_>>, Verdict> {
    let details = spelling(resource, "PolicyDetails", "policy_details");
    let sources = [
        // (list, copies in each item, where the encryption settings are)
        (
            spelling(resource, "Schedules", "schedule"),
            spelling(resource, "CrossRegionCopyRules", "cross_region_copy_rule"),
            "",
        ),
        (
            spelling(resource, "Actions", "action"),
            spelling(resource, "CrossRegionCopy", "cross_region_copy"),
            spelling(
                resource,
                "EncryptionConfiguration",
                "encryption_configuration",
            ),
        ),
    ];
    let mut out = Vec::new();
    for (list, inner, settings) in sources {
        let list_path = format!("{details}.{list}");
        for (i, item) in items(get(resource, &list_path)).into_iter().enumerate() {
            unresolved(resource, item, &list_path)?;
            let copies_path = format!("{list_path}[{i}].{inner}");
            for (j, copy) in items(get_in(item, inner)).into_iter().enumerate() {
                unresolved(resource, copy, &copies_path)?;
                let path = format!("{copies_path}[{j}]");
                let (node, path) = if settings.is_empty() {
                    (Some(copy), path)
                } else {
                    (get_in(copy, settings), format!("{path}.{settings}"))
                };
                out.push(Copy {
                    settings: node,
                    at: copy,
                    path,
                });
            }
        }
    }
    Ok(out)
}

fn unresolved(resource: &Resource, node: &Node, path: &str) -> Result<(), Verdict> {
    match &node.value {
        Value::Unknown(what) => Err(Verdict::unknown(resource, node.span, path, what.clone())),
        _ => Ok(()),
    }
}

/// Judges every cross-Region copy of the policy with `judge_one` (given the
/// copy's encryption settings, or `None` when it has none, and the path of
/// the setting); not applicable when the policy copies nothing across
/// Regions.
pub fn every_copy(
    resource: &Resource,
    judge_one: &mut dyn FnMut(&Copy, Option<&Node>, &str) -> Judgement,
    key: (&str, &str),
    met: &'static str,
) -> Verdict {
    let copies = match copies(resource) {
        Ok(c) => c,
        Err(unknown) => return unknown,
    };
    let Some(first) = copies.first() else {
        return Verdict::not_applicable(resource, "the policy makes no cross-Region copy");
    };
    let key = spelling(resource, key.0, key.1);
    let mut every = Every::default();
    for copy in &copies {
        let path = format!("{}.{key}", copy.path);
        let value = copy.settings.and_then(|s| get_in(s, key));
        if let Some(not_met) = every.add(resource, &path, judge_one(copy, value, &path)) {
            return not_met;
        }
    }
    every.finish(|| Verdict::met(resource, first.at.span, &first.path, met))
}
