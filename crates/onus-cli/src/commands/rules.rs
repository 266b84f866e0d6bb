//! `onus rules`: the rules, filtered; `onus rules <id>`: one rule's documentation.

use crate::exit;
use clap::{Args, ValueEnum};
use onus_model::{Catalog, Category, Duty, NoProperties, Owner, Verification};
use onus_rules::rules::ALL;
use onus_rules::{Rule, Severity};
use serde::Serialize;
use std::collections::BTreeSet;
use std::io::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Table,
    Json,
    /// Markdown: with `--coverage`, the text of docs/COVERAGE.md.
    Markdown,
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

    /// Only rules mapped to this framework: FSBP, CONFIG or CIS, optionally
    /// with one control id (FSBP:S3.5, CONFIG:S3_BUCKET_VERSIONING_ENABLED, CIS:1.8).
    #[arg(long, value_parser = parse_control)]
    pub control: Option<ControlFilter>,

    /// Print, per duty and category, how many rules verify it, which duties
    /// rest on attestation only, and which customer duties have no rule;
    /// with `--format markdown` or `json`, also every Security Hub FSBP
    /// control and Checkov AWS check with its rules or the reason it is left
    /// out (`--format markdown` writes docs/COVERAGE.md).
    #[arg(long, conflicts_with = "id")]
    pub coverage: bool,

    #[arg(long, value_enum, default_value_t = RulesFormat::Table)]
    pub format: RulesFormat,
}

/// A compliance framework rules map to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Framework {
    Fsbp,
    Config,
    Cis,
}

/// `--control FSBP` or `--control FSBP:S3.5`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ControlFilter {
    pub framework: Framework,
    pub id: Option<String>,
}

impl ControlFilter {
    fn matches(&self, rule: &Rule) -> bool {
        let ids = match self.framework {
            Framework::Fsbp => rule.controls.fsbp,
            Framework::Config => rule.controls.config,
            Framework::Cis => rule.controls.cis,
        };
        match &self.id {
            None => !ids.is_empty(),
            Some(id) => ids.iter().any(|c| c.eq_ignore_ascii_case(id)),
        }
    }
}

