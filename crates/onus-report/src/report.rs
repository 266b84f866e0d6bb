//! The stable, serialisable shape of a scan result (`--format json`,
//! documented by `schemas/report.schema.json`).

use crate::suppress::{self, SuppressOptions, SuppressionView};
use onus_ingest::{DiagnosticLevel, FileId, Span, Workload};
use onus_model::{Category, Duty, Owner};
use onus_rules::{DutyStatus, ResourceReport, ScanResult, Severity, Status};
use rayon::prelude::*;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Version of the JSON layout; bumped on any breaking change.
pub const SCHEMA_VERSION: u32 = 1;

/// Lines of context around a finding kept in its excerpt.
const EXCERPT_CONTEXT: u32 = 2;
/// Longest excerpt line kept, in characters.
const EXCERPT_WIDTH: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Location {
    /// Shared by every location in the same file.
    pub file: Arc<str>,
    pub line: u32,
    pub column: u32,
}

/// One line of a scanned file, control characters replaced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExcerptLine {
    pub line: u32,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct VerdictView {
    pub rule: &'static str,
    pub title: &'static str,
    pub severity: Severity,
    pub status: Status,
    pub message: Cow<'static, str>,
    /// Property path that decided it (empty: the resource as a whole).
    pub path: String,
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
    pub duty: Duty,
    pub layer: onus_model::Layer,
    pub owner: Owner,
    pub owner_reason: Cow<'static, str>,
    pub status: DutyStatus,
    pub note: Option<Arc<str>>,
    /// Attest only because no onus rule reads this duty for this type.
    pub uncovered: bool,
    pub verdicts: Box<[VerdictView]>,
}

impl DutyView {
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
    pub id: &'w str,
    #[serde(rename = "type")]
    pub resource_type: &'w str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_type: Option<&'w str>,
    pub format: onus_ingest::Format,
    pub location: Location,
    pub service: Option<&'w str>,
    pub category: Option<Category>,
    pub category_reason: Option<&'w str>,
    pub region: Option<&'w str>,
    /// The deployed resource's ARN (format `aws`): its location.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arn: Option<Arc<str>>,
    pub duties: Vec<DutyView>,
}

impl<'w> ResourceView<'w> {
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

#[derive(Debug, Clone, Serialize)]
pub struct DiagnosticView {
    pub level: DiagnosticLevel,
    pub location: Location,
    pub message: String,
}

/// Counts of duty cells by owner and status.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub files: usize,
    pub resources: usize,
    pub inherited: usize,
    pub met: usize,
    pub not_met: usize,
    pub unknown: usize,
    pub attest: usize,
    /// Of `attest`, the duties no onus rule checks for that resource type.
    pub attest_uncovered: usize,
    pub not_applicable: usize,
    /// Not-met verdicts by rule severity, suppressed ones left out.
    pub findings_by_severity: BTreeMap<Severity, usize>,
    /// Unknown verdicts (each names the value it could not resolve).
    pub unknown_verdicts: usize,
    /// Not-met and unknown verdicts under an active suppression (baseline excluded).
    pub suppressed: usize,
    /// Not-met and unknown verdicts matched by the baseline (not reported).
    pub baselined: usize,
    pub errors: usize,
    pub skipped_files: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report<'w> {
    pub schema_version: u32,
    pub tool: &'static str,
    pub version: &'static str,
    pub resources: Vec<ResourceView<'w>>,
    pub diagnostics: Vec<DiagnosticView>,
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
    pub resource: &'a ResourceView<'a>,
    pub duty: &'a DutyView,
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

pub(crate) fn display_path(path: &std::path::Path) -> String {
    let text = path.display().to_string().replace('\\', "/");
    text.strip_prefix("./").map(str::to_owned).unwrap_or(text)
}

/// The lines and display path of every file, split once per report (not
/// once per finding).
pub(crate) struct FileLines<'w> {
    workload: &'w Workload,
    lines: Vec<Vec<&'w str>>,
    paths: Vec<Arc<str>>,
    /// Whether the file mentions an inline suppression at all.
    markers: Vec<bool>,
}

impl<'w> FileLines<'w> {
    #[cfg(test)]
    pub(crate) fn new(workload: &'w Workload) -> Self {
        Self::with_excerpts(workload, true)
    }

