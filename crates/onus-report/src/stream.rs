//! The scan, unit by unit: each unit of a [`Source`] (a template, a
//! Terraform root with its modules, a plan; or any other workload of the same
//! model) is read, checked, turned into report views, rendered and dropped,
//! units in parallel, while the reports are written in their usual order. A
//! large scan holds only the units in flight and what each report keeps
//! (counts, the spool files of the formats whose totals come first), never
//! the whole workload or the whole report.
//!
//! Reports list files by display path. Units come in the order of their keys
//! (a lower bound of the paths of the files each may put a resource in), so
//! once the units before key `k` are checked, every file before `k` is
//! complete: it is rendered while the next units are checked. A file read by
//! several units (a Terraform module called by several roots) is reported
//! once, with the resources of all of them. `onus scan` writes every format
//! this way, `onus matrix` its rows; the output is the same as rendering the
//! whole [`Report`] of the merged workload ([`crate::build_with`]).

use crate::report::{
    Builder, DiagnosticView, Location, NotAssessed, Report, ResourceView, Summary,
};
use crate::suppress::{CompiledConfig, SuppressOptions};
use crate::terminal;
use onus_ingest::{Source, Workload};
use onus_rules::{Engine, ResourceReport, Severity};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashSet;
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Arc;

/// Bytes of source checked per batch: enough units to keep every core busy,
/// few enough that the units in flight stay small (at 10k realistic files,
/// batches of 4 MB peaked at 182 MB, 2 MB at 113 MB, 1 MB at 102 MB, in the
/// same time).
const BATCH_BYTES: u64 = 1 << 20;
/// Units per batch at most (many small units cost their bookkeeping).
const BATCH_UNITS: usize = 1024;

/// One unit, checked, until all its files are reported: its workload (the
/// property trees already freed) and its matrix rows.
struct Checked {
    number: u32,
    workload: Workload,
    rows: Vec<Option<ResourceReport>>,
    /// Where each row's resource is, in report order.
    order: Vec<(Location, usize)>,
    /// Rows of `order` reported so far.
    reported: usize,
    /// Its diagnostics, located, and its files' paths (for the counts).
    diagnostics: Vec<DiagnosticView>,
    paths: Vec<PathBuf>,
    /// Its resources of other providers, by type.
    not_assessed: NotAssessed,
}

/// Reads and checks one unit.
fn check(source: &dyn Source, engine: &Engine, i: usize) -> Checked {
    let mut workload = source.read(i);
    let number = workload.resources.first().map_or(0, |r| r.unit);
    // Before the files of other units that verdicts may add.
    let paths = workload.files.iter().map(|f| f.path.clone()).collect();
    let rows = engine.evaluate(&mut workload);
    workload.release_rule_inputs();
    let mut not_assessed = NotAssessed::default();
    not_assessed.add(&workload);
    let lines = crate::report::FileLines::for_locations(&workload);
    let mut order: Vec<(Location, usize)> = rows
        .iter()
        .enumerate()
        .map(|(n, row)| {
            let r = &workload.resources[row.resource];
            (lines.location(r.file, r.name_span), n)
        })
        .collect();
    order.sort_by(|a, b| {
        let id = |n: usize| workload.resources[rows[n].resource].id.as_str();
        a.0.cmp(&b.0)
            .then_with(|| id(a.1).cmp(id(b.1)))
            .then(rows[a.1].resource.cmp(&rows[b.1].resource))
    });
    let diagnostics = workload
        .diagnostics
        .iter()
        .map(|d| DiagnosticView {
            level: d.level,
            location: lines.location(d.file, d.span.unwrap_or_default()),
            message: d.message.clone(),
        })
        .collect();
    drop(lines);
    Checked {
        number,
        workload,
        rows: rows.into_iter().map(Some).collect(),
        order,
        reported: 0,
        diagnostics,
        paths,
        not_assessed,
    }
}

