//! The view of a scan result every format reads. Serialised as it is, it is
//! the version 1 JSON layout (`--json-v1`, `schemas/report-v1.schema.json`);
//! `--format json` writes version 2 from it ([`crate::json`]).

use crate::suppress::{self, SuppressOptions, SuppressionView};
use onus_ingest::{DiagnosticLevel, FileId, Span, Workload};
use onus_model::{Category, Duty, Owner};
use onus_rules::{DutyStatus, ResourceReport, ScanResult, Severity, Status};
use rayon::prelude::*;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The JSON layout version of a serialised [`Report`] ([`crate::json`] writes
/// version 2).
pub const SCHEMA_VERSION: u32 = 1;

/// Lines of context around a finding kept in its excerpt.
const EXCERPT_CONTEXT: u32 = 2;
/// Longest excerpt line kept, in characters.
const EXCERPT_WIDTH: usize = 200;

/// A resolved position: the file as reported (relative to the scan root when
/// under it) and a 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Location {
    /// Shared by every location in the same file.
    pub file: Arc<str>,
    /// Line, from 1.
    pub line: u32,
    /// Column, from 1, in characters.
    pub column: u32,
}

/// One line of a scanned file, control characters replaced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExcerptLine {
    /// Its line number, from 1.
    pub line: u32,
    /// The line's text, cut at 200 characters.
    pub text: String,
}

/// One rule's verdict on one duty of a resource, its position resolved.
#[derive(Debug, Clone, Serialize)]
pub struct VerdictView {
    /// The rule id.
    pub rule: &'static str,
    /// The rule's title.
    pub title: &'static str,
    /// The rule's severity.
    pub severity: Severity,
    /// What the rule concluded.
    pub status: Status,
    /// What was found (or missing), for people.
    pub message: Cow<'static, str>,
    /// Property path that decided it (empty: the resource as a whole).
    pub path: String,
    /// Where it points: the deciding property, or the resource's name when a
    /// property is missing.
    pub location: Location,
    /// The unresolved value, for unknown verdicts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unknown: Option<String>,
    /// Stable across edits that move the resource: rule, file and resource id.
    pub fingerprint: Fingerprint,
    /// Set when a suppression (or the baseline) names this verdict.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppression: Option<Box<SuppressionView>>,
    /// The source lines around `location` (not-met and unknown verdicts only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub excerpt: Vec<ExcerptLine>,
}

impl VerdictView {
    /// A not-met or unknown verdict.
    pub fn is_finding(&self) -> bool {
        matches!(self.status, Status::NotMet | Status::Unknown)
    }

    /// Suppressed by a suppression that has not expired (baseline included).
    pub fn is_suppressed(&self) -> bool {
        self.suppression.as_ref().is_some_and(|s| s.active)
    }

    /// Matched by the `--baseline` file: not reported at all.
    pub fn in_baseline(&self) -> bool {
        self.suppression
            .as_ref()
            .is_some_and(|s| s.kind == suppress::SuppressionKind::Baseline)
    }

    /// A not-met verdict that counts toward the exit code.
    pub fn counts(&self) -> bool {
        self.status == Status::NotMet && !self.is_suppressed()
    }

    /// Something to do: a not-met or unknown verdict outside the baseline and
    /// not under an active suppression (an expired one counts again).
    pub fn needs_action(&self) -> bool {
        self.is_finding() && !self.is_suppressed()
    }
}

/// 64-bit FNV-1a of a finding's rule, file and resource id; written as 16 hex
/// digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fingerprint(pub u64);

impl std::fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl Serialize for Fingerprint {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// One duty of one resource. Serialised with the duty's title, which is not
/// stored per row.
#[derive(Debug, Clone)]
pub struct DutyView {
    /// The duty.
    pub duty: Duty,
    /// The layer it follows from.
    pub layer: onus_model::Layer,
    /// Who carries it for this resource.
    pub owner: Owner,
    /// Why that party owns it: the service's override or the category's reason.
    pub owner_reason: Cow<'static, str>,
    /// Where the owner comes from (names the reason in the JSON report).
    pub owner_source: onus_rules::OwnerSource,
    /// Its state for this resource.
    pub status: DutyStatus,
    /// Why the status is attest, inherited or not applicable, when it is.
    pub note: Option<Arc<str>>,
    /// Attest only because no onus rule reads this duty for this type.
    pub uncovered: bool,
    /// The verdicts of the rules that verify it.
    pub verdicts: Box<[VerdictView]>,
}

impl DutyView {
    /// The duty's title.
    pub fn title(&self) -> &'static str {
        self.duty.title()
    }
}

