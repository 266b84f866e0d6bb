//! The Customer Responsibility Matrix (`onus matrix`): one row per resource (or
//! per service), one column per layer of the model (`Layer::ALL`, bottom to
//! top). A cell says who carries the layer and, for the customer's part, the
//! worst status of its duties.

use crate::report::{Report, ResourceView};
use onus_model::{Layer, Owner};
use onus_rules::DutyStatus;
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
        status: DutyStatus,
        shared: bool,
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

pub fn status_label(s: DutyStatus) -> &'static str {
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
    pub resource_type: String,
    pub service: String,
    pub category: String,
    /// Resources in the row (1 per resource).
    pub resources: usize,
    pub file: String,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum By {
    #[default]
    Resource,
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

pub fn rows(report: &Report, by: By) -> Vec<Row> {
    let per_resource = report.resources.iter().map(resource_row);
    match by {
        By::Resource => per_resource.collect(),
        By::Service => {
            let mut groups: BTreeMap<String, Row> = BTreeMap::new();
            for row in per_resource {
                let key = if row.service.is_empty() {
                    row.resource_type.clone()
                } else {
                    row.service.clone()
                };
                match groups.get_mut(&key) {
                    None => {
                        groups.insert(
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
            groups.into_values().collect()
        }
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

pub fn render_csv(report: &Report, by: By, out: &mut dyn Write) -> io::Result<()> {
    let header = header(by);
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let rows: Vec<Vec<String>> = rows(report, by)
        .iter()
        .map(|r| {
            let mut cells = leading(r, by);
            cells.extend(r.cells.iter().map(|c| c.label()));
            cells.extend(trailing(r, by));
            cells
        })
        .collect();
    crate::csv_out::write_rows(out, &header, &rows)
}

pub fn render_markdown(report: &Report, by: By, out: &mut dyn Write) -> io::Result<()> {
    use crate::markdown::md;
    writeln!(out, "# Customer Responsibility Matrix")?;
    writeln!(out)?;
    writeln!(
        out,
        "Columns are the layers of the Shared Responsibility Model, bottom to top. `AWS`: inherited; otherwise the worst status of your duties in that layer (`shared:` when AWS carries part of it)."
    )?;
    writeln!(out)?;
    let h = header(by);
    writeln!(out, "| {} |", h.join(" | "))?;
    writeln!(out, "|{}", "---|".repeat(h.len()))?;
    for r in rows(report, by) {
        let cells: Vec<String> = leading(&r, by)
            .iter()
            .map(|c| md(c))
            .chain(r.cells.iter().map(|c| match c {
                Cell::Customer {
                    status: DutyStatus::NotMet,
                    ..
                } => format!("**{}**", c.label()),
                c => c.label(),
            }))
            .chain(trailing(&r, by).iter().map(|c| md(c)))
            .collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    if let Some(live) = &report.live {
        crate::live::render_markdown(live, out)?;
    }
    Ok(())
}

pub fn render_html(report: &Report, by: By, out: &mut dyn Write) -> io::Result<()> {
    let table = crate::html::matrix_table(report, by);
    let body = maud::html! {
        (table)
        @if let Some(live) = &report.live { (crate::live::html(live)) }
    };
    let page = crate::html::page("onus: Customer Responsibility Matrix", body);
    out.write_all(crate::html::without_controls(&page.into_string()).as_bytes())
}
