//! Reports written while the rules run, a batch of files at a time: a large
//! scan never holds every resource's report, only the workload and one batch.
//! Used by `onus scan` when the text or JSON report goes to stdout and
//! nothing else is written; the output is the same as rendering the whole
//! [`Report`].

use crate::report::{Builder, DiagnosticView, Location, Report, ResourceView, Summary};
use crate::suppress::SuppressOptions;
use crate::terminal::{self, FILES_PER_BATCH};
use onus_ingest::Workload;
use onus_rules::{Engine, Severity};
use rayon::prelude::*;
use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};
use std::cell::RefCell;
use std::io::{self, Write};

/// The resources of a scan in report order, evaluated a batch of files at a
/// time as they are asked for, with the summary kept as they go.
struct Batches<'a, 'w> {
    workload: &'w Workload,
    engine: &'a Engine<'w>,
    builder: Builder<'w>,
    /// Resource indices in report order: by location (file, line, column),
    /// then id.
    order: Vec<usize>,
    /// Where each file's resources start in `order`, and where the last ends.
    file_starts: Vec<usize>,
    next_file: usize,
    summary: Summary,
    extra_diagnostics: Vec<DiagnosticView>,
}

impl<'a, 'w> Batches<'a, 'w> {
    fn new(
        workload: &'w Workload,
        engine: &'a Engine<'w>,
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
            summary: Summary::default(),
            extra_diagnostics: Vec::new(),
        }
    }

    /// The views of the next files (whole files only), or `None` when done.
    fn next_batch(&mut self) -> Option<Vec<ResourceView>> {
        let files = self.file_starts.len().saturating_sub(1);
        if self.next_file >= files {
            return None;
        }
        let last_file = (self.next_file + FILES_PER_BATCH).min(files);
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
    fn finish(&mut self) -> Report {
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

/// Evaluates the workload with `engine` and writes the text report as
/// [`terminal::render_with`] would write the whole report. Returns the report
/// without its resources (summary, diagnostics, notes) for the exit code.
pub fn text(
    workload: &Workload,
    engine: &Engine<'_>,
    options: &SuppressOptions,
    threshold: Severity,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<Report> {
    let mut batches = Batches::new(workload, engine, options, false);
    let mut at_start = true;
    let mut current = batches.next_batch();
    while let Some(views) = current {
        // Render this batch while the next one is evaluated.
        let (text, next) = rayon::join(
            || {
                let mut text = Vec::new();
                terminal::render_resources(&views, at_start, color, &mut text).map(|()| text)
            },
            || batches.next_batch(),
        );
        out.write_all(&text?)?;
        at_start = false;
        current = next;
    }
    let report = batches.finish();
    terminal::render_tail(&report, threshold, color, out)?;
    Ok(report)
}

/// Evaluates the workload with `engine` and writes the JSON report (pretty,
/// as `--format json` writes the whole report). Returns the report without
/// its resources.
pub fn json(
    workload: &Workload,
    engine: &Engine<'_>,
    options: &SuppressOptions,
    out: &mut dyn Write,
) -> io::Result<Report> {
    let streamed = Streamed {
        batches: RefCell::new(Batches::new(workload, engine, options, true)),
        rest: RefCell::new(None),
    };
    serde_json::to_writer_pretty(&mut *out, &streamed).map_err(io::Error::from)?;
    writeln!(out)?;
    streamed
        .rest
        .into_inner()
        .ok_or_else(|| io::Error::other("the report was not written"))
}

/// Serialises like [`Report`], taking the resources from the batches while
/// it writes them.
struct Streamed<'a, 'w> {
    batches: RefCell<Batches<'a, 'w>>,
    /// The report without resources, once they are all written.
    rest: RefCell<Option<Report>>,
}

struct Resources<'s, 'a, 'w>(&'s RefCell<Batches<'a, 'w>>);

impl Serialize for Resources<'_, '_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(None)?;
        loop {
            let batch = self.0.borrow_mut().next_batch();
            let Some(views) = batch else { break };
            for view in &views {
                seq.serialize_element(view)?;
            }
        }
        seq.end()
    }
}

impl Serialize for Streamed<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // The fields and their order are those of `Report`.
        let mut s = serializer.serialize_struct("Report", 8)?;
        s.serialize_field("schema_version", &crate::report::SCHEMA_VERSION)?;
        s.serialize_field("tool", "onus")?;
        s.serialize_field("version", env!("CARGO_PKG_VERSION"))?;
        s.serialize_field("resources", &Resources(&self.batches))?;
        let rest = self.batches.borrow_mut().finish();
        s.serialize_field("diagnostics", &rest.diagnostics)?;
        s.serialize_field("summary", &rest.summary)?;
        s.serialize_field("incomplete", &rest.incomplete)?;
        s.serialize_field("notes", &rest.notes)?;
        *self.rest.borrow_mut() = Some(rest);
        s.end()
    }
}