impl Serialize for DutyView {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("DutyView", 9)?;
        s.serialize_field("duty", &self.duty)?;
        s.serialize_field("title", self.duty.title())?;
        s.serialize_field("layer", &self.layer)?;
        s.serialize_field("owner", &self.owner)?;
        s.serialize_field("owner_reason", &self.owner_reason)?;
        s.serialize_field("status", &self.status)?;
        match &self.note {
            Some(note) => s.serialize_field("note", note)?,
            None => s.skip_field("note")?,
        }
        s.serialize_field("uncovered", &self.uncovered)?;
        s.serialize_field("verdicts", &self.verdicts)?;
        s.end()
    }
}

/// Resources in report order, one slice per file.
pub(crate) fn by_file<'a, 'w>(resources: &'a [ResourceView<'w>]) -> Vec<&'a [ResourceView<'w>]> {
    resources
        .chunk_by(|a, b| a.location.file == b.location.file)
        .collect()
}

/// One resource's report. Its names borrow from the workload, so building
/// and freeing a view copies no strings.
#[derive(Debug, Clone, Serialize)]
pub struct ResourceView<'w> {
    /// CloudFormation logical id or Terraform address.
    pub id: &'w str,
    /// The resource type; for SAM, the type the transform generates.
    #[serde(rename = "type")]
    pub resource_type: &'w str,
    /// The type as written, when it differs from `resource_type` (SAM).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_type: Option<&'w str>,
    /// The reader that produced it.
    pub format: onus_ingest::Format,
    /// Where the resource's name is written.
    pub location: Location,
    /// The catalog's service name, when the type is in the catalog.
    pub service: Option<&'w str>,
    /// The service's category for this resource; `None` when it could not be
    /// decided.
    pub category: Option<Category>,
    /// Why it has that category, or why it could not be decided.
    pub category_reason: Option<&'w str>,
    /// The Region, when it is known statically.
    pub region: Option<&'w str>,
    /// The deployed resource's ARN (format `aws`): its location.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arn: Option<Arc<str>>,
    /// Read in a nested stack: its parent's stack resource.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stack: Option<StackView<'w>>,
    /// Every duty of the model for this resource, with its owner and status.
    pub duties: Vec<DutyView>,
}

/// The parent's stack resource of a resource read in a nested stack.
#[derive(Debug, Clone, Serialize)]
pub struct StackView<'w> {
    /// The stack resource's logical id.
    pub parent: &'w str,
    /// Where the stack resource is declared.
    pub location: Location,
    /// How the nested template was found.
    pub found: &'w str,
}

impl<'w> ResourceView<'w> {
    /// Whether any verdict of the resource needs action
    /// ([`VerdictView::needs_action`]).
    pub fn needs_action(&self) -> bool {
        self.duties
            .iter()
            .any(|d| d.verdicts.iter().any(VerdictView::needs_action))
    }

    /// The resource's findings (not-met and unknown verdicts outside the
    /// baseline), in report order.
    pub fn findings(&self) -> impl Iterator<Item = FindingRef<'_>> {
        self.duties.iter().flat_map(move |duty| {
            duty.verdicts
                .iter()
                .filter(|v| v.is_finding() && !v.in_baseline())
                .map(move |verdict| FindingRef {
                    resource: self,
                    duty,
                    verdict,
                })
        })
    }
}

/// A problem with an input file, its position resolved.
#[derive(Debug, Clone, Serialize)]
pub struct DiagnosticView {
    /// Error (the scan is incomplete) or warning.
    pub level: DiagnosticLevel,
    /// Where in the file.
    pub location: Location,
    /// What is wrong, for people.
    pub message: String,
}

