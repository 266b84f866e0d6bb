//! JUnit XML (`--format junit`) for CI test reports: one test suite per file,
//! one test case per resource × rule verdict on a customer duty. Not met is a
//! failure; unknown, not applicable and suppressed are skipped with the reason.

use crate::report::Report;
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

struct Case {
    name: String,
    classname: String,
    outcome: Outcome,
}

enum Outcome {
    Pass,
    Failure { message: String, body: String },
    Skipped(String),
}

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut suites: BTreeMap<&str, Vec<Case>> = BTreeMap::new();
    for r in &report.resources {
        let cases = suites.entry(&*r.location.file).or_default();
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
                    classname: r.id.clone(),
                    outcome,
                });
            }
        }
    }
    let count =
        |cases: &[Case], f: fn(&Outcome) -> bool| cases.iter().filter(|c| f(&c.outcome)).count();
    let is_failure = |o: &Outcome| matches!(o, Outcome::Failure { .. });
    let is_skipped = |o: &Outcome| matches!(o, Outcome::Skipped(_));
    let all: Vec<&Case> = suites.values().flatten().collect();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="onus" tests="{}" failures="{}" skipped="{}" errors="{}">"#,
        all.len(),
        all.iter().filter(|c| is_failure(&c.outcome)).count(),
        all.iter().filter(|c| is_skipped(&c.outcome)).count(),
        report.summary.errors,
    )?;
    for (file, cases) in &suites {
        writeln!(
            out,
            r#"  <testsuite name="{}" tests="{}" failures="{}" skipped="{}" errors="0">"#,
            xml(file),
            cases.len(),
            count(cases, is_failure),
            count(cases, is_skipped),
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
    }
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
