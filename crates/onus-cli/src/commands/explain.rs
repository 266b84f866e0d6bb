//! `onus explain`: who owns each security layer for a service, a resource type
//! or a whole category, and which duties are the customer's.

use super::{BOLD, DIM, emit, owner_style, parse_category, print_json};
use crate::exit;
use onus_model::{
    Catalog, Category, CategoryDecision, Duty, Layer, NoProperties, Owner, Service, Verification,
    assignment,
};
use serde::Serialize;
use std::fmt::Write as _;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Markdown,
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  onus explain s3\n  onus explain AWS::RDS::DBInstance\n  onus explain aws_instance --format json\n  onus explain --category container"
)]
pub struct Args {
    /// A service (`s3`, `Amazon RDS`), a CloudFormation type (`AWS::ECS::Service`)
    /// or a Terraform type (`aws_instance`).
    #[arg(required_unless_present = "category", conflicts_with = "category")]
    pub target: Option<String>,
    /// Explain a whole category instead: infrastructure, container or abstracted.
    #[arg(long, value_parser = parse_category)]
    pub category: Option<Category>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// `writeln!` into a String, which cannot fail.
macro_rules! w {
    ($o:expr) => {
        $o.push('\n')
    };
    ($o:expr, $($arg:tt)*) => {{
        let _ = writeln!($o, $($arg)*);
    }};
}

/// Everything `explain` shows, in the shape of its JSON output.
#[derive(Debug, Serialize)]
pub struct Explanation {
    /// The service key (`s3`); null when explaining a whole category.
    pub service: Option<String>,
    /// The service's official name (`Amazon S3`).
    pub service_name: Option<String>,
    pub aliases: Vec<String>,
    /// The resource type explained, when a type was given.
    pub resource_type: Option<String>,
    /// `null` when it cannot be decided without the resource's properties.
    pub category: Option<Category>,
    pub category_reason: String,
    /// True when the category depends on the resource type or its properties.
    pub category_varies: bool,
    /// How the category is decided, when it varies.
    pub category_rule: Option<&'static str>,
    /// The category the layers and duties below are drawn for (the service's
    /// default when `category` is null).
    pub shown_category: Category,
    /// Why the service is in its category (the catalog rationale).
    pub rationale: Option<String>,
    pub aws_summary: &'static str,
    pub customer_summary: &'static str,
    /// Bottom (AWS's data centers) to top (your data).
    pub layers: Vec<LayerRow>,
    pub duties: Vec<DutyRow>,
    /// Source keys, see docs/SOURCES.md.
    pub sources: Vec<String>,
    /// For `--category`: some services in it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct LayerRow {
    pub layer: Layer,
    pub title: &'static str,
    pub owner: Owner,
    pub reason: String,
    pub source: String,
    /// True when the service overrides its category's owner for this layer.
    pub overridden: bool,
}

#[derive(Debug, Serialize)]
pub struct DutyRow {
    pub duty: Duty,
    pub title: &'static str,
    pub layer: Layer,
    pub owner: Owner,
    /// True when the customer has something to do (owner customer or shared).
    pub customer_involved: bool,
    pub verification: Verification,
    /// Why code cannot show it, for attested duties.
    pub attest_reason: Option<&'static str>,
    /// The service-specific reason when the owner differs from the category default.
    pub override_reason: Option<String>,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let explanation = match (&args.target, args.category) {
        (_, Some(category)) => for_category(category),
        (Some(target), None) => match resolve(target) {
            Ok(e) => e,
            Err(suggestions) => {
                let mut msg = format!("onus: unknown service or resource type {target:?}");
                if !suggestions.is_empty() {
                    let _ = write!(msg, "\ndid you mean: {}?", suggestions.join(", "));
                }
                msg.push_str("\n(run `onus services` for the catalog)");
                anstream::eprintln!("{msg}");
                return Ok(exit::ERROR);
            }
        },
        (None, None) => anyhow::bail!("give a service, a resource type or --category"),
    };
    match args.format {
        Format::Json => print_json(&explanation)?,
        Format::Markdown => emit(&markdown(&explanation))?,
        Format::Text => emit(&render_text(&explanation))?,
    }
    Ok(exit::CLEAN)
}

/// A service or type, or the closest names when neither is known.
pub fn resolve(target: &str) -> Result<Explanation, Vec<String>> {
    let catalog = Catalog::get();
    let target = target.trim();
    if let Some(service) = catalog.find_service(target) {
        return Ok(for_service(service, None));
    }
    let looks_like_type = target.starts_with("AWS::") || target.starts_with("aws_");
    let generated = sam_generated_type(target).unwrap_or(target);
    if looks_like_type && let Some(service) = catalog.service_for_type(generated) {
        let mut e = for_service(service, Some(generated));
        if generated != target {
            e.category_reason = format!(
                "{target} is a SAM type that transforms into {generated}. {}",
                e.category_reason
            );
        }
        return Ok(e);
    }
    Err(catalog.suggest(target, 5))
}

/// The main CloudFormation type a SAM resource type transforms into (the
/// readers classify SAM resources the same way).
fn sam_generated_type(sam_type: &str) -> Option<&'static str> {
    Some(match sam_type {
        "AWS::Serverless::Function" => "AWS::Lambda::Function",
        "AWS::Serverless::LayerVersion" => "AWS::Lambda::LayerVersion",
        "AWS::Serverless::Api" => "AWS::ApiGateway::RestApi",
        "AWS::Serverless::HttpApi" => "AWS::ApiGatewayV2::Api",
        "AWS::Serverless::SimpleTable" => "AWS::DynamoDB::Table",
        "AWS::Serverless::StateMachine" => "AWS::StepFunctions::StateMachine",
        "AWS::Serverless::GraphQLApi" => "AWS::AppSync::GraphQLApi",
        "AWS::Serverless::Application" => "AWS::CloudFormation::Stack",
        "AWS::Serverless::Connector" => "AWS::IAM::ManagedPolicy",
        _ => return None,
    })
}

