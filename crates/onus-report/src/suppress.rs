//! Suppressions: accepted findings, each with a reason and an optional expiry.
//!
//! Sources, all applied between the rules and the output (the rules never see
//! them):
//! - inline comments `# onus:ignore <rule-id> <reason> [until=YYYY-MM-DD]` on
//!   the line of a resource's name or in the comment block directly above it
//!   (YAML `#`, HCL `#` and `//`);
//! - CloudFormation `Metadata: { onus: { ignore: [{ rule, reason, until }] } }`;
//! - `[[suppress]]` entries of `onus.toml` (rule, path glob, resource id);
//! - Checkov (`# checkov:skip=CKV_AWS_nn:reason`, `Metadata: checkov: skip`),
//!   cfn_nag (`Metadata: cfn_nag: rules_to_suppress`) and cfn-guard
//!   (`Metadata: guard: SuppressedRules`, the AWS Guard rules registry's rule
//!   names) suppressions, for rules that name that peer check as the same
//!   check (`Relation::Same`);
//! - the baseline file (`--baseline`): findings already known, not reported.
//!
//! A suppression without a reason, or with an unreadable date, is rejected with
//! a diagnostic and the finding stays. An expired one is shown, but the finding
//! counts again.

use crate::report::{DiagnosticView, FileLines, Location, Report, ResourceView, location};
use onus_ingest::{DiagnosticLevel, Node, Resource, Workload};
use onus_rules::{Relation, Rule, Tool};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::sync::Arc;

/// Where a suppression was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SuppressionKind {
    /// `# onus:ignore` comment.
    Inline,
    /// CloudFormation `Metadata.onus.ignore`.
    Metadata,
    /// `[[suppress]]` in onus.toml.
    Config,
    /// A Checkov skip of a check that is the same as the rule.
    Checkov,
    /// A cfn_nag suppression of a check that is the same as the rule.
    CfnNag,
    /// A cfn-guard `SuppressedRules` entry naming a Guard rules registry rule
    /// that is the same as the rule.
    Guard,
    /// Listed in the `--baseline` file.
    Baseline,
}

impl SuppressionKind {
    /// The kebab-case name shown in reports (`inline`, `cfn-nag`...).
    pub fn as_str(self) -> &'static str {
        match self {
            SuppressionKind::Inline => "inline",
            SuppressionKind::Metadata => "metadata",
            SuppressionKind::Config => "config",
            SuppressionKind::Checkov => "checkov",
            SuppressionKind::CfnNag => "cfn-nag",
            SuppressionKind::Guard => "guard",
            SuppressionKind::Baseline => "baseline",
        }
    }

    /// Written in the scanned file (SARIF `inSource`), or outside it.
    pub fn in_source(self) -> bool {
        !matches!(self, SuppressionKind::Config | SuppressionKind::Baseline)
    }
}

/// The suppression that applies to a verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SuppressionView {
    /// Where it was written.
    pub kind: SuppressionKind,
    /// The reason given for accepting the finding.
    pub reason: String,
    /// `YYYY-MM-DD` after which the suppression expires, if set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// False once `until` has passed: the finding counts again.
    pub active: bool,
    /// Where it was written: `file:line`, or the config or baseline file.
    pub source: String,
}

impl SuppressionView {
    /// One line for people: `suppressed (inline, file:3): reason`.
    pub fn describe(&self) -> String {
        match (&self.until, self.active) {
            (Some(until), false) => format!(
                "suppression expired on {until} ({}, {}): {}",
                self.kind.as_str(),
                self.source,
                self.reason
            ),
            (Some(until), true) => format!(
                "suppressed until {until} ({}, {}): {}",
                self.kind.as_str(),
                self.source,
                self.reason
            ),
            (None, _) => format!(
                "suppressed ({}, {}): {}",
                self.kind.as_str(),
                self.source,
                self.reason
            ),
        }
    }
}

