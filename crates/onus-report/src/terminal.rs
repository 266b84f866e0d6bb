//! The human-readable report, grouped by file, then resource. By default
//! ([`Show::Actionable`]) only what needs action: a line per finding (not
//! met, unknown, suppression expired) with its position, severity, rule and
//! message, then a summary that keeps the split of duties between AWS and
//! you. [`Show::All`] prints every duty of every resource.
//!
//! Styles are ANSI; the caller writes through `anstream`, which strips them
//! when stdout is not a terminal or `NO_COLOR` is set.

use crate::report::{DutyView, Report, ResourceView, Summary, VerdictView};
use anstyle::{AnsiColor, Style};
use onus_model::Duty;
use onus_rules::{DutyStatus, Severity, Status};
use rayon::prelude::*;
use std::fmt::{self, Write as _};
use std::io::{self, Write};

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const RED: Style = AnsiColor::Red.on_default().bold();
const GREEN: Style = AnsiColor::Green.on_default();
const YELLOW: Style = AnsiColor::Yellow.on_default().bold();
const BLUE: Style = AnsiColor::Blue.on_default();
const CYAN: Style = AnsiColor::Cyan.on_default();

/// Text from a scanned file, with control characters (ANSI escapes included)
/// replaced so a hostile template cannot drive the terminal.
pub fn clean(text: &str) -> String {
    Clean(text).to_string()
}

fn is_unsafe(c: char) -> bool {
    c.is_control() && c != '\t'
}

/// [`clean`] as it is written, without an intermediate `String`.
struct Clean<'a>(&'a str);

impl fmt::Display for Clean<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Control characters are ASCII (below 0x20, 0x7f) or U+0080..U+009F,
        // whose UTF-8 starts with 0xc2: text without those bytes is clean.
        let suspect = |b: &u8| (*b < 0x20 && *b != b'\t') || *b == 0x7f || *b == 0xc2;
        if !self.0.as_bytes().iter().any(suspect) || !self.0.chars().any(is_unsafe) {
            return f.write_str(self.0);
        }
        for c in self.0.chars() {
            f.write_char(if is_unsafe(c) { '\u{fffd}' } else { c })?;
        }
        Ok(())
    }
}

/// Text in a style, or plain when colour is off (so nothing has to strip the
/// escapes again afterwards).
struct Painted<T>(Style, T, bool);

impl<T: fmt::Display> fmt::Display for Painted<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.2 {
            write!(f, "{}{}{:#}", self.0, self.1, self.0)
        } else {
            self.1.fmt(f)
        }
    }
}

fn status_text(status: DutyStatus) -> (Style, &'static str) {
    match status {
        DutyStatus::NotMet => (RED, "✗ not met"),
        DutyStatus::Unknown => (YELLOW, "? unknown"),
        DutyStatus::Met => (GREEN, "✓ met    "),
        DutyStatus::Attest => (BLUE, "◇ attest "),
        DutyStatus::NotApplicable => (DIM, "- n/a    "),
        DutyStatus::Inherited => (DIM, "AWS      "),
    }
}

fn severity_style(severity: Severity) -> Style {
    match severity {
        Severity::Critical | Severity::High => RED,
        Severity::Medium => YELLOW,
        Severity::Low => Style::new(),
    }
}

/// What the text report prints of each resource.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Show {
    /// The resources with something to do, a line per finding (`onus scan`).
    #[default]
    Actionable,
    /// Every resource with every duty: what AWS carries, met, attest, not
    /// applicable (`onus scan --show all`).
    All,
}

/// Warnings listed by the actionable view; `--show all` lists every one.
const WARNINGS_SHOWN: usize = 20;

/// Duties listed under "most often not met".
const TOP_DUTIES: usize = 5;

/// Rules named per duty under "most often not met".
const TOP_RULES: usize = 3;

/// Files rendered side by side before their text is written out in order:
/// enough to keep both cores busy, few enough to bound the memory held.
pub(crate) const FILES_PER_BATCH: usize = 512;

/// Writes the full report ([`Show::All`]) with ANSI styles (for a writer
/// such as `anstream` that strips them where they do not belong).
/// `threshold` is the `--fail-on` severity, named in the closing line.
pub fn render(report: &Report, threshold: Severity, out: &mut dyn Write) -> io::Result<()> {
    render_with(report, threshold, true, out)
}