fn for_service(service: &Service, resource_type: Option<&str>) -> Explanation {
    let decision = match resource_type {
        Some(ty) => service.category_for(ty, &NoProperties),
        None if service.category_varies() => CategoryDecision::fixed(
            service.category,
            format!(
                "{} by default, but the category varies by resource type and properties (see below).",
                service.category
            ),
        ),
        None => CategoryDecision::fixed(service.category, service.rationale.clone()),
    };
    let shown = decision.category.unwrap_or(service.category);
    let layers = Layer::ALL
        .into_iter()
        .map(|layer| {
            let (owner, reason) = service.layer_owner(layer, shown);
            let cell = assignment(shown, layer);
            LayerRow {
                layer,
                title: layer.title(),
                owner,
                reason: reason.unwrap_or(cell.reason).to_owned(),
                source: match reason {
                    Some(_) => service.sources.join(" "),
                    None => cell.source.to_owned(),
                },
                overridden: reason.is_some(),
            }
        })
        .collect();
    let duties = Duty::ALL
        .into_iter()
        .map(|duty| {
            let (owner, reason) = service.duty_owner(duty, shown);
            duty_row(duty, owner, reason.map(str::to_owned))
        })
        .collect();
    Explanation {
        service: Some(service.key().to_owned()),
        service_name: Some(service.name.clone()),
        aliases: service.aliases.iter().skip(1).cloned().collect(),
        resource_type: resource_type.map(str::to_owned),
        category: decision.category,
        category_reason: decision.reason,
        category_varies: service.category_varies(),
        category_rule: service.category_rule_doc(),
        shown_category: shown,
        rationale: Some(service.rationale.clone()),
        aws_summary: shown.aws_summary(),
        customer_summary: shown.customer_summary(),
        layers,
        duties,
        sources: service.sources.clone(),
        examples: Vec::new(),
    }
}

fn for_category(category: Category) -> Explanation {
    let layers = Layer::ALL
        .into_iter()
        .map(|layer| {
            let cell = assignment(category, layer);
            LayerRow {
                layer,
                title: layer.title(),
                owner: cell.owner,
                reason: cell.reason.to_owned(),
                source: cell.source.to_owned(),
                overridden: false,
            }
        })
        .collect();
    let duties = Duty::ALL
        .into_iter()
        .map(|duty| duty_row(duty, duty.owner(category), None))
        .collect();
    let examples = Catalog::get()
        .services()
        .iter()
        .filter(|s| s.category == category)
        .map(|s| s.key().to_owned())
        .collect();
    Explanation {
        service: None,
        service_name: None,
        aliases: Vec::new(),
        resource_type: None,
        category: Some(category),
        category_reason: format!(
            "{} {} (seed example: {})",
            category.aws_summary(),
            category.customer_summary(),
            category.example()
        ),
        category_varies: false,
        category_rule: None,
        shown_category: category,
        rationale: None,
        aws_summary: category.aws_summary(),
        customer_summary: category.customer_summary(),
        layers,
        duties,
        sources: vec!["SEED".into(), "SRM".into(), "WP16".into()],
        examples,
    }
}