/// Counts of duty cells by owner and status.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// Files read.
    pub files: usize,
    /// Resources reported.
    pub resources: usize,
    /// Duties AWS carries, over all resources.
    pub inherited: usize,
    /// The customer's duties met.
    pub met: usize,
    /// The customer's duties not met.
    pub not_met: usize,
    /// The customer's duties whose verdict could not be decided statically.
    pub unknown: usize,
    /// The customer's duties left for the user to attest.
    pub attest: usize,
    /// Of `attest`, the duties no onus rule checks for that resource type.
    pub attest_uncovered: usize,
    /// The customer's duties that do not arise for the resource.
    pub not_applicable: usize,
    /// Not-met verdicts by rule severity, suppressed ones left out.
    pub findings_by_severity: BTreeMap<Severity, usize>,
    /// Unknown verdicts (each names the value it could not resolve).
    pub unknown_verdicts: usize,
    /// Not-met and unknown verdicts under an active suppression (baseline excluded).
    pub suppressed: usize,
    /// Not-met and unknown verdicts matched by the baseline (not reported).
    pub baselined: usize,
    /// Error diagnostics: inputs not read completely.
    pub errors: usize,
    /// Files looked at and skipped: not infrastructure code.
    pub skipped_files: usize,
    /// Resources with something to do: a finding outside the baseline and
    /// not under an active suppression.
    #[serde(skip)]
    pub to_act: usize,
    /// Findings whose suppression has expired (they count again).
    #[serde(skip)]
    pub expired: usize,
    /// Not-met verdicts that count, by duty and rule.
    #[serde(skip)]
    pub unmet_by_rule: BTreeMap<(Duty, &'static str), usize>,
    /// Duties left to attest because no rule checks them for the type, by
    /// duty: how many resources.
    #[serde(skip)]
    pub uncovered_by_duty: BTreeMap<Duty, usize>,
}

/// The one view of a scan that every format reads; serialised as it is, the
/// version 1 JSON layout (`schemas/report-v1.schema.json`).
#[derive(Debug, Clone, Serialize)]
pub struct Report<'w> {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// `onus`.
    pub tool: &'static str,
    /// The version of onus that wrote it.
    pub version: &'static str,
    /// The assessed resources with their duties, grouped by file.
    pub resources: Vec<ResourceView<'w>>,
    /// Problems with the input files.
    pub diagnostics: Vec<DiagnosticView>,
    /// The totals.
    pub summary: Summary,
    /// True when some file could not be read completely.
    pub incomplete: bool,
    /// Things the user should know about how the scan was run
    /// (e.g. inline suppressions switched off).
    pub notes: Vec<String>,
    /// The live account read with `--aws`: code and account side by side,
    /// unmanaged resources.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub live: Option<crate::live::LiveSection>,
}

/// Where a finding is reported, one per not-met or unknown verdict.
#[derive(Debug, Clone, Copy)]
pub struct FindingRef<'a> {
    /// The resource.
    pub resource: &'a ResourceView<'a>,
    /// The duty the verdict is about.
    pub duty: &'a DutyView,
    /// The not-met or unknown verdict.
    pub verdict: &'a VerdictView,
}

pub(crate) fn location(workload: &Workload, file: FileId, span: Span) -> Location {
    let f = workload.file(file);
    let lc = f.lines.line_col(span.start);
    Location {
        file: Arc::from(display_path(&f.path)),
        line: lc.line,
        column: lc.column,
    }
}

pub(crate) use onus_ingest::display_path;

/// The display path of every file, formatted once per report (not once per
/// finding), and its lines.
pub(crate) struct FileLines<'w> {
    workload: &'w Workload,
    paths: Vec<Arc<str>>,
    /// Whether the file mentions an inline suppression at all.
    markers: Vec<bool>,
}

/// The lines of one file, read through its line index (nothing is split).
#[derive(Clone, Copy)]
pub(crate) struct Lines<'w>(Option<&'w onus_ingest::LineIndex>);

impl<'w> Lines<'w> {
    /// Line `i`, 0-based.
    pub(crate) fn get(&self, i: usize) -> Option<&'w str> {
        self.0?.line(i)
    }

    pub(crate) fn len(&self) -> usize {
        self.0.map_or(0, |l| l.line_count())
    }
}

