//! What `docs/COVERAGE.md` accounts for: every AWS Security Hub FSBP control
//! and every Checkov AWS check, each with the onus rules that map it or the
//! reason it is left out. Built from the rule registry, the reference lists
//! in `data/reference/` and the reasons in `data/coverage/*.tsv` (one file
//! per area; see that directory's README).

use crate::rule::{Relation, Rule, Tool};
use serde::Serialize;
use std::fmt::Write as _;

include!(concat!(env!("OUT_DIR"), "/coverage_files.rs"));

const FSBP: &str = include_str!("../data/reference/fsbp-controls.tsv");
const CHECKOV: &str = include_str!("../data/reference/checkov-aws-checks.tsv");

/// Where a control or check stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// One or more rules implement it.
    Mapped,
    /// Left out on purpose, with a reason (a `data/coverage/*.tsv` entry).
    Excluded,
    /// Infrastructure code cannot show it (the FSBP reference says so).
    NotInCode,
    /// Code could show it, and no rule does yet.
    NotCovered,
}

/// A rule that maps a control or check.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Mapping {
    /// The rule id.
    pub rule: &'static str,
    /// For peer checks: the same check, or a related one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relation: Option<Relation>,
}

/// One FSBP control or Checkov check.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// The FSBP control id (`S3.5`) or Checkov check id (`CKV_AWS_19`).
    pub id: &'static str,
    /// Its title in the reference list.
    pub title: &'static str,
    /// FSBP: whether code can decide it (`yes`, `partial`, `no`); Checkov:
    /// the frameworks it runs on.
    pub scope: &'static str,
    /// Where it stands in onus.
    pub state: State,
    /// The rules that map it (empty unless mapped).
    pub rules: Vec<Mapping>,
    /// Why it is left out or cannot be seen in code, when it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'static str>,
}

/// One line of a `data/coverage/*.tsv` file.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Exclusion {
    /// The `data/coverage/*.tsv` file it is in.
    pub file: &'static str,
    /// `fsbp` or `checkov`.
    pub framework: &'static str,
    /// The control or check id left out.
    pub id: &'static str,
    /// Why it is left out.
    pub reason: &'static str,
}

/// The tab-separated rows of `text` after its header, blank lines and
/// `#` comments left out.
fn rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// Every entry of every `data/coverage/*.tsv` file.
pub fn exclusions() -> Vec<Exclusion> {
    EXCLUSION_FILES
        .iter()
        .flat_map(|(file, text)| {
            rows(text).map(move |cols| Exclusion {
                file,
                framework: cols.first().copied().unwrap_or(""),
                id: cols.get(1).copied().unwrap_or(""),
                reason: cols.get(2).copied().unwrap_or(""),
            })
        })
        .collect()
}

fn excluded(exclusions: &[Exclusion], framework: &str, id: &str) -> Option<&'static str> {
    exclusions
        .iter()
        .find(|e| e.framework.eq_ignore_ascii_case(framework) && e.id == id)
        .map(|e| e.reason)
}

