//! CSV (`--format csv`): one row per rule verdict on a customer duty. Cells
//! that a spreadsheet would run as a formula get a leading `'`.

use crate::report::{Report, ResourceView};
use onus_model::Owner;
use std::io::{self, Write};

/// Neutralises spreadsheet formulas: a cell starting with `= + - @` (or a tab
/// or carriage return) gets a leading `'`.
pub fn cell(text: &str) -> String {
    let text = crate::terminal::clean(text);
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text
    }
}

/// Writes rows with the csv crate (quoting) after formula escaping.
pub fn write_rows(out: &mut dyn Write, header: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(header).map_err(io::Error::other)?;
    for row in rows {
        w.write_record(row.iter().map(|c| cell(c)))
            .map_err(io::Error::other)?;
    }
    w.flush()
}

/// The columns of `--format csv`: one row per verdict.
pub const HEADER: [&str; 17] = [
    "file",
    "line",
    "column",
    "resource",
    "type",
    "service",
    "category",
    "duty",
    "layer",
    "owner",
    "rule",
    "severity",
    "status",
    "message",
    "suppressed",
    "suppression",
    "fingerprint",
];

/// Writes the report as CSV: [`HEADER`], then one row per verdict.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(HEADER).map_err(io::Error::other)?;
    for r in &report.resources {
        write_resource(r, &mut w)?;
    }
    w.flush()
}

/// The rows of one resource (no header).
pub fn write_resource<W: Write>(r: &ResourceView, w: &mut csv::Writer<W>) -> io::Result<()> {
    for d in r.duties.iter().filter(|d| d.owner != Owner::Aws) {
        for v in d.verdicts.iter().filter(|v| !v.in_baseline()) {
            let row = [
                v.location.file.to_string(),
                v.location.line.to_string(),
                v.location.column.to_string(),
                r.id.to_owned(),
                r.resource_type.to_owned(),
                r.service.unwrap_or_default().to_owned(),
                r.category.map(|c| c.to_string()).unwrap_or_default(),
                d.duty.slug().to_owned(),
                d.layer.slug().to_owned(),
                d.owner.as_str().to_owned(),
                v.rule.to_owned(),
                v.severity.to_string(),
                v.status.to_string(),
                v.message.to_string(),
                v.is_suppressed().to_string(),
                v.suppression
                    .as_ref()
                    .map(|s| s.describe())
                    .unwrap_or_default(),
                v.fingerprint.to_string(),
            ];
            w.write_record(row.iter().map(|c| cell(c)))
                .map_err(io::Error::other)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn formulas() {
        assert_eq!(super::cell("=1+1"), "'=1+1");
        assert_eq!(super::cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(super::cell("-2"), "'-2");
        assert_eq!(super::cell("+x"), "'+x");
        assert_eq!(super::cell("ok"), "ok");
    }
}