    /// Without `excerpts`, only files that may hold inline suppressions are
    /// split into lines.
    pub(crate) fn with_excerpts(workload: &'w Workload, excerpts: bool) -> Self {
        let markers: Vec<bool> = workload
            .files
            .par_iter()
            .map(|f| {
                let text = f.lines.text();
                text.contains("onus:ignore") || text.contains("checkov:skip")
            })
            .collect();
        FileLines {
            workload,
            lines: workload
                .files
                .par_iter()
                .zip(&markers)
                .map(|(f, marked)| {
                    if excerpts || *marked {
                        f.lines.text().lines().collect()
                    } else {
                        Vec::new()
                    }
                })
                .collect(),
            paths: workload
                .files
                .iter()
                .map(|f| Arc::from(display_path(&f.path)))
                .collect(),
            markers,
        }
    }

    /// False when no line of the file can hold an inline suppression.
    pub(crate) fn has_markers(&self, file: FileId) -> bool {
        self.markers.get(file.0 as usize).copied().unwrap_or(true)
    }

    pub(crate) fn of(&self, file: FileId) -> &[&'w str] {
        self.lines
            .get(file.0 as usize)
            .map(Vec::as_slice)
            .unwrap_or(&[])
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

fn excerpt(lines: &FileLines<'_>, file: FileId, line: u32) -> Vec<ExcerptLine> {
    let lines = lines.of(file);
    let first = line.saturating_sub(EXCERPT_CONTEXT).max(1);
    let last = (line + EXCERPT_CONTEXT).min(lines.len() as u32);
    (first..=last)
        .filter_map(|n| {
            let text = lines.get(n as usize - 1)?;
            Some(ExcerptLine {
                line: n,
                text: crate::terminal::clean(&text.chars().take(EXCERPT_WIDTH).collect::<String>()),
            })
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
    let builder = Builder::new(workload, options, excerpts);
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
    let mut report = builder.finish(resources, extra_diagnostics);
    report.summary = summarize(&report, workload.files.len(), workload.skipped_files);
    report
}

/// Turns the engine's rows into report views, one resource at a time.
pub(crate) struct Builder<'w, 'o> {
    workload: &'w Workload,
    pub(crate) file_lines: FileLines<'w>,
    config: suppress::CompiledConfig<'o>,
    options: &'o SuppressOptions,
    excerpts: bool,
}

impl<'w, 'o> Builder<'w, 'o> {
    pub(crate) fn new(
        workload: &'w Workload,
        options: &'o SuppressOptions,
        excerpts: bool,
    ) -> Self {
        Builder {
            workload,
            file_lines: FileLines::with_excerpts(workload, excerpts),
            config: suppress::CompiledConfig::new(options),
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
                                &self.config,
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
                            message: v.verdict.message,
                            path: v.verdict.path,
                            excerpt: if finding && self.excerpts {
                                excerpt(file_lines, v.verdict.file, location.line)
                            } else {
                                Vec::new()
                            },
                            location,
                            unknown: v.verdict.unknown,
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
            duties,
        }
    }

    /// The report around `resources` (already in report order): diagnostics
    /// sorted and deduplicated, notes. The summary is left to the caller.
    pub(crate) fn finish<'r>(
        &self,
        resources: Vec<ResourceView<'r>>,
        extra_diagnostics: Vec<DiagnosticView>,
    ) -> Report<'r> {
        let mut diagnostics: Vec<DiagnosticView> = self
            .workload
            .diagnostics
            .iter()
            .map(|d| DiagnosticView {
                level: d.level,
                location: self.file_lines.location(d.file, d.span.unwrap_or_default()),
                message: d.message.clone(),
            })
            .chain(suppress::check_config(self.options))
            .chain(extra_diagnostics)
            .collect();
        diagnostics.sort_by(|a, b| {
            a.location
                .cmp(&b.location)
                .then_with(|| a.message.cmp(&b.message))
        });
        diagnostics.dedup_by(|a, b| a.location == b.location && a.message == b.message);
        let mut notes = Vec::new();
        if !self.options.inline {
            notes.push(
                "inline suppressions (onus:ignore, checkov:skip comments and template Metadata) were not applied (--no-inline-ignores)"
                    .to_owned(),
            );
        }
        Report {
            schema_version: SCHEMA_VERSION,
            tool: "onus",
            version: env!("CARGO_PKG_VERSION"),
            incomplete: self.workload.incomplete(),
            resources,
            diagnostics,
            summary: Summary::default(),
            notes,
            live: None,
        }
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
                match v.status {
                    Status::NotMet => {
                        *summary.findings_by_severity.entry(v.severity).or_default() += 1
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