/// A `[[suppress]]` entry of onus.toml.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigSuppression {
    /// Rule id.
    pub rule: String,
    /// Glob over the file path as reported (e.g. `legacy/**`).
    pub path: Option<String>,
    /// Resource id (CloudFormation logical id or Terraform address).
    pub resource: Option<String>,
    /// Why the finding is accepted.
    pub reason: Option<String>,
    /// `YYYY-MM-DD` after which the suppression expires.
    pub until: Option<String>,
}

/// What suppressions apply to a scan.
#[derive(Debug, Clone)]
pub struct SuppressOptions {
    /// Honour suppressions written in scanned files (comments and Metadata).
    pub inline: bool,
    /// The `[[suppress]]` entries of onus.toml.
    pub config: Vec<ConfigSuppression>,
    /// The config file the entries came from, as shown in messages.
    pub config_file: String,
    /// `YYYY-MM-DD`; suppressions with an earlier `until` have expired.
    pub today: String,
    /// The `--baseline` file's entries, when one is given.
    pub baseline: Option<Baseline>,
    /// The baseline file, as shown in messages.
    pub baseline_file: String,
    /// Where the user's copy of the rule docs lives (onus.toml `rules_url`):
    /// SARIF rules link there.
    pub rules_url: Option<String>,
}

impl Default for SuppressOptions {
    fn default() -> Self {
        SuppressOptions {
            inline: true,
            config: Vec::new(),
            config_file: "onus.toml".to_owned(),
            today: today(),
            baseline: None,
            baseline_file: String::new(),
            rules_url: None,
        }
    }
}

/// Today's UTC date as `YYYY-MM-DD`.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 1970-01-01 to (year, month, day), proleptic Gregorian
/// (H. Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// True for a well-formed `YYYY-MM-DD`.
pub fn valid_date(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| {
        b[r.clone()]
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| b[r].iter().fold(0u32, |n, c| n * 10 + u32::from(c - b'0')))
    };
    let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// What a suppression names.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    Rule(String),
    Peer(Tool, String),
}

/// A suppression found for one resource, already validated.
#[derive(Debug, Clone)]
pub struct Candidate {
    kind: SuppressionKind,
    target: Target,
    reason: String,
    until: Option<String>,
    source: String,
}

impl Candidate {
    fn matches(&self, rule: &Rule) -> bool {
        match &self.target {
            Target::Rule(id) => id == rule.id,
            Target::Peer(tool, id) => rule
                .peers
                .iter()
                .any(|p| p.tool == *tool && p.id == id && p.relation == Relation::Same),
        }
    }
}

struct Found<'a> {
    kind: SuppressionKind,
    target: Target,
    reason: Option<String>,
    until: Option<String>,
    location: Location,
    what: &'a str,
}

/// The suppressions written in `resource`'s file and Metadata. Rejected ones
/// become warnings in `diagnostics`.
pub(crate) fn collect(
    workload: &Workload,
    lines: &FileLines<'_>,
    resource: &Resource,
    options: &SuppressOptions,
    diagnostics: &mut Vec<DiagnosticView>,
) -> Vec<Candidate> {
    if !options.inline {
        return Vec::new();
    }
    let mut found = Vec::new();
    if lines.has_markers(resource.file) {
        comments(workload, lines, resource, &mut found);
    }
    if let Some(meta) = &resource.metadata {
        metadata(workload, resource, meta, &mut found);
    }
    found
        .into_iter()
        .filter_map(|f| validate(f, diagnostics))
        .collect()
}

fn validate(f: Found<'_>, diagnostics: &mut Vec<DiagnosticView>) -> Option<Candidate> {
    let name = match &f.target {
        Target::Rule(id) => id.clone(),
        Target::Peer(_, id) => id.clone(),
    };
    let mut reject = |why: String| {
        diagnostics.push(DiagnosticView {
            level: DiagnosticLevel::Warning,
            location: f.location.clone(),
            message: why,
        });
    };
    let reason = f.reason.as_deref().map(str::trim).filter(|r| !r.is_empty());
    let Some(reason) = reason else {
        reject(format!(
            "{} of {name} has no reason: not applied (write why the finding is accepted)",
            f.what
        ));
        return None;
    };
    if let Some(until) = &f.until
        && !valid_date(until)
    {
        reject(format!(
            "{} of {name} has an unreadable date {until:?} (expected until=YYYY-MM-DD): not applied",
            f.what
        ));
        return None;
    }
    if let Target::Rule(id) = &f.target
        && onus_rules::rules::by_id(id).is_none()
    {
        reject(format!("{} names no onus rule {id:?}", f.what));
    }
    Some(Candidate {
        kind: f.kind,
        target: f.target,
        reason: reason.to_owned(),
        until: f.until,
        source: format!("{}:{}", f.location.file, f.location.line),
    })
}

