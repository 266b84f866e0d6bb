//! The HTML report (`--format html`): one self-contained file (inline CSS, no
//! script, no external fetch, a Content-Security-Policy that forbids both).
//!
//! maud escapes every interpolated value, so names and values from scanned
//! files cannot add markup; nothing here uses `PreEscaped` except the constant
//! style sheet.

use crate::matrix::{self, By, Cell};
use crate::report::{FindingRef, Report, ResourceView};
use maud::{DOCTYPE, Markup, PreEscaped, Render, html};
use onus_model::{Category, Layer, Owner, assignment};
use onus_rules::Status;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// No script, no remote anything: styles inline, images only as data URIs.
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const CSS: &str = r#"
:root{--aws:#ff9900;--aws-bg:#fff4e0;--cust:#1f6feb;--cust-bg:#e7f0ff;--shared-bg:#efe7ff;--met:#1a7f37;--met-bg:#dafbe1;--bad:#cf222e;--bad-bg:#ffebe9;--unk:#9a6700;--unk-bg:#fff8c5;--att:#0969da;--att-bg:#ddf4ff;--na:#6e7781;--na-bg:#f6f8fa;--line:#d0d7de}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1f2328;background:#fff}
header{background:#232f3e;color:#fff;padding:18px 28px}
header h1{margin:0;font-size:22px}
header p{margin:4px 0 0;color:#c9d1d9}
main{padding:8px 28px 40px;max-width:1600px}
h2{margin:28px 0 10px;font-size:18px;border-bottom:1px solid var(--line);padding-bottom:4px}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin-top:16px}
.card{border:1px solid var(--line);border-radius:8px;padding:8px 14px;min-width:110px}
.card b{display:block;font-size:22px}
.card.bad b{color:var(--bad)}.card.met b{color:var(--met)}.card.unk b{color:var(--unk)}.card.att b{color:var(--att)}.card.aws b{color:var(--aws)}
.note{background:var(--unk-bg);border:1px solid #d4a72c;border-radius:6px;padding:6px 10px;margin:8px 0}
.stacks{display:flex;gap:18px;flex-wrap:wrap;align-items:flex-start}
.stack{width:340px}
.stack h3{margin:0 0 6px;font-size:15px}
.stack .sub{color:#57606a;font-size:12px;margin-bottom:6px}
.layer{display:flex;justify-content:space-between;align-items:center;gap:6px;height:26px;padding:0 8px;margin:2px 0;border-radius:4px;font-size:12px;border-left:6px solid}
.layer span:first-child{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.layer.aws{background:var(--aws-bg);border-color:var(--aws)}
.layer.customer{background:var(--cust-bg);border-color:var(--cust)}
.layer.shared{background:linear-gradient(90deg,var(--aws-bg),var(--cust-bg));border-color:#8250df}
.layer .who{font-weight:600;white-space:nowrap}
.legend{display:flex;gap:14px;font-size:12px;margin:8px 0}
.legend span{display:inline-flex;align-items:center;gap:4px}
.sw{display:inline-block;width:14px;height:14px;border-radius:3px}
table{border-collapse:collapse;font-size:12px}
th,td{border:1px solid var(--line);padding:3px 6px;text-align:left;vertical-align:top}
th{background:var(--na-bg)}
th.layer-h{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;font-weight:500;padding:6px 2px}
td.c{text-align:center;white-space:nowrap}
td.c.shared{box-shadow:inset 3px 0 0 #8250df}
td.small{font-size:11px;color:#57606a}
td.type{max-width:190px;overflow-wrap:anywhere}
#matrix td:first-child{max-width:230px;overflow-wrap:anywhere}
td.aws{background:var(--aws-bg);color:#8a5300}
td.met{background:var(--met-bg);color:var(--met)}
td.not-met{background:var(--bad-bg);color:var(--bad);font-weight:700}
td.unknown{background:var(--unk-bg);color:var(--unk)}
td.attest{background:var(--att-bg);color:var(--att)}
td.na{background:var(--na-bg);color:var(--na)}
tr.drift td{border-bottom:2px solid var(--bad)}
.scroll{overflow-x:auto}
.finding{border:1px solid var(--line);border-left:6px solid var(--bad);border-radius:6px;padding:8px 12px;margin:10px 0}
.finding.unknown{border-left-color:var(--unk)}
.finding.suppressed{border-left-color:var(--na);opacity:.8}
.finding .head{display:flex;flex-wrap:wrap;gap:8px;align-items:baseline}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:11px;font-weight:700;text-transform:uppercase}
.badge.critical,.badge.high{background:var(--bad);color:#fff}
.badge.medium{background:#bf8700;color:#fff}
.badge.low{background:var(--na);color:#fff}
.badge.unknown{background:var(--unk-bg);color:var(--unk);border:1px solid var(--unk)}
.badge.suppressed{background:var(--na-bg);color:var(--na);border:1px solid var(--na)}
code,pre{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre.excerpt{background:#f6f8fa;border-radius:4px;padding:6px 0;margin:6px 0 0;overflow-x:auto}
pre.excerpt span{display:block;padding:0 10px}
pre.excerpt span.hit{background:#fff1b8}
pre.excerpt i{font-style:normal;color:#8c959f;display:inline-block;width:4em}
.loc{color:#57606a}
.supp{color:#57606a;font-style:italic;margin-top:4px}
.nested{color:#57606a;margin-top:4px}
"#;

/// A full page around `body`.
pub fn page(title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(CSP);
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="no-referrer";
                title { (title) }
                style { (PreEscaped(CSS)) }
            }
            body {
                header {
                    h1 { (title) }
                    p { "Who secures what under the AWS Shared Responsibility Model, and whether your infrastructure code does its part." }
                }
                main { (body) }
            }
        }
    }
}

fn owner_class(owner: Owner) -> &'static str {
    match owner {
        Owner::Aws => "aws",
        Owner::Shared => "shared",
        Owner::Customer => "customer",
    }
}

/// The layer stack of one category, top (your data) to bottom (AWS's
/// buildings), each layer coloured by who owns it, with the customer's open
/// findings in that layer for this workload's resources of the category.
fn stack(category: Category, counts: &CategoryCounts) -> Markup {
    let (resources, open) = (counts.resources, &counts.open);
    html! {
        div.stack data-category=(category.as_str()) {
            h3 { (category.as_str()) " services" }
            div.sub { "e.g. " (category.example()) " · " (resources) @if resources == 1 { " resource" } @else { " resources" } " in this workload" }
            @for layer in Layer::ALL.iter().rev() {
                @let a = assignment(category, *layer);
                @let n = open.get(layer).copied().unwrap_or(0);
                // AWS's layer in the model, but a rule read a setting of it
                // that is yours (the engine makes such duties shared).
                @let owner = if a.owner == Owner::Aws && n > 0 { Owner::Shared } else { a.owner };
                div class={ "layer " (owner_class(owner)) } title=(a.reason) {
                    span { (layer.title()) }
                    span.who {
                        (owner.label())
                        @if n > 0 { " · " b { (n) " not met" } }
                    }
                }
            }
        }
    }
}

/// The resources of one category and their open findings by layer.
#[derive(Debug, Clone, Default)]
struct CategoryCounts {
    resources: usize,
    open: BTreeMap<Layer, usize>,
}

/// What the page says about all resources before it lists them, counted a
/// batch at a time.
#[derive(Debug, Clone, Default)]
pub(crate) struct PageCounts {
    /// In `Category::ALL` order.
    categories: [CategoryCounts; 3],
    rows: usize,
    findings: usize,
}

impl PageCounts {
    fn add(&mut self, r: &ResourceView<'_>) {
        self.rows += 1;
        self.findings += r.findings().count();
        let Some(slot) = r
            .category
            .and_then(|c| Category::ALL.iter().position(|x| *x == c))
        else {
            return;
        };
        let counts = &mut self.categories[slot];
        counts.resources += 1;
        for d in &r.duties {
            for v in &d.verdicts {
                if v.counts() && !v.in_baseline() {
                    *counts.open.entry(d.layer).or_default() += 1;
                }
            }
        }
    }

    pub(crate) fn merge(&mut self, other: PageCounts) {
        for (mine, theirs) in self.categories.iter_mut().zip(other.categories) {
            mine.resources += theirs.resources;
            for (layer, n) in theirs.open {
                *mine.open.entry(layer).or_default() += n;
            }
        }
        self.rows += other.rows;
        self.findings += other.findings;
    }
}

fn legend() -> Markup {
    html! {
        div.legend {
            span { i.sw style="background:var(--aws)" {} "AWS carries it" }
            span { i.sw style="background:#8250df" {} "shared (a stripe in the matrix)" }
            span { i.sw style="background:var(--cust)" {} "yours" }
        }
    }
}

/// The matrix table with `body` as its `rows` rows.
pub(crate) fn matrix_table_around(by: By, rows: usize, body: Markup) -> Markup {
    html! {
        div.scroll {
            table #matrix data-rows=(rows) {
                thead {
                    tr {
                        @match by {
                            By::Resource => { th { "resource" } th { "type" } th { "category" } }
                            By::Service => { th { "service" } th { "category" } th { "resources" } }
                        }
                        @for l in Layer::ALL { th.layer-h title=(l.title()) { (l.slug()) } }
                    }
                }
                tbody { (body) }
            }
        }
    }
}

pub(crate) fn matrix_row(r: &matrix::Row, by: By) -> Markup {
    html! {
        tr.matrix-row {
            td { code { (r.id) } }
            @match by {
                By::Resource => { td.small.type { (r.resource_type) } td.small { (r.category) } }
                By::Service => { td { (r.category) } td { (r.resources) } }
            }
            @for c in &r.cells {
                td class={ "c " (c.class()) @if c.is_shared() { " shared" } } title=(c.label()) { (cell_text(*c)) }
            }
        }
    }
}

/// Short cell text: the status; sharing shows as a stripe, the full label as
/// the tooltip.
fn cell_text(c: Cell) -> &'static str {
    match c {
        Cell::Aws => "AWS",
        Cell::Customer {
            suppressed: true, ..
        } => "suppr.",
        Cell::Customer { status, .. } => matrix::status_label(status),
    }
}

fn finding(f: &FindingRef<'_>) -> Markup {
    let v = f.verdict;
    let suppressed = v.is_suppressed();
    let class = if suppressed {
        "finding suppressed"
    } else if v.status == Status::Unknown {
        "finding unknown"
    } else {
        "finding not-met"
    };
    html! {
        div class=(class) data-rule=(v.rule) data-resource=(f.resource.id) {
            div.head {
                @if suppressed {
                    span.badge.suppressed { "suppressed" }
                } @else if v.status == Status::Unknown {
                    span.badge.unknown { "unknown" }
                } @else {
                    span class={ "badge " (v.severity.as_str()) } { (v.severity.as_str()) }
                }
                code { (v.rule) }
                b.resource-id { (f.resource.id) }
                span { (f.resource.resource_type) }
                span.loc { (v.location.file) ":" (v.location.line) ":" (v.location.column) }
            }
            div.message { (v.message) }
            @if let Some(stack) = &f.resource.stack {
                div.nested {
                    "in nested stack " b { (stack.parent) } " ("
                    (stack.location.file) ":" (stack.location.line) ":" (stack.location.column)
                    "): " (stack.found)
                }
            }
            @if let Some(s) = &v.suppression { div.supp { (s.describe()) } }
            @if !v.excerpt.is_empty() {
                pre.excerpt {
                    @for l in &v.excerpt {
                        span class=[(l.line == v.location.line).then_some("hit")] {
                            i { (l.line) } (l.text)
                        }
                    }
                }
            }
        }
    }
}

/// Where the spooled matrix rows and findings go in the page. Scanned values
/// are escaped, so they cannot contain these comments.
const ROWS_MARK: &str = "<!--onus:matrix-rows-->";
const FINDINGS_MARK: &str = "<!--onus:findings-->";

/// The matrix rows and findings of some resources (whole files, in report
/// order), as HTML with control characters replaced, and their counts.
pub(crate) fn resource_parts(resources: &[ResourceView<'_>]) -> (String, String, PageCounts) {
    let mut counts = PageCounts::default();
    let mut rows = String::new();
    let mut findings = String::new();
    for r in resources {
        counts.add(r);
        matrix_row(&matrix::resource_row(r), By::Resource).render_to(&mut rows);
        for f in r.findings() {
            finding(&f).render_to(&mut findings);
        }
    }
    (without_controls(&rows), without_controls(&findings), counts)
}

/// Writes the page around the matrix rows and findings, which `rows` and
/// `findings` write (they may have been spooled while the rules ran).
pub(crate) fn write_page(
    report: &Report,
    counts: &PageCounts,
    out: &mut dyn Write,
    rows: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    findings: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let s = &report.summary;
    let body = html! {
        section #summary {
            div.cards {
                div.card #resources data-count=(s.resources) { b { (s.resources) } "resources in " (s.files) @if s.files == 1 { " file" } @else { " files" } }
                div.card.aws { b { (s.inherited) } "duties AWS carries" }
                div.card.met { b { (s.met) } "yours, met" }
                div.card.bad { b { (s.not_met) } "yours, not met" }
                div.card.unk { b { (s.unknown) } "yours, unknown" }
                div.card.att { b { (s.attest) } "yours, to attest" }
                div.card { b { (s.suppressed) } "findings suppressed" }
            }
            @for n in &report.notes { div.note { (n) } }
            @if report.incomplete {
                div.note { "Scan incomplete: " (s.errors) " files could not be read completely (see Diagnostics)." }
            }
        }
        section #stack {
            h2 { "Who owns which layer" }
            p { "The Shared Responsibility Model per service category, from your data (top) down to AWS's data centers (bottom). Numbers are this workload's unmet duties in each layer." }
            (legend())
            div.stacks { @for (c, n) in Category::ALL.iter().zip(&counts.categories) { (stack(*c, n)) } }
        }
        section #crm {
            h2 { "Customer Responsibility Matrix" }
            p { "One row per resource, one column per layer (bottom to top). AWS: inherited; otherwise the worst status of your duties in that layer." }
            (matrix_table_around(By::Resource, counts.rows, PreEscaped(ROWS_MARK.to_owned())))
        }
        section #findings data-count=(counts.findings) {
            h2 { "Findings (" (counts.findings) ")" }
            @if counts.findings == 0 { p { "No unmet or unknown duty." } }
            (PreEscaped(FINDINGS_MARK))
        }
        @if let Some(live) = &report.live { (crate::live::html(live)) }
        @if !report.diagnostics.is_empty() {
            section #diagnostics {
                h2 { "Diagnostics" }
                table {
                    tr { th { "level" } th { "location" } th { "message" } }
                    @for d in &report.diagnostics {
                        tr {
                            td { (match d.level { onus_ingest::DiagnosticLevel::Error => "error", onus_ingest::DiagnosticLevel::Warning => "warning" }) }
                            td { (d.location.file) ":" (d.location.line) ":" (d.location.column) }
                            td { (d.message) }
                        }
                    }
                }
            }
        }
        footer { p.loc { (report.tool) " " (report.version) " · report schema " (report.schema_version) } }
    };
    let page = without_controls(&page("onus: Shared Responsibility report", body).into_string());
    let (head, rest) = page
        .split_once(ROWS_MARK)
        .ok_or_else(|| io::Error::other("HTML page without its matrix"))?;
    let (middle, tail) = rest
        .split_once(FINDINGS_MARK)
        .ok_or_else(|| io::Error::other("HTML page without its findings"))?;
    out.write_all(head.as_bytes())?;
    rows(out)?;
    out.write_all(middle.as_bytes())?;
    findings(out)?;
    out.write_all(tail.as_bytes())?;
    writeln!(out)
}

/// Writes the report as one self-contained HTML page.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let (rows, findings, counts) = resource_parts(&report.resources);
    write_page(
        report,
        &counts,
        out,
        |o| o.write_all(rows.as_bytes()),
        |o| o.write_all(findings.as_bytes()),
    )
}

/// The page with control characters from scanned values (ESC, NUL...) replaced:
/// maud escapes markup, but these are not valid in HTML text and would reach a
/// terminal that shows the file.
pub fn without_controls(html: &str) -> String {
    html.chars()
        .map(|c| {
            if c.is_control() && !matches!(c, '\n' | '\r' | '\t') {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}
