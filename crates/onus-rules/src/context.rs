//! What a rule can see besides its resource: the rest of the workload, through
//! indexes built once so cross-resource lookups stay near-linear.

use onus_ingest::{Node, Resource, Value, Workload};
use std::collections::HashMap;

/// User settings that change verdicts.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// `--allowed-regions`: when set, resources elsewhere fail data residency.
    pub allowed_regions: Option<Vec<String>>,
}

/// (scope, local id or literal value)
type Key = (String, String);

pub struct Context<'w> {
    pub workload: &'w Workload,
    pub settings: &'w Settings,
    /// (scope, local id) → resource index.
    by_id: HashMap<Key, usize>,
    /// (scope, target local id) → (referring resource, top-level property).
    referrers: HashMap<Key, Vec<(usize, String)>>,
    /// (scope, literal string of a top-level property) → (resource, property).
    by_literal: HashMap<Key, Vec<(usize, String)>>,
}

/// The id of a resource inside its scope: `aws_s3_bucket.b` for
/// `module.x.aws_s3_bucket.b` in scope `module.x`.
pub fn local_id(resource: &Resource) -> &str {
    resource
        .id
        .strip_prefix(resource.scope.as_str())
        .and_then(|rest| rest.strip_prefix('.'))
        .unwrap_or(&resource.id)
}

/// `aws_s3_bucket.b` for `aws_s3_bucket.b[0]` or `aws_s3_bucket.b["k"]`.
fn without_index(id: &str) -> &str {
    match id.strip_suffix(']').and_then(|s| s.rfind('[')) {
        Some(i) => &id[..i],
        None => id,
    }
}

fn collect_refs<'n>(node: &'n Node, out: &mut Vec<&'n str>) {
    match &node.value {
        Value::Ref(r) => out.push(&r.target),
        Value::List(items) | Value::Either(items) => {
            items.iter().for_each(|n| collect_refs(n, out))
        }
        Value::Map(entries) => entries.iter().for_each(|e| collect_refs(&e.node, out)),
        _ => {}
    }
}

impl<'w> Context<'w> {
    pub fn new(workload: &'w Workload, settings: &'w Settings) -> Context<'w> {
        let mut by_id = HashMap::new();
        let mut referrers: HashMap<Key, Vec<(usize, String)>> = HashMap::new();
        let mut by_literal: HashMap<Key, Vec<(usize, String)>> = HashMap::new();
        let mut refs = Vec::new();
        for (i, r) in workload.resources.iter().enumerate() {
            let id = local_id(r);
            by_id.insert((r.scope.clone(), id.to_owned()), i);
            let bare = without_index(id);
            if bare != id {
                by_id.entry((r.scope.clone(), bare.to_owned())).or_insert(i);
            }
            for entry in r.properties.as_map().unwrap_or(&[]) {
                refs.clear();
                collect_refs(&entry.node, &mut refs);
                for target in &refs {
                    referrers
                        .entry((r.scope.clone(), without_index(target).to_owned()))
                        .or_default()
                        .push((i, entry.key.clone()));
                }
                if let Value::String(s) = &entry.node.value {
                    by_literal
                        .entry((r.scope.clone(), s.clone()))
                        .or_default()
                        .push((i, entry.key.clone()));
                }
            }
        }
        Context {
            workload,
            settings,
            by_id,
            referrers,
            by_literal,
        }
    }

    /// The resource a reference points at, in the same scope.
    pub fn resolve(&self, from: &Resource, node: &Node) -> Option<&'w Resource> {
        match &node.value {
            Value::Ref(r) => self.by_local_id(&from.scope, &r.target),
            _ => None,
        }
    }

    pub fn by_local_id(&self, scope: &str, id: &str) -> Option<&'w Resource> {
        self.by_id
            .get(&(scope.to_owned(), id.to_owned()))
            .or_else(|| {
                self.by_id
                    .get(&(scope.to_owned(), without_index(id).to_owned()))
            })
            .map(|&i| &self.workload.resources[i])
    }

    /// Resources of `types` whose top-level property `attr` refers to
    /// `resource` (by reference, or by the literal value of the resource's own
    /// `name_attr`, e.g. a Terraform bucket name), in the same scope.
    pub fn linked(
        &self,
        resource: &Resource,
        types: &[&str],
        attr: &str,
        name_attr: Option<&str>,
    ) -> Vec<&'w Resource> {
        let scope = resource.scope.clone();
        let id = without_index(local_id(resource)).to_owned();
        let mut out: Vec<usize> = Vec::new();
        let mut push = |hits: Option<&Vec<(usize, String)>>| {
            for (i, key) in hits.into_iter().flatten() {
                let r = &self.workload.resources[*i];
                if key == attr && types.contains(&r.resource_type.as_str()) && !out.contains(i) {
                    out.push(*i);
                }
            }
        };
        push(self.referrers.get(&(scope.clone(), id)));
        if let Some(name) = name_attr
            .and_then(|a| resource.properties.get(a))
            .and_then(Node::as_str)
        {
            push(self.by_literal.get(&(scope, name.to_owned())));
        }
        out.sort_unstable();
        out.into_iter()
            .map(|i| &self.workload.resources[i])
            .collect()
    }
}
