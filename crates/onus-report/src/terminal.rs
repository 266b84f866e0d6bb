//! The default, human-readable report: grouped by file, then resource, with
//! each resource's duties split into what AWS carries and what is yours.
//!
//! Styles are ANSI; the caller writes through `anstream`, which strips them
//! when stdout is not a terminal or `NO_COLOR` is set.

use crate::report::{DutyView, Report, ResourceView};
use anstyle::{AnsiColor, Style};
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

/// Files rendered side by side before their text is written out in order:
/// enough to keep both cores busy, few enough to bound the memory held.
pub(crate) const FILES_PER_BATCH: usize = 512;

/// Writes the report with ANSI styles (for a writer such as `anstream` that
/// strips them where they do not belong). `threshold` is the `--fail-on`
/// severity, named in the closing line.
pub fn render(report: &Report, threshold: Severity, out: &mut dyn Write) -> io::Result<()> {
    render_with(report, threshold, true, out)
}

/// Writes the report, with styles only when `color` is set.
pub fn render_with(
    report: &Report,
    threshold: Severity,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    render_resources(&report.resources, true, color, out)?;
    render_tail(report, threshold, color, out)
}

/// Resources in report order, grouped under their files (a file's resources
/// must not be split between calls). `at_start`: nothing was written before,
/// so the first file needs no blank line above it.
pub(crate) fn render_resources(
    resources: &[ResourceView],
    at_start: bool,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let files = crate::report::by_file(resources);
    for (batch_no, batch) in files.chunks(FILES_PER_BATCH).enumerate() {
        for text in render_files(batch, at_start && batch_no == 0, color)? {
            out.write_all(&text)?;
        }
    }
    Ok(())
}

/// Each file's text, rendered side by side. `at_start`: the first file needs
/// no blank line above it.
pub(crate) fn render_files(
    files: &[&[ResourceView]],
    at_start: bool,
    color: bool,
) -> io::Result<Vec<Vec<u8>>> {
    files
        .par_iter()
        .enumerate()
        .map(|(i, resources)| {
            // About 850 bytes a resource without colour: one allocation, not
            // a series of doublings.
            let mut text = String::with_capacity(resources.len() * 1024);
            render_file(resources, at_start && i == 0, color, &mut text)
                .map_err(io::Error::other)?;
            Ok(text.into_bytes())
        })
        .collect()
}

/// What follows the resources: diagnostics and the summary.
pub(crate) fn render_tail(
    report: &Report,
    threshold: Severity,
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
        for d in &report.diagnostics {
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
    }
    render_summary(report, threshold, color, out)
}

/// One file's resources, under the file's name.
fn render_file(
    resources: &[ResourceView],
    first: bool,
    color: bool,
    out: &mut String,
) -> fmt::Result {
    let Some(head) = resources.first() else {
        return Ok(());
    };
    if !first {
        writeln!(out)?;
    }
    writeln!(out, "{}", Painted(BOLD, Clean(&head.location.file), color))?;
    for resource in resources {
        render_resource(resource, color, out)?;
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
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let s = &report.summary;
    writeln!(out)?;
    writeln!(
        out,
        "{} {} resources in {} files",
        Painted(BOLD, "Scanned", color),
        s.resources,
        s.files
    )?;
    writeln!(out, "  AWS carries {} duties (inherited)", s.inherited)?;
    writeln!(
        out,
        "  yours: {} met, {} not met, {} unknown, {} to attest{}",
        Painted(GREEN, s.met, color),
        Painted(RED, s.not_met, color),
        Painted(YELLOW, s.unknown, color),
        Painted(BLUE, s.attest, color),
        if s.attest_uncovered > 0 {
            format!(
                " ({} of them because no onus rule checks that duty for the resource type)",
                s.attest_uncovered
            )
        } else {
            String::new()
        },
    )?;
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
    }
    if s.suppressed > 0 {
        writeln!(
            out,
            "  {} findings suppressed (shown with their reason; not counted)",
            s.suppressed
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
            "  {} verdicts depend on values onus could not resolve (shown as unknown)",
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