/// Writes the full report ([`Show::All`]), with styles only when `color` is
/// set.
pub fn render_with(
    report: &Report,
    threshold: Severity,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    render_view(report, threshold, Show::All, color, out)
}

/// Writes the report as `show` says, with styles only when `color` is set.
pub fn render_view(
    report: &Report,
    threshold: Severity,
    show: Show,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let files = crate::report::by_file(&report.resources);
    let mut at_start = true;
    for batch in files.chunks(FILES_PER_BATCH) {
        for text in render_files(batch, at_start, show, color)? {
            at_start &= text.is_empty();
            out.write_all(&text)?;
        }
    }
    render_tail(report, threshold, show, color, out)
}

/// Each file's text, rendered side by side, in pieces to write in order
/// (a file with nothing to show gives none). `at_start`: nothing was written
/// before, so the first file shown needs no blank line above it.
pub(crate) fn render_files(
    files: &[&[ResourceView]],
    at_start: bool,
    show: Show,
    color: bool,
) -> io::Result<Vec<Vec<u8>>> {
    let texts: Vec<String> = files
        .par_iter()
        .map(|resources| {
            let mut text = String::new();
            match show {
                Show::All => {
                    // About 850 bytes a resource without colour: one
                    // allocation, not a series of doublings.
                    text.reserve(resources.len() * 1024);
                    render_file(resources, color, &mut text)
                }
                Show::Actionable => render_file_actions(resources, color, &mut text),
            }
            .map_err(io::Error::other)?;
            Ok(text)
        })
        .collect::<io::Result<_>>()?;
    // A blank line between files, known only once the files before are.
    let mut pieces = Vec::with_capacity(texts.len() * 2);
    let mut first = at_start;
    for text in texts.into_iter().filter(|t| !t.is_empty()) {
        if !first {
            pieces.push(b"\n".to_vec());
        }
        first = false;
        pieces.push(text.into_bytes());
    }
    Ok(pieces)
}

/// What follows the resources: diagnostics and the summary. The actionable
/// view lists every error but only the first warnings.
pub(crate) fn render_tail(
    report: &Report,
    threshold: Severity,
    show: Show,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    if !report.diagnostics.is_empty() {
        writeln!(out)?;
        let title = if report.incomplete {
            "Files that could not be read completely"
        } else {
            "Diagnostics"
        };
        writeln!(out, "{}", Painted(BOLD, title, color))?;
        let mut warnings = 0;
        let shown = report.diagnostics.iter().filter(|d| {
            if d.level == onus_ingest::DiagnosticLevel::Error || show == Show::All {
                return true;
            }
            warnings += 1;
            warnings <= WARNINGS_SHOWN
        });
        for d in shown {
            let level = match d.level {
                onus_ingest::DiagnosticLevel::Error => Painted(RED, "error", color),
                onus_ingest::DiagnosticLevel::Warning => Painted(YELLOW, "warning", color),
            };
            writeln!(
                out,
                "  {level}: {}:{}:{}: {}",
                Clean(&d.location.file),
                d.location.line,
                d.location.column,
                Clean(&d.message)
            )?;
        }
        if warnings > WARNINGS_SHOWN {
            writeln!(
                out,
                "  {}",
                Painted(
                    DIM,
                    format_args!(
                        "… and {} more warnings (--show all lists every one)",
                        warnings - WARNINGS_SHOWN
                    ),
                    color
                )
            )?;
        }
    }
    render_summary(report, threshold, show, color, out)
}

/// One file's resources, under the file's name.
fn render_file(resources: &[ResourceView], color: bool, out: &mut String) -> fmt::Result {
    let Some(head) = resources.first() else {
        return Ok(());
    };
    writeln!(out, "{}", Painted(BOLD, Clean(&head.location.file), color))?;
    for resource in resources {
        render_resource(resource, color, out)?;
    }
    Ok(())
}

