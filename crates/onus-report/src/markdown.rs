//! Markdown (`--format markdown`): a summary and the findings, for pull-request
//! comments and job summaries. Values from scanned files are escaped so they
//! cannot add links, HTML or table cells.

use crate::report::{FindingRef, Report};
use onus_rules::Status;
use std::io::{self, Write};

/// Escapes text for a Markdown table cell: HTML special characters as
/// entities, Markdown punctuation with a backslash, line breaks as spaces.
pub fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '|' => out.push_str("\\|"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '(' | ')' | '#' | '!' | '~' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c if c.is_control() && c != '\t' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Writes the report as Markdown: the summary, then the findings.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let findings: Vec<_> = report.findings().collect();
    write_head(report, !findings.is_empty(), out)?;
    for f in findings {
        write_finding(f, out)?;
    }
    write_diagnostics(report, out)
}

/// The summary and the start of the findings table (or the line saying
/// there are none).
pub(crate) fn write_head(
    report: &Report,
    any_findings: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let s = &report.summary;
    writeln!(out, "# onus scan")?;
    writeln!(out)?;
    writeln!(
        out,
        "{} resources in {} files. AWS carries {} duties; yours: **{} met**, **{} not met**, {} unknown, {} to attest.",
        s.resources, s.files, s.inherited, s.met, s.not_met, s.unknown, s.attest
    )?;
    if s.suppressed > 0 || s.baselined > 0 {
        writeln!(out)?;
        writeln!(
            out,
            "{} findings suppressed, {} in the baseline (not shown).",
            s.suppressed, s.baselined
        )?;
    }
    for note in &report.notes {
        writeln!(out)?;
        writeln!(out, "> Note: {}", md(note))?;
    }
    if report.incomplete {
        writeln!(out)?;
        writeln!(
            out,
            "> **Scan incomplete**: {} files could not be read completely.",
            s.errors
        )?;
    }
    writeln!(out)?;
    writeln!(out, "## Findings")?;
    writeln!(out)?;
    if !any_findings {
        writeln!(out, "No unmet or unknown duty.")
    } else {
        writeln!(
            out,
            "| Status | Severity | Rule | Resource | Location | Message |"
        )?;
        writeln!(out, "|---|---|---|---|---|---|")
    }
}

/// A row of the findings table.
pub(crate) fn write_finding(f: FindingRef<'_>, out: &mut dyn Write) -> io::Result<()> {
    let v = f.verdict;
    let mut status = match v.status {
        Status::NotMet => "❌ not met".to_owned(),
        _ => "❔ unknown".to_owned(),
    };
    let mut message = md(&v.message);
    if let Some(sup) = &v.suppression {
        if sup.active {
            status = "🔕 suppressed".to_owned();
        }
        message.push_str(&format!(" — _{}_", md(&sup.describe())));
    }
    writeln!(
        out,
        "| {status} | {} | `{}` | {} | {}:{}:{} | {message} |",
        v.severity,
        v.rule,
        md(f.resource.id),
        md(&v.location.file),
        v.location.line,
        v.location.column,
    )
}

pub(crate) fn write_diagnostics(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    if !report.diagnostics.is_empty() {
        writeln!(out)?;
        writeln!(out, "## Diagnostics")?;
        writeln!(out)?;
        writeln!(out, "| Level | Location | Message |")?;
        writeln!(out, "|---|---|---|")?;
        for d in &report.diagnostics {
            let level = match d.level {
                onus_ingest::DiagnosticLevel::Error => "error",
                onus_ingest::DiagnosticLevel::Warning => "warning",
            };
            writeln!(
                out,
                "| {level} | {}:{}:{} | {} |",
                md(&d.location.file),
                d.location.line,
                d.location.column,
                md(&d.message)
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes() {
        assert_eq!(
            super::md("a|b <script>[x](y)\n"),
            "a\\|b &lt;script&gt;\\[x\\]\\(y\\) "
        );
    }
}
