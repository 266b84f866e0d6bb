//! The default, human-readable report: grouped by file, then resource, with
//! each resource's duties split into what AWS carries and what is yours.
//!
//! Styles are ANSI; the caller writes through `anstream`, which strips them
//! when stdout is not a terminal or `NO_COLOR` is set.

use crate::report::{Report, ResourceView};
use anstyle::{AnsiColor, Style};
use onus_rules::{DutyStatus, Severity, Status};
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
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\t' {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}

fn paint(style: Style, text: &str) -> String {
    format!("{style}{text}{style:#}")
}

fn status_mark(status: DutyStatus) -> String {
    match status {
        DutyStatus::NotMet => paint(RED, "✗ not met"),
        DutyStatus::Unknown => paint(YELLOW, "? unknown"),
        DutyStatus::Met => paint(GREEN, "✓ met    "),
        DutyStatus::Attest => paint(BLUE, "◇ attest "),
        DutyStatus::NotApplicable => paint(DIM, "- n/a    "),
        DutyStatus::Inherited => paint(DIM, "AWS      "),
    }
}

fn severity_style(severity: Severity) -> Style {
    match severity {
        Severity::Critical | Severity::High => RED,
        Severity::Medium => YELLOW,
        Severity::Low => Style::new(),
    }
}

/// Writes the report. `threshold` is the `--fail-on` severity, named in the
/// closing line.
pub fn render(report: &Report, threshold: Severity, out: &mut dyn Write) -> io::Result<()> {
    let mut current_file: Option<&str> = None;
    for resource in &report.resources {
        if current_file != Some(resource.location.file.as_str()) {
            if current_file.is_some() {
                writeln!(out)?;
            }
            writeln!(out, "{}", paint(BOLD, &clean(&resource.location.file)))?;
            current_file = Some(&resource.location.file);
        }
        render_resource(resource, out)?;
    }
    if !report.diagnostics.is_empty() {
        writeln!(out)?;
        let title = if report.incomplete {
            "Files that could not be read completely"
        } else {
            "Diagnostics"
        };
        writeln!(out, "{}", paint(BOLD, title))?;
        for d in &report.diagnostics {
            let level = match d.level {
                onus_ingest::DiagnosticLevel::Error => paint(RED, "error"),
                onus_ingest::DiagnosticLevel::Warning => paint(YELLOW, "warning"),
            };
            writeln!(
                out,
                "  {level}: {}:{}:{}: {}",
                clean(&d.location.file),
                d.location.line,
                d.location.column,
                clean(&d.message)
            )?;
        }
    }
    render_summary(report, threshold, out)
}

fn render_resource(r: &ResourceView, out: &mut dyn Write) -> io::Result<()> {
    let category = match (&r.service, r.category) {
        (Some(service), Some(c)) => format!("{}, {c}", clean(service)),
        (Some(service), None) => format!("{}, category undetermined", clean(service)),
        (None, _) => "not in the service catalog".to_owned(),
    };
    writeln!(
        out,
        "  {} {}  {}  {}",
        paint(BOLD, &clean(&r.id)),
        paint(CYAN, &clean(&r.resource_type)),
        paint(DIM, &format!("({category})")),
        paint(DIM, &format!("{}:{}", r.location.line, r.location.column)),
    )?;
    if r.category.is_none()
        && let Some(reason) = &r.category_reason
    {
        writeln!(
            out,
            "      {}",
            paint(YELLOW, &format!("category: {}", clean(reason)))
        )?;
    }
    let inherited: Vec<&str> = r
        .duties
        .iter()
        .filter(|d| d.status == DutyStatus::Inherited)
        .map(|d| d.duty.slug())
        .collect();
    if !inherited.is_empty() {
        writeln!(
            out,
            "      {} {}",
            paint(DIM, "AWS carries:"),
            paint(DIM, &inherited.join(", "))
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
                let mark = match v.status {
                    _ if suppressed => paint(DIM, "~ ignored"),
                    Status::NotMet => status_mark(DutyStatus::NotMet),
                    Status::Unknown => status_mark(DutyStatus::Unknown),
                    Status::Met => status_mark(DutyStatus::Met),
                    Status::NotApplicable => status_mark(DutyStatus::NotApplicable),
                };
                let severity = if v.status == Status::NotMet && !suppressed {
                    format!(
                        " {}",
                        paint(severity_style(v.severity), &format!("[{}]", v.severity))
                    )
                } else {
                    String::new()
                };
                writeln!(
                    out,
                    "      {mark} {:<22} {}{severity}  {}  {}",
                    duty.duty.slug(),
                    v.rule,
                    paint(DIM, &format!("{}:{}", v.location.line, v.location.column)),
                    clean(&v.message),
                )?;
                if let Some(sup) = &v.suppression {
                    let style = if sup.active { DIM } else { YELLOW };
                    writeln!(
                        out,
                        "                {}",
                        paint(style, &clean(&sup.describe()))
                    )?;
                }
            }
        }
    }
    let attest = |uncovered: bool| -> Vec<&str> {
        r.duties
            .iter()
            .filter(|d| d.status == DutyStatus::Attest && d.uncovered == uncovered)
            .map(|d| d.duty.slug())
            .collect()
    };
    let (attest, unchecked) = (attest(false), attest(true));
    if !attest.is_empty() {
        writeln!(
            out,
            "      {} {}",
            status_mark(DutyStatus::Attest),
            paint(DIM, &attest.join(", "))
        )?;
    }
    if !unchecked.is_empty() {
        writeln!(
            out,
            "      {} {}",
            paint(BLUE, "◇ no rule"),
            paint(DIM, &unchecked.join(", "))
        )?;
    }
    Ok(())
}

fn render_summary(report: &Report, threshold: Severity, out: &mut dyn Write) -> io::Result<()> {
    let s = &report.summary;
    writeln!(out)?;
    writeln!(
        out,
        "{} {} resources in {} files",
        paint(BOLD, "Scanned"),
        s.resources,
        s.files
    )?;
    writeln!(out, "  AWS carries {} duties (inherited)", s.inherited)?;
    writeln!(
        out,
        "  yours: {} met, {} not met, {} unknown, {} to attest{}",
        paint(GREEN, &s.met.to_string()),
        paint(RED, &s.not_met.to_string()),
        paint(YELLOW, &s.unknown.to_string()),
        paint(BLUE, &s.attest.to_string()),
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
            paint(YELLOW, &format!("note: {}", clean(note)))
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
            paint(
                RED,
                &format!("scan incomplete: {} files could not be read", s.errors)
            )
        )?;
    }
    if failing > 0 {
        writeln!(
            out,
            "{}",
            paint(RED, &format!("{failing} findings at or above {threshold}"))
        )?;
    } else {
        writeln!(
            out,
            "{}",
            paint(GREEN, &format!("no findings at or above {threshold}"))
        )?;
    }
    Ok(())
}