fn is_comment(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with('#') || t.starts_with("//") || t.starts_with("/*") || t.starts_with('*')
}

/// Comment text of a line (after `#` or `//`), if any.
fn comment_part(line: &str) -> Option<&str> {
    let hash = line.find('#');
    let slashes = line.find("//");
    let start = match (hash, slashes) {
        (Some(a), Some(b)) => a.min(b),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => return None,
    };
    Some(&line[start..])
}

fn comments(
    workload: &Workload,
    file_lines: &FileLines<'_>,
    resource: &Resource,
    found: &mut Vec<Found<'_>>,
) {
    let lines = file_lines.of(resource.file);
    let file = workload.file(resource.file);
    let name_line = file.lines.line_col(resource.name_span.start).line as usize;
    let first_line = file
        .lines
        .line_col(resource.span.start)
        .line
        .min(name_line as u32) as usize;
    let last_line = (file.lines.line_col(resource.span.end).line as usize).max(name_line);
    // 1-based line numbers of the lines directly above: the comment block.
    let mut above = Vec::new();
    let mut n = first_line.saturating_sub(1);
    while n >= 1 && lines.get(n - 1).is_some_and(is_comment) {
        above.push(n);
        n -= 1;
    }
    let path = file_lines.path(resource.file);
    let at = |line: usize, column: usize| Location {
        file: path.clone(),
        line: line as u32,
        column: column as u32 + 1,
    };
    // onus:ignore: the name line and the comment block above.
    for &n in above.iter().chain([name_line, first_line].iter()) {
        let Some(line) = lines.get(n.wrapping_sub(1)) else {
            continue;
        };
        let Some(comment) = comment_part(line) else {
            continue;
        };
        if let Some(pos) = comment.find("onus:ignore") {
            let col = line.len() - comment.len() + pos;
            let rest = comment[pos + "onus:ignore".len()..]
                .trim()
                .trim_end_matches("*/");
            let mut words = rest.split_whitespace();
            let rule = words.next().unwrap_or("").to_owned();
            let mut until = None;
            let mut reason = Vec::new();
            for w in words {
                match w.strip_prefix("until=") {
                    Some(d) => until = Some(d.to_owned()),
                    None => reason.push(w),
                }
            }
            found.push(Found {
                kind: SuppressionKind::Inline,
                target: Target::Rule(rule),
                reason: Some(reason.join(" ")),
                until,
                location: at(n, col),
                what: "onus:ignore",
            });
        }
    }
    // checkov:skip=ID:reason anywhere in the resource or the block above
    // (the block ends above the resource's first line: no line is seen twice).
    for n in above.iter().copied().chain(first_line..=last_line) {
        let Some(line) = lines.get(n.wrapping_sub(1)) else {
            continue;
        };
        let Some(comment) = comment_part(line) else {
            continue;
        };
        if let Some(pos) = comment.find("checkov:skip=") {
            let col = line.len() - comment.len() + pos;
            let rest = &comment[pos + "checkov:skip=".len()..];
            let id_len = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            let id = rest[..id_len].to_owned();
            let reason = rest[id_len..].strip_prefix(':').map(str::to_owned);
            found.push(Found {
                kind: SuppressionKind::Checkov,
                target: Target::Peer(Tool::Checkov, id),
                reason,
                until: None,
                location: at(n, col),
                what: "checkov:skip",
            });
        }
    }
}

fn text_of(node: &Node, key: &str) -> Option<String> {
    node.get(key).and_then(Node::scalar_text)
}

