//! What a rule can see besides its resource: the rest of the workload, through
//! indexes built once so cross-resource lookups stay near-linear.

use onus_ingest::{FileId, Node, Resource, SourceFile, Value, Workload};
// foldhash: still seeded per process, but much cheaper than SipHash, which
// showed in the profile (these maps are built and probed per resource).
use foldhash::HashMap;
use std::sync::OnceLock;

/// User settings that change verdicts.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// `--allowed-regions`: when set, resources elsewhere fail data residency.
    pub allowed_regions: Option<Vec<String>>,
}

/// (scope, local id or literal value), borrowed from the workload.
type Key<'w> = (&'w str, &'w str);

/// Resource types that set something for a whole account or Region (a
/// default every resource there inherits, a backup plan selecting resources
/// by ARN or tag): [`Context::of_type`] finds them in every unit of a scan,
/// also when the scan checks one unit at a time. `of_type` of any other type
/// finds only the resources of the workload being checked (one unit in
/// `onus scan`); a test rejects a rule calling it with such a type.
pub const ACCOUNT_WIDE: &[&str] = &[
    "AWS::Backup::BackupSelection",
    "aws_backup_selection",
    "aws_ebs_default_kms_key",
    "aws_ebs_encryption_by_default",
    "aws_ec2_instance_metadata_defaults",
];

/// File ids from this one up name the files of [`AccountWide`] resources.
const FOREIGN: u32 = 1 << 31;

/// The resources of [`ACCOUNT_WIDE`] types from every unit of a scan, read
/// before the units are checked one at a time, with the files they are in.
/// Their `file` ids are their own: a verdict that points at one (an AWS Backup
/// selection in another template) has the file added to the checked unit's
/// workload by [`crate::Engine::evaluate`].
#[derive(Debug, Default)]
pub struct AccountWide {
    files: Vec<SourceFile>,
    /// In unit order, then in their unit's order.
    resources: Vec<Resource>,
    by_type: HashMap<String, Vec<usize>>,
}

impl AccountWide {
    /// Keeps the account-wide resources of one unit (or several merged).
    pub fn add(&mut self, part: Workload) {
        let mut files: HashMap<FileId, FileId> = HashMap::default();
        for mut r in part.resources {
            if !ACCOUNT_WIDE.contains(&r.resource_type.as_str()) {
                continue;
            }
            let Some(file) = part.files.get(r.file.0 as usize) else {
                continue;
            };
            let next = FileId(FOREIGN + self.files.len() as u32);
            r.file = *files.entry(r.file).or_insert_with(|| {
                self.files.push(file.clone());
                next
            });
            self.resources.push(r);
        }
    }

    /// Reads the units of `source` that may hold account-wide resources (in
    /// parallel) and keeps those resources.
    pub fn collect(source: &dyn onus_ingest::Source) -> AccountWide {
        use rayon::prelude::*;
        let parts: Vec<AccountWide> = (0..source.len())
            .into_par_iter()
            .filter(|&i| source.may_hold_account_wide(i))
            .map(|i| {
                let mut part = AccountWide::default();
                part.add(source.read(i));
                part
            })
            .collect();
        let mut all = AccountWide::default();
        for part in parts {
            let offset = all.files.len() as u32;
            all.files.extend(part.files);
            all.resources
                .extend(part.resources.into_iter().map(|mut r| {
                    r.file = FileId(r.file.0 + offset);
                    r
                }));
        }
        all.finish();
        all
    }

    /// Orders what was added by unit (units may be added in any order).
    pub fn finish(&mut self) {
        self.resources.sort_by_key(|r| r.unit);
        self.by_type.clear();
        for (i, r) in self.resources.iter().enumerate() {
            self.by_type
                .entry(r.resource_type.clone())
                .or_default()
                .push(i);
        }
    }

    /// True when no unit holds an account-wide resource.
    pub fn is_empty(&self) -> bool {
        self.resources.is_empty()
    }

    /// The file of an account-wide resource (`None` for any other id).
    pub fn file(&self, id: FileId) -> Option<&SourceFile> {
        id.0.checked_sub(FOREIGN)
            .and_then(|i| self.files.get(i as usize))
    }
}

