//! SARIF 2.1.0 (`--format sarif`), for GitHub code scanning and other viewers.
//!
//! Hand-written serde structs for the subset onus emits. Every rule is listed
//! in `tool.driver.rules` (sorted by id) so `ruleIndex` is stable. Not-met
//! verdicts are `kind: fail`, unknown ones `kind: review`; suppressed findings
//! carry a `suppressions` entry (baseline matches are left out).

use crate::report::{FindingRef, Report};
use crate::suppress::SuppressionKind;
use onus_rules::{Rule, Severity, Status};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// Where rule documentation lives (`<file>` is the rule's source file).
pub const HELP_BASE: &str =
    "https://github.com/onus-project/onus/blob/main/crates/onus-rules/src/rules/";
/// Key of the fingerprint in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "onusFingerprint/v1";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Log {
    #[serde(rename = "$schema")]
    pub schema: &'static str,
    pub version: &'static str,
    pub runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Run {
    pub tool: Tool,
    pub results: Vec<SarifResult>,
    pub invocations: Vec<Invocation>,
    pub column_kind: &'static str,
}

#[derive(Serialize)]
pub struct Tool {
    pub driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Driver {
    pub name: &'static str,
    pub version: &'static str,
    pub semantic_version: &'static str,
    pub information_uri: &'static str,
    pub rules: Vec<ReportingDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportingDescriptor {
    pub id: &'static str,
    pub name: String,
    pub short_description: Message,
    pub full_description: Message,
    pub help: Help,
    pub help_uri: String,
    pub default_configuration: Configuration,
    pub properties: RuleProperties,
}

#[derive(Serialize)]
pub struct Message {
    pub text: String,
}

#[derive(Serialize)]
pub struct Help {
    pub text: String,
    pub markdown: String,
}

#[derive(Serialize)]
pub struct Configuration {
    pub level: &'static str,
}

#[derive(Serialize)]
pub struct RuleProperties {
    pub tags: Vec<String>,
    #[serde(rename = "security-severity")]
    pub security_severity: &'static str,
    pub precision: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SarifResult {
    pub rule_id: &'static str,
    pub rule_index: usize,
    pub kind: &'static str,
    pub level: &'static str,
    pub message: Message,
    pub locations: Vec<SarifLocation>,
    pub partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suppressions: Vec<Suppression>,
    pub properties: ResultProperties,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResultProperties {
    pub resource: String,
    pub resource_type: String,
    pub duty: &'static str,
    pub severity: Severity,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub path: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Suppression {
    pub kind: &'static str,
    pub status: &'static str,
    pub justification: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SarifLocation {
    /// None for a deployed resource: its logical location carries the ARN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub physical_location: Option<PhysicalLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub logical_locations: Vec<LogicalLocation>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhysicalLocation {
    pub artifact_location: ArtifactLocation,
    pub region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ArtifactLocation {
    pub uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Region {
    pub start_line: u32,
    pub start_column: u32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LogicalLocation {
    pub name: String,
    /// The ARN of a deployed resource (`onus scan --aws`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fully_qualified_name: Option<String>,
    pub kind: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Invocation {
    pub execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Notification {
    pub level: &'static str,
    pub message: Message,
    pub locations: Vec<SarifLocation>,
}

/// GitHub's `security-severity`: a CVSS-like score per severity.
pub fn security_severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
    }
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "note",
    }
}

/// The rule's documentation URL.
pub fn help_uri(rule: &Rule) -> String {
    let file = rule.file.rsplit(['/', '\\']).next().unwrap_or(rule.file);
    format!("{HELP_BASE}{file}")
}

/// Percent-encodes a relative path for a URI reference (keeps `/`).
fn encode_path(path: &str) -> String {
    let mut out = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A relative path under `%SRCROOT%`, or an absolute `file://` URI.
fn artifact(file: &str) -> ArtifactLocation {
    if file.starts_with('/') {
        ArtifactLocation {
            uri: format!("file://{}", encode_path(file)),
            uri_base_id: None,
        }
    } else {
        ArtifactLocation {
            uri: encode_path(file),
            uri_base_id: Some("%SRCROOT%"),
        }
    }
}

/// The body of the doc's `## Why this is your duty` section, on one line.
fn why(doc: &str) -> String {
    let Some(start) = doc.find("## Why this is your duty") else {
        return String::new();
    };
    let body = &doc[start + "## Why this is your duty".len()..];
    let end = body.find("\n#").unwrap_or(body.len());
    body[..end].split_whitespace().collect::<Vec<_>>().join(" ")
}

fn descriptor(rule: &'static Rule) -> ReportingDescriptor {
    let doc = rule.doc();
    let full = why(doc);
    let mut tags = vec![
        "security".to_owned(),
        format!("duty:{}", rule.duty.slug()),
        format!("layer:{}", rule.duty.layer().slug()),
        format!("service:{}", rule.service()),
    ];
    tags.extend(rule.controls.fsbp.iter().map(|c| format!("fsbp:{c}")));
    tags.extend(rule.controls.cis.iter().map(|c| format!("cis:{c}")));
    ReportingDescriptor {
        id: rule.id,
        name: rule
            .id
            .split(['.', '-'])
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                    .unwrap_or_default()
            })
            .collect(),
        short_description: Message {
            text: rule.title.to_owned(),
        },
        full_description: Message {
            text: if full.is_empty() {
                rule.title.to_owned()
            } else {
                full
            },
        },
        help: Help {
            text: doc.to_owned(),
            markdown: doc.to_owned(),
        },
        help_uri: help_uri(rule),
        default_configuration: Configuration {
            level: level(rule.severity),
        },
        properties: RuleProperties {
            tags,
            security_severity: security_severity(rule.severity),
            precision: "high",
        },
    }
}

/// The rules in `tool.driver.rules` order (by id), and each id's index.
pub struct RuleIndex {
    rules: Vec<&'static Rule>,
    index: BTreeMap<&'static str, usize>,
}

impl RuleIndex {
    pub fn new() -> Self {
        let mut rules: Vec<&'static Rule> = onus_rules::rules::ALL.to_vec();
        rules.sort_by_key(|r| r.id);
        let index = rules.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
        RuleIndex { rules, index }
    }
}

impl Default for RuleIndex {
    fn default() -> Self {
        Self::new()
    }
}

/// The SARIF result of one finding.
pub fn result(f: FindingRef<'_>, rules: &RuleIndex) -> SarifResult {
    let v = f.verdict;
    let suppressions = match &v.suppression {
        Some(s) if s.active && s.kind != SuppressionKind::Baseline => vec![Suppression {
            kind: if s.kind.in_source() {
                "inSource"
            } else {
                "external"
            },
            status: "accepted",
            justification: s.describe(),
        }],
        _ => Vec::new(),
    };
    let mut text = format!("{}: {} ({})", f.resource.id, v.message, v.title);
    if let Some(s) = v.suppression.as_ref().filter(|s| !s.active) {
        text.push_str(&format!(" [{}]", s.describe()));
    }
    SarifResult {
        rule_id: v.rule,
        rule_index: rules.index.get(v.rule).copied().unwrap_or(0),
        kind: if v.status == Status::NotMet {
            "fail"
        } else {
            "review"
        },
        level: if v.status == Status::NotMet {
            level(v.severity)
        } else {
            "note"
        },
        message: Message { text },
        locations: vec![SarifLocation {
            physical_location: f.resource.arn.is_none().then(|| PhysicalLocation {
                artifact_location: artifact(&v.location.file),
                region: Region {
                    start_line: v.location.line.max(1),
                    start_column: v.location.column.max(1),
                },
            }),
            logical_locations: vec![LogicalLocation {
                name: f.resource.id.to_owned(),
                fully_qualified_name: f.resource.arn.as_deref().map(str::to_owned),
                kind: "resource",
            }],
        }],
        partial_fingerprints: BTreeMap::from([(FINGERPRINT_KEY, v.fingerprint.to_string())]),
        suppressions,
        properties: ResultProperties {
            resource: f.resource.id.to_owned(),
            resource_type: f.resource.resource_type.to_owned(),
            duty: f.duty.duty.slug(),
            severity: v.severity,
            path: v.path.clone(),
        },
    }
}

/// The SARIF log of a report, with `results` left empty (they can be
/// written a resource at a time, see [`crate::stream`]).
pub fn skeleton(report: &Report, rules: &RuleIndex) -> Log {
    let notifications = report
        .diagnostics
        .iter()
        .map(|d| Notification {
            level: match d.level {
                onus_ingest::DiagnosticLevel::Error => "error",
                onus_ingest::DiagnosticLevel::Warning => "warning",
            },
            message: Message {
                text: d.message.clone(),
            },
            locations: vec![SarifLocation {
                physical_location: Some(PhysicalLocation {
                    artifact_location: artifact(&d.location.file),
                    region: Region {
                        start_line: d.location.line.max(1),
                        start_column: d.location.column.max(1),
                    },
                }),
                logical_locations: Vec::new(),
            }],
        })
        .collect();
    Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "onus",
                    version: report.version,
                    semantic_version: report.version,
                    information_uri: "https://github.com/onus-project/onus",
                    rules: rules.rules.iter().copied().map(descriptor).collect(),
                },
            },
            results: Vec::new(),
            invocations: vec![Invocation {
                execution_successful: !report.incomplete,
                tool_execution_notifications: notifications,
            }],
            column_kind: "unicodeCodePoints",
        }],
    }
}

/// Builds the SARIF log of a report.
pub fn log(report: &Report) -> Log {
    let rules = RuleIndex::new();
    let mut log = skeleton(report, &rules);
    log.runs[0].results = report.findings().map(|f| result(f, &rules)).collect();
    log
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &log(report))?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn encodes_paths() {
        assert_eq!(super::encode_path("a b/c#d.tf"), "a%20b/c%23d.tf");
    }
}
