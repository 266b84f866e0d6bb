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

/// The `$schema` URI written at the top of the log.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// In `rules_url`, replaced by the rule id.
pub const RULE_ID_PLACEHOLDER: &str = "{id}";
/// Key of the fingerprint in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "onusFingerprint/v1";

/// The SARIF `sarifLog` object: the root of the file.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Log {
    /// `$schema`: [`SCHEMA`].
    #[serde(rename = "$schema")]
    pub schema: &'static str,
    /// `version`: always `2.1.0`.
    pub version: &'static str,
    /// `runs`: onus writes exactly one.
    pub runs: Vec<Run>,
}

/// A SARIF `run` object: one invocation of onus and what it found.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Run {
    /// `tool`: onus and its rules.
    pub tool: Tool,
    /// `results`: one per not-met or unknown verdict.
    pub results: Vec<SarifResult>,
    /// `invocations`: one, carrying the input diagnostics.
    pub invocations: Vec<Invocation>,
    /// `columnKind`: `unicodeCodePoints`, the unit of our column numbers.
    pub column_kind: &'static str,
}

/// A SARIF `tool` object.
#[derive(Serialize)]
pub struct Tool {
    /// `driver`: onus itself (no extensions).
    pub driver: Driver,
}

/// A SARIF `toolComponent` object describing onus as the run's `driver`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Driver {
    /// `name`: `onus`.
    pub name: &'static str,
    /// `version`: the crate version.
    pub version: &'static str,
    /// `semanticVersion`: the same version, which is SemVer.
    pub semantic_version: &'static str,
    /// `rules`: every rule, sorted by id (the order `ruleIndex` refers to).
    pub rules: Vec<ReportingDescriptor>,
}

/// A SARIF `reportingDescriptor` object: one onus rule.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportingDescriptor {
    /// `id`: the rule id, e.g. `s3.encryption-at-rest`.
    pub id: &'static str,
    /// `name`: the id in PascalCase (`S3EncryptionAtRest`).
    pub name: String,
    /// `shortDescription`: the rule title.
    pub short_description: Message,
    /// `fullDescription`: the doc's "Why this is your duty" section on one line.
    pub full_description: Message,
    /// The rule's full documentation is in `help`; a link only where the
    /// user says where their copy of the docs lives (`rules_url`).
    pub help: Help,
    /// `helpUri`: the rule's page under the configured `rules_url`, if any;
    /// none for a custom policy (its documentation is in `help`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help_uri: Option<String>,
    /// `defaultConfiguration`: the level matching the rule's severity.
    pub default_configuration: Configuration,
    /// `properties`: tags and GitHub's `security-severity`.
    pub properties: RuleProperties,
}

/// A SARIF `message` (or plain-text `multiformatMessageString`).
#[derive(Serialize)]
pub struct Message {
    /// `text`: the plain-text message.
    pub text: String,
}

/// A SARIF `multiformatMessageString` holding a rule's documentation.
#[derive(Serialize)]
pub struct Help {
    /// `text`: the rule's Markdown doc, also readable as plain text.
    pub text: String,
    /// `markdown`: the rule's doc.
    pub markdown: String,
}

/// A SARIF `reportingConfiguration` object: a rule's default settings.
#[derive(Serialize)]
pub struct Configuration {
    /// `level`: `error`, `warning` or `note`, from the rule's severity.
    pub level: &'static str,
}

/// The SARIF `propertyBag` of a `reportingDescriptor`.
#[derive(Serialize)]
pub struct RuleProperties {
    /// `tags`: `security`, `duty:…`, `layer:…`, `service:…` and the FSBP and CIS
    /// controls the rule maps to.
    pub tags: Vec<String>,
    /// `security-severity`: the score GitHub code scanning sorts alerts by (see
    /// [`security_severity`]).
    #[serde(rename = "security-severity")]
    pub security_severity: &'static str,
    /// `precision`: how often a result is a true positive, as GitHub reads it.
    pub precision: &'static str,
}

/// A SARIF `result` object: one not-met or unknown verdict.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SarifResult {
    /// `ruleId`: the rule that gave the verdict.
    pub rule_id: &'static str,
    /// `ruleIndex`: the rule's position in `tool.driver.rules`.
    pub rule_index: usize,
    /// `kind`: `fail` for not met, `review` for unknown.
    pub kind: &'static str,
    /// `level`: from the severity when not met, `note` when unknown.
    pub level: &'static str,
    /// `message`: resource, verdict message and rule title.
    pub message: Message,
    /// `locations`: where the verdict points, with the resource as logical location.
    pub locations: Vec<SarifLocation>,
    /// For a resource of a nested stack: the parent's stack resource.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related_locations: Vec<RelatedLocation>,
    /// `partialFingerprints`: the verdict's stable fingerprint under
    /// [`FINGERPRINT_KEY`], so viewers track a finding across commits.
    pub partial_fingerprints: BTreeMap<&'static str, String>,
    /// `suppressions`: present when an active suppression (other than the baseline)
    /// covers the finding.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suppressions: Vec<Suppression>,
    /// `properties`: onus's own fields.
    pub properties: ResultProperties,
}