fn metadata(workload: &Workload, resource: &Resource, meta: &Node, found: &mut Vec<Found<'_>>) {
    // cfn-guard lists bare rule names, with no place for a reason.
    for item in meta
        .path(["guard", "SuppressedRules"])
        .and_then(Node::as_list)
        .unwrap_or(&[])
    {
        found.push(Found {
            kind: SuppressionKind::Guard,
            target: Target::Peer(Tool::Guard, item.scalar_text().unwrap_or_default()),
            reason: Some("suppressed for cfn-guard in Metadata guard SuppressedRules".into()),
            until: None,
            location: location(workload, resource.file, item.span),
            what: "Metadata guard SuppressedRules",
        });
    }
    let lists: [(&[&str], SuppressionKind, &str, &str, &str); 3] = [
        (
            &["onus", "ignore"],
            SuppressionKind::Metadata,
            "rule",
            "reason",
            "Metadata onus ignore",
        ),
        (
            &["checkov", "skip"],
            SuppressionKind::Checkov,
            "id",
            "comment",
            "Metadata checkov skip",
        ),
        (
            &["cfn_nag", "rules_to_suppress"],
            SuppressionKind::CfnNag,
            "id",
            "reason",
            "Metadata cfn_nag rules_to_suppress",
        ),
    ];
    for (path, kind, id_key, reason_key, what) in lists {
        let Some(items) = meta.path(path).and_then(Node::as_list) else {
            continue;
        };
        for item in items {
            let id = text_of(item, id_key).unwrap_or_default();
            let target = match kind {
                SuppressionKind::Checkov => Target::Peer(Tool::Checkov, id),
                SuppressionKind::CfnNag => Target::Peer(Tool::CfnNag, id),
                _ => Target::Rule(id),
            };
            found.push(Found {
                kind,
                target,
                reason: text_of(item, reason_key),
                until: if kind == SuppressionKind::Metadata {
                    text_of(item, "until")
                } else {
                    None
                },
                location: location(workload, resource.file, item.span),
                what,
            });
        }
    }
}

/// Config entries that cannot apply (no reason, bad date, bad glob), as warnings.
pub fn check_config(options: &SuppressOptions) -> Vec<DiagnosticView> {
    let at = Location {
        file: Arc::from(options.config_file.as_str()),
        line: 1,
        column: 1,
    };
    let mut out = Vec::new();
    for (i, e) in options.config.iter().enumerate() {
        let n = i + 1;
        let mut warn = |message: String| {
            out.push(DiagnosticView {
                level: DiagnosticLevel::Warning,
                location: at.clone(),
                message,
            })
        };
        if e.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
            warn(format!(
                "[[suppress]] #{n} ({}) has no reason: not applied",
                e.rule
            ));
        }
        if let Some(until) = &e.until
            && !valid_date(until)
        {
            warn(format!(
                "[[suppress]] #{n} ({}) has an unreadable date {until:?} (expected YYYY-MM-DD): not applied",
                e.rule
            ));
        }
        if let Some(p) = &e.path
            && globset::Glob::new(p).is_err()
        {
            warn(format!(
                "[[suppress]] #{n} ({}) has an invalid path glob {p:?}: not applied",
                e.rule
            ));
        }
        if e.rule != "*" && onus_rules::rules::by_id(&e.rule).is_none() {
            warn(format!("[[suppress]] #{n} names no onus rule {:?}", e.rule));
        }
    }
    out
}

/// The config entries that can apply, globs compiled once per report.
pub(crate) struct CompiledConfig<'o> {
    entries: Vec<(usize, &'o ConfigSuppression, Option<globset::GlobMatcher>)>,
}

impl<'o> CompiledConfig<'o> {
    pub(crate) fn new(options: &'o SuppressOptions) -> Self {
        let entries = options
            .config
            .iter()
            .enumerate()
            .filter(|(_, e)| e.reason.as_deref().is_some_and(|r| !r.trim().is_empty()))
            .filter(|(_, e)| e.until.as_deref().is_none_or(valid_date))
            .filter_map(|(i, e)| match &e.path {
                None => Some((i, e, None)),
                Some(p) => globset::Glob::new(p)
                    .ok()
                    .map(|g| (i, e, Some(g.compile_matcher()))),
            })
            .collect();
        CompiledConfig { entries }
    }

