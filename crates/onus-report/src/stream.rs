//! The text report written while the rules run, a batch of files at a time:
//! a large scan never holds every resource's report, only the workload and
//! one batch (`onus scan` with the default text output and no other output).

use crate::report::{Builder, DiagnosticView, Location, Report, ResourceView, Summary};
use crate::suppress::SuppressOptions;
use crate::terminal::{self, FILES_PER_BATCH};
use onus_ingest::Workload;
use onus_rules::{Engine, Severity};
use rayon::prelude::*;
use std::io::{self, Write};

/// Evaluates the workload with `engine` and writes the text report as
/// [`terminal::render_with`] would write the full report. Returns the report
/// without its resources (summary, diagnostics, notes) for the exit code.
pub fn text(
    workload: &Workload,
    engine: &Engine<'_>,
    options: &SuppressOptions,
    threshold: Severity,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<Report> {
    let builder = Builder::new(workload, options, false);
    // Report order: by location (file, line, column), then id.
    let mut order: Vec<(Location, &str, usize)> = workload
        .resources
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.is_data)
        .map(|(i, r)| {
            let at = builder.file_lines.location(r.file, r.name_span);
            (at, r.id.as_str(), i)
        })
        .collect();
    order.par_sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)).then(a.2.cmp(&b.2)));
    let files: Vec<&[(Location, &str, usize)]> =
        order.chunk_by(|a, b| a.0.file == b.0.file).collect();
    let mut summary = Summary::default();
    let mut extra_diagnostics: Vec<DiagnosticView> = Vec::new();
    for (batch_no, batch) in files.chunks(FILES_PER_BATCH).enumerate() {
        let built: Vec<(ResourceView, Vec<DiagnosticView>)> = batch
            .par_iter()
            .flat_map_iter(|file| file.iter())
            .filter_map(|(_, _, i)| {
                let row = engine.evaluate(*i)?;
                let mut diagnostics = Vec::new();
                let view = builder.view(row, &mut diagnostics);
                Some((view, diagnostics))
            })
            .collect();
        let mut views = Vec::with_capacity(built.len());
        for (view, mut diagnostics) in built {
            summary.count(&view);
            extra_diagnostics.append(&mut diagnostics);
            views.push(view);
        }
        terminal::render_resources(&views, batch_no == 0, color, out)?;
    }
    let mut report = builder.finish(Vec::new(), extra_diagnostics);
    summary.close(
        &report.diagnostics,
        workload.files.len(),
        workload.skipped_files,
    );
    report.summary = summary;
    terminal::render_tail(&report, threshold, color, out)?;
    Ok(report)
}
