//! The Customer Responsibility Matrix (`onus matrix`): one row per resource (or
//! per service), one column per layer of the model (`Layer::ALL`, bottom to
//! top). A cell says who carries the layer and, for the customer's part, the
//! worst status of its duties.

use crate::report::{Report, ResourceView};
use maud::Render as _;
use onus_model::{Layer, Owner};
use onus_rules::DutyStatus;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// One cell of the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cell {
    /// AWS carries every duty of the layer (inherited).
    Aws,
    /// The customer's part, with the worst status of its duties; `shared`
    /// when AWS carries part of it; `suppressed` when every unmet verdict
    /// behind a `not met` is under an active suppression.
    Customer {
        /// The worst status among the customer's duties of the layer.
        status: DutyStatus,
        /// AWS carries part of the layer.
        shared: bool,
        /// Every unmet verdict behind a `not met` is suppressed.
        suppressed: bool,
    },
}

/// Worse statuses rank higher.
fn rank(s: DutyStatus) -> u8 {
    match s {
        DutyStatus::Inherited => 0,
        DutyStatus::NotApplicable => 1,
        DutyStatus::Met => 2,
        DutyStatus::Attest => 3,
        DutyStatus::Unknown => 4,
        DutyStatus::NotMet => 5,
    }
}

pub(crate) fn status_label(s: DutyStatus) -> &'static str {
    match s {
        DutyStatus::Inherited => "AWS",
        DutyStatus::Met => "met",
        DutyStatus::NotMet => "not met",
        DutyStatus::Unknown => "unknown",
        DutyStatus::Attest => "attest",
        DutyStatus::NotApplicable => "n/a",
    }
}

impl Cell {
    /// The cell's text: `AWS`, or the status with its `shared: ` and
    /// `(suppressed)` marks.
    pub fn label(self) -> String {
        match self {
            Cell::Aws => "AWS".to_owned(),
            Cell::Customer {
                status,
                shared,
                suppressed,
            } => format!(
                "{}{}{}",
                if shared { "shared: " } else { "" },
                status_label(status),
                if suppressed { " (suppressed)" } else { "" }
            ),
        }
    }

    /// AWS carries part of the layer.
    pub fn is_shared(self) -> bool {
        matches!(self, Cell::Customer { shared: true, .. })
    }

    /// A CSS class name for the HTML views.
    pub fn class(self) -> &'static str {
        match self {
            Cell::Aws => "aws",
            Cell::Customer {
                suppressed: true, ..
            } => "na",
            Cell::Customer { status, .. } => match status {
                DutyStatus::Inherited => "aws",
                DutyStatus::Met => "met",
                DutyStatus::NotMet => "not-met",
                DutyStatus::Unknown => "unknown",
                DutyStatus::Attest => "attest",
                DutyStatus::NotApplicable => "na",
            },
        }
    }

    /// The worse of two cells (for grouping by service).
    fn worst(self, other: Cell) -> Cell {
        match (self, other) {
            (Cell::Aws, c) | (c, Cell::Aws) => c,
            (
                Cell::Customer {
                    status: a,
                    shared: sa,
                    suppressed: pa,
                },
                Cell::Customer {
                    status: b,
                    shared: sb,
                    suppressed: pb,
                },
            ) => {
                let status = if rank(a) >= rank(b) { a } else { b };
                Cell::Customer {
                    status,
                    shared: sa && sb,
                    // Suppressed only if every not-met cell merged in was.
                    suppressed: match (a == status, b == status) {
                        (true, true) => pa && pb,
                        (true, false) => pa,
                        _ => pb,
                    },
                }
            }
        }
    }
}

/// The cell of `layer` for one resource.
pub fn cell(resource: &ResourceView, layer: Layer) -> Cell {
    let duties: Vec<_> = resource
        .duties
        .iter()
        .filter(|d| d.layer == layer)
        .collect();
    let mine: Vec<_> = duties
        .iter()
        .filter(|d| d.owner.customer_involved())
        .collect();
    let Some(worst) = mine.iter().map(|d| d.status).max_by_key(|s| rank(*s)) else {
        return Cell::Aws;
    };
    let suppressed = worst == DutyStatus::NotMet
        && mine
            .iter()
            .flat_map(|d| &d.verdicts)
            .filter(|v| v.status == onus_rules::Status::NotMet)
            .all(|v| v.is_suppressed());
    Cell::Customer {
        status: worst,
        suppressed,
        shared: mine.iter().any(|d| d.owner == Owner::Shared)
            || duties.iter().any(|d| d.owner == Owner::Aws),
    }
}