/// What the scan keeps between batches.
struct Pipeline<'a> {
    source: &'a dyn Source,
    options: &'a SuppressOptions,
    config: CompiledConfig<'a>,
    /// Units checked, with files not yet reported.
    pending: Vec<Checked>,
    /// The last file reported.
    last_file: Option<Arc<str>>,
    /// Files whose resources came after files sorting after them had been
    /// written (a unit read a file its key did not foresee).
    late_files: usize,
    summary: Summary,
    diagnostics: Vec<DiagnosticView>,
    /// Diagnostics already deduplicated (the rest came since).
    diagnostics_sorted: usize,
    /// Every file read, once (a module read by several roots too).
    files: HashSet<PathBuf>,
    skipped_files: usize,
    incomplete: bool,
    not_assessed: NotAssessed,
}

impl<'a> Pipeline<'a> {
    /// The units of the next batch, from `start`.
    fn batch(&self, start: usize) -> std::ops::Range<usize> {
        let cap = BATCH_BYTES;
        let (mut end, mut bytes) = (start, 0u64);
        while end < self.source.len() && (end == start || bytes < cap) && end - start < BATCH_UNITS
        {
            bytes += self.source.weight(end).max(1);
            end += 1;
        }
        start..end
    }

    fn admit(&mut self, checked: Vec<Checked>) {
        for mut c in checked {
            self.skipped_files += c.workload.skipped_files;
            self.incomplete |= c.workload.incomplete();
            self.not_assessed.merge(std::mem::take(&mut c.not_assessed));
            self.files.extend(std::mem::take(&mut c.paths));
            self.diagnostics.append(&mut c.diagnostics);
            self.pending.push(c);
        }
        // A module read by many roots repeats its warnings: drop the repeats
        // as they pile up.
        if self.diagnostics.len() > 2 * self.diagnostics_sorted.max(512) {
            crate::report::sort_diagnostics(&mut self.diagnostics);
            self.diagnostics_sorted = self.diagnostics.len();
        }
    }

    /// The rows of every file before `limit` (all when `None`) not yet
    /// reported, in report order, with the unit each belongs to.
    fn take_ready(&mut self, limit: Option<&str>) -> Vec<(usize, ResourceReport)> {
        let mut ready: Vec<(usize, usize)> = Vec::new();
        for (slot, unit) in self.pending.iter_mut().enumerate() {
            let start = unit.reported;
            while unit.reported < unit.order.len()
                && limit.is_none_or(|l| &*unit.order[unit.reported].0.file < l)
            {
                unit.reported += 1;
            }
            ready.extend((start..unit.reported).map(|n| (slot, n)));
        }
        let pending = &self.pending;
        let key = |&(slot, n): &(usize, usize)| {
            let unit = &pending[slot];
            let (location, row) = &unit.order[n];
            let resource = unit.rows[*row].as_ref().map_or(0, |r| r.resource);
            (
                location,
                unit.workload.resources[resource].id.as_str(),
                unit.number,
                resource,
            )
        };
        ready.sort_by(|a, b| key(a).cmp(&key(b)));
        let mut previous: Option<&str> = None;
        for entry in &ready {
            let file = &*key(entry).0.file;
            if previous != Some(file) {
                if self.last_file.as_deref().is_some_and(|last| file <= last) {
                    self.late_files += 1;
                }
                previous = Some(file);
            }
        }
        if let Some(last) = ready.last() {
            let file = key(last).0.file.clone();
            if self.last_file.as_ref().is_none_or(|l| file > *l) {
                self.last_file = Some(file);
            }
        }
        ready
            .into_iter()
            .filter_map(|(slot, n)| {
                let unit = &mut self.pending[slot];
                let row = unit.order[n].1;
                Some((slot, unit.rows[row].take()?))
            })
            .collect()
    }

    /// Drops the units whose every file is reported.
    fn prune(&mut self) {
        self.pending.retain(|u| u.reported < u.order.len());
    }