impl<'w> FileLines<'w> {
    #[cfg(test)]
    pub(crate) fn new(workload: &'w Workload) -> Self {
        Self::with_excerpts(workload, true)
    }

    /// Notes which files may hold inline suppressions.
    pub(crate) fn with_excerpts(workload: &'w Workload, _excerpts: bool) -> Self {
        let markers: Vec<bool> = workload
            .files
            .iter()
            .map(|f| {
                let text = f.lines.text();
                text.contains("onus:ignore") || text.contains("checkov:skip")
            })
            .collect();
        FileLines {
            workload,
            paths: workload
                .files
                .iter()
                .map(|f| Arc::from(display_path(&f.path)))
                .collect(),
            markers,
        }
    }

    /// Only the display paths, to locate resources and diagnostics.
    pub(crate) fn for_locations(workload: &'w Workload) -> Self {
        FileLines {
            workload,
            paths: workload
                .files
                .iter()
                .map(|f| Arc::from(display_path(&f.path)))
                .collect(),
            markers: Vec::new(),
        }
    }

    /// False when no line of the file can hold an inline suppression.
    pub(crate) fn has_markers(&self, file: FileId) -> bool {
        self.markers.get(file.0 as usize).copied().unwrap_or(true)
    }

    pub(crate) fn of(&self, file: FileId) -> Lines<'w> {
        Lines(self.workload.files.get(file.0 as usize).map(|f| &f.lines))
    }

    pub(crate) fn path(&self, file: FileId) -> Arc<str> {
        match self.paths.get(file.0 as usize) {
            Some(p) => p.clone(),
            None => Arc::from(display_path(&self.workload.file(file).path)),
        }
    }

    /// `location` without formatting the path again.
    pub(crate) fn location(&self, file: FileId, span: Span) -> Location {
        let lc = self.workload.file(file).lines.line_col(span.start);
        Location {
            file: self.path(file),
            line: lc.line,
            column: lc.column,
        }
    }
}

/// The lines around a finding, secrets masked: a report never prints a
/// secret, even one on a line next to an unrelated finding.
fn excerpt(lines: &FileLines<'_>, file: FileId, line: u32) -> Vec<ExcerptLine> {
    let lines = lines.of(file);
    let first = line.saturating_sub(EXCERPT_CONTEXT).max(1);
    let last = (line + EXCERPT_CONTEXT).min(lines.len() as u32);
    if first > last {
        return Vec::new();
    }
    // Masking reads a few lines around each: only those are gathered.
    let (before, after) = onus_rules::secrets::CONTEXT_LINES;
    let from = (first as usize - 1).saturating_sub(before);
    let to = (last as usize - 1 + after).min(lines.len().saturating_sub(1));
    let window: Vec<&str> = (from..=to).filter_map(|i| lines.get(i)).collect();
    onus_rules::secrets::mask_excerpt(&window, first as usize - 1 - from, last as usize - 1 - from)
        .into_iter()
        .zip(first..=last)
        .map(|(text, n)| {
            let cut = text
                .char_indices()
                .nth(EXCERPT_WIDTH)
                .map_or(text.len(), |(i, _)| i);
            ExcerptLine {
                line: n,
                text: crate::terminal::clean(&text[..cut]),
            }
        })
        .collect()
}

/// 64-bit FNV-1a, hex: a stable fingerprint that needs no dependency.
pub fn fingerprint(parts: &[&str]) -> String {
    fingerprint_of(parts).to_string()
}

/// [`fingerprint`] before it is written out.
pub fn fingerprint_of(parts: &[&str]) -> Fingerprint {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain([0u8]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    Fingerprint(hash)
}

/// Builds the report of one scan with no suppressions. Resources are sorted by
/// file and position.
pub fn build(workload: &Workload, result: ScanResult) -> Report<'_> {
    build_with(workload, result, &SuppressOptions::default())
}

/// Builds the report, applying inline, metadata and config suppressions and the
/// baseline. Takes the scan result so its verdicts move into the report rather
/// than being copied.
pub fn build_with<'w>(
    workload: &'w Workload,
    result: ScanResult,
    options: &SuppressOptions,
) -> Report<'w> {
    build_with_excerpts(workload, result, options, true)
}