    fn candidates(
        &self,
        options: &SuppressOptions,
        rule: &Rule,
        resource: &str,
        file: &str,
    ) -> Vec<Candidate> {
        self.entries
            .iter()
            .filter(|(_, e, _)| e.rule == "*" || e.rule == rule.id)
            .filter(|(_, e, _)| e.resource.as_deref().is_none_or(|r| r == resource))
            .filter(|(_, _, glob)| glob.as_ref().is_none_or(|g| g.is_match(file)))
            .map(|(i, e, _)| Candidate {
                kind: SuppressionKind::Config,
                target: Target::Rule(rule.id.to_owned()),
                reason: e.reason.as_deref().unwrap_or("").trim().to_owned(),
                until: e.until.clone(),
                source: format!("{} [[suppress]] #{}", options.config_file, i + 1),
            })
            .collect()
    }
}

/// The suppression of `rule` on a resource: an active one first, then the
/// baseline, then an expired one (shown, but counted).
pub(crate) fn find(
    found: &[Candidate],
    config: &CompiledConfig<'_>,
    rule: &'static Rule,
    resource: &str,
    file: &str,
    options: &SuppressOptions,
) -> Option<SuppressionView> {
    let config = config.candidates(options, rule, resource, file);
    let views: Vec<SuppressionView> = found
        .iter()
        .chain(config.iter())
        .filter(|c| c.matches(rule))
        .map(|c| SuppressionView {
            kind: c.kind,
            reason: c.reason.clone(),
            until: c.until.clone(),
            active: c
                .until
                .as_deref()
                .is_none_or(|u| u >= options.today.as_str()),
            source: c.source.clone(),
        })
        .collect();
    if let Some(active) = views.iter().find(|v| v.active) {
        return Some(active.clone());
    }
    if let Some(baseline) = &options.baseline
        && baseline.contains(rule.id, resource, file)
    {
        return Some(SuppressionView {
            kind: SuppressionKind::Baseline,
            reason: "already known: listed in the baseline".to_owned(),
            until: None,
            active: true,
            source: options.baseline_file.clone(),
        });
    }
    views.into_iter().next()
}

/// Known findings, matched by rule, resource id and file (never by line, so
/// edits elsewhere in the file keep them matched).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// The baseline file format's version (1).
    pub schema_version: u32,
    /// The known findings, sorted.
    pub findings: BTreeSet<BaselineEntry>,
}

/// One known finding of a [`Baseline`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineEntry {
    /// The rule id.
    pub rule: String,
    /// The resource's id (logical id or Terraform address).
    pub resource: String,
    /// The file the resource is declared in, as reported.
    pub file: String,
}

impl Baseline {
    /// The report's findings (not-met and unknown) that no active suppression
    /// covers; findings matched by a baseline in use stay in (writing a new
    /// baseline while reading an old one keeps the old entries that still occur).
    pub fn from_report(report: &Report) -> Baseline {
        let mut baseline = Baseline::new();
        for r in &report.resources {
            baseline.add(r);
        }
        baseline
    }

    /// An empty baseline, to [`add`](Baseline::add) resources to.
    pub fn new() -> Baseline {
        Baseline {
            schema_version: 1,
            findings: BTreeSet::new(),
        }
    }

    /// Adds a resource's findings, as [`from_report`](Baseline::from_report) does.
    pub fn add(&mut self, r: &ResourceView<'_>) {
        let findings = r
            .duties
            .iter()
            .flat_map(|d| &d.verdicts)
            .filter(|v| v.is_finding() && (v.in_baseline() || !v.is_suppressed()))
            .map(|v| BaselineEntry {
                rule: v.rule.to_owned(),
                resource: r.id.to_owned(),
                file: r.location.file.to_string(),
            });
        self.findings.extend(findings);
    }