    /// The report without its resources, once every unit is reported.
    fn finish(mut self) -> Report<'static> {
        let preamble = self.source.preamble();
        let lines = crate::report::FileLines::for_locations(&preamble);
        for f in &preamble.files {
            self.files.insert(f.path.clone());
        }
        self.diagnostics
            .extend(preamble.diagnostics.iter().map(|d| DiagnosticView {
                level: d.level,
                location: lines.location(d.file, d.span.unwrap_or_default()),
                message: d.message.clone(),
            }));
        self.diagnostics
            .extend(crate::suppress::check_config(self.options));
        let mut notes = Vec::new();
        if self.late_files > 0 {
            notes.push(format!(
                "the resources of {} files read through modules or stacks onus did not foresee are listed out of file order",
                self.late_files
            ));
        }
        let mut report = crate::report::finish(
            Vec::new(),
            self.diagnostics,
            self.options,
            self.incomplete || preamble.incomplete(),
            &self.not_assessed,
            notes,
        );
        let mut summary = self.summary;
        summary.close(
            &report.diagnostics,
            self.files.len(),
            self.skipped_files + preamble.skipped_files,
        );
        report.summary = summary;
        report
    }
}

/// Checks every unit of `source` with `engine` and hands the views of the
/// resources, in report order and whole files at a time, to `render` (run
/// while the next units are checked) and then to `write`, with `state`.
/// `excerpts`: fill the findings' source excerpts. Returns the report
/// without its resources (summary, diagnostics, notes).
pub fn run<S: Sync, R: Send>(
    source: &dyn Source,
    engine: &Engine,
    options: &SuppressOptions,
    excerpts: bool,
    state: &mut S,
    render: impl Fn(&S, &[ResourceView]) -> io::Result<R> + Sync,
    mut write: impl FnMut(&mut S, R, &[ResourceView]) -> io::Result<()>,
) -> io::Result<Report<'static>> {
    let mut pipeline = Pipeline {
        source,
        options,
        config: CompiledConfig::new(options),
        pending: Vec::new(),
        last_file: None,
        late_files: 0,
        summary: Summary::default(),
        diagnostics: Vec::new(),
        diagnostics_sorted: 0,
        files: HashSet::new(),
        skipped_files: 0,
        incomplete: false,
        not_assessed: NotAssessed::default(),
    };
    let check_all = |range: std::ops::Range<usize>| -> Vec<Checked> {
        range
            .into_par_iter()
            .map(|i| check(source, engine, i))
            .collect()
    };
    let mut range = pipeline.batch(0);
    let mut current = check_all(range.clone());
    loop {
        pipeline.admit(current);
        let next_range = (range.end < source.len()).then(|| pipeline.batch(range.end));
        let limit = next_range.as_ref().map(|r| source.key(r.start));
        let ready = pipeline.take_ready(limit);
        let views = {
            let pending = &pipeline.pending;
            let mut slots: Vec<usize> = ready.iter().map(|(slot, _)| *slot).collect();
            slots.sort_unstable();
            slots.dedup();
            let builders: Vec<Option<Builder>> = (0..pending.len())
                .into_par_iter()
                .map(|slot| {
                    slots.binary_search(&slot).ok().map(|_| {
                        Builder::new(&pending[slot].workload, &pipeline.config, options, excerpts)
                    })
                })
                .collect();
            let built: Vec<(ResourceView, Vec<DiagnosticView>)> = ready
                .into_par_iter()
                .filter_map(|(slot, row)| {
                    let builder = builders[slot].as_ref()?;
                    let mut diagnostics = Vec::new();
                    let view = builder.view(row, &mut diagnostics);
                    Some((view, diagnostics))
                })
                .collect();
            let mut views = Vec::with_capacity(built.len());
            for (view, mut diagnostics) in built {
                pipeline.summary.count(&view);
                pipeline.diagnostics.append(&mut diagnostics);
                views.push(view);
            }
            // Render these while the next units are checked.
            let (rendered, next) = rayon::join(
                || render(state, &views),
                || next_range.clone().map(check_all),
            );
            write(state, rendered?, &views)?;
            next
        };
        pipeline.prune();
        match (views, next_range) {
            (Some(next), Some(r)) => {
                current = next;
                range = r;
            }
            _ => break,
        }
    }
    Ok(pipeline.finish())
}

