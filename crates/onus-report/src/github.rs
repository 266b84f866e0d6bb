//! GitHub Actions workflow commands (`--format github`): one annotation per
//! finding, `::error file=…,line=…,col=…,title=…::message`. Suppressed and
//! baseline findings are not annotated.

use crate::report::{FindingRef, Report};
use onus_rules::{Severity, Status};
use std::io::{self, Write};

/// Escapes a workflow-command message.
pub fn data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c if c.is_control() => out.push('?'),
            c => out.push(c),
        }
    }
    out
}

/// Escapes a workflow-command property value (also `:` and `,`).
pub fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

/// Writes one workflow-command annotation per unsuppressed finding, then the
/// input diagnostics.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for f in report.findings() {
        write_finding(f, out)?;
    }
    write_diagnostics(report, out)
}

/// The annotation of a finding (none for a suppressed one).
pub fn write_finding(f: FindingRef<'_>, out: &mut dyn Write) -> io::Result<()> {
    let v = f.verdict;
    if v.is_suppressed() {
        return Ok(());
    }
    let command = match (v.status, v.severity) {
        (Status::NotMet, Severity::Critical | Severity::High) => "error",
        (Status::NotMet, _) => "warning",
        _ => "notice",
    };
    let mut message = format!("{}: {}", f.resource.id, v.message);
    if let Some(s) = &v.suppression {
        message.push_str(&format!(" ({})", s.describe()));
    }
    writeln!(
        out,
        "::{command} file={},line={},col={},title={}::{}",
        property(&v.location.file),
        v.location.line,
        v.location.column,
        property(&format!("{} [{}] {}", v.rule, v.severity, v.title)),
        data(&message)
    )
}

/// One annotation per diagnostic, after the findings.
pub fn write_diagnostics(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for d in &report.diagnostics {
        let command = match d.level {
            onus_ingest::DiagnosticLevel::Error => "error",
            onus_ingest::DiagnosticLevel::Warning => "warning",
        };
        writeln!(
            out,
            "::{command} file={},line={},col={},title=onus::{}",
            property(&d.location.file),
            d.location.line.max(1),
            d.location.column.max(1),
            data(&d.message)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes() {
        assert_eq!(super::data("50%\nnext::x"), "50%25%0Anext::x");
        assert_eq!(super::property("a,b:c\r"), "a%2Cb%3Ac%0D");
    }
}