/// One file's resources with something to do, under the file's name: a line
/// per finding, its position first, then the detail (an expired
/// suppression) indented below. Nothing when no resource needs action.
fn render_file_actions(resources: &[ResourceView], color: bool, out: &mut String) -> fmt::Result {
    let todo: Vec<(&ResourceView, Vec<&VerdictView>)> = resources
        .iter()
        .filter_map(|r| {
            let mut verdicts: Vec<&VerdictView> = r
                .duties
                .iter()
                .flat_map(|d| d.verdicts.iter())
                .filter(|v| v.needs_action())
                .collect();
            verdicts.sort_by(|a, b| {
                (a.location.line, a.location.column, a.rule).cmp(&(
                    b.location.line,
                    b.location.column,
                    b.rule,
                ))
            });
            (!verdicts.is_empty()).then_some((r, verdicts))
        })
        .collect();
    let Some((head, _)) = todo.first() else {
        return Ok(());
    };
    let verdicts = || todo.iter().flat_map(|(_, v)| v.iter());
    let position = |v: &VerdictView| format!("{}:{}", v.location.line, v.location.column);
    let position_width = verdicts().map(|v| position(v).len()).max().unwrap_or(0);
    let rule_width = verdicts().map(|v| v.rule.len()).max().unwrap_or(0);
    writeln!(out, "{}", Painted(BOLD, Clean(&head.location.file), color))?;
    for (resource, verdicts) in &todo {
        resource_heading(resource, color, out)?;
        for v in verdicts {
            let (mark_style, mark) = match v.status {
                Status::Unknown => (YELLOW, "?"),
                _ => (RED, "✗"),
            };
            writeln!(
                out,
                "    {}  {} {}  {}  {}",
                Painted(DIM, format_args!("{:<position_width$}", position(v)), color),
                Painted(mark_style, mark, color),
                Painted(
                    severity_style(v.severity),
                    format_args!("{:<8}", v.severity),
                    color
                ),
                Painted(BOLD, format_args!("{:<rule_width$}", v.rule), color),
                Clean(&v.message),
            )?;
            if let Some(sup) = &v.suppression {
                writeln!(
                    out,
                    "    {:position_width$}    {:8}  {}",
                    "",
                    "",
                    Painted(YELLOW, Clean(&sup.describe()), color)
                )?;
            }
        }
    }
    Ok(())
}

/// Duty slugs joined by ", ".
/// The slugs of a resource's duties in one status (and, for attest, with
/// or without a rule), comma-separated.
struct Slugs<'a> {
    duties: &'a [DutyView],
    status: DutyStatus,
    uncovered: Option<bool>,
}

impl Slugs<'_> {
    fn iter(&self) -> impl Iterator<Item = &DutyView> {
        self.duties
            .iter()
            .filter(|d| d.status == self.status && self.uncovered.is_none_or(|u| d.uncovered == u))
    }

    fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }
}

impl fmt::Display for Slugs<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(d.duty.slug())?;
        }
        Ok(())
    }
}

/// Written to a `String`: formatting straight into it is cheaper than
/// going through `io::Write`.
fn render_resource(r: &ResourceView, color: bool, out: &mut String) -> fmt::Result {
    resource_heading(r, color, out)?;
    render_duties(r, color, out)
}

/// The resource's line: id, type, service and category, position; and why
/// its category is undetermined, if it is.
fn resource_heading(r: &ResourceView, color: bool, out: &mut String) -> fmt::Result {
    write!(
        out,
        "  {} {}  ",
        Painted(BOLD, Clean(r.id), color),
        Painted(CYAN, Clean(r.resource_type), color),
    )?;
    match (&r.service, r.category) {
        (Some(service), Some(c)) => write!(
            out,
            "{}",
            Painted(DIM, format_args!("({}, {c})", Clean(service)), color)
        )?,
        (Some(service), None) => write!(
            out,
            "{}",
            Painted(
                DIM,
                format_args!("({}, category undetermined)", Clean(service)),
                color
            )
        )?,
        (None, _) => write!(
            out,
            "{}",
            Painted(DIM, "(not in the service catalog)", color)
        )?,
    }
    writeln!(
        out,
        "  {}",
        Painted(
            DIM,
            format_args!("{}:{}", r.location.line, r.location.column),
            color
        ),
    )?;
    if r.category.is_none()
        && let Some(reason) = &r.category_reason
    {
        writeln!(
            out,
            "      {}",
            Painted(YELLOW, format_args!("category: {}", Clean(reason)), color)
        )?;
    }
    if let Some(stack) = &r.stack {
        writeln!(
            out,
            "      {}",
            Painted(
                DIM,
                format_args!(
                    "in nested stack {} ({}:{}:{}): {}",
                    Clean(stack.parent),
                    Clean(&stack.location.file),
                    stack.location.line,
                    stack.location.column,
                    Clean(stack.found)
                ),
                color
            )
        )?;
    }
    Ok(())
}

