//! Reports written while the rules run, a batch of files at a time: a large
//! scan never holds every resource's report, only the workload and one batch.
//! Used by `onus scan` for every format, on stdout and in `-o` files (and to
//! collect a `--write-baseline` file); the output is the same as rendering
//! the whole [`Report`].

use crate::report::{Builder, DiagnosticView, Location, Report, ResourceView, Summary};
use crate::suppress::SuppressOptions;
use crate::terminal::{self, FILES_PER_BATCH};
use onus_ingest::Workload;
use onus_rules::{Engine, Severity};
use rayon::prelude::*;
use serde::Serialize;
use std::io::{self, Write};

/// Files per batch when a JSON report is written: its resources carry source
/// excerpts and a batch's JSON is held until it is written.
const JSON_FILES_PER_BATCH: usize = 128;

/// The resources of a scan in report order, evaluated a batch of files at a
/// time as they are asked for, with the summary kept as they go.
struct Batches<'a, 'w, 'e> {
    workload: &'w Workload,
    engine: &'a Engine<'e>,
    builder: Builder<'w, 'w>,
    /// Resource indices in report order: by location (file, line, column),
    /// then id.
    order: Vec<usize>,
    /// Where each file's resources start in `order`, and where the last ends.
    file_starts: Vec<usize>,
    next_file: usize,
    files_per_batch: usize,
    summary: Summary,
    extra_diagnostics: Vec<DiagnosticView>,
}

impl<'a, 'w, 'e> Batches<'a, 'w, 'e> {
    fn new(
        workload: &'w Workload,
        engine: &'a Engine<'e>,
        options: &'w SuppressOptions,
        excerpts: bool,
    ) -> Self {
        let builder = Builder::new(workload, options, excerpts);
        let mut keyed: Vec<(Location, &str, usize)> = workload
            .resources
            .par_iter()
            .enumerate()
            .filter(|(_, r)| !r.is_data)
            .map(|(i, r)| {
                let at = builder.file_lines.location(r.file, r.name_span);
                (at, r.id.as_str(), i)
            })
            .collect();
        keyed.par_sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)).then(a.2.cmp(&b.2)));
        let mut file_starts: Vec<usize> = (0..keyed.len())
            .filter(|&n| n == 0 || keyed[n - 1].0.file != keyed[n].0.file)
            .collect();
        file_starts.push(keyed.len());
        Batches {
            workload,
            engine,
            builder,
            order: keyed.into_iter().map(|(_, _, i)| i).collect(),
            file_starts,
            next_file: 0,
            files_per_batch: if excerpts {
                JSON_FILES_PER_BATCH
            } else {
                FILES_PER_BATCH
            },
            summary: Summary::default(),
            extra_diagnostics: Vec::new(),
        }
    }

    /// The views of the next files (whole files only), or `None` when done.
    fn next_batch(&mut self) -> Option<Vec<ResourceView<'w>>> {
        let files = self.file_starts.len().saturating_sub(1);
        if self.next_file >= files {
            return None;
        }
        let last_file = (self.next_file + self.files_per_batch).min(files);
        let range = self.file_starts[self.next_file]..self.file_starts[last_file];
        self.next_file = last_file;
        let (engine, builder) = (self.engine, &self.builder);
        let built: Vec<(ResourceView, Vec<DiagnosticView>)> = self.order[range]
            .par_iter()
            .filter_map(|&i| {
                let row = engine.evaluate(i)?;
                let mut diagnostics = Vec::new();
                let view = builder.view(row, &mut diagnostics);
                Some((view, diagnostics))
            })
            .collect();
        let mut views = Vec::with_capacity(built.len());
        for (view, mut diagnostics) in built {
            self.summary.count(&view);
            self.extra_diagnostics.append(&mut diagnostics);
            views.push(view);
        }
        Some(views)
    }

    /// The report without its resources, once every batch has been taken.
    fn finish(&mut self) -> Report<'static> {
        let mut report = self
            .builder
            .finish(Vec::new(), std::mem::take(&mut self.extra_diagnostics));
        let mut summary = std::mem::take(&mut self.summary);
        summary.close(
            &report.diagnostics,
            self.workload.files.len(),
            self.workload.skipped_files,
        );
        report.summary = summary;
        report
    }
}

