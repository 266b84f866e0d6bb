//! The stable, serialisable shape of a scan result (`--format json`).

use onus_ingest::{DiagnosticLevel, FileId, Span, Workload};
use onus_model::{Category, Duty, Owner};
use onus_rules::{DutyStatus, ScanResult, Severity, Status};
use serde::Serialize;
use std::collections::BTreeMap;

/// Version of the JSON layout; bumped on any breaking change.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Location {
    pub file: String,
    pub line: u32,
    pub column: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct VerdictView {
    pub rule: &'static str,
    pub title: &'static str,
    pub severity: Severity,
    pub status: Status,
    pub message: String,
    /// Property path that decided it (empty: the resource as a whole).
    pub path: String,
    pub location: Location,
    /// The unresolved value, for unknown verdicts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unknown: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DutyView {
    pub duty: Duty,
    pub title: &'static str,
    pub layer: onus_model::Layer,
    pub owner: Owner,
    pub owner_reason: String,
    pub status: DutyStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub verdicts: Vec<VerdictView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ResourceView {
    pub id: String,
    #[serde(rename = "type")]
    pub resource_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_type: Option<String>,
    pub format: onus_ingest::Format,
    pub location: Location,
    pub service: Option<String>,
    pub category: Option<Category>,
    pub category_reason: Option<String>,
    pub region: Option<String>,
    pub duties: Vec<DutyView>,
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
    pub not_applicable: usize,
    /// Not-met verdicts by rule severity.
    pub findings_by_severity: BTreeMap<Severity, usize>,
    /// Unknown verdicts (each names the value it could not resolve).
    pub unknown_verdicts: usize,
    pub errors: usize,
    pub skipped_files: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub schema_version: u32,
    pub tool: &'static str,
    pub version: &'static str,
    pub resources: Vec<ResourceView>,
    pub diagnostics: Vec<DiagnosticView>,
    pub summary: Summary,
    /// True when some file could not be read completely.
    pub incomplete: bool,
}

fn location(workload: &Workload, file: FileId, span: Span) -> Location {
    let f = workload.file(file);
    let lc = f.lines.line_col(span.start);
    Location {
        file: f.path.display().to_string().replace('\\', "/"),
        line: lc.line,
        column: lc.column,
    }
}

/// Builds the report of one scan. Resources are sorted by file and position.
pub fn build(workload: &Workload, result: &ScanResult) -> Report {
    let mut summary = Summary {
        files: workload.files.len(),
        skipped_files: workload.skipped_files,
        ..Summary::default()
    };
    let mut resources: Vec<ResourceView> = result
        .resources
        .iter()
        .map(|r| {
            let res = &workload.resources[r.resource];
            let duties = r
                .duties
                .iter()
                .map(|d| {
                    match d.status {
                        DutyStatus::Inherited => summary.inherited += 1,
                        DutyStatus::Met => summary.met += 1,
                        DutyStatus::NotMet => summary.not_met += 1,
                        DutyStatus::Unknown => summary.unknown += 1,
                        DutyStatus::Attest => summary.attest += 1,
                        DutyStatus::NotApplicable => summary.not_applicable += 1,
                    }
                    let verdicts = d
                        .verdicts
                        .iter()
                        .map(|v| {
                            match v.verdict.status {
                                Status::NotMet => {
                                    *summary
                                        .findings_by_severity
                                        .entry(v.rule.severity)
                                        .or_default() += 1
                                }
                                Status::Unknown => summary.unknown_verdicts += 1,
                                _ => {}
                            }
                            VerdictView {
                                rule: v.rule.id,
                                title: v.rule.title,
                                severity: v.rule.severity,
                                status: v.verdict.status,
                                message: v.verdict.message.clone(),
                                path: v.verdict.path.clone(),
                                location: location(workload, v.verdict.file, v.verdict.span),
                                unknown: v.verdict.unknown.clone(),
                            }
                        })
                        .collect();
                    DutyView {
                        duty: d.duty,
                        title: d.duty.title(),
                        layer: d.duty.layer(),
                        owner: d.owner,
                        owner_reason: d.owner_reason.clone(),
                        status: d.status,
                        note: d.note.clone(),
                        verdicts,
                    }
                })
                .collect();
            ResourceView {
                id: res.id.clone(),
                resource_type: res.resource_type.clone(),
                source_type: res.source_type.clone(),
                format: res.format,
                location: location(workload, res.file, res.name_span),
                service: res.service.clone(),
                category: r.category,
                category_reason: res.category.as_ref().map(|c| c.reason.clone()),
                region: match &res.region {
                    onus_ingest::Region::Known(r) => Some(r.clone()),
                    onus_ingest::Region::Unknown(_) => None,
                },
                duties,
            }
        })
        .collect();
    resources.sort_by(|a, b| a.location.cmp(&b.location).then_with(|| a.id.cmp(&b.id)));
    summary.resources = resources.len();
    let mut diagnostics: Vec<DiagnosticView> = workload
        .diagnostics
        .iter()
        .map(|d| DiagnosticView {
            level: d.level,
            location: location(workload, d.file, d.span.unwrap_or_default()),
            message: d.message.clone(),
        })
        .collect();
    diagnostics.sort_by(|a, b| a.location.cmp(&b.location));
    summary.errors = diagnostics
        .iter()
        .filter(|d| d.level == DiagnosticLevel::Error)
        .count();
    Report {
        schema_version: SCHEMA_VERSION,
        tool: "onus",
        version: env!("CARGO_PKG_VERSION"),
        incomplete: workload.incomplete(),
        resources,
        diagnostics,
        summary,
    }
}

impl Report {
    /// Not-met verdicts at or above `threshold`.
    pub fn failing(&self, threshold: Severity) -> usize {
        self.summary
            .findings_by_severity
            .iter()
            .filter(|(s, _)| **s >= threshold)
            .map(|(_, n)| n)
            .sum()
    }
}