/// Every duty of the resource, AWS's first, then yours by status.
fn render_duties(r: &ResourceView, color: bool, out: &mut String) -> fmt::Result {
    let with = |status: DutyStatus, uncovered: Option<bool>| Slugs {
        duties: &r.duties,
        status,
        uncovered,
    };
    let inherited = with(DutyStatus::Inherited, None);
    if !inherited.is_empty() {
        writeln!(
            out,
            "      {} {}",
            Painted(DIM, "AWS carries:", color),
            Painted(DIM, &inherited, color)
        )?;
    }
    let order = [
        DutyStatus::NotMet,
        DutyStatus::Unknown,
        DutyStatus::Met,
        DutyStatus::NotApplicable,
    ];
    for status in order {
        for duty in r.duties.iter().filter(|d| d.status == status) {
            for v in duty.verdicts.iter().filter(|v| {
                (v.status != Status::NotApplicable || status == DutyStatus::NotApplicable)
                    && !v.in_baseline()
            }) {
                let suppressed = v.is_finding() && v.is_suppressed();
                let (style, mark) = match v.status {
                    _ if suppressed => (DIM, "~ ignored"),
                    Status::NotMet => status_text(DutyStatus::NotMet),
                    Status::Unknown => status_text(DutyStatus::Unknown),
                    Status::Met => status_text(DutyStatus::Met),
                    Status::NotApplicable => status_text(DutyStatus::NotApplicable),
                };
                write!(
                    out,
                    "      {} {:<22} {}",
                    Painted(style, mark, color),
                    duty.duty.slug(),
                    v.rule,
                )?;
                if v.status == Status::NotMet && !suppressed {
                    write!(
                        out,
                        " {}",
                        Painted(
                            severity_style(v.severity),
                            format_args!("[{}]", v.severity),
                            color
                        )
                    )?;
                }
                writeln!(
                    out,
                    "  {}  {}",
                    Painted(
                        DIM,
                        format_args!("{}:{}", v.location.line, v.location.column),
                        color
                    ),
                    Clean(&v.message),
                )?;
                if let Some(sup) = &v.suppression {
                    let style = if sup.active { DIM } else { YELLOW };
                    writeln!(
                        out,
                        "                {}",
                        Painted(style, Clean(&sup.describe()), color)
                    )?;
                }
            }
        }
    }
    let attest = with(DutyStatus::Attest, Some(false));
    if !attest.is_empty() {
        let (style, mark) = status_text(DutyStatus::Attest);
        writeln!(
            out,
            "      {} {}",
            Painted(style, mark, color),
            Painted(DIM, &attest, color)
        )?;
    }
    let unchecked = with(DutyStatus::Attest, Some(true));
    if !unchecked.is_empty() {
        writeln!(
            out,
            "      {} {}",
            Painted(BLUE, "◇ no rule", color),
            Painted(DIM, &unchecked, color)
        )?;
    }
    Ok(())
}