/// A report format that can be written a batch of resources at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Sarif,
    Github,
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
    pub format: Format,
    pub color: bool,
    pub out: &'o mut dyn Write,
}

/// Evaluates the workload with `engine` and writes every output as rendering
/// the whole [`Report`] in its format would, a batch of files at a time.
/// `threshold` is the `--fail-on` severity named by the text report. With
/// `baseline`, the findings are added to it as they go. Returns the report
/// without its resources (summary, diagnostics, notes) for the exit code.
pub fn write(
    workload: &Workload,
    engine: &Engine<'_>,
    options: &SuppressOptions,
    threshold: Severity,
    outputs: &mut [Output<'_>],
    baseline: Option<&mut crate::suppress::Baseline>,
) -> io::Result<Report<'static>> {
    write_with_live(
        workload, engine, options, threshold, outputs, baseline, None,
    )
}

/// [`write`], with the live account's section (`--aws`) after the resources.
pub fn write_with_live(
    workload: &Workload,
    engine: &Engine<'_>,
    options: &SuppressOptions,
    threshold: Severity,
    outputs: &mut [Output<'_>],
    mut baseline: Option<&mut crate::suppress::Baseline>,
    mut live: Option<&mut dyn crate::live::LiveJoin>,
) -> io::Result<Report<'static>> {
    let excerpts = outputs
        .iter()
        .any(|o| matches!(o.format, Format::Json | Format::Html));
    // Cheap: the rules sorted by id.
    let sarif_rules = crate::sarif::RuleIndex::new();
    let mut batches = Batches::new(workload, engine, options, excerpts);
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
            })
        })
        .collect::<io::Result<_>>()?;
    for (w, o) in writers.iter().zip(outputs.iter_mut()) {
        w.head(&sarif_rules, o.out)?;
    }
    let mut current = batches.next_batch();
    while let Some(views) = current {
        // Render this batch while the next one is evaluated.
        let (chunks, next) = rayon::join(
            || {
                writers
                    .iter()
                    .map(|w| w.resources(&views, &sarif_rules))
                    .collect::<io::Result<Vec<Batch>>>()
            },
            || batches.next_batch(),
        );
        for ((w, o), batch) in writers.iter_mut().zip(outputs.iter_mut()).zip(chunks?) {
            w.cases.merge(batch.cases);
            w.page.merge(batch.page);
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
            live.see(&views);
        }
        current = next;
    }
    let mut report = batches.finish();
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
}

/// A temporary file to hold part of a report until its head is written.
fn spool() -> io::Result<io::BufWriter<std::fs::File>> {
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
    fn head(&self, sarif: &crate::sarif::RuleIndex, out: &mut dyn Write) -> io::Result<()> {
        match self.format {
            Format::Text | Format::Github | Format::Junit | Format::Markdown | Format::Html => {
                Ok(())
            }
            Format::Json => {
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
            Format::Text => {
                // A batch holds whole files.
                let files = crate::report::by_file(views);
                return terminal::render_files(&files, self.at_start, self.color).map(Batch::from);
            }
            Format::Json => {
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
            Format::Text => {
                if let Some(live) = &report.live {
                    crate::live::render_text(live, out)?;
                }
                return terminal::render_tail(report, threshold, self.color, out);
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
            Format::Json => (split_pretty(report, JSON_RESOURCES.0)?.1, JSON_RESOURCES.1),
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
fn copy_spool(spool: Option<io::BufWriter<std::fs::File>>, out: &mut dyn Write) -> io::Result<()> {
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
fn empty_report() -> Report<'static> {
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