fn parse_control(text: &str) -> Result<ControlFilter, String> {
    let (framework, id) = match text.split_once(':') {
        Some((f, id)) => (f, Some(id.trim())),
        None => (text, None),
    };
    let framework = match framework.trim().to_ascii_uppercase().as_str() {
        "FSBP" => Framework::Fsbp,
        "CONFIG" => Framework::Config,
        "CIS" => Framework::Cis,
        other => {
            return Err(format!(
                "unknown framework {other:?}: use FSBP, CONFIG or CIS (optionally FSBP:S3.5)"
            ));
        }
    };
    match id {
        Some("") => Err("empty control id after ':'".into()),
        id => Ok(ControlFilter {
            framework,
            id: id.map(str::to_owned),
        }),
    }
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
            RulesFormat::Table | RulesFormat::Markdown => write!(out, "{}", rule.doc())?,
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
        .filter(|r| args.control.as_ref().is_none_or(|c| c.matches(r)))
        .collect();
    if args.coverage {
        match args.format {
            RulesFormat::Json => {
                serde_json::to_writer_pretty(&mut out, &coverage(&rules))?;
                writeln!(out)?;
            }
            RulesFormat::Table => write_coverage(&mut out, &coverage(&rules))?,
            RulesFormat::Markdown => write!(out, "{}", onus_rules::coverage::markdown(&rules))?,
        }
        return Ok(exit::CLEAN);
    }
    match args.format {
        RulesFormat::Json => {
            let rules: Vec<RuleJson> = rules.into_iter().map(RuleJson::from).collect();
            serde_json::to_writer_pretty(&mut out, &rules)?;
            writeln!(out)?;
        }
        RulesFormat::Markdown => {
            writeln!(out, "| Rule | Duty | Severity | Title |")?;
            writeln!(out, "|---|---|---|---|")?;
            for r in &rules {
                writeln!(
                    out,
                    "| `{}`{} | {} | {} | {} |",
                    r.id,
                    if r.opt_in() { " (opt-in)" } else { "" },
                    r.duty.slug(),
                    r.severity,
                    r.title
                )?;
            }
        }
        RulesFormat::Table => {
            for r in &rules {
                let id = if r.opt_in() {
                    format!("{} (opt-in)", r.id)
                } else {
                    r.id.to_owned()
                };
                writeln!(
                    out,
                    "{id:<40} {:<24} {:<9} {}",
                    r.duty.slug(),
                    r.severity,
                    r.title
                )?;
            }
            let opt_in = rules.iter().filter(|r| r.opt_in()).count();
            writeln!(out, "{} rules", rules.len())?;
            if opt_in > 0 {
                writeln!(
                    out,
                    "{opt_in} of them opt-in: they run only when onus.toml's `enable` or `--rule` names them (e.g. enable = [\"*\", \"s3.replication\"])"
                )?;
            }
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
    /// Runs only when `enable` or `--rule` names it.
    opt_in: bool,
    doc: &'static str,
}

impl From<&'static Rule> for RuleJson {
    fn from(rule: &'static Rule) -> Self {
        RuleJson {
            rule,
            service: rule.service(),
            opt_in: rule.opt_in(),
            doc: rule.doc(),
        }
    }
}

/// The categories a rule verifies duties in: for each type it evaluates, the
/// catalog category of the type's service and, where the service's category
/// varies by resource, the category the type alone decides (a Lightsail
/// database is a container resource). A rule for every type (`*`) counts for
/// all three.
pub fn rule_categories(rule: &Rule) -> BTreeSet<Category> {
    let catalog = Catalog::get();
    let mut out = BTreeSet::new();
    for t in rule.cfn_types.iter().chain(rule.tf_types) {
        if *t == "*" {
            out.extend(Category::ALL);
            continue;
        }
        if let Some(service) = catalog.service_for_type(t) {
            out.insert(service.category);
            if service.category_varies()
                && let Some(c) = service.category_for(t, &NoProperties).category
            {
                out.insert(c);
            }
        }
    }
    out
}

/// One (duty, category) cell of the coverage table.
#[derive(Debug, Serialize)]
struct CoverageCell {
    category: Category,
    /// Who owns the duty in this category by the model's default.
    owner: Owner,
    /// The rules that verify the duty for resources of this category.
    rules: Vec<&'static str>,
    /// The customer owns or shares a verifiable duty here and no rule checks it.
    gap: bool,
}

#[derive(Debug, Serialize)]
struct CoverageDuty {
    duty: Duty,
    title: &'static str,
    verification: Verification,
    /// Why code cannot show it, for attested duties.
    #[serde(skip_serializing_if = "Option::is_none")]
    attest_reason: Option<&'static str>,
    rules: usize,
    categories: Vec<CoverageCell>,
}

#[derive(Debug, Serialize)]
struct CategoryTotal {
    category: Category,
    rules: usize,
    /// Verifiable duties the customer owns or shares in this category.
    customer_duties: usize,
    covered: usize,
    gaps: Vec<Duty>,
}

#[derive(Debug, Serialize)]
struct Coverage {
    rules: usize,
    duties: Vec<CoverageDuty>,
    categories: Vec<CategoryTotal>,
    attest_only: Vec<Duty>,
    gaps: Vec<Gap>,
    /// Every Security Hub FSBP control: its rules, or why it is left out.
    fsbp: Vec<onus_rules::coverage::Entry>,
    /// Every Checkov AWS check: its rules, or why it is left out.
    checkov: Vec<onus_rules::coverage::Entry>,
}

#[derive(Debug, Serialize)]
struct Gap {
    duty: Duty,
    category: Category,
    owner: Owner,
}

fn coverage(rules: &[&'static Rule]) -> Coverage {
    let cats: Vec<(&'static Rule, BTreeSet<Category>)> =
        rules.iter().map(|r| (*r, rule_categories(r))).collect();
    let mut duties = Vec::new();
    let mut gaps = Vec::new();
    for duty in Duty::ALL {
        let verification = duty.verification();
        let mut categories = Vec::new();
        for category in Category::ALL {
            let owner = duty.owner(category);
            let ids: Vec<&'static str> = cats
                .iter()
                .filter(|(r, c)| r.duty == duty && c.contains(&category))
                .map(|(r, _)| r.id)
                .collect();
            let gap =
                verification == Verification::Code && owner.customer_involved() && ids.is_empty();
            if gap {
                gaps.push(Gap {
                    duty,
                    category,
                    owner,
                });
            }
            categories.push(CoverageCell {
                category,
                owner,
                rules: ids,
                gap,
            });
        }
        duties.push(CoverageDuty {
            duty,
            title: duty.title(),
            verification,
            attest_reason: duty.attest_reason(),
            rules: rules.iter().filter(|r| r.duty == duty).count(),
            categories,
        });
    }
    let categories = Category::ALL
        .into_iter()
        .map(|category| {
            let owned: Vec<Duty> = Duty::ALL
                .into_iter()
                .filter(|d| {
                    d.verification() == Verification::Code && d.owner(category).customer_involved()
                })
                .collect();
            let gaps: Vec<Duty> = owned
                .iter()
                .copied()
                .filter(|d| {
                    !cats
                        .iter()
                        .any(|(r, c)| r.duty == *d && c.contains(&category))
                })
                .collect();
            CategoryTotal {
                category,
                rules: cats.iter().filter(|(_, c)| c.contains(&category)).count(),
                customer_duties: owned.len(),
                covered: owned.len() - gaps.len(),
                gaps,
            }
        })
        .collect();
    Coverage {
        rules: rules.len(),
        duties,
        categories,
        attest_only: Duty::ALL
            .into_iter()
            .filter(|d| d.verification() == Verification::Attest)
            .collect(),
        gaps,
        fsbp: onus_rules::coverage::fsbp(rules),
        checkov: onus_rules::coverage::checkov(rules),
    }
}

fn write_coverage(out: &mut dyn Write, c: &Coverage) -> std::io::Result<()> {
    writeln!(
        out,
        "Rules per duty and category (owner by the model's default; * = customer duty without a rule):"
    )?;
    writeln!(
        out,
        "{:<24} {:<7} {:>5}  {:<20} {:<20} {:<20}",
        "duty", "verify", "rules", "infrastructure", "container", "abstracted"
    )?;
    for d in &c.duties {
        let cell = |cell: &CoverageCell| {
            let text = format!("{} {}", cell.owner.as_str(), cell.rules.len());
            if cell.gap { format!("{text} *") } else { text }
        };
        let verify = match d.verification {
            Verification::Code => "code",
            Verification::Attest => "attest",
        };
        writeln!(
            out,
            "{:<24} {:<7} {:>5}  {:<20} {:<20} {:<20}",
            d.duty.slug(),
            verify,
            d.rules,
            cell(&d.categories[0]),
            cell(&d.categories[1]),
            cell(&d.categories[2]),
        )?;
    }
    writeln!(out)?;
    writeln!(out, "Per category:")?;
    for t in &c.categories {
        writeln!(
            out,
            "  {:<15} {:>3} rules; {}/{} verifiable customer duties covered{}",
            t.category.as_str(),
            t.rules,
            t.covered,
            t.customer_duties,
            if t.gaps.is_empty() {
                String::new()
            } else {
                let g: Vec<&str> = t.gaps.iter().map(|d| d.slug()).collect();
                format!("; no rule: {}", g.join(", "))
            }
        )?;
    }
    writeln!(out)?;
    let attest: Vec<&str> = c.attest_only.iter().map(|d| d.slug()).collect();
    writeln!(
        out,
        "Attestation only (no code can show them): {}",
        attest.join(", ")
    )?;
    if c.gaps.is_empty() {
        writeln!(
            out,
            "Every verifiable duty the customer owns or shares is checked by at least one rule in each category ({} rules).",
            c.rules
        )?;
    } else {
        writeln!(out, "Gaps ({}):", c.gaps.len())?;
        for g in &c.gaps {
            writeln!(
                out,
                "  {} in {} ({}): no rule",
                g.duty.slug(),
                g.category.as_str(),
                g.owner.as_str()
            )?;
        }
    }
    Ok(())
}