fn render_summary(
    report: &Report,
    threshold: Severity,
    show: Show,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let s = &report.summary;
    writeln!(out)?;
    write!(
        out,
        "{} {} resources in {} files",
        Painted(BOLD, "Scanned", color),
        s.resources,
        s.files
    )?;
    match s.to_act {
        0 => writeln!(out)?,
        1 => writeln!(out, "; 1 has something to do")?,
        n => writeln!(out, "; {n} have something to do")?,
    }
    writeln!(out, "  AWS carries {} duties (inherited)", s.inherited)?;
    writeln!(
        out,
        "  yours: {} met, {} not met, {} unknown, {} to attest",
        Painted(GREEN, s.met, color),
        Painted(RED, s.not_met, color),
        Painted(YELLOW, s.unknown, color),
        Painted(BLUE, s.attest, color),
    )?;
    if s.attest_uncovered > 0 {
        let mut uncovered: Vec<(Duty, usize)> =
            s.uncovered_by_duty.iter().map(|(d, n)| (*d, *n)).collect();
        uncovered.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let list: Vec<String> = uncovered
            .iter()
            .map(|(d, n)| format!("{} {n}", d.slug()))
            .collect();
        writeln!(
            out,
            "    {} of them because no onus rule checks the duty for the resource type: {}",
            s.attest_uncovered,
            Painted(DIM, list.join(", "), color)
        )?;
    }
    let failing = report.failing(threshold);
    let by_severity: Vec<String> = Severity::ALL
        .iter()
        .filter_map(|sev| {
            s.findings_by_severity
                .get(sev)
                .map(|n| format!("{n} {sev}"))
        })
        .collect();
    if by_severity.is_empty() {
        writeln!(out, "  no unmet duty found by a rule")?;
    } else {
        writeln!(out, "  unmet by rule: {}", by_severity.join(", "))?;
        render_top_unmet(s, color, out)?;
    }
    if s.suppressed > 0 {
        writeln!(
            out,
            "  {} findings suppressed ({}; not counted)",
            s.suppressed,
            match show {
                Show::All => "shown with their reason",
                Show::Actionable => "--show all lists them with their reason",
            }
        )?;
    }
    if s.expired > 0 {
        writeln!(
            out,
            "  {}",
            Painted(
                YELLOW,
                format_args!(
                    "{} findings whose suppression has expired (counted again)",
                    s.expired
                ),
                color
            )
        )?;
    }
    if s.baselined > 0 {
        writeln!(
            out,
            "  {} findings in the baseline (not shown)",
            s.baselined
        )?;
    }
    for note in &report.notes {
        writeln!(
            out,
            "  {}",
            Painted(YELLOW, format_args!("note: {}", Clean(note)), color)
        )?;
    }
    if s.unknown_verdicts > 0 {
        writeln!(
            out,
            "  {} verdicts depend on values onus could not resolve (unknown, marked ?)",
            s.unknown_verdicts
        )?;
    }
    if report.incomplete {
        writeln!(
            out,
            "  {}",
            Painted(
                RED,
                format_args!("scan incomplete: {} files could not be read", s.errors),
                color
            )
        )?;
    }
    if show == Show::Actionable && s.resources > 0 {
        writeln!(
            out,
            "  {}",
            Painted(
                DIM,
                "--show all (-v) lists every duty of every resource, what AWS carries included",
                color
            )
        )?;
    }
    if failing > 0 {
        writeln!(
            out,
            "{}",
            Painted(
                RED,
                format_args!("{failing} findings at or above {threshold}"),
                color
            )
        )?;
    } else {
        writeln!(
            out,
            "{}",
            Painted(
                GREEN,
                format_args!("no findings at or above {threshold}"),
                color
            )
        )?;
    }
    Ok(())
}

/// The duties with the most unmet verdicts, each with its most frequent
/// rules.
fn render_top_unmet(s: &Summary, color: bool, out: &mut dyn Write) -> io::Result<()> {
    /// A duty, its unmet verdicts, and how many each rule gave.
    type DutyTally<'s> = (Duty, usize, Vec<(&'s str, usize)>);
    let mut by_duty: Vec<DutyTally> = Vec::new();
    for ((duty, rule), n) in &s.unmet_by_rule {
        match by_duty.last_mut() {
            Some((d, total, rules)) if d == duty => {
                *total += n;
                rules.push((rule, *n));
            }
            _ => by_duty.push((*duty, *n, vec![(rule, *n)])),
        }
    }
    by_duty.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let top = &by_duty[..by_duty.len().min(TOP_DUTIES)];
    let width = top.iter().map(|(d, ..)| d.slug().len()).max().unwrap_or(0);
    let count_width = top
        .iter()
        .map(|(_, n, _)| n.to_string().len())
        .max()
        .unwrap_or(0);
    writeln!(out, "  most often not met:")?;
    for (duty, total, mut rules) in by_duty.into_iter().take(TOP_DUTIES) {
        rules.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let more = rules.len() > TOP_RULES;
        let list: Vec<String> = rules
            .iter()
            .take(TOP_RULES)
            .map(|(rule, n)| format!("{rule} {n}"))
            .collect();
        writeln!(
            out,
            "    {:<width$}  {total:>count_width$}  {}{}",
            duty.slug(),
            Painted(DIM, list.join(", "), color),
            if more { ", …" } else { "" }
        )?;
    }
    Ok(())
}