fn duty_row(duty: Duty, owner: Owner, override_reason: Option<String>) -> DutyRow {
    DutyRow {
        duty,
        title: duty.title(),
        layer: duty.layer(),
        owner,
        customer_involved: owner.customer_involved(),
        verification: duty.verification(),
        attest_reason: duty.attest_reason(),
        override_reason,
    }
}

fn verification_label(v: Verification) -> &'static str {
    match v {
        Verification::Code => "code",
        Verification::Attest => "attest",
    }
}

fn heading(e: &Explanation) -> String {
    match (&e.service_name, &e.resource_type) {
        (Some(name), Some(ty)) => {
            format!("{ty} ({name}, key {})", e.service.as_deref().unwrap_or(""))
        }
        (Some(name), None) => format!("{name} (key {})", e.service.as_deref().unwrap_or("")),
        _ => format!("The {} category", e.shown_category),
    }
}

fn category_line(e: &Explanation) -> String {
    match e.category {
        Some(c) => c.to_string(),
        None => format!(
            "unknown without the resource's properties (layers below show the service default, {})",
            e.shown_category
        ),
    }
}

fn render_text(e: &Explanation) -> String {
    let mut o = String::new();
    let b = BOLD;
    let d = DIM;
    w!(o, "{b}{}{b:#}", heading(e));
    if !e.aliases.is_empty() {
        w!(o, "  {d}also:{d:#} {}", e.aliases.join(", "));
    }
    let cat_style = e.category.map(|_| b).unwrap_or(d);
    w!(
        o,
        "  category: {cat_style}{}{cat_style:#}",
        category_line(e)
    );
    w!(o, "  why: {}", e.category_reason);
    if let (Some(rationale), Some(_), None) = (&e.rationale, &e.resource_type, e.category_rule)
        && *rationale != e.category_reason
    {
        w!(o, "  service: {rationale}");
    }
    if let Some(rule) = e.category_rule {
        let default = match (&e.resource_type, e.category) {
            (Some(_), Some(c)) => format!(" Default for this type with nothing set: {c}."),
            (Some(_), None) => {
                " This type has no default: it depends on values onus must read.".to_owned()
            }
            (None, _) => format!(" Service default: {}.", e.shown_category),
        };
        w!(
            o,
            "  {b}the category varies by resource:{b:#} {rule}{default}"
        );
    }
    w!(o);
    w!(o, "  AWS:      {}", e.aws_summary);
    w!(o, "  You:      {}", e.customer_summary);
    w!(o);
    w!(
        o,
        "{b}Who owns each layer{b:#} {d}(top: your data; bottom: AWS's data centers; * = specific to this service){d:#}"
    );
    for row in e.layers.iter().rev() {
        let s = owner_style(row.owner);
        let mark = if row.overridden { "*" } else { " " };
        w!(
            o,
            "  {mark} {s}{:<8}{s:#} {b}{}{b:#}",
            row.owner.label(),
            row.title
        );
        w!(o, "             {}  {d}[{}]{d:#}", row.reason, row.source);
    }
    w!(o);
    w!(
        o,
        "{b}Your duties{b:#} {d}(customer or shared; how each is verified){d:#}"
    );
    for duty in e.duties.iter().filter(|d| d.customer_involved) {
        let s = owner_style(duty.owner);
        w!(
            o,
            "  {:<8} {b}{:<24}{b:#} {s}{:<8}{s:#} {}",
            format!("[{}]", verification_label(duty.verification)),
            duty.duty.slug(),
            duty.owner.label(),
            duty.title
        );
        if let Some(reason) = &duty.override_reason {
            w!(o, "           {d}for this service:{d:#} {reason}");
        }
        if let Some(reason) = duty.attest_reason {
            w!(o, "           {d}attest:{d:#} {reason}");
        }
    }
    let inherited: Vec<&str> = e
        .duties
        .iter()
        .filter(|d| !d.customer_involved && d.override_reason.is_none())
        .map(|d| d.duty.slug())
        .collect();
    if !inherited.is_empty() {
        w!(o);
        w!(o, "{b}Inherited from AWS:{b:#} {}", inherited.join(", "));
    }
    let not_yours: Vec<&DutyRow> = e
        .duties
        .iter()
        .filter(|d| !d.customer_involved && d.override_reason.is_some())
        .collect();
    if !not_yours.is_empty() {
        w!(o, "{b}Not yours for this service:{b:#}");
        for d in not_yours {
            w!(
                o,
                "  {:<24} {}",
                d.duty.slug(),
                d.override_reason.as_deref().unwrap_or_default()
            );
        }
    }
    if !e.examples.is_empty() {
        w!(o);
        w!(
            o,
            "{b}Services in this category ({}):{b:#} {}",
            e.examples.len(),
            e.examples.join(", ")
        );
    }
    w!(o);
    w!(
        o,
        "{d}Sources: {} (see docs/SOURCES.md){d:#}",
        e.sources.join(" ")
    );
    o
}