/// What a rule can read besides the resource it judges: the workload, through
/// indexes built once per scan, account-wide resources of other units, and the
/// user's [`Settings`].
pub struct Context<'w> {
    /// The workload being checked (one unit in `onus scan`).
    pub workload: &'w Workload,
    /// The user's settings that change verdicts.
    pub settings: &'w Settings,
    /// Account-wide resources of the units not in `workload`.
    account: Option<&'w AccountWide>,
    /// The units of `workload`, sorted.
    own_units: Vec<u32>,
    /// Unique to this context (a counter), so that per-thread caches of
    /// values derived from a resource never outlive the scan they belong to.
    pub generation: u64,
    /// Resource type → resources, in workload order.
    by_type: HashMap<&'w str, Vec<usize>>,
    /// Resource indices grouped by unit, in workload order within a unit:
    /// unit `u` holds `members[unit_starts[u]..unit_starts[u + 1]]`.
    members: Vec<u32>,
    unit_starts: Vec<u32>,
    /// Each unit's lookups, built the first time a rule asks about the unit,
    /// so building them is spread over the evaluation threads instead of
    /// holding up the start of the scan.
    units: Vec<OnceLock<UnitIndex<'w>>>,
}

/// Lookups within one unit (template, Terraform root module or plan).
#[derive(Default)]
struct UnitIndex<'w> {
    /// (scope, local id) → resource index.
    by_id: HashMap<Key<'w>, usize>,
    /// (scope, target local id) → (referring resource, top-level property).
    referrers: HashMap<Key<'w>, Vec<(usize, &'w str)>>,
    /// (scope, literal string of a top-level property) → (resource, property).
    by_literal: HashMap<Key<'w>, Vec<(usize, &'w str)>>,
    /// (scope, source text of a top-level property whose value is not
    /// static, e.g. `var.bucket_name`) → (resource, property): the same
    /// expression in the same scope has the same value.
    by_expression: HashMap<Key<'w>, Vec<(usize, &'w str)>>,
    /// (scope, resource type) → resources, in workload order.
    by_scoped_type: HashMap<Key<'w>, Vec<usize>>,
}

