//! Runs the rules and builds the responsibility matrix.

use crate::context::{AccountWide, Context, Settings};
use crate::rule::{Rule, Severity};
use crate::verdict::{Status, Verdict};
use foldhash::{HashMap, HashMapExt, HashSet};
use onus_ingest::{FileId, Resource, Workload};
use onus_model::{Catalog, Category, Duty, Owner, Verification};
use rayon::prelude::*;
use serde::Serialize;
use std::borrow::Cow;
use std::sync::{Arc, Mutex};

/// A duty's state for one resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DutyStatus {
    /// AWS carries it: nothing for the customer to do.
    Inherited,
    /// The customer's, and the rules that decided found it met.
    Met,
    /// The customer's, and a rule found it not met.
    NotMet,
    /// The customer's, and a rule could not decide statically (none found it
    /// not met).
    Unknown,
    /// The customer's, and no code can show it: the user signs it off.
    Attest,
    /// The customer's, but it does not arise for this resource.
    NotApplicable,
}

impl DutyStatus {
    /// The kebab-case name used in reports (`not-met`).
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

/// One rule's verdict on one duty of a resource.
#[derive(Debug, Clone, Serialize)]
pub struct RuleVerdict {
    /// The rule.
    pub rule: &'static Rule,
    /// What it concluded.
    pub verdict: Verdict,
}

/// Where a duty's owner, and the reason given for it, come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OwnerSource {
    /// The model's default for the category.
    Category(Category),
    /// The service's own split of the duty (the catalog's overrides), by
    /// service key.
    Service(&'static str),
}

/// One duty of one resource.
#[derive(Debug, Clone, Serialize)]
pub struct DutyRow {
    /// The duty.
    pub duty: Duty,
    /// Who carries it for this resource.
    pub owner: Owner,
    /// Why this party owns it (service override or the category's reason;
    /// with an undetermined category, the strictest category's).
    pub owner_reason: Cow<'static, str>,
    /// Where the owner and its reason come from.
    pub owner_source: OwnerSource,
    /// Its state for this resource.
    pub status: DutyStatus,
    /// Why the status is attest, inherited or not applicable. Shared between
    /// rows: most notes repeat for every resource of a type.
    pub note: Option<Arc<str>>,
    /// Attest only because no onus rule reads this duty for this resource
    /// type (as opposed to a duty no code can ever show).
    pub uncovered: bool,
    /// The verdicts of the rules that verify it, by rule id.
    pub verdicts: Vec<RuleVerdict>,
}

/// The matrix row of one resource.
#[derive(Debug, Clone, Serialize)]
pub struct ResourceReport {
    /// Index into the workload's resources.
    pub resource: usize,
    /// The service's category for this resource; `None` when undecided.
    pub category: Option<Category>,
    /// Every duty of the model, in [`Duty::ALL`] order.
    pub duties: Vec<DutyRow>,
}

/// A customer duty a rule found not met, or could not decide.
#[derive(Debug, Clone, Copy)]
pub struct Finding<'a> {
    /// The resource.
    pub resource: &'a Resource,
    /// The rule.
    pub rule: &'static Rule,
    /// Its not-met or unknown verdict.
    pub verdict: &'a Verdict,
}

/// The responsibility matrix of a whole workload: what [`scan`] returns.
#[derive(Debug, Clone, Serialize)]
pub struct ScanResult {
    /// One row per assessed resource (AWS resources, not data sources), in
    /// workload order.
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

/// What the engine runs on one resource at a time: a built-in rule's check
/// function, or a rule defined outside the binary (e.g. a policy file) that
/// carries the same metadata and reads resources through the same
/// [`Context`].
pub trait Check: Send + Sync {
    /// The rule's metadata (id, duty, types, severity, peers...). A rule
    /// made at run time leaks its metadata once to get a `'static` one.
    fn rule(&self) -> &'static Rule;
    /// Judges one resource of a type the rule evaluates.
    fn check(&self, resource: &Resource, cx: &Context) -> Verdict;
}

impl Check for &'static Rule {
    fn rule(&self) -> &'static Rule {
        self
    }

    fn check(&self, resource: &Resource, cx: &Context) -> Verdict {
        (self.check)(resource, cx)
    }
}

/// Checks by the resource type they evaluate, built once per scan.
struct RuleIndex {
    checks: Vec<Box<dyn Check>>,
    by_type: HashMap<&'static str, Vec<usize>>,
    every: Vec<usize>,
}

impl RuleIndex {
    fn new(checks: Vec<Box<dyn Check>>) -> RuleIndex {
        let mut by_type: HashMap<&'static str, Vec<usize>> = HashMap::new();
        let mut every: Vec<usize> = Vec::new();
        for (i, check) in checks.iter().enumerate() {
            let rule = check.rule();
            for t in rule.cfn_types.iter().chain(rule.tf_types) {
                if *t == "*" {
                    if !every.iter().any(|&e| checks[e].rule().id == rule.id) {
                        every.push(i);
                    }
                } else {
                    by_type.entry(t).or_default().push(i);
                }
            }
        }
        RuleIndex {
            checks,
            by_type,
            every,
        }
    }