fn entry(
    (id, title, scope): (&'static str, &'static str, &'static str),
    rules: Vec<Mapping>,
    exclusion: Option<&'static str>,
    not_in_code: Option<&'static str>,
) -> Entry {
    let (state, reason) = if !rules.is_empty() {
        (State::Mapped, None)
    } else if let Some(reason) = exclusion {
        (State::Excluded, Some(reason))
    } else if let Some(reason) = not_in_code {
        (State::NotInCode, Some(reason))
    } else {
        (State::NotCovered, None)
    };
    Entry {
        id,
        title,
        scope,
        state,
        rules,
        reason,
    }
}

/// Every FSBP control, in the reference's order.
pub fn fsbp(rules: &[&'static Rule]) -> Vec<Entry> {
    let exclusions = exclusions();
    rows(FSBP)
        .map(|cols| {
            let [id, title, scope, _config, why] =
                [0, 1, 2, 3, 4].map(|i| cols.get(i).copied().unwrap_or(""));
            let mapped = rules
                .iter()
                .filter(|r| r.controls.fsbp.iter().any(|c| c.eq_ignore_ascii_case(id)))
                .map(|r| Mapping {
                    rule: r.id,
                    relation: None,
                })
                .collect();
            let not_in_code = (scope == "no").then_some(why);
            entry(
                (id, title, scope),
                mapped,
                excluded(&exclusions, "fsbp", id),
                not_in_code,
            )
        })
        .collect()
}

/// Every Checkov AWS check, by id.
pub fn checkov(rules: &[&'static Rule]) -> Vec<Entry> {
    let exclusions = exclusions();
    rows(CHECKOV)
        .map(|cols| {
            let [id, scope, title] = [0, 1, 2].map(|i| cols.get(i).copied().unwrap_or(""));
            let mapped = rules
                .iter()
                .flat_map(|r| {
                    r.peers
                        .iter()
                        .filter(|p| p.tool == Tool::Checkov && p.id == id)
                        .map(|p| Mapping {
                            rule: r.id,
                            relation: Some(p.relation),
                        })
                })
                .collect();
            entry(
                (id, title, scope),
                mapped,
                excluded(&exclusions, "checkov", id),
                None,
            )
        })
        .collect()
}

/// What is wrong with the coverage data: an exclusion naming an id the
/// reference does not know, a framework other than `fsbp` or `checkov`, an id
/// excluded twice, or excluded although a rule maps it; a rule naming in
/// `controls.fsbp` a Security Hub control that is not an FSBP control (one
/// of another standard, such as NIST SP 800-53 or CIS, or a retired one: its
/// AWS Config rule belongs in `controls.config`, its CIS number in
/// `controls.cis`).
pub fn problems(rules: &[&'static Rule]) -> Vec<String> {
    let fsbp = fsbp(rules);
    let checkov = checkov(rules);
    let mut out: Vec<String> = outside_fsbp(rules)
        .into_iter()
        .map(|(id, names)| {
            format!(
                "{}: controls.fsbp names {id}, which is not an FSBP control",
                names.join(", ")
            )
        })
        .collect();
    let mut seen: Vec<(String, &str)> = Vec::new();
    for e in exclusions() {
        let where_ = format!("data/coverage/{}: {} {}", e.file, e.framework, e.id);
        let list = match e.framework.to_ascii_lowercase().as_str() {
            "fsbp" => &fsbp,
            "checkov" => &checkov,
            _ => {
                out.push(format!("{where_}: the framework must be fsbp or checkov"));
                continue;
            }
        };
        match list.iter().find(|x| x.id == e.id) {
            None => out.push(format!("{where_}: no such id in data/reference")),
            Some(x) if x.state == State::Mapped => {
                let ids: Vec<&str> = x.rules.iter().map(|m| m.rule).collect();
                out.push(format!(
                    "{where_}: excluded, but mapped by {}",
                    ids.join(", ")
                ));
            }
            Some(_) => {}
        }
        if e.reason.is_empty() {
            out.push(format!("{where_}: no reason"));
        }
        let key = (e.framework.to_ascii_lowercase(), e.id);
        if seen.contains(&key) {
            out.push(format!("{where_}: listed twice"));
        }
        seen.push(key);
    }
    out
}

/// Control ids in rules' `controls.fsbp` that the FSBP reference does not
/// list, each with the rules naming it.
fn outside_fsbp(rules: &[&'static Rule]) -> Vec<(&'static str, Vec<String>)> {
    let known: Vec<&str> = rows(FSBP).filter_map(|c| c.first().copied()).collect();
    let mut out: Vec<(&'static str, Vec<String>)> = Vec::new();
    for r in rules {
        for id in r.controls.fsbp {
            if known.iter().any(|k| k.eq_ignore_ascii_case(id)) {
                continue;
            }
            match out.iter_mut().find(|(i, _)| i == id) {
                Some((_, ids)) => ids.push(format!("`{}`", r.id)),
                None => out.push((id, vec![format!("`{}`", r.id)])),
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(b.0));
    out
}

/// Counts of entries per state.
fn tally(entries: &[Entry], state: State) -> usize {
    entries.iter().filter(|e| e.state == state).count()
}

/// `|` would end a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

fn mapped_or_reason(e: &Entry) -> String {
    match e.state {
        State::Mapped => e
            .rules
            .iter()
            .map(|m| match m.relation {
                Some(Relation::Related) => format!("`{}` (related)", m.rule),
                _ => format!("`{}`", m.rule),
            })
            .collect::<Vec<_>>()
            .join(", "),
        State::Excluded => format!("left out: {}", cell(e.reason.unwrap_or(""))),
        State::NotInCode => format!("not in code: {}", cell(e.reason.unwrap_or(""))),
        State::NotCovered => "no rule yet".to_owned(),
    }
}

/// `docs/COVERAGE.md`.
pub fn markdown(rules: &[&'static Rule]) -> String {
    let fsbp = fsbp(rules);
    let checkov = checkov(rules);
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "# Coverage");
    let _ = writeln!(w);
    let _ = writeln!(
        w,
        "Generated from the rule registry, `crates/onus-rules/data/reference/` and the reasons in \
         `crates/onus-rules/data/coverage/*.tsv`; do not edit it by hand. Regenerate it with \
         `cargo run -p onus-cli -- rules --coverage --format markdown > docs/COVERAGE.md`."
    );
    let _ = writeln!(w);
    let _ = writeln!(w, "## Summary");
    let _ = writeln!(w);
    let _ = writeln!(w, "- {} rules.", rules.len());
    for (name, entries) in [
        ("AWS Security Hub FSBP controls", &fsbp),
        ("Checkov AWS checks", &checkov),
    ] {
        let _ = writeln!(
            w,
            "- {name}: {} in all; {} mapped by a rule, {} left out with a reason, {} not decidable from code, {} without a rule yet.",
            entries.len(),
            tally(entries, State::Mapped),
            tally(entries, State::Excluded),
            tally(entries, State::NotInCode),
            tally(entries, State::NotCovered),
        );
    }
    let _ = writeln!(w);
    let _ = writeln!(w, "## AWS Security Hub FSBP controls");
    let _ = writeln!(w);
    let _ = writeln!(
        w,
        "\"Code\" says whether infrastructure code can decide the control (the Security Hub reference's reading)."
    );
    let _ = writeln!(w);
    let _ = writeln!(w, "| Control | Title | Code | onus |");
    let _ = writeln!(w, "|---|---|---|---|");
    for e in &fsbp {
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} |",
            e.id,
            cell(e.title),
            e.scope,
            mapped_or_reason(e)
        );
    }
    let _ = writeln!(w);
    let _ = writeln!(w, "## Checkov AWS checks");
    let _ = writeln!(w);
    let _ = writeln!(
        w,
        "A rule maps a check as the same check (its `checkov:skip` suppressions carry over) or as a related one."
    );
    let _ = writeln!(w);
    let _ = writeln!(w, "| Check | Frameworks | Title | onus |");
    let _ = writeln!(w, "|---|---|---|---|");
    for e in &checkov {
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} |",
            e.id,
            e.scope.replace(',', ", "),
            cell(e.title),
            mapped_or_reason(e)
        );
    }
    out
}
