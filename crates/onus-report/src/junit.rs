//! JUnit XML (`--format junit`) for CI test reports: one test suite per file,
//! one test case per resource × rule verdict on a customer duty. Not met is a
//! failure; unknown, not applicable and suppressed are skipped with the reason.

use crate::report::{Report, ResourceView};
use onus_model::Owner;
use onus_rules::Status;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// Text for XML content and attributes: escaped by quick-xml, and characters
/// XML 1.0 cannot carry at all (control characters) replaced.
pub fn xml(text: &str) -> String {
    let clean: String = text
        .chars()
        .map(|c| {
            if (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
                || c == '\u{fffe}'
                || c == '\u{ffff}'
            {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect();
    quick_xml::escape::escape(clean.as_str()).into_owned()
}

pub(crate) struct Case {
    name: String,
    classname: String,
    outcome: Outcome,
}

pub(crate) enum Outcome {
    Pass,
    Failure { message: String, body: String },
    Skipped(String),
}

/// Writes the report as a JUnit XML document.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut suites: BTreeMap<&str, Vec<Case>> = BTreeMap::new();
    for r in &report.resources {
        suites
            .entry(&*r.location.file)
            .or_default()
            .extend(cases(r));
    }
    let mut totals = Totals::default();
    for cases in suites.values() {
        totals.add(cases);
    }
    write_head(&totals, report.summary.errors, out)?;
    for (file, cases) in &suites {
        write_suite(file, cases, out)?;
    }
    write_end(report, out)
}

/// Test cases, failures and skipped cases, for the `<testsuites>` element.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Totals {
    tests: usize,
    failures: usize,
    skipped: usize,
}

impl Totals {
    pub(crate) fn merge(&mut self, other: Totals) {
        self.tests += other.tests;
        self.failures += other.failures;
        self.skipped += other.skipped;
    }

    pub(crate) fn add(&mut self, cases: &[Case]) {
        self.tests += cases.len();
        self.failures += cases
            .iter()
            .filter(|c| matches!(c.outcome, Outcome::Failure { .. }))
            .count();
        self.skipped += cases
            .iter()
            .filter(|c| matches!(c.outcome, Outcome::Skipped(_)))
            .count();
    }
}

/// One test case per verdict on a customer duty of the resource.
pub(crate) fn cases(r: &ResourceView) -> Vec<Case> {
    let mut cases = Vec::new();
    for d in r.duties.iter().filter(|d| d.owner != Owner::Aws) {
        for v in d.verdicts.iter().filter(|v| !v.in_baseline()) {
            let outcome = match (v.status, &v.suppression) {
                (Status::NotMet | Status::Unknown, Some(s)) if s.active => {
                    Outcome::Skipped(s.describe())
                }
                (Status::NotMet, s) => Outcome::Failure {
                    message: v.message.to_string(),
                    body: format!(
                        "{}:{}:{}: {} [{}] {}{}",
                        v.location.file,
                        v.location.line,
                        v.location.column,
                        v.rule,
                        v.severity,
                        v.message,
                        s.as_ref()
                            .map(|s| format!("\n{}", s.describe()))
                            .unwrap_or_default()
                    ),
                },
                (Status::Unknown, _) => Outcome::Skipped(v.message.to_string()),
                (Status::NotApplicable, _) => {
                    Outcome::Skipped(format!("not applicable: {}", v.message))
                }
                (Status::Met, _) => Outcome::Pass,
            };
            cases.push(Case {
                name: format!("{} {}", v.rule, d.duty.slug()),
                classname: r.id.to_owned(),
                outcome,
            });
        }
    }
    cases
}

pub(crate) fn write_head(totals: &Totals, errors: usize, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="onus" tests="{}" failures="{}" skipped="{}" errors="{}">"#,
        totals.tests, totals.failures, totals.skipped, errors,
    )
}

/// The test suite of one file; returns its totals.
pub(crate) fn write_suite(file: &str, cases: &[Case], out: &mut dyn Write) -> io::Result<Totals> {
    let mut totals = Totals::default();
    totals.add(cases);
    writeln!(
        out,
        r#"  <testsuite name="{}" tests="{}" failures="{}" skipped="{}" errors="0">"#,
        xml(file),
        totals.tests,
        totals.failures,
        totals.skipped,
    )?;
    for c in cases {
        write!(
            out,
            r#"    <testcase name="{}" classname="{}""#,
            xml(&c.name),
            xml(&c.classname)
        )?;
        match &c.outcome {
            Outcome::Pass => writeln!(out, "/>")?,
            Outcome::Failure { message, body } => writeln!(
                out,
                ">\n      <failure message=\"{}\" type=\"not-met\">{}</failure>\n    </testcase>",
                xml(message),
                xml(body)
            )?,
            Outcome::Skipped(why) => writeln!(
                out,
                ">\n      <skipped message=\"{}\"/>\n    </testcase>",
                xml(why)
            )?,
        }
    }
    writeln!(out, "  </testsuite>")?;
    Ok(totals)
}

/// The files that could not be read, as a suite of errors, and the end.
pub(crate) fn write_end(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    if !report.diagnostics.is_empty() {
        let errors: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.level == onus_ingest::DiagnosticLevel::Error)
            .collect();
        writeln!(
            out,
            r#"  <testsuite name="onus: files read" tests="{}" failures="0" skipped="0" errors="{}">"#,
            errors.len(),
            errors.len()
        )?;
        for d in errors {
            writeln!(
                out,
                "    <testcase name=\"{}\" classname=\"read\">\n      <error message=\"{}\" type=\"parse-error\"/>\n    </testcase>",
                xml(&format!(
                    "{}:{}:{}",
                    d.location.file, d.location.line, d.location.column
                )),
                xml(&d.message)
            )?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes() {
        assert_eq!(
            super::xml("<a href=\"x\">&'\u{1b}"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;\u{fffd}"
        );
    }
}