/// [`build_with`], filling the findings' source excerpts only when `excerpts`
/// is set (the JSON and HTML formats show them; the others need not pay for
/// them).
pub fn build_with_excerpts<'w>(
    workload: &'w Workload,
    result: ScanResult,
    options: &SuppressOptions,
    excerpts: bool,
) -> Report<'w> {
    let config = suppress::CompiledConfig::new(options);
    let builder = Builder::new(workload, &config, options, excerpts);
    let built: Vec<(ResourceView, Vec<DiagnosticView>)> = result
        .resources
        .into_par_iter()
        .map(|r| {
            let mut diagnostics = Vec::new();
            let view = builder.view(r, &mut diagnostics);
            (view, diagnostics)
        })
        .collect();
    let mut extra_diagnostics = Vec::new();
    let mut resources = Vec::with_capacity(built.len());
    for (view, mut diagnostics) in built {
        resources.push(view);
        extra_diagnostics.append(&mut diagnostics);
    }
    resources.par_sort_by(|a, b| a.location.cmp(&b.location).then_with(|| a.id.cmp(b.id)));
    let mut diagnostics = builder.diagnostics();
    diagnostics.extend(suppress::check_config(options));
    diagnostics.extend(extra_diagnostics);
    let mut not_assessed = NotAssessed::default();
    not_assessed.add(workload);
    let mut report = finish(
        resources,
        diagnostics,
        options,
        workload.incomplete(),
        &not_assessed,
        Vec::new(),
    );
    report.summary = summarize(&report, workload.files.len(), workload.skipped_files);
    report
}

/// The report around `resources` (already in report order): diagnostics
/// sorted and deduplicated, notes (the resources not assessed, those of the
/// options, then `more_notes`). The summary is left to the caller.
pub(crate) fn finish<'r>(
    resources: Vec<ResourceView<'r>>,
    mut diagnostics: Vec<DiagnosticView>,
    options: &SuppressOptions,
    incomplete: bool,
    not_assessed: &NotAssessed,
    more_notes: Vec<String>,
) -> Report<'r> {
    sort_diagnostics(&mut diagnostics);
    let mut notes = Vec::new();
    notes.extend(not_assessed.note());
    if !options.inline {
        notes.push(
            "inline suppressions (onus:ignore, checkov:skip comments and template Metadata) were not applied (--no-inline-ignores)"
                .to_owned(),
        );
    }
    notes.extend(more_notes);
    Report {
        schema_version: SCHEMA_VERSION,
        tool: "onus",
        version: env!("CARGO_PKG_VERSION"),
        incomplete,
        resources,
        diagnostics,
        summary: Summary::default(),
        notes,
        live: None,
    }
}

/// Diagnostics by location, then message, each once.
pub(crate) fn sort_diagnostics(diagnostics: &mut Vec<DiagnosticView>) {
    diagnostics.sort_by(|a, b| {
        a.location
            .cmp(&b.location)
            .then_with(|| a.message.cmp(&b.message))
    });
    diagnostics.dedup_by(|a, b| a.location == b.location && a.message == b.message);
}

/// Turns the engine's rows into report views, one resource at a time.
pub(crate) struct Builder<'w, 'o> {
    workload: &'w Workload,
    /// Nested stacks by the unit and scope of their resources.
    stacks: std::collections::HashMap<(u32, &'w str), &'w onus_ingest::NestedStack>,
    pub(crate) file_lines: FileLines<'w>,
    config: &'o suppress::CompiledConfig<'o>,
    options: &'o SuppressOptions,
    excerpts: bool,
}

impl<'w, 'o> Builder<'w, 'o> {
    pub(crate) fn new(
        workload: &'w Workload,
        config: &'o suppress::CompiledConfig<'o>,
        options: &'o SuppressOptions,
        excerpts: bool,
    ) -> Self {
        Builder {
            workload,
            stacks: workload
                .stacks
                .iter()
                .map(|s| ((s.unit, s.scope.as_str()), s))
                .collect(),
            file_lines: FileLines::with_excerpts(workload, excerpts),
            config,
            options,
            excerpts,
        }
    }