/// A matrix row.
#[derive(Debug, Clone)]
pub struct Row {
    /// Resource id, or service name with `--by service`.
    pub id: String,
    /// The resource type, or `(several)` when a service row mixes types.
    pub resource_type: String,
    /// The service name; empty when the catalog does not know the type.
    pub service: String,
    /// The category, `undetermined` when it could not be decided, or `(several)`.
    pub category: String,
    /// Resources in the row (1 per resource).
    pub resources: usize,
    /// The file the resource is declared in, or `(several)` for a service row
    /// spanning files.
    pub file: String,
    /// One cell per layer, in [`Layer::ALL`] order.
    pub cells: Vec<Cell>,
}

/// What a matrix row stands for (`onus matrix --by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum By {
    /// One row per resource.
    #[default]
    Resource,
    /// One row per service, its cells the worst of its resources'.
    Service,
}

/// The row of one resource.
pub fn resource_row(r: &ResourceView<'_>) -> Row {
    Row {
        id: r.id.to_owned(),
        resource_type: r.resource_type.to_owned(),
        service: r.service.unwrap_or_default().to_owned(),
        category: r
            .category
            .map(|c| c.to_string())
            .unwrap_or_else(|| "undetermined".to_owned()),
        resources: 1,
        file: r.location.file.to_string(),
        cells: Layer::ALL.iter().map(|l| cell(r, *l)).collect(),
    }
}

/// The matrix rows of a report: in report order, or one per service sorted by
/// name.
pub fn rows(report: &Report, by: By) -> Vec<Row> {
    let per_resource = report.resources.iter().map(resource_row);
    match by {
        By::Resource => per_resource.collect(),
        By::Service => {
            let mut groups = ByService::default();
            per_resource.for_each(|row| groups.add(row));
            groups.rows()
        }
    }
}

/// Rows by service, folded one resource at a time: a row per service (by
/// type when the catalog has none) with the worst cell of its resources.
#[derive(Debug, Default)]
pub(crate) struct ByService {
    groups: BTreeMap<String, Row>,
}

impl ByService {
    pub fn add(&mut self, row: Row) {
        let key = if row.service.is_empty() {
            row.resource_type.clone()
        } else {
            row.service.clone()
        };
        match self.groups.get_mut(&key) {
            None => {
                self.groups.insert(
                    key.clone(),
                    Row {
                        id: key,
                        resource_type: row.resource_type,
                        ..row
                    },
                );
            }
            Some(g) => {
                g.resources += 1;
                if g.resource_type != row.resource_type {
                    g.resource_type = "(several)".to_owned();
                }
                if g.category != row.category {
                    g.category = "(several)".to_owned();
                }
                if g.file != row.file {
                    g.file = "(several)".to_owned();
                }
                for (a, b) in g.cells.iter_mut().zip(row.cells) {
                    *a = a.worst(b);
                }
            }
        }
    }

    /// The rows, by service name.
    pub fn rows(self) -> Vec<Row> {
        self.groups.into_values().collect()
    }
}

fn header(by: By) -> Vec<String> {
    let first: &[&str] = match by {
        By::Resource => &["id", "type", "service", "category"],
        By::Service => &["service", "type", "category", "resources"],
    };
    let last: &[&str] = match by {
        By::Resource => &["file"],
        By::Service => &[],
    };
    first
        .iter()
        .map(|s| s.to_string())
        .chain(Layer::ALL.iter().map(|l| l.slug().to_owned()))
        .chain(last.iter().map(|s| s.to_string()))
        .collect()
}

/// Columns after the layers: the file, per resource (ids repeat across files).
fn trailing(row: &Row, by: By) -> Vec<String> {
    match by {
        By::Resource => vec![row.file.clone()],
        By::Service => Vec::new(),
    }
}