    pub(crate) fn contains(&self, rule: &str, resource: &str, file: &str) -> bool {
        self.findings.contains(&BaselineEntry {
            rule: rule.to_owned(),
            resource: resource.to_owned(),
            file: file.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_420), (2025, 11, 28));
        assert!(valid_date("2027-01-31"));
        assert!(!valid_date("2027-13-01"));
        assert!(!valid_date("2027-02-29"));
        assert!(valid_date("2028-02-29"));
        assert!(!valid_date("2027-04-31"));
        assert!(!valid_date("27-01-01"));
        assert!(!valid_date("2027/01/01"));
        assert_eq!(today().len(), 10);
    }

    fn hcl_resource(text: &str, name: &str) -> (Workload, Resource) {
        let mut w = Workload::default();
        let file = w.add_file("main.tf".into(), None, text.into());
        let start = text.find(name).unwrap();
        let end = text[start..].find("}\n").map(|e| start + e + 1).unwrap();
        let resource = Resource {
            id: "aws_db_instance.main".into(),
            resource_type: "aws_db_instance".into(),
            source_type: None,
            format: onus_ingest::Format::Terraform,
            scope: String::new(),
            unit: 0,
            service: None,
            category: None,
            properties: Node::new(onus_ingest::Value::Map(vec![]), Default::default()),
            file,
            span: onus_ingest::Span::new(start, end),
            name_span: onus_ingest::Span::new(start, start + name.len()),
            region: onus_ingest::Region::Unknown(String::new()),
            references: vec![],
            is_data: false,
            metadata: None,
        };
        (w, resource)
    }

    fn kinds(text: &str, inline: bool) -> (Vec<(SuppressionKind, String)>, Vec<String>) {
        let (w, r) = hcl_resource(text, "resource \"aws_db_instance\"");
        let lines = FileLines::new(&w);
        let options = SuppressOptions {
            inline,
            ..SuppressOptions::default()
        };
        let mut diags = Vec::new();
        let found = collect(&w, &lines, &r, &options, &mut diags);
        (
            found.iter().map(|c| (c.kind, c.reason.clone())).collect(),
            diags.into_iter().map(|d| d.message).collect(),
        )
    }

    #[test]
    fn hcl_comments_above_and_inside() {
        let text = "locals {}\n\n// onus:ignore rds.encryption-at-rest Restored from encrypted snapshots only\n# unrelated comment\nresource \"aws_db_instance\" \"main\" {\n  # checkov:skip=CKV_AWS_16:Encrypted at the volume level\n  engine = \"postgres\"\n}\n";
        let (found, diags) = kinds(text, true);
        assert_eq!(
            found,
            [
                (
                    SuppressionKind::Inline,
                    "Restored from encrypted snapshots only".to_owned()
                ),
                (
                    SuppressionKind::Checkov,
                    "Encrypted at the volume level".to_owned()
                ),
            ]
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert!(kinds(text, false).0.is_empty(), "--no-inline-ignores");
    }

    #[test]
    fn comments_separated_by_code_do_not_apply() {
        let text = "# onus:ignore rds.encryption-at-rest Not for this one\nlocals {}\nresource \"aws_db_instance\" \"main\" {\n}\n";
        assert!(kinds(text, true).0.is_empty());
    }

    #[test]
    fn rejected_suppressions() {
        let text = "# onus:ignore rds.encryption-at-rest\n# onus:ignore rds.encryption-at-rest Why until=2027-02-30x\n# checkov:skip=CKV_AWS_16\n# onus:ignore no.such-rule Because\nresource \"aws_db_instance\" \"main\" {\n}\n";
        let (found, diags) = kinds(text, true);
        assert_eq!(
            found.len(),
            1,
            "only the one naming an unknown rule stays: {found:?}"
        );
        assert_eq!(diags.len(), 4, "{diags:?}");
        assert!(diags.iter().filter(|d| d.contains("has no reason")).count() == 2);
        assert!(diags.iter().any(|d| d.contains("unreadable date")));
        assert!(diags.iter().any(|d| d.contains("names no onus rule")));
    }

    #[test]
    fn comment_parts() {
        assert_eq!(
            comment_part("  Bucket: # onus:ignore x"),
            Some("# onus:ignore x")
        );
        assert_eq!(comment_part("// a"), Some("// a"));
        assert_eq!(comment_part("Bucket:"), None);
    }
}