    /// The view of one resource; rejected suppressions become warnings in
    /// `diagnostics`.
    pub(crate) fn view(
        &self,
        r: ResourceReport,
        diagnostics: &mut Vec<DiagnosticView>,
    ) -> ResourceView<'w> {
        let (workload, file_lines, options) = (self.workload, &self.file_lines, self.options);
        let res = &workload.resources[r.resource];
        let found = suppress::collect(workload, file_lines, res, options, diagnostics);
        let resource_file = file_lines.path(res.file);
        let mut shown: Vec<((FileId, u32), Vec<ExcerptLine>)> = Vec::new();
        let duties = r
            .duties
            .into_iter()
            .map(|d| {
                let verdicts = d
                    .verdicts
                    .into_iter()
                    .map(|v| {
                        let location = file_lines.location(v.verdict.file, v.verdict.span);
                        let finding = matches!(v.verdict.status, Status::NotMet | Status::Unknown);
                        let suppression = if finding {
                            suppress::find(
                                &found,
                                self.config,
                                v.rule,
                                &res.id,
                                &resource_file,
                                options,
                            )
                            .map(Box::new)
                        } else {
                            None
                        };
                        VerdictView {
                            rule: v.rule.id,
                            title: v.rule.title,
                            severity: v.rule.severity,
                            status: v.verdict.status,
                            // A message or unresolved value may quote the
                            // code: never a secret it holds.
                            message: match finding
                                .then(|| onus_rules::secrets::mask_text(&v.verdict.message))
                                .flatten()
                            {
                                Some(m) => m.into(),
                                None => v.verdict.message,
                            },
                            path: v.verdict.path,
                            excerpt: if finding && self.excerpts {
                                // Findings often point at the same lines.
                                let at = (v.verdict.file, location.line);
                                match shown.iter().find(|(k, _)| *k == at) {
                                    Some((_, e)) => e.clone(),
                                    None => {
                                        let e = excerpt(file_lines, at.0, at.1);
                                        shown.push((at, e.clone()));
                                        e
                                    }
                                }
                            } else {
                                Vec::new()
                            },
                            location,
                            unknown: v
                                .verdict
                                .unknown
                                .map(|u| onus_rules::secrets::mask_text(&u).unwrap_or(u)),
                            fingerprint: fingerprint_of(&[v.rule.id, &resource_file, &res.id]),
                            suppression,
                        }
                    })
                    .collect();
                DutyView {
                    duty: d.duty,
                    layer: d.duty.layer(),
                    owner: d.owner,
                    owner_reason: d.owner_reason,
                    owner_source: d.owner_source,
                    status: d.status,
                    note: d.note,
                    uncovered: d.uncovered,
                    verdicts,
                }
            })
            .collect();
        ResourceView {
            id: &res.id,
            resource_type: &res.resource_type,
            source_type: res.source_type.as_deref(),
            format: res.format,
            location: file_lines.location(res.file, res.name_span),
            service: res.service.as_deref(),
            category: r.category,
            category_reason: res.category.as_ref().map(|c| c.reason.as_str()),
            region: match &res.region {
                onus_ingest::Region::Known(r) => Some(r.as_str()),
                onus_ingest::Region::Unknown(_) => None,
            },
            arn: res.format.is_live().then(|| resource_file.clone()),
            stack: self
                .stacks
                .get(&(res.unit, res.scope.as_str()))
                .map(|s| StackView {
                    parent: &s.parent,
                    location: file_lines.location(s.file, s.span),
                    found: &s.found,
                }),
            duties,
        }
    }

    /// The workload's own diagnostics, located.
    pub(crate) fn diagnostics(&self) -> Vec<DiagnosticView> {
        self.workload
            .diagnostics
            .iter()
            .map(|d| DiagnosticView {
                level: d.level,
                location: self.file_lines.location(d.file, d.span.unwrap_or_default()),
                message: d.message.clone(),
            })
            .collect()
    }
}