fn md_cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn markdown(e: &Explanation) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md_cell(&heading(e)));
    if !e.aliases.is_empty() {
        let _ = writeln!(out, "Also: {}\n", md_cell(&e.aliases.join(", ")));
    }
    let _ = writeln!(out, "- **Category:** {}", md_cell(&category_line(e)));
    let _ = writeln!(out, "- **Why:** {}", md_cell(&e.category_reason));
    if let Some(rule) = e.category_rule {
        let _ = writeln!(
            out,
            "- **The category varies by resource:** {}",
            md_cell(rule)
        );
    }
    let _ = writeln!(out, "- **AWS:** {}", e.aws_summary);
    let _ = writeln!(out, "- **You:** {}", e.customer_summary);
    let _ = writeln!(
        out,
        "\n## Layers (top: your data; bottom: AWS's data centers)\n"
    );
    let _ = writeln!(out, "| Layer | Owner | Why | Source |");
    let _ = writeln!(out, "|---|---|---|---|");
    for row in e.layers.iter().rev() {
        let star = if row.overridden { " \\*" } else { "" };
        let _ = writeln!(
            out,
            "| {}{star} | {} | {} | {} |",
            row.title,
            row.owner.label(),
            md_cell(&row.reason),
            row.source
        );
    }
    let _ = writeln!(out, "\n## Your duties\n");
    let _ = writeln!(out, "| Duty | Owner | Verified by | Notes |");
    let _ = writeln!(out, "|---|---|---|---|");
    for duty in e.duties.iter().filter(|d| d.customer_involved) {
        let notes: Vec<&str> = duty
            .override_reason
            .as_deref()
            .into_iter()
            .chain(duty.attest_reason)
            .collect();
        let _ = writeln!(
            out,
            "| `{}` {} | {} | {} | {} |",
            duty.duty.slug(),
            duty.title,
            duty.owner.label(),
            verification_label(duty.verification),
            md_cell(&notes.join(" "))
        );
    }
    let inherited: Vec<String> = e
        .duties
        .iter()
        .filter(|d| !d.customer_involved && d.override_reason.is_none())
        .map(|d| format!("`{}`", d.duty.slug()))
        .collect();
    if !inherited.is_empty() {
        let _ = writeln!(out, "\nInherited from AWS: {}", inherited.join(", "));
    }
    let not_yours: Vec<String> = e
        .duties
        .iter()
        .filter(|d| !d.customer_involved)
        .filter_map(|d| {
            let reason = d.override_reason.as_deref()?;
            Some(format!("- `{}`: {}", d.duty.slug(), md_cell(reason)))
        })
        .collect();
    if !not_yours.is_empty() {
        let _ = writeln!(
            out,
            "\nNot yours for this service:\n\n{}",
            not_yours.join("\n")
        );
    }
    if !e.examples.is_empty() {
        let _ = writeln!(
            out,
            "\nServices in this category: {}",
            e.examples.join(", ")
        );
    }
    let _ = writeln!(
        out,
        "\nSources: {} (see docs/SOURCES.md)",
        e.sources.join(" ")
    );
    out
}
