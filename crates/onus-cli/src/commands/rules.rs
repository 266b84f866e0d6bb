//! `onus rules`: the rules, filtered; `onus rules <id>`: one rule's documentation.

use crate::exit;
use clap::{Args, ValueEnum};
use onus_model::Duty;
use onus_rules::rules::ALL;
use onus_rules::{Rule, Severity};
use std::io::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Table,
    Json,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Print this rule's documentation.
    pub id: Option<String>,

    /// Only rules verifying this duty (e.g. encryption-at-rest).
    #[arg(long)]
    pub duty: Option<String>,

    /// Only rules of this service (the id's first part, e.g. s3).
    #[arg(long)]
    pub service: Option<String>,

    /// Only rules of this severity.
    #[arg(long, value_parser = super::scan::parse_severity)]
    pub severity: Option<Severity>,

    #[arg(long, value_enum, default_value_t = RulesFormat::Table)]
    pub format: RulesFormat,
}

pub fn run(args: RulesArgs) -> anyhow::Result<u8> {
    let mut out = anstream::stdout().lock();
    if let Some(id) = &args.id {
        let Some(rule) = onus_rules::rules::by_id(id) else {
            let mut close: Vec<(usize, &str)> = ALL
                .iter()
                .map(|r| (strsim::levenshtein(id, r.id), r.id))
                .filter(|(d, _)| *d <= 4)
                .collect();
            close.sort();
            eprintln!("onus: no rule {id:?}");
            if !close.is_empty() {
                let names: Vec<&str> = close.iter().take(3).map(|(_, n)| *n).collect();
                eprintln!("did you mean: {}?", names.join(", "));
            }
            return Ok(exit::ERROR);
        };
        match args.format {
            RulesFormat::Json => serde_json::to_writer_pretty(&mut out, &RuleJson::from(rule))?,
            RulesFormat::Table => write!(out, "{}", rule.doc())?,
        }
        writeln!(out)?;
        return Ok(exit::CLEAN);
    }
    let duty = match &args.duty {
        Some(slug) => match Duty::from_slug(slug) {
            Some(d) => Some(d),
            None => {
                let all: Vec<&str> = Duty::ALL.iter().map(|d| d.slug()).collect();
                eprintln!("onus: no duty {slug:?}; duties are: {}", all.join(", "));
                return Ok(exit::ERROR);
            }
        },
        None => None,
    };
    let rules: Vec<&Rule> = ALL
        .iter()
        .copied()
        .filter(|r| duty.is_none_or(|d| r.duty == d))
        .filter(|r| args.service.as_deref().is_none_or(|s| r.service() == s))
        .filter(|r| args.severity.is_none_or(|s| r.severity == s))
        .collect();
    match args.format {
        RulesFormat::Json => {
            let rules: Vec<RuleJson> = rules.into_iter().map(RuleJson::from).collect();
            serde_json::to_writer_pretty(&mut out, &rules)?;
            writeln!(out)?;
        }
        RulesFormat::Table => {
            for r in &rules {
                writeln!(
                    out,
                    "{:<40} {:<24} {:<9} {}",
                    r.id,
                    r.duty.slug(),
                    r.severity,
                    r.title
                )?;
            }
            writeln!(out, "{} rules", rules.len())?;
        }
    }
    Ok(exit::CLEAN)
}

/// A rule as `--format json` prints it.
#[derive(serde::Serialize)]
struct RuleJson {
    #[serde(flatten)]
    rule: &'static Rule,
    service: &'static str,
    doc: &'static str,
}

impl From<&'static Rule> for RuleJson {
    fn from(rule: &'static Rule) -> Self {
        RuleJson {
            rule,
            service: rule.service(),
            doc: rule.doc(),
        }
    }
}