fn leading(row: &Row, by: By) -> Vec<String> {
    match by {
        By::Resource => vec![
            row.id.clone(),
            row.resource_type.clone(),
            row.service.clone(),
            row.category.clone(),
        ],
        By::Service => vec![
            row.id.clone(),
            row.resource_type.clone(),
            row.category.clone(),
            row.resources.to_string(),
        ],
    }
}

/// The CSV cells of a row.
fn csv_record(r: &Row, by: By) -> Vec<String> {
    let mut cells = leading(r, by);
    cells.extend(r.cells.iter().map(|c| c.label()));
    cells.extend(trailing(r, by));
    cells
}

/// Writes the matrix as CSV: one column per layer.
pub fn render_csv(report: &Report, by: By, out: &mut dyn Write) -> io::Result<()> {
    let header = header(by);
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let rows: Vec<Vec<String>> = rows(report, by).iter().map(|r| csv_record(r, by)).collect();
    crate::csv_out::write_rows(out, &header, &rows)
}

/// The Markdown title, explanation and table header.
fn markdown_head(by: By, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# Customer Responsibility Matrix")?;
    writeln!(out)?;
    writeln!(
        out,
        "Columns are the layers of the Shared Responsibility Model, bottom to top. `AWS`: inherited; otherwise the worst status of your duties in that layer (`shared:` when AWS carries part of it)."
    )?;
    writeln!(out)?;
    let h = header(by);
    writeln!(out, "| {} |", h.join(" | "))?;
    writeln!(out, "|{}", "---|".repeat(h.len()))
}

fn markdown_row(r: &Row, by: By, out: &mut dyn Write) -> io::Result<()> {
    use crate::markdown::md;
    let cells: Vec<String> = leading(r, by)
        .iter()
        .map(|c| md(c))
        .chain(r.cells.iter().map(|c| match c {
            Cell::Customer {
                status: DutyStatus::NotMet,
                ..
            } => format!("**{}**", c.label()),
            c => c.label(),
        }))
        .chain(trailing(r, by).iter().map(|c| md(c)))
        .collect();
    writeln!(out, "| {} |", cells.join(" | "))
}

/// Writes the matrix as a Markdown table.
pub fn render_markdown(report: &Report, by: By, out: &mut dyn Write) -> io::Result<()> {
    markdown_head(by, out)?;
    for r in rows(report, by) {
        markdown_row(&r, by, out)?;
    }
    if let Some(live) = &report.live {
        crate::live::render_markdown(live, out)?;
    }
    Ok(())
}

/// Writes the matrix as a self-contained HTML page.
pub fn render_html(report: &Report, by: By, out: &mut dyn Write) -> io::Result<()> {
    let rows = rows(report, by);
    let mut body = String::new();
    for r in &rows {
        crate::html::matrix_row(r, by).render_to(&mut body);
    }
    write_html(by, rows.len(), report.live.as_ref(), out, |o| {
        o.write_all(crate::html::without_controls(&body).as_bytes())
    })
}

/// The HTML page around `rows` matrix rows, which `write_rows` writes.
fn write_html(
    by: By,
    rows: usize,
    live: Option<&crate::live::LiveSection>,
    out: &mut dyn Write,
    write_rows: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let table = crate::html::matrix_table_around(by, rows, maud::PreEscaped(ROWS.to_owned()));
    let body = maud::html! {
        (table)
        @if let Some(live) = live { (crate::live::html(live)) }
    };
    let page = crate::html::page("onus: Customer Responsibility Matrix", body);
    let page = crate::html::without_controls(&page.into_string());
    let (head, tail) = page
        .split_once(ROWS)
        .ok_or_else(|| io::Error::other("HTML page without its matrix"))?;
    out.write_all(head.as_bytes())?;
    write_rows(out)?;
    out.write_all(tail.as_bytes())
}

/// Where the rows go in the HTML page (scanned values are escaped, so they
/// cannot hold it).
const ROWS: &str = "<!--onus:rows-->";

/// The formats of `onus matrix`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A Markdown table.
    Markdown,
    /// CSV, one column per layer.
    Csv,
    /// A self-contained HTML page.
    Html,
}