    fn for_type(&self, resource_type: &str) -> impl Iterator<Item = &dyn Check> + '_ {
        self.by_type
            .get(resource_type)
            .into_iter()
            .flatten()
            .chain(&self.every)
            .map(|&i| &*self.checks[i])
    }
}

/// Runs the default rules (every registered rule but the opt-in ones, as
/// with no `enable` list) over the workload.
pub fn scan(workload: &Workload, settings: &Settings) -> ScanResult {
    scan_with(workload, settings, &crate::select::select(&[], &[]))
}

/// The attest notes of a scan, built once and shared by every row that
/// carries them, and the catalog's services by name.
#[derive(Default)]
struct Notes {
    /// By duty: why no code can show it.
    attest: HashMap<Duty, Arc<str>>,
    /// Resource type → per duty (in `Duty::ALL` order), "no onus rule checks
    /// ...". Filled as types are met.
    uncovered: Mutex<HashMap<Box<str>, DutyNotes>>,
    /// Catalog entries by the service names met (the catalog lookup compares
    /// every name and alias).
    services: Mutex<HashMap<Box<str>, Option<&'static onus_model::Service>>>,
}

/// One note per duty, in `Duty::ALL` order.
type DutyNotes = Arc<[Arc<str>]>;

/// The notes and services of the types and services of one workload, taken
/// from the scan's [`Notes`] once, then looked up without a lock.
struct UnitNotes<'w, 'n> {
    attest: &'n HashMap<Duty, Arc<str>>,
    uncovered: HashMap<&'w str, DutyNotes>,
    services: HashMap<&'w str, &'static onus_model::Service>,
}

impl Notes {
    fn new() -> Notes {
        let attest = Duty::ALL
            .into_iter()
            .filter_map(|d| Some((d, Arc::from(d.attest_reason()?))))
            .collect();
        Notes {
            attest,
            ..Notes::default()
        }
    }

    fn for_workload<'w>(&self, workload: &'w Workload) -> UnitNotes<'w, '_> {
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
        let uncovered = {
            let mut known = self.uncovered.lock().unwrap_or_else(|e| e.into_inner());
            types
                .into_iter()
                .map(|t| {
                    let notes = known.entry(t.into()).or_insert_with(|| {
                        Duty::ALL
                            .into_iter()
                            .map(|d| {
                                Arc::from(format!(
                                    "no onus rule checks {} for {t}: sign it off",
                                    d.slug()
                                ))
                            })
                            .collect()
                    });
                    (t, notes.clone())
                })
                .collect()
        };
        let services = {
            let mut known = self.services.lock().unwrap_or_else(|e| e.into_inner());
            names
                .into_iter()
                .filter_map(|name| {
                    let found = *known
                        .entry(name.into())
                        .or_insert_with(|| Catalog::get().find_service(name));
                    Some((name, found?))
                })
                .collect()
        };
        UnitNotes {
            attest: &self.attest,
            uncovered,
            services,
        }
    }
}