/// A report format that can be written a batch of resources at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The text report of what needs action ([`terminal::Show::Actionable`]).
    Text,
    /// The text report of every duty ([`terminal::Show::All`]).
    TextAll,
    /// Version 2 ([`crate::json`]).
    Json,
    /// The version 1 layout (`--json-v1`), kept for one release.
    JsonV1,
    /// SARIF 2.1.0, the results written as they come.
    Sarif,
    /// GitHub workflow commands.
    Github,
    /// CSV, a row per verdict.
    Csv,
    /// Totals first: the test suites are spooled to a temporary file.
    Junit,
    /// Summary first: the findings table is spooled to a temporary file.
    Markdown,
    /// Counts first: the matrix rows and the findings are spooled to two
    /// temporary files.
    Html,
}

/// One report to write: its format, whether text gets colour, and where.
pub struct Output<'o> {
    /// The format to write.
    pub format: Format,
    /// Whether the text formats use colour.
    pub color: bool,
    /// Where to write.
    pub out: &'o mut dyn Write,
}

/// Checks every unit of `source` with `engine` and writes every output as
/// rendering the whole [`Report`] in its format would. `threshold` is the
/// `--fail-on` severity named by the text report. With `baseline`, the
/// findings are added to it as they go. Returns the report without its
/// resources (summary, diagnostics, notes) for the exit code.
pub fn write(
    source: &dyn Source,
    engine: &Engine,
    options: &SuppressOptions,
    threshold: Severity,
    outputs: &mut [Output<'_>],
    baseline: Option<&mut crate::suppress::Baseline>,
) -> io::Result<Report<'static>> {
    write_with_live(source, engine, options, threshold, outputs, baseline, None)
}

/// [`write()`], with the live account's section (`--aws`) after the resources.
pub fn write_with_live(
    source: &dyn Source,
    engine: &Engine,
    options: &SuppressOptions,
    threshold: Severity,
    outputs: &mut [Output<'_>],
    mut baseline: Option<&mut crate::suppress::Baseline>,
    mut live: Option<&mut dyn crate::live::LiveJoin>,
) -> io::Result<Report<'static>> {
    let excerpts = outputs
        .iter()
        .any(|o| matches!(o.format, Format::Json | Format::JsonV1 | Format::Html));
    // Cheap: the rules sorted by id.
    let sarif_rules = crate::sarif::RuleIndex::with_rules_url(options.rules_url.as_deref());
    let rules: Vec<&'static onus_rules::Rule> = engine.rules().collect();
    let mut writers: Vec<Writer> = outputs
        .iter()
        .map(|o| {
            let spools = match o.format {
                Format::Junit | Format::Markdown => 1,
                Format::Html => 2,
                _ => 0,
            };
            Ok(Writer {
                format: o.format,
                color: o.color,
                at_start: true,
                spool: (spools >= 1).then(spool).transpose()?,
                second_spool: (spools >= 2).then(spool).transpose()?,
                cases: crate::junit::Totals::default(),
                page: crate::html::PageCounts::default(),
                reasons: crate::json::Reasons::default(),
            })
        })
        .collect::<io::Result<_>>()?;
    for (w, o) in writers.iter().zip(outputs.iter_mut()) {
        w.head(&sarif_rules, &rules, o.out)?;
    }
    let report = run(
        source,
        engine,
        options,
        excerpts,
        &mut writers,
        |writers, views| {
            writers
                .iter()
                .map(|w| w.resources(views, &sarif_rules))
                .collect::<io::Result<Vec<Batch>>>()
        },
        |writers, chunks, views| {
            for ((w, o), batch) in writers.iter_mut().zip(outputs.iter_mut()).zip(chunks) {
                w.cases.merge(batch.cases);
                w.page.merge(batch.page);
                w.reasons.merge(batch.reasons);
                if let Some(second) = &mut w.second_spool {
                    for piece in batch.second {
                        second.write_all(&piece)?;
                    }
                }
                let out: &mut dyn Write = match &mut w.spool {
                    Some(spool) => spool,
                    None => &mut *o.out,
                };
                for piece in batch.pieces {
                    w.at_start &= piece.is_empty();
                    out.write_all(&piece)?;
                }
            }
            if let Some(baseline) = baseline.as_deref_mut() {
                views.iter().for_each(|r| baseline.add(r));
            }
            if let Some(live) = live.as_deref_mut() {
                live.see(views);
            }
            Ok(())
        },
    )?;
    let mut report = report;
    report.live = live.map(|live| live.finish());
    for (w, o) in writers.into_iter().zip(outputs.iter_mut()) {
        w.tail(&report, threshold, &sarif_rules, o.out)?;
    }
    Ok(report)
}

