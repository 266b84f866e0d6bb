//! What a rule can see besides its resource: the rest of the workload, through
//! indexes built once so cross-resource lookups stay near-linear.

use onus_ingest::{Node, Resource, Value, Workload};
// foldhash: still seeded per process, but much cheaper than SipHash, which
// showed in the profile (these maps are built and probed per resource).
use foldhash::HashMap;

/// User settings that change verdicts.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// `--allowed-regions`: when set, resources elsewhere fail data residency.
    pub allowed_regions: Option<Vec<String>>,
}

/// (unit, scope, local id or literal value), borrowed from the workload.
type Key<'w> = (u32, &'w str, &'w str);

pub struct Context<'w> {
    pub workload: &'w Workload,
    pub settings: &'w Settings,
    /// (scope, local id) → resource index.
    by_id: HashMap<Key<'w>, usize>,
    /// (scope, target local id) → (referring resource, top-level property).
    referrers: HashMap<Key<'w>, Vec<(usize, &'w str)>>,
    /// (scope, literal string of a top-level property) → (resource, property).
    by_literal: HashMap<Key<'w>, Vec<(usize, &'w str)>>,
    /// Resource type → resources, in workload order.
    by_type: HashMap<&'w str, Vec<usize>>,
    /// (unit, scope, resource type) → resources, in workload order.
    by_scoped_type: HashMap<Key<'w>, Vec<usize>>,
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
        let mut by_id = HashMap::default();
        let mut referrers: HashMap<Key<'w>, Vec<(usize, &'w str)>> = HashMap::default();
        let mut by_literal: HashMap<Key<'w>, Vec<(usize, &'w str)>> = HashMap::default();
        let mut by_type: HashMap<&'w str, Vec<usize>> = HashMap::default();
        let mut by_scoped_type: HashMap<Key<'w>, Vec<usize>> = HashMap::default();
        let mut refs = Vec::new();
        for (i, r) in workload.resources.iter().enumerate() {
            let (unit, scope) = (r.unit, r.scope.as_str());
            by_type.entry(&r.resource_type).or_default().push(i);
            by_scoped_type
                .entry((unit, scope, &r.resource_type))
                .or_default()
                .push(i);
            let id = local_id(r);
            by_id.insert((unit, scope, id), i);
            let bare = without_index(id);
            if bare != id {
                by_id.entry((unit, scope, bare)).or_insert(i);
            }
            for entry in r.properties.as_map().unwrap_or(&[]) {
                refs.clear();
                collect_refs(&entry.node, &mut refs);
                for target in &refs {
                    referrers
                        .entry((unit, scope, without_index(target)))
                        .or_default()
                        .push((i, &entry.key));
                }
                if let Value::String(s) = &entry.node.value {
                    by_literal
                        .entry((unit, scope, s))
                        .or_default()
                        .push((i, &entry.key));
                }
            }
        }
        Context {
            workload,
            settings,
            by_id,
            referrers,
            by_literal,
            by_type,
            by_scoped_type,
        }
    }

    /// Resources of any of `types` anywhere in the workload, in workload order.
    pub fn of_type(&self, types: &[&str]) -> impl Iterator<Item = &'w Resource> + use<'w> {
        let mut hits: Vec<usize> = types
            .iter()
            .filter_map(|t| self.by_type.get(t))
            .flatten()
            .copied()
            .collect();
        if types.len() > 1 {
            hits.sort_unstable();
        }
        let resources = &self.workload.resources;
        hits.into_iter().map(move |i| &resources[i])
    }

    /// Resources of any of `types` in the scope of `resource` (itself
    /// included), in workload order.
    pub fn in_scope(
        &self,
        resource: &Resource,
        types: &[&str],
    ) -> impl Iterator<Item = &'w Resource> + use<'w> {
        let (unit, scope) = (resource.unit, resource.scope.as_str());
        let mut hits: Vec<usize> = types
            .iter()
            .filter_map(|t| self.by_scoped_type.get(&(unit, scope, *t)))
            .flatten()
            .copied()
            .collect();
        if types.len() > 1 {
            hits.sort_unstable();
        }
        let resources = &self.workload.resources;
        hits.into_iter().map(move |i| &resources[i])
    }

    /// The resource a reference points at, in the same scope.
    pub fn resolve(&self, from: &Resource, node: &Node) -> Option<&'w Resource> {
        match &node.value {
            Value::Ref(r) => self.by_local_id(from, &r.target),
            _ => None,
        }
    }

    /// The resource called `id` in the scope of `from`.
    pub fn by_local_id(&self, from: &Resource, id: &str) -> Option<&'w Resource> {
        let (unit, scope) = (from.unit, from.scope.as_str());
        self.by_id
            .get(&(unit, scope, id))
            .or_else(|| self.by_id.get(&(unit, scope, without_index(id))))
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
        let (unit, scope) = (resource.unit, resource.scope.as_str());
        let id = without_index(local_id(resource));
        let mut out: Vec<usize> = Vec::new();
        let mut push = |hits: Option<&Vec<(usize, &str)>>| {
            for (i, key) in hits.into_iter().flatten() {
                let r = &self.workload.resources[*i];
                if *key == attr && types.contains(&r.resource_type.as_str()) && !out.contains(i) {
                    out.push(*i);
                }
            }
        };
        push(self.referrers.get(&(unit, scope, id)));
        if let Some(name) = name_attr
            .and_then(|a| resource.properties.get(a))
            .and_then(Node::as_str)
        {
            push(self.by_literal.get(&(unit, scope, name)));
        }
        out.sort_unstable();
        out.into_iter()
            .map(|i| &self.workload.resources[i])
            .collect()
    }
}
