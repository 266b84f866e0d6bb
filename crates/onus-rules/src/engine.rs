//! Runs the rules and builds the responsibility matrix.

use crate::context::{Context, Settings};
use crate::rule::{Rule, Severity};
use crate::verdict::{Status, Verdict};
use foldhash::{HashMap, HashMapExt, HashSet};
use onus_ingest::{Resource, Workload};
use onus_model::{Catalog, Category, Duty, Owner, Verification};
use rayon::prelude::*;
use serde::Serialize;
use std::borrow::Cow;
use std::sync::Arc;

/// A duty's state for one resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DutyStatus {
    /// AWS carries it: nothing for the customer to do.
    Inherited,
    Met,
    NotMet,
    Unknown,
    /// The customer's, and no code can show it: the user signs it off.
    Attest,
    /// The customer's, but it does not arise for this resource.
    NotApplicable,
}

impl DutyStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DutyStatus::Inherited => "inherited",
            DutyStatus::Met => "met",
            DutyStatus::NotMet => "not-met",
            DutyStatus::Unknown => "unknown",
            DutyStatus::Attest => "attest",
            DutyStatus::NotApplicable => "not-applicable",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct RuleVerdict {
    pub rule: &'static Rule,
    pub verdict: Verdict,
}

/// One duty of one resource.
#[derive(Debug, Clone, Serialize)]
pub struct DutyRow {
    pub duty: Duty,
    pub owner: Owner,
    /// Why this party owns it (service override or the category's reason).
    pub owner_reason: Cow<'static, str>,
    pub status: DutyStatus,
    /// Why the status is attest, inherited or not applicable. Shared between
    /// rows: most notes repeat for every resource of a type.
    pub note: Option<Arc<str>>,
    /// Attest only because no onus rule reads this duty for this resource
    /// type (as opposed to a duty no code can ever show).
    pub uncovered: bool,
    pub verdicts: Vec<RuleVerdict>,
}

/// The matrix row of one resource.
#[derive(Debug, Clone, Serialize)]
pub struct ResourceReport {
    /// Index into the workload's resources.
    pub resource: usize,
    pub category: Option<Category>,
    pub duties: Vec<DutyRow>,
}

/// A customer duty a rule found not met, or could not decide.
#[derive(Debug, Clone, Copy)]
pub struct Finding<'a> {
    pub resource: &'a Resource,
    pub rule: &'static Rule,
    pub verdict: &'a Verdict,
}

#[derive(Debug, Clone, Serialize)]
pub struct ScanResult {
    pub resources: Vec<ResourceReport>,
}

impl ScanResult {
    /// Not-met and unknown verdicts, in resource order.
    pub fn findings<'a>(&'a self, workload: &'a Workload) -> Vec<Finding<'a>> {
        self.resources
            .iter()
            .flat_map(|r| {
                r.duties.iter().flat_map(move |d| {
                    d.verdicts
                        .iter()
                        .filter(|v| matches!(v.verdict.status, Status::NotMet | Status::Unknown))
                        .map(move |v| Finding {
                            resource: &workload.resources[r.resource],
                            rule: v.rule,
                            verdict: &v.verdict,
                        })
                })
            })
            .collect()
    }

    /// True when a not-met verdict is at or above `threshold`.
    pub fn fails_at(&self, threshold: Severity) -> bool {
        self.resources.iter().any(|r| {
            r.duties.iter().any(|d| {
                d.verdicts
                    .iter()
                    .any(|v| v.verdict.status == Status::NotMet && v.rule.severity >= threshold)
            })
        })
    }
}

/// Rules by the resource type they evaluate, built once per scan.
struct RuleIndex {
    by_type: HashMap<&'static str, Vec<&'static Rule>>,
    every: Vec<&'static Rule>,
}