/// Where the resources go in the pretty JSON of a report and of a SARIF log:
/// the text before and after the empty array, and the indent of its items.
const JSON_RESOURCES: (&str, usize) = ("\"resources\": []", 4);
const SARIF_RESULTS: (&str, usize) = ("\"results\": []", 8);

struct Writer {
    format: Format,
    color: bool,
    /// Nothing of the resources written yet (for Markdown: no finding row).
    at_start: bool,
    /// Where the resources go when the report's head needs their totals.
    spool: Option<io::BufWriter<std::fs::File>>,
    /// HTML: the findings (`spool` holds the matrix rows).
    second_spool: Option<io::BufWriter<std::fs::File>>,
    /// JUnit test cases so far.
    cases: crate::junit::Totals,
    /// HTML: what the page says before the rows and findings.
    page: crate::html::PageCounts,
    /// JSON: the owner reasons the resources name.
    reasons: crate::json::Reasons,
}

/// A temporary file to hold part of a report until its head is written.
pub(crate) fn spool() -> io::Result<io::BufWriter<std::fs::File>> {
    let file = tempfile::tempfile()
        .map_err(|e| io::Error::new(e.kind(), format!("creating a temporary file: {e}")))?;
    Ok(io::BufWriter::new(file))
}

/// A batch of resources rendered for one output.
#[derive(Default)]
struct Batch {
    /// Text to write in order.
    pieces: Vec<Vec<u8>>,
    /// HTML: the findings, written in order to the second spool.
    second: Vec<Vec<u8>>,
    cases: crate::junit::Totals,
    page: crate::html::PageCounts,
    reasons: crate::json::Reasons,
}

impl From<Vec<Vec<u8>>> for Batch {
    fn from(pieces: Vec<Vec<u8>>) -> Self {
        Batch {
            pieces,
            ..Batch::default()
        }
    }
}

impl Writer {
    fn show(&self) -> terminal::Show {
        if self.format == Format::TextAll {
            terminal::Show::All
        } else {
            terminal::Show::Actionable
        }
    }