/// Runs `rules` over the workload.
pub fn scan_with(workload: &Workload, settings: &Settings, rules: &[&'static Rule]) -> ScanResult {
    ScanResult {
        resources: Engine::new(settings, rules).rows(workload),
    }
}

/// The checks of one scan with their indexes built, ready to evaluate one
/// workload (a unit of the scan, or several merged) after another, from any
/// thread.
pub struct Engine {
    settings: Settings,
    index: RuleIndex,
    notes: Notes,
    account: AccountWide,
}

impl Engine {
    /// Builds the indexes `rules` need over `workload`.
    pub fn new(settings: &Settings, rules: &[&'static Rule]) -> Self {
        let checks = rules
            .iter()
            .map(|r| Box::new(*r) as Box<dyn Check>)
            .collect();
        Engine::with_checks(settings, checks)
    }

    /// An engine running any [`Check`]s, built-in rules or not.
    pub fn with_checks(settings: &Settings, checks: Vec<Box<dyn Check>>) -> Self {
        Engine {
            settings: settings.clone(),
            index: RuleIndex::new(checks),
            notes: Notes::new(),
            account: AccountWide::default(),
        }
    }

    /// Lets rules see the account-wide resources of every unit
    /// ([`Context::of_type`]) while they check one unit at a time.
    pub fn with_account_wide(mut self, account: AccountWide) -> Self {
        self.account = account;
        self
    }

    /// The checks' rules, in the order given.
    pub fn rules(&self) -> impl Iterator<Item = &'static Rule> + '_ {
        self.index.checks.iter().map(|c| c.rule())
    }

    /// The matrix rows of the workload's resources, in workload order (data
    /// sources and other providers' resources, read but never assessed, left
    /// out: [`Resource::assessed`]). A verdict may point at
    /// the file of an account-wide resource of another unit: use
    /// [`Engine::evaluate`] when the engine has some.
    pub fn rows(&self, workload: &Workload) -> Vec<ResourceReport> {
        let cx = Context::with_account(workload, &self.settings, Some(&self.account));
        let notes = self.notes.for_workload(workload);
        let (index, notes, cx) = (&self.index, &notes, &cx);
        workload
            .resources
            .par_iter()
            .with_min_len(16)
            .enumerate()
            .filter(|(_, r)| r.assessed())
            .map(|(i, resource)| evaluate(i, resource, cx, index, notes))
            .collect()
    }

    /// [`Engine::rows`], adding to `workload` the files of other units that
    /// verdicts point at, so every verdict's file is in the workload.
    pub fn evaluate(&self, workload: &mut Workload) -> Vec<ResourceReport> {
        let mut rows = self.rows(workload);
        if self.account.is_empty() {
            return rows;
        }
        let mut added: HashMap<FileId, FileId> = HashMap::new();
        let verdicts = rows
            .iter_mut()
            .flat_map(|r| &mut r.duties)
            .flat_map(|d| &mut d.verdicts);
        for v in verdicts {
            let Some(file) = self.account.file(v.verdict.file) else {
                continue;
            };
            v.verdict.file = *added.entry(v.verdict.file).or_insert_with(|| {
                match workload.files.iter().position(|f| f.path == file.path) {
                    Some(i) => FileId(i as u32),
                    None => {
                        workload.add_file(file.path.clone(), file.format, file.lines.text().into())
                    }
                }
            });
        }
        rows
    }
}

fn evaluate(
    i: usize,
    resource: &Resource,
    cx: &Context,
    index: &RuleIndex,
    notes: &UnitNotes,
) -> ResourceReport {
    let category = resource.category.as_ref().and_then(|c| c.category);
    let service = resource
        .service
        .as_deref()
        .and_then(|name| notes.services.get(name).copied());
    // Verdicts grouped by duty (in `Duty::ALL` order), then by rule id.
    let mut by_duty: [Vec<RuleVerdict>; Duty::ALL.len()] = Default::default();
    for check in index.for_type(&resource.resource_type) {
        let rule = check.rule();
        let slot = Duty::ALL.iter().position(|d| *d == rule.duty).unwrap_or(0);
        by_duty[slot].push(RuleVerdict {
            rule,
            verdict: check_caught(check, resource, cx),
        });
    }
    let duties = Duty::ALL
        .into_iter()
        .zip(by_duty)
        .map(|(duty, mut mine)| {
            mine.sort_by(|a, b| a.rule.id.cmp(b.rule.id));
            let (owner, reason, source) = owner_of(duty, category, service);
            row(
                duty,
                (owner, reason, source),
                mine,
                &resource.resource_type,
                notes,
            )
        })
        .collect();
    ResourceReport {
        resource: i,
        category,
        duties,
    }
}

/// Runs one check on one resource; a panic in the check becomes an unknown
/// verdict naming the rule rather than ending the scan.
fn check_caught(check: &dyn Check, resource: &Resource, cx: &Context) -> Verdict {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check.check(resource, cx)))
        .unwrap_or_else(|_| {
            Verdict::unknown(
                resource,
                resource.name_span,
                "",
                format!("internal error in rule {}", check.rule().id),
            )
        })
}

/// The owner of a duty for a resource. An unknown category takes the owner that
/// asks most of the customer, so nothing is waved through as inherited.
fn owner_of(
    duty: Duty,
    category: Option<Category>,
    service: Option<&'static onus_model::Service>,
) -> (Owner, Cow<'static, str>, OwnerSource) {
    let categories: &[Category] = match &category {
        Some(c) => std::slice::from_ref(c),
        None => &Category::ALL,
    };
    let mut best: Option<(Owner, &'static str, OwnerSource)> = None;
    for &c in categories {
        let (owner, reason, source) = match service {
            Some(s) => match s.duty_owner(duty, c) {
                (owner, Some(reason)) => (owner, reason, OwnerSource::Service(s.key())),
                (owner, None) => (owner, duty.reason(c), OwnerSource::Category(c)),
            },
            None => (duty.owner(c), duty.reason(c), OwnerSource::Category(c)),
        };
        if best.is_none_or(|(o, _, _)| owner > o) {
            best = Some((owner, reason, source));
        }
    }
    let (owner, reason, source) = best.unwrap_or((
        Owner::Customer,
        "",
        OwnerSource::Category(Category::Infrastructure),
    ));
    if category.is_none() {
        let reason = format!("category undetermined, so the strictest owner applies: {reason}");
        return (owner, Cow::Owned(reason), source);
    }
    (owner, Cow::Borrowed(reason), source)
}

fn row(
    duty: Duty,
    (owner, owner_reason, owner_source): (Owner, Cow<'static, str>, OwnerSource),
    verdicts: Vec<RuleVerdict>,
    resource_type: &str,
    notes: &UnitNotes,
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
        let slot = Duty::ALL.iter().position(|d| *d == duty).unwrap_or(0);
        (
            DutyStatus::Attest,
            notes
                .uncovered
                .get(resource_type)
                .and_then(|n| n.get(slot))
                .cloned(),
        )
    };
    DutyRow {
        duty,
        owner,
        owner_reason,
        owner_source,
        status,
        note,
        uncovered,
        verdicts,
    }
}