/// The resources that are not AWS resources, and so carry no duties, by
/// type: counted unit by unit, said in one note.
#[derive(Debug, Default)]
pub(crate) struct NotAssessed(BTreeMap<String, usize>);

impl NotAssessed {
    pub(crate) fn add(&mut self, workload: &Workload) {
        for r in workload
            .resources
            .iter()
            .filter(|r| !r.is_data && !r.is_aws())
        {
            match self.0.get_mut(r.resource_type.as_str()) {
                Some(n) => *n += 1,
                None => {
                    self.0.insert(r.resource_type.clone(), 1);
                }
            }
        }
    }

    pub(crate) fn merge(&mut self, other: NotAssessed) {
        for (t, n) in other.0 {
            *self.0.entry(t).or_default() += n;
        }
    }

    /// How many there are, with their most common types.
    fn note(&self) -> Option<String> {
        let total: usize = self.0.values().sum();
        if total == 0 {
            return None;
        }
        let mut types: Vec<(&str, usize)> = self.0.iter().map(|(t, n)| (t.as_str(), *n)).collect();
        types.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let shown: Vec<String> = types
            .iter()
            .take(5)
            .map(|(t, n)| format!("{t} ×{n}"))
            .collect();
        let more = if types.len() > 5 { ", …" } else { "" };
        Some(format!(
            "{total} resources are not AWS resources ({}{more}): read for references, no AWS duties to assess",
            shown.join(", ")
        ))
    }
}

/// Counts the report's cells and findings.
pub fn summarize(report: &Report, files: usize, skipped_files: usize) -> Summary {
    let mut summary = Summary::default();
    for r in &report.resources {
        summary.count(r);
    }
    summary.close(&report.diagnostics, files, skipped_files);
    summary
}

impl Summary {
    /// Adds one resource's cells and verdicts.
    pub fn count(&mut self, r: &ResourceView) {
        let summary = self;
        summary.resources += 1;
        if r.needs_action() {
            summary.to_act += 1;
        }
        for d in &r.duties {
            match d.status {
                DutyStatus::Inherited => summary.inherited += 1,
                DutyStatus::Met => summary.met += 1,
                DutyStatus::NotMet => summary.not_met += 1,
                DutyStatus::Unknown => summary.unknown += 1,
                DutyStatus::Attest => {
                    summary.attest += 1;
                    if d.uncovered {
                        summary.attest_uncovered += 1;
                        *summary.uncovered_by_duty.entry(d.duty).or_default() += 1;
                    }
                }
                DutyStatus::NotApplicable => summary.not_applicable += 1,
            }
            for v in &d.verdicts {
                if v.in_baseline() {
                    summary.baselined += 1;
                    continue;
                }
                if v.is_finding() && v.is_suppressed() {
                    summary.suppressed += 1;
                    continue;
                }
                if v.is_finding() && v.suppression.is_some() {
                    summary.expired += 1;
                }
                match v.status {
                    Status::NotMet => {
                        *summary.findings_by_severity.entry(v.severity).or_default() += 1;
                        *summary.unmet_by_rule.entry((d.duty, v.rule)).or_default() += 1;
                    }
                    Status::Unknown => summary.unknown_verdicts += 1,
                    _ => {}
                }
            }
        }
    }

    /// Adds what does not come from resources: file counts and errors.
    pub fn close(&mut self, diagnostics: &[DiagnosticView], files: usize, skipped_files: usize) {
        self.files = files;
        self.skipped_files = skipped_files;
        self.errors = diagnostics
            .iter()
            .filter(|d| d.level == DiagnosticLevel::Error)
            .count();
    }
}

impl Report<'_> {
    /// Not-met verdicts at or above `threshold`, suppressed ones left out.
    pub fn failing(&self, threshold: Severity) -> usize {
        self.summary
            .findings_by_severity
            .iter()
            .filter(|(s, _)| **s >= threshold)
            .map(|(_, n)| n)
            .sum()
    }

    /// Not-met and unknown verdicts in report order, baseline matches left out
    /// (suppressed ones included: formats show them as suppressed).
    pub fn findings(&self) -> impl Iterator<Item = FindingRef<'_>> {
        self.resources.iter().flat_map(ResourceView::findings)
    }
}