impl<'w> UnitIndex<'w> {
    fn new(workload: &'w Workload, members: &[u32]) -> UnitIndex<'w> {
        let resources = &workload.resources;
        let mut index = UnitIndex::default();
        let mut refs = Vec::new();
        for &i in members {
            let (i, r) = (i as usize, &resources[i as usize]);
            let scope = r.scope.as_str();
            index
                .by_scoped_type
                .entry((scope, &r.resource_type))
                .or_default()
                .push(i);
            let id = local_id(r);
            index.by_id.insert((scope, id), i);
            let bare = without_index(id);
            if bare != id {
                index.by_id.entry((scope, bare)).or_insert(i);
            }
            for entry in r.properties.as_map().unwrap_or(&[]) {
                refs.clear();
                collect_refs(&entry.node, &mut refs);
                for target in &refs {
                    index
                        .referrers
                        .entry((scope, without_index(target)))
                        .or_default()
                        .push((i, &entry.key));
                }
                if let Value::String(s) = &entry.node.value {
                    index
                        .by_literal
                        .entry((scope, s))
                        .or_default()
                        .push((i, &entry.key));
                }
                if let Some(text) = expression_text(workload, r, &entry.node) {
                    index
                        .by_expression
                        .entry((scope, text))
                        .or_default()
                        .push((i, &entry.key));
                }
            }
        }
        index
    }
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

/// The source text of a value that is not static (`var.bucket_name`,
/// `"${var.prefix}-logs"`), trimmed; `None` for a static value or a
/// reference to a resource (those are matched by value or by target).
fn expression_text<'w>(
    workload: &'w Workload,
    resource: &Resource,
    node: &Node,
) -> Option<&'w str> {
    if !matches!(node.value, Value::Unknown(_)) || node.span.start >= node.span.end {
        return None;
    }
    let text = workload.files.get(resource.file.0 as usize)?.lines.text();
    text.get(node.span.start as usize..node.span.end as usize)
        .map(str::trim)
        .filter(|t| !t.is_empty())
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
    /// A context over `workload` alone (no account-wide resources of other units).
    pub fn new(workload: &'w Workload, settings: &'w Settings) -> Context<'w> {
        Context::with_account(workload, settings, None)
    }

    /// A context that also sees the account-wide resources of other units.
    pub fn with_account(
        workload: &'w Workload,
        settings: &'w Settings,
        account: Option<&'w AccountWide>,
    ) -> Context<'w> {
        let resources = &workload.resources;
        let mut by_type: HashMap<&'w str, Vec<usize>> = HashMap::default();
        // The units of the workload (one when a scan checks a unit at a
        // time), numbered from 0 here by their order.
        let mut own_units: Vec<u32> = resources.iter().map(|r| r.unit).collect();
        own_units.sort_unstable();
        own_units.dedup();
        let slot_of = |unit: u32| own_units.binary_search(&unit).unwrap_or(0);
        // Counting sort of the resource indices by unit.
        let units = own_units.len();
        let mut unit_starts = vec![0u32; units + 1];
        for (i, r) in resources.iter().enumerate() {
            by_type.entry(&r.resource_type).or_default().push(i);
            unit_starts[slot_of(r.unit) + 1] += 1;
        }
        for u in 1..unit_starts.len() {
            unit_starts[u] += unit_starts[u - 1];
        }
        let mut next = unit_starts.clone();
        let mut members = vec![0u32; resources.len()];
        for (i, r) in resources.iter().enumerate() {
            let slot = &mut next[slot_of(r.unit)];
            members[*slot as usize] = i as u32;
            *slot += 1;
        }
        static GENERATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        Context {
            workload,
            settings,
            account: account.filter(|a| !a.is_empty()),
            own_units,
            generation: GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            by_type,
            members,
            unit_starts,
            units: (0..units).map(|_| OnceLock::new()).collect(),
        }
    }

    /// The lookups of `resource`'s unit, built on first use.
    fn unit(&self, resource: &Resource) -> &UnitIndex<'w> {
        static EMPTY: OnceLock<UnitIndex<'static>> = OnceLock::new();
        let found = self.own_units.binary_search(&resource.unit);
        match found.ok().and_then(|u| Some((u, self.units.get(u)?))) {
            Some((u, cell)) => cell.get_or_init(|| {
                let range = self.unit_starts[u] as usize..self.unit_starts[u + 1] as usize;
                UnitIndex::new(self.workload, &self.members[range])
            }),
            // A resource from outside the workload: nothing to look up.
            None => EMPTY.get_or_init(UnitIndex::default),
        }
    }

    /// Resources of any of `types` anywhere in the workload, in workload
    /// order; for [`ACCOUNT_WIDE`] types, in every unit of the scan (in unit
    /// order). A resource of another unit is only good for its properties,
    /// id, region and `file` (as a verdict's location).
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
        let mut found: Vec<&'w Resource> = hits.into_iter().map(|i| &resources[i]).collect();
        if let Some(account) = self.account {
            let mut others: Vec<usize> = types
                .iter()
                .filter_map(|t| account.by_type.get(*t))
                .flatten()
                .copied()
                .filter(|&i| {
                    self.own_units
                        .binary_search(&account.resources[i].unit)
                        .is_err()
                })
                .collect();
            if !others.is_empty() {
                others.sort_unstable();
                found.extend(others.into_iter().map(|i| &account.resources[i]));
                // Stable: each unit's resources keep their order.
                found.sort_by_key(|r| r.unit);
            }
        }
        found.into_iter()
    }

    /// Resources of any of `types` in the scope of `resource` (itself
    /// included), in workload order.
    pub fn in_scope(
        &self,
        resource: &Resource,
        types: &[&str],
    ) -> impl Iterator<Item = &'w Resource> + use<'w> {
        let (index, scope) = (self.unit(resource), resource.scope.as_str());
        let mut hits: Vec<usize> = types
            .iter()
            .filter_map(|t| index.by_scoped_type.get(&(scope, *t)))
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
        let (index, scope) = (self.unit(from), from.scope.as_str());
        index
            .by_id
            .get(&(scope, id))
            .or_else(|| index.by_id.get(&(scope, without_index(id))))
            .map(|&i| &self.workload.resources[i])
    }

    /// Resources of `types` whose top-level property `attr` refers to
    /// `resource` (by reference, or by the literal value of the resource's own
    /// `name_attr`, e.g. a Terraform bucket name, or by the same unresolved
    /// expression, e.g. both `bucket = var.name`), in the same scope.
    pub fn linked(
        &self,
        resource: &Resource,
        types: &[&str],
        attr: &str,
        name_attr: Option<&str>,
    ) -> Vec<&'w Resource> {
        let (index, scope) = (self.unit(resource), resource.scope.as_str());
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
        push(index.referrers.get(&(scope, id)));
        let name = name_attr.and_then(|a| resource.properties.get(a));
        if let Some(name) = name.and_then(Node::as_str) {
            push(index.by_literal.get(&(scope, name)));
        }
        if let Some(text) = name.and_then(|n| expression_text(self.workload, resource, n)) {
            push(index.by_expression.get(&(scope, text)));
        }
        out.sort_unstable();
        out.into_iter()
            .map(|i| &self.workload.resources[i])
            .collect()
    }

    /// When no resource of `types` is [`linked`](Self::linked) to
    /// `resource`: an unknown verdict naming the first one in the same scope
    /// whose `attr` is not static and is linked to no other resource of
    /// `resource`'s type, so it may name `resource` (a bucket and a
    /// versioning resource each named from a different variable). `None`
    /// when every one of them names something else for certain.
    pub fn unresolved_link(
        &self,
        resource: &Resource,
        types: &[&str],
        attr: &str,
        name_attr: Option<&str>,
    ) -> Option<crate::verdict::Verdict> {
        let parent_type = [resource.resource_type.as_str()];
        self.in_scope(resource, types).find_map(|r| {
            let node = r.properties.get(attr)?;
            // Linked to another resource of this type for certain.
            if self.parent_of(r, attr, &parent_type, name_attr).is_some() {
                return None;
            }
            let what = match &node.value {
                Value::Unknown(what) => what.as_str(),
                Value::Either(branches) => branches.iter().find_map(|b| match &b.value {
                    Value::Unknown(what) => Some(what.as_str()),
                    _ => None,
                })?,
                _ => return None,
            };
            let written = expression_text(self.workload, r, node).unwrap_or(what);
            Some(crate::verdict::Verdict::unknown(
                r,
                node.span,
                attr,
                format!(
                    "{} names its {attr} by {written} ({what}), which may be {}",
                    r.id, resource.id
                ),
            ))
        })
    }

    /// The source text of `node`, a value of `resource` that is not static
    /// (`var.bucket_name`), as written.
    pub fn source_text(&self, resource: &Resource, node: &Node) -> Option<&'w str> {
        expression_text(self.workload, resource, node)
    }

    /// The resource of `types` that `sub`'s top-level property `attr` names
    /// (by a reference anywhere in it, by the literal value of the parent's
    /// `name_attr`, or by the same unresolved expression), in the same scope:
    /// the inverse of [`linked`](Self::linked).
    pub fn parent_of(
        &self,
        sub: &Resource,
        attr: &str,
        types: &[&str],
        name_attr: Option<&str>,
    ) -> Option<&'w Resource> {
        let node = sub.properties.get(attr)?;
        let of_type = |r: &&'w Resource| types.contains(&r.resource_type.as_str());
        let mut refs = Vec::new();
        collect_refs(node, &mut refs);
        if let Some(parent) = refs
            .iter()
            .filter_map(|t| self.by_local_id(sub, t))
            .find(of_type)
        {
            return Some(parent);
        }
        let (index, scope) = (self.unit(sub), sub.scope.as_str());
        let name_attr = name_attr?;
        let hits = match &node.value {
            Value::String(s) => index.by_literal.get(&(scope, s.as_str())),
            _ => expression_text(self.workload, sub, node)
                .and_then(|text| index.by_expression.get(&(scope, text))),
        };
        hits.into_iter()
            .flatten()
            .filter(|(_, key)| *key == name_attr)
            .map(|(i, _)| &self.workload.resources[*i])
            .find(of_type)
    }
}