/// `onus matrix`, unit by unit ([`crate::stream::run`]): rows by resource are
/// written as their files are checked (for HTML, spooled to a temporary file
/// until their count, which the page gives first, is known); rows by service
/// are folded into one per service and written at the end. The same output
/// as [`render_markdown`], [`render_csv`] and [`render_html`] of the whole
/// report. Returns the report without its resources.
pub fn write(
    source: &dyn onus_ingest::Source,
    engine: &onus_rules::Engine,
    options: &crate::suppress::SuppressOptions,
    by: By,
    format: Format,
    out: &mut dyn Write,
) -> io::Result<Report<'static>> {
    write_with_live(source, engine, options, by, format, out, None)
}

/// [`write()`], with the live account's section (`--aws`) after the matrix
/// (Markdown and HTML).
pub fn write_with_live(
    source: &dyn onus_ingest::Source,
    engine: &onus_rules::Engine,
    options: &crate::suppress::SuppressOptions,
    by: By,
    format: Format,
    out: &mut dyn Write,
    mut live: Option<&mut dyn crate::live::LiveJoin>,
) -> io::Result<Report<'static>> {
    let mut services = ByService::default();
    let mut count = 0usize;
    let mut spool = match (by, format) {
        (By::Resource, Format::Html) => Some(crate::stream::spool()?),
        _ => None,
    };
    match (by, format) {
        (By::Resource, Format::Markdown) => markdown_head(by, out)?,
        (By::Resource, Format::Csv) => {
            let mut w = csv::Writer::from_writer(&mut *out);
            w.write_record(header(by)).map_err(io::Error::other)?;
            w.flush()?;
        }
        _ => {}
    }
    let mut report = crate::stream::run(
        source,
        engine,
        options,
        false,
        &mut (),
        |_, views| {
            let rows: Vec<Row> = views.par_iter().map(resource_row).collect();
            let mut text = Vec::new();
            if by == By::Resource {
                match format {
                    Format::Markdown => {
                        for r in &rows {
                            markdown_row(r, by, &mut text)?;
                        }
                    }
                    Format::Csv => {
                        let mut w = csv::WriterBuilder::new()
                            .has_headers(false)
                            .from_writer(&mut text);
                        for r in &rows {
                            w.write_record(csv_record(r, by))
                                .map_err(io::Error::other)?;
                        }
                        w.flush()?;
                    }
                    Format::Html => {
                        let mut html = String::new();
                        for r in &rows {
                            crate::html::matrix_row(r, by).render_to(&mut html);
                        }
                        text = crate::html::without_controls(&html).into_bytes();
                    }
                }
            }
            Ok((rows, text))
        },
        |_, (rows, text), views| {
            if let Some(live) = live.as_deref_mut() {
                live.see(views);
            }
            count += rows.len();
            match (by, &mut spool) {
                (By::Service, _) => rows.into_iter().for_each(|r| services.add(r)),
                (By::Resource, Some(spool)) => spool.write_all(&text)?,
                (By::Resource, None) => out.write_all(&text)?,
            }
            Ok(())
        },
    )?;
    report.live = live.map(|live| live.finish());
    let section = report.live.as_ref();
    match (by, format) {
        (By::Resource, Format::Html) => write_html(by, count, section, out, |o| {
            crate::stream::copy_spool(spool, o)
        })?,
        (By::Resource, _) => {}
        (By::Service, Format::Markdown) => {
            markdown_head(by, out)?;
            for r in services.rows() {
                markdown_row(&r, by, out)?;
            }
        }
        (By::Service, Format::Csv) => {
            let header = header(by);
            let header: Vec<&str> = header.iter().map(String::as_str).collect();
            let rows: Vec<Vec<String>> =
                services.rows().iter().map(|r| csv_record(r, by)).collect();
            crate::csv_out::write_rows(out, &header, &rows)?;
        }
        (By::Service, Format::Html) => {
            let rows = services.rows();
            let mut body = String::new();
            for r in &rows {
                crate::html::matrix_row(r, by).render_to(&mut body);
            }
            write_html(by, rows.len(), section, out, |o| {
                o.write_all(crate::html::without_controls(&body).as_bytes())
            })?;
        }
    }
    if let (Some(live), Format::Markdown) = (section, format) {
        crate::live::render_markdown(live, out)?;
    }
    Ok(report)
}