/// The SARIF `propertyBag` of a `result`: what onus adds to it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResultProperties {
    /// The resource's logical id or Terraform address.
    pub resource: String,
    /// The resource type, e.g. `AWS::S3::Bucket`.
    pub resource_type: String,
    /// The slug of the duty the rule verifies.
    pub duty: &'static str,
    /// The rule's severity.
    pub severity: Severity,
    /// The property path the verdict is about, when there is one.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub path: String,
}

/// A SARIF `suppression` object.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Suppression {
    /// `kind`: `inSource` for comments and template metadata, `external` for
    /// `onus.toml`.
    pub kind: &'static str,
    /// `status`: always `accepted` (only active suppressions are written).
    pub status: &'static str,
    /// `justification`: where the suppression comes from and the reason given.
    pub justification: String,
}

/// A SARIF `location` object of a result or a notification.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SarifLocation {
    /// `physicalLocation`: file, line and column; none for a deployed
    /// resource, whose logical location carries the ARN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub physical_location: Option<PhysicalLocation>,
    /// `logicalLocations`: the resource, as a `resource` logical location.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub logical_locations: Vec<LogicalLocation>,
}

/// A SARIF `location` object in a result's `relatedLocations`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RelatedLocation {
    /// `id`: distinguishes it within the result.
    pub id: u32,
    /// `physicalLocation`: where the related item is declared.
    pub physical_location: PhysicalLocation,
    /// `message`: why it is related.
    pub message: Message,
}

/// A SARIF `physicalLocation` object.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhysicalLocation {
    /// `artifactLocation`: the file.
    pub artifact_location: ArtifactLocation,
    /// `region`: the position in it.
    pub region: Region,
}

/// A SARIF `artifactLocation` object: a file.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ArtifactLocation {
    /// `uri`: a percent-encoded relative path, or a `file://` URI for absolute
    /// paths.
    pub uri: String,
    /// `uriBaseId`: `%SRCROOT%` for relative paths.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uri_base_id: Option<&'static str>,
}

/// A SARIF `region` object: a start position (1-based).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Region {
    /// `startLine`, from 1.
    pub start_line: u32,
    /// `startColumn`, from 1, in Unicode code points.
    pub start_column: u32,
}

/// A SARIF `logicalLocation` object.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LogicalLocation {
    /// `name`: the resource's id.
    pub name: String,
    /// The ARN of a deployed resource (`onus scan --aws`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fully_qualified_name: Option<String>,
    /// `kind`: `resource`.
    pub kind: &'static str,
}

/// A SARIF `invocation` object: how the run went.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Invocation {
    /// `executionSuccessful`: false when some input could not be read, so the
    /// results are incomplete.
    pub execution_successful: bool,
    /// `toolExecutionNotifications`: the input diagnostics (unreadable files,
    /// parse errors).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tool_execution_notifications: Vec<Notification>,
}

/// A SARIF `notification` object: one input diagnostic.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Notification {
    /// `level`: `error` or `warning`.
    pub level: &'static str,
    /// `message`: the diagnostic.
    pub message: Message,
    /// `locations`: the file and position it is about.
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

/// The rule's documentation URL under `rules_url` (onus.toml): its
/// `{id}` replaced by the rule id, or the id appended when it has none.
pub fn help_uri(rule: &Rule, rules_url: &str) -> String {
    if rules_url.contains(RULE_ID_PLACEHOLDER) {
        rules_url.replace(RULE_ID_PLACEHOLDER, rule.id)
    } else {
        format!("{rules_url}{}", rule.id)
    }
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

/// A file position as SARIF has it (1-based).
fn physical(at: &crate::report::Location) -> PhysicalLocation {
    PhysicalLocation {
        artifact_location: artifact(&at.file),
        region: Region {
            start_line: at.line.max(1),
            start_column: at.column.max(1),
        },
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

fn descriptor(rule: &'static Rule, rules_url: Option<&str>) -> ReportingDescriptor {
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
        help_uri: rules_url
            .filter(|_| !onus_rules::custom::is_custom(rule))
            .map(|url| help_uri(rule, url)),
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
    rules_url: Option<String>,
}

impl RuleIndex {
    /// Rules without a `helpUri`.
    pub fn new() -> Self {
        Self::with_rules_url(None)
    }

    /// Rules whose `helpUri` is under `rules_url` (see [`help_uri`]), when
    /// given.
    pub fn with_rules_url(rules_url: Option<&str>) -> Self {
        let mut rules: Vec<&'static Rule> = onus_rules::rules::all().to_vec();
        rules.sort_by_key(|r| r.id);
        let index = rules.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
        RuleIndex {
            rules,
            index,
            rules_url: rules_url.map(str::to_owned),
        }
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
            physical_location: f.resource.arn.is_none().then(|| physical(&v.location)),
            logical_locations: vec![LogicalLocation {
                name: f.resource.id.to_owned(),
                fully_qualified_name: f.resource.arn.as_deref().map(str::to_owned),
                kind: "resource",
            }],
        }],
        related_locations: f
            .resource
            .stack
            .iter()
            .map(|stack| RelatedLocation {
                id: 1,
                physical_location: physical(&stack.location),
                message: Message {
                    text: format!("in nested stack {}: {}", stack.parent, stack.found),
                },
            })
            .collect(),
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
                physical_location: Some(physical(&d.location)),
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
                    rules: rules
                        .rules
                        .iter()
                        .map(|r| descriptor(r, rules.rules_url.as_deref()))
                        .collect(),
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

/// Writes the SARIF log of a report as pretty-printed JSON.
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