    fn head(
        &self,
        sarif: &crate::sarif::RuleIndex,
        rules: &[&'static onus_rules::Rule],
        out: &mut dyn Write,
    ) -> io::Result<()> {
        match self.format {
            Format::Text
            | Format::TextAll
            | Format::Github
            | Format::Junit
            | Format::Markdown
            | Format::Html => Ok(()),
            Format::Json => out.write_all(crate::json::head(rules)?.as_bytes()),
            Format::JsonV1 => {
                // What comes before the resources does not depend on them.
                let (before, _) = split_pretty(&empty_report(), JSON_RESOURCES.0)?;
                out.write_all(before.as_bytes())?;
                out.write_all(b"[")
            }
            Format::Sarif => {
                let log = crate::sarif::skeleton(&empty_report(), sarif);
                let (before, _) = split_pretty(&log, SARIF_RESULTS.0)?;
                out.write_all(before.as_bytes())?;
                out.write_all(b"[")
            }
            Format::Csv => {
                let mut w = csv::Writer::from_writer(out);
                w.write_record(crate::csv_out::HEADER)
                    .map_err(io::Error::other)?;
                w.flush()
            }
        }
    }

    /// The text of a batch of resources, in pieces to write in order.
    fn resources(
        &self,
        views: &[ResourceView],
        sarif: &crate::sarif::RuleIndex,
    ) -> io::Result<Batch> {
        // The first array item written opens a line; the others follow a comma.
        let separator = |i: usize| -> &'static [u8] {
            if i == 0 && self.at_start {
                b"\n"
            } else {
                b",\n"
            }
        };
        let mut text = Vec::new();
        match self.format {
            Format::Text | Format::TextAll => {
                // A batch holds whole files.
                let files = crate::report::by_file(views);
                return terminal::render_files(&files, self.at_start, self.show(), self.color)
                    .map(Batch::from);
            }
            Format::Json => {
                let pieces = views
                    .par_iter()
                    .enumerate()
                    .map(|(i, v)| crate::json::line(v, separator(i)))
                    .collect::<io::Result<Vec<_>>>()?;
                return Ok(Batch {
                    pieces,
                    reasons: crate::json::Reasons::of(views),
                    ..Batch::default()
                });
            }
            Format::JsonV1 => {
                return views
                    .par_iter()
                    .enumerate()
                    .map(|(i, v)| pretty_item(v, separator(i), JSON_RESOURCES.1))
                    .collect::<io::Result<Vec<_>>>()
                    .map(Batch::from);
            }
            Format::Sarif => {
                let results: Vec<_> = views.iter().flat_map(ResourceView::findings).collect();
                return results
                    .par_iter()
                    .enumerate()
                    .map(|(i, f)| {
                        let result = crate::sarif::result(*f, sarif);
                        pretty_item(&result, separator(i), SARIF_RESULTS.1)
                    })
                    .collect::<io::Result<Vec<_>>>()
                    .map(Batch::from);
            }
            Format::Github => {
                for f in views.iter().flat_map(ResourceView::findings) {
                    crate::github::write_finding(f, &mut text)?;
                }
            }
            Format::Csv => {
                let mut w = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(&mut text);
                for v in views {
                    crate::csv_out::write_resource(v, &mut w)?;
                }
                w.flush()?;
            }
            Format::Junit => {
                // A suite per file; a batch holds whole files.
                let files = crate::report::by_file(views);
                let suites = files
                    .par_iter()
                    .map(|resources| {
                        let cases: Vec<_> =
                            resources.iter().flat_map(crate::junit::cases).collect();
                        let mut text = Vec::new();
                        let totals = crate::junit::write_suite(
                            &resources[0].location.file,
                            &cases,
                            &mut text,
                        )?;
                        Ok((text, totals))
                    })
                    .collect::<io::Result<Vec<_>>>()?;
                let mut cases = crate::junit::Totals::default();
                let mut pieces = Vec::with_capacity(suites.len());
                for (text, totals) in suites {
                    cases.merge(totals);
                    pieces.push(text);
                }
                return Ok(Batch {
                    pieces,
                    cases,
                    ..Batch::default()
                });
            }
            Format::Markdown => {
                for f in views.iter().flat_map(ResourceView::findings) {
                    crate::markdown::write_finding(f, &mut text)?;
                }
            }
            Format::Html => {
                let files = crate::report::by_file(views);
                let parts: Vec<_> = files
                    .par_iter()
                    .map(|resources| crate::html::resource_parts(resources))
                    .collect();
                let mut batch = Batch::default();
                for (rows, findings, counts) in parts {
                    batch.pieces.push(rows.into_bytes());
                    batch.second.push(findings.into_bytes());
                    batch.page.merge(counts);
                }
                return Ok(batch);
            }
        }
        Ok(Batch::from(vec![text]))
    }