impl RuleIndex {
    fn new(rules: &[&'static Rule]) -> RuleIndex {
        let mut by_type: HashMap<&'static str, Vec<&'static Rule>> = HashMap::new();
        let mut every = Vec::new();
        for rule in rules {
            for t in rule.cfn_types.iter().chain(rule.tf_types) {
                if *t == "*" {
                    if !every.iter().any(|r: &&Rule| r.id == rule.id) {
                        every.push(*rule);
                    }
                } else {
                    by_type.entry(t).or_default().push(rule);
                }
            }
        }
        RuleIndex { by_type, every }
    }

    fn for_type(&self, resource_type: &str) -> impl Iterator<Item = &'static Rule> + '_ {
        self.by_type
            .get(resource_type)
            .into_iter()
            .flatten()
            .copied()
            .chain(self.every.iter().copied())
    }
}

/// Runs the default rules (every registered rule but the opt-in ones, as
/// with no `enable` list) over the workload.
pub fn scan(workload: &Workload, settings: &Settings) -> ScanResult {
    scan_with(workload, settings, &crate::select::select(&[], &[]))
}

/// The attest notes of a scan, built once and shared by every row that
/// carries them.
struct Notes<'w> {
    /// By duty: why no code can show it.
    attest: HashMap<Duty, Arc<str>>,
    /// (duty, resource type) → "no onus rule checks ...".
    uncovered: HashMap<(Duty, &'w str), Arc<str>>,
    /// Catalog entries by the service names the workload uses (the catalog
    /// lookup compares every name and alias).
    services: HashMap<&'w str, &'static onus_model::Service>,
}

impl<'w> Notes<'w> {
    fn new(workload: &'w Workload) -> Notes<'w> {
        let attest = Duty::ALL
            .into_iter()
            .filter_map(|d| Some((d, Arc::from(d.attest_reason()?))))
            .collect();
        let types: HashSet<&str> = workload
            .resources
            .iter()
            .map(|r| r.resource_type.as_str())
            .collect();
        let names: HashSet<&str> = workload
            .resources
            .iter()
            .filter_map(|r| r.service.as_deref())
            .collect();
        let services = names
            .into_iter()
            .filter_map(|name| Some((name, Catalog::get().find_service(name)?)))
            .collect();
        let uncovered = types
            .into_iter()
            .flat_map(|t| {
                Duty::ALL.into_iter().map(move |d| {
                    let note = format!("no onus rule checks {} for {t}: sign it off", d.slug());
                    ((d, t), Arc::from(note))
                })
            })
            .collect();
        Notes {
            attest,
            uncovered,
            services,
        }
    }
}

/// Runs `rules` over the workload.
pub fn scan_with(workload: &Workload, settings: &Settings, rules: &[&'static Rule]) -> ScanResult {
    let engine = Engine::new(workload, settings, rules);
    let resources = (0..workload.resources.len())
        .into_par_iter()
        .filter_map(|i| engine.evaluate(i))
        .collect();
    ScanResult { resources }
}

/// The rules of one scan with their indexes built, ready to evaluate the
/// workload's resources one at a time (in any order, from any thread), so a
/// caller can report on some resources before others are evaluated.
pub struct Engine<'w> {
    workload: &'w Workload,
    cx: Context<'w>,
    index: RuleIndex,
    notes: Notes<'w>,
}

impl<'w> Engine<'w> {
    pub fn new(workload: &'w Workload, settings: &'w Settings, rules: &[&'static Rule]) -> Self {
        let (cx, notes) = rayon::join(|| Context::new(workload, settings), || Notes::new(workload));
        Engine {
            workload,
            cx,
            index: RuleIndex::new(rules),
            notes,
        }
    }

    /// The matrix row of resource `i` of the workload; `None` for a data
    /// source (read, never checked) or an index out of range.
    pub fn evaluate(&self, i: usize) -> Option<ResourceReport> {
        let resource = self.workload.resources.get(i)?;
        if !resource.assessed() {
            return None;
        }
        Some(evaluate(i, resource, &self.cx, &self.index, &self.notes))
    }
}

fn evaluate(
    i: usize,
    resource: &Resource,
    cx: &Context,
    index: &RuleIndex,
    notes: &Notes,
) -> ResourceReport {
    let category = resource.category.as_ref().and_then(|c| c.category);
    let service = resource
        .service
        .as_deref()
        .and_then(|name| notes.services.get(name).copied());
    // Verdicts grouped by duty (in `Duty::ALL` order), then by rule id.
    let mut by_duty: [Vec<RuleVerdict>; Duty::ALL.len()] = Default::default();
    for rule in index.for_type(&resource.resource_type) {
        let slot = Duty::ALL.iter().position(|d| *d == rule.duty).unwrap_or(0);
        by_duty[slot].push(RuleVerdict {
            rule,
            verdict: check_caught(rule, resource, cx),
        });
    }
    let duties = Duty::ALL
        .into_iter()
        .zip(by_duty)
        .map(|(duty, mut mine)| {
            mine.sort_by(|a, b| a.rule.id.cmp(b.rule.id));
            let (owner, reason) = owner_of(duty, category, service);
            row(duty, owner, reason, mine, &resource.resource_type, notes)
        })
        .collect();
    ResourceReport {
        resource: i,
        category,
        duties,
    }
}

/// Runs one rule on one resource; a panic in the rule becomes an unknown
/// verdict naming the rule rather than ending the scan.
fn check_caught(rule: &'static Rule, resource: &Resource, cx: &Context) -> Verdict {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| (rule.check)(resource, cx)))
        .unwrap_or_else(|_| {
            Verdict::unknown(
                resource,
                resource.name_span,
                "",
                format!("internal error in rule {}", rule.id),
            )
        })
}

/// The owner of a duty for a resource. An unknown category takes the owner that
/// asks most of the customer, so nothing is waved through as inherited.
fn owner_of(
    duty: Duty,
    category: Option<Category>,
    service: Option<&'static onus_model::Service>,
) -> (Owner, Cow<'static, str>) {
    let categories: &[Category] = match &category {
        Some(c) => std::slice::from_ref(c),
        None => &Category::ALL,
    };
    let mut best: Option<(Owner, &'static str)> = None;
    for &c in categories {
        let (owner, reason) = match service {
            Some(s) => {
                let (owner, reason) = s.duty_owner(duty, c);
                let reason = reason.unwrap_or_else(|| duty.reason(c));
                (owner, reason)
            }
            None => (duty.owner(c), duty.reason(c)),
        };
        if best.is_none_or(|(o, _)| owner > o) {
            best = Some((owner, reason));
        }
    }
    let (owner, reason) = best.unwrap_or((Owner::Customer, ""));
    if category.is_none() {
        let reason = format!("category undetermined, so the strictest owner applies: {reason}");
        return (owner, Cow::Owned(reason));
    }
    (owner, Cow::Borrowed(reason))
}

fn row(
    duty: Duty,
    owner: Owner,
    owner_reason: Cow<'static, str>,
    verdicts: Vec<RuleVerdict>,
    resource_type: &str,
    notes: &Notes,
) -> DutyRow {
    let has = |status: Status| verdicts.iter().any(|v| v.verdict.status == status);
    let decided = verdicts
        .iter()
        .any(|v| v.verdict.status != Status::NotApplicable);
    // AWS's duty, but a rule reads a setting of it that is the customer's
    // (e.g. allowing minor-version upgrades AWS then applies): shared.
    let owner = if owner == Owner::Aws && decided {
        Owner::Shared
    } else {
        owner
    };
    let uncovered =
        owner != Owner::Aws && verdicts.is_empty() && duty.verification() != Verification::Attest;
    let (status, note) = if owner == Owner::Aws {
        (DutyStatus::Inherited, None)
    } else if has(Status::NotMet) {
        (DutyStatus::NotMet, None)
    } else if has(Status::Unknown) {
        (DutyStatus::Unknown, None)
    } else if has(Status::Met) {
        (DutyStatus::Met, None)
    } else if duty.verification() == Verification::Attest {
        (DutyStatus::Attest, notes.attest.get(&duty).cloned())
    } else if let Some(v) = verdicts.first().filter(|_| {
        verdicts
            .iter()
            .all(|v| v.rule.reads.contains(&resource_type))
    }) {
        // A sub-resource judged with its parent, which is scanned (see
        // `parent.rs`): the duty is the parent's row.
        (
            DutyStatus::NotApplicable,
            Some(Arc::from(v.verdict.message.as_ref())),
        )
    } else if let Some(v) = verdicts.first() {
        // Every rule said not applicable: say why (e.g. no allowed regions set).
        (
            DutyStatus::Attest,
            Some(Arc::from(v.verdict.message.as_ref())),
        )
    } else {
        (
            DutyStatus::Attest,
            notes.uncovered.get(&(duty, resource_type)).cloned(),
        )
    };
    DutyRow {
        duty,
        owner,
        owner_reason,
        status,
        note,
        uncovered,
        verdicts,
    }
}