    fn tail(
        self,
        report: &Report,
        threshold: Severity,
        sarif: &crate::sarif::RuleIndex,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let (after, indent) = match self.format {
            Format::Text | Format::TextAll => {
                if let Some(live) = &report.live {
                    crate::live::render_text(live, out)?;
                }
                return terminal::render_tail(report, threshold, self.show(), self.color, out);
            }
            Format::Github => return crate::github::write_diagnostics(report, out),
            Format::Csv => return Ok(()),
            Format::Junit => {
                crate::junit::write_head(&self.cases, report.summary.errors, out)?;
                copy_spool(self.spool, out)?;
                return crate::junit::write_end(report, out);
            }
            Format::Markdown => {
                crate::markdown::write_head(report, !self.at_start, out)?;
                copy_spool(self.spool, out)?;
                return crate::markdown::write_diagnostics(report, out);
            }
            Format::Html => {
                let (rows, findings) = (self.spool, self.second_spool);
                return crate::html::write_page(
                    report,
                    &self.page,
                    out,
                    |o| copy_spool(rows, o),
                    |o| copy_spool(findings, o),
                );
            }
            Format::Json => {
                return crate::json::tail(report, &self.reasons, !self.at_start, out);
            }
            Format::JsonV1 => (split_pretty(report, JSON_RESOURCES.0)?.1, JSON_RESOURCES.1),
            Format::Sarif => {
                let log = crate::sarif::skeleton(report, sarif);
                (split_pretty(&log, SARIF_RESULTS.0)?.1, SARIF_RESULTS.1)
            }
        };
        if !self.at_start {
            // serde_json closes a non-empty array on its own line.
            out.write_all(b"\n")?;
            out.write_all(&b" ".repeat(indent - 2))?;
        }
        out.write_all(b"]")?;
        out.write_all(after.as_bytes())?;
        out.write_all(b"\n")
    }
}

/// Writes what was spooled to a temporary file to `out`.
pub(crate) fn copy_spool(
    spool: Option<io::BufWriter<std::fs::File>>,
    out: &mut dyn Write,
) -> io::Result<()> {
    use std::io::Seek;
    let Some(spool) = spool else {
        return Ok(());
    };
    let mut file = spool.into_inner().map_err(io::IntoInnerError::into_error)?;
    file.rewind()?;
    io::copy(&mut file, out)?;
    Ok(())
}

/// A report with no resources, diagnostics or notes: what the JSON report
/// and the SARIF log hold before their resources does not depend on those.
pub(crate) fn empty_report() -> Report<'static> {
    Report {
        schema_version: crate::report::SCHEMA_VERSION,
        tool: "onus",
        version: env!("CARGO_PKG_VERSION"),
        resources: Vec::new(),
        diagnostics: Vec::new(),
        summary: Summary::default(),
        incomplete: false,
        notes: Vec::new(),
        live: None,
    }
}

/// The pretty JSON of `value` before and after `marker` (an empty array,
/// whose items are written separately).
fn split_pretty<T: Serialize>(value: &T, marker: &str) -> io::Result<(String, String)> {
    let text = serde_json::to_string_pretty(value).map_err(io::Error::from)?;
    let at = text
        .find(marker)
        .ok_or_else(|| io::Error::other("report layout changed"))?;
    let open = at + marker.len() - 2;
    Ok((text[..open].to_owned(), text[open + 2..].to_owned()))
}

/// `value` as pretty JSON indented as an array item `indent` spaces deep
/// (an even number), after `separator`: serialised as the only item of
/// nested arrays, which serde_json indents, with their brackets cut off.
fn pretty_item<T: Serialize>(value: &T, separator: &[u8], indent: usize) -> io::Result<Vec<u8>> {
    struct Nested<'a, T>(&'a T, usize);
    impl<T: Serialize> Serialize for Nested<'_, T> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeSeq;
            if self.1 == 0 {
                return self.0.serialize(serializer);
            }
            let mut seq = serializer.serialize_seq(Some(1))?;
            seq.serialize_element(&Nested(self.0, self.1 - 1))?;
            seq.end()
        }
    }
    let levels = indent / 2;
    let mut text = serde_json::to_vec_pretty(&Nested(value, levels)).map_err(io::Error::from)?;
    // Each level opens with `[`, a newline and its indent, and closes with a
    // newline, the indent of the level above and `]`.
    let open: usize = (1..=levels).map(|l| 2 + 2 * l).sum();
    let close: usize = (0..levels).map(|l| 2 + 2 * l).sum();
    text.truncate(text.len() - close);
    text.splice(..open - indent, separator.iter().copied());
    Ok(text)
}
