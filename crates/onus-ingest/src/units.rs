//! The units of a scan, read one at a time: a CloudFormation template, a
//! Terraform root with the modules it calls, or a plan. A scan that reads,
//! checks, reports and drops one unit after another holds only the units in
//! flight, whatever the size of the repository.
//!
//! Reports list files in the order of their display paths, and a unit may put
//! resources in files far from its own (a Terraform example calling `../..`).
//! So each unit gets a *key*: a lower bound of the display paths of every file
//! it may put a resource in, found before reading it (the paths of the
//! template and of the templates of its nested stacks, at any depth; the
//! directories of a Terraform root and of the local modules it names, found by
//! a textual scan of `source = "./..."`). Units are handed out in key order:
//! once the units up to key `k` are done, every file that sorts before `k` is
//! complete and can be reported.

use crate::discover::{self, Unit};
use crate::{Options, Workload, terraform};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Where the units of a scan come from: files on disk ([`Units`]), or another
/// reader producing workloads of the same model (e.g. one per account and
/// Region of a live scan). The pipeline that checks and reports units only
/// sees this.
pub trait Source: Sync {
    /// Number of units.
    fn len(&self) -> usize;

    /// True when there are no units.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A lower bound of the display path ([`crate::display_path`]) of every
    /// file unit `i` puts a resource in. Units come sorted by key.
    fn key(&self, i: usize) -> &str;

    /// About how much unit `i` holds (bytes of source), to size batches.
    fn weight(&self, i: usize) -> u64;

    /// Reads unit `i`. Its resources carry the unit's number
    /// ([`crate::Resource::unit`]), unique within the scan.
    fn read(&self, i: usize) -> Workload;

    /// True when unit `i` may hold a resource of the account-wide types it
    /// was asked about (such units are read once more, before the scan, to
    /// index those resources for the others).
    fn may_hold_account_wide(&self, _i: usize) -> bool {
        false
    }

    /// What is known before any unit is read: paths that could not be
    /// walked (as files with an error) and the count of files skipped.
    fn preamble(&self) -> Workload {
        Workload::default()
    }
}

/// One unit of a scan of files.
#[derive(Debug, Clone)]
pub struct UnitInfo {
    /// What to read.
    pub unit: Unit,
    /// Its position in discovery order: the [`crate::Resource::unit`] of
    /// its resources, the same as in [`crate::ingest`]'s merged workload.
    pub number: u32,
    /// See [`Source::key`].
    pub key: String,
    /// Some file it reads mentions one of the markers given to
    /// [`Units::discover`].
    pub marked: bool,
    /// Bytes of its files and of the modules it calls.
    pub bytes: u64,
}

/// The units found under the scanned paths, in key order.
pub struct Units {
    /// The units, in key order.
    pub list: Vec<UnitInfo>,
    /// Files looked at and skipped: not infrastructure code.
    pub skipped_files: usize,
    /// Paths that could not be walked or read.
    pub errors: Vec<(PathBuf, String)>,
    options: Options,
    modules: terraform::ModuleCache,
    /// The scan's templates, where nested stacks' templates are found.
    templates: crate::cfn::nested::Templates,
}

impl Units {
    /// Finds the units under `paths`, noting those whose files mention one
    /// of `markers` (resource type names, matched as text).
    pub fn discover(paths: &[PathBuf], options: &Options, markers: &[&str]) -> Units {
        let matcher = (!markers.is_empty())
            .then(|| aho_corasick::AhoCorasick::new(markers).ok())
            .flatten();
        let found = discover::discover_with(paths, options, matcher.as_ref());
        let dirs = DirScans {
            done: Mutex::default(),
            matcher: matcher.as_ref(),
        };
        let facts = &found.facts;
        let mut list: Vec<UnitInfo> = found
            .units
            .par_iter()
            .enumerate()
            .map(|(number, unit)| {
                let mut info = UnitInfo {
                    unit: unit.clone(),
                    number: number as u32,
                    key: String::new(),
                    marked: false,
                    bytes: 0,
                };
                let reach = match unit {
                    Unit::CloudFormation(path) => {
                        // The template and those of its nested stacks, at
                        // any depth: read through it.
                        info.key = crate::display_path(path);
                        let path = terraform::normalize(path);
                        let nested = discover::reached_from(&found.nested, [&path]);
                        for file in nested.iter().chain([&path]) {
                            let f = facts.get(file).cloned().unwrap_or_default();
                            info.marked |= f.marked;
                            info.bytes += f.bytes;
                            info.key = info.key.min(crate::display_path(file));
                        }
                        return info;
                    }
                    Unit::TerraformModule(dir) => dirs.reach(dir, &[]),
                    Unit::TerraformPlan(path) => {
                        let f = facts
                            .get(&terraform::normalize(path))
                            .cloned()
                            .unwrap_or_default();
                        let dir = path.parent().unwrap_or(Path::new("."));
                        let dir = if dir.as_os_str().is_empty() {
                            Path::new(".")
                        } else {
                            dir
                        };
                        let mut reach = dirs.reach(dir, &f.sources);
                        reach.marked |= f.marked;
                        reach.bytes += f.bytes;
                        let own = crate::display_path(path);
                        if own < reach.key {
                            reach.key = own;
                        }
                        reach
                    }
                };
                info.key = reach.key;
                info.marked = reach.marked;
                info.bytes = reach.bytes;
                info
            })
            .collect();
        list.sort_by(|a, b| a.key.cmp(&b.key).then(a.number.cmp(&b.number)));
        Units {
            list,
            skipped_files: found.skipped,
            errors: found.errors,
            options: options.clone(),
            modules: terraform::ModuleCache::default(),
            templates: found.templates,
        }
    }

    /// Reads one unit, as [`crate::ingest`] reads it.
    pub fn read_unit(&self, info: &UnitInfo) -> Workload {
        let mut part = crate::read_unit(&info.unit, &self.options, &self.modules, &self.templates);
        crate::enforce_limits(&mut part, &self.options.limits);
        for r in &mut part.resources {
            r.unit = info.number;
        }
        for s in &mut part.stacks {
            s.unit = info.number;
        }
        part
    }
}

impl Source for Units {
    fn len(&self) -> usize {
        self.list.len()
    }

    fn key(&self, i: usize) -> &str {
        &self.list[i].key
    }

    fn weight(&self, i: usize) -> u64 {
        self.list[i].bytes
    }

    fn read(&self, i: usize) -> Workload {
        self.read_unit(&self.list[i])
    }

    fn may_hold_account_wide(&self, i: usize) -> bool {
        self.list[i].marked
    }

    fn preamble(&self) -> Workload {
        let mut workload = Workload {
            skipped_files: self.skipped_files,
            ..Workload::default()
        };
        for (path, message) in &self.errors {
            let file = workload.add_file(path.clone(), None, "".into());
            workload.error(file, None, message.clone());
        }
        workload
    }
}

/// The key of the files of a directory: its display path and a `/`, or
/// nothing for the current directory (whose files show without a prefix).
fn dir_key(dir: &Path) -> String {
    let text = crate::display_path(dir);
    match text.as_str() {
        "" | "." => String::new(),
        _ if text.ends_with('/') => text,
        _ => text + "/",
    }
}

/// The string values of `source` attributes (`source = "..."` in HCL,
/// `"source": "..."` in JSON) in a text, found without parsing it.
pub(crate) fn module_sources(text: &str) -> impl Iterator<Item = &str> {
    text.match_indices("source").filter_map(move |(at, _)| {
        let rest = &text[at + "source".len()..];
        let rest = rest.strip_prefix('"').unwrap_or(rest);
        let rest = rest.trim_start_matches([' ', '\t']);
        let rest = rest.strip_prefix(['=', ':'])?;
        let rest = rest.trim_start_matches([' ', '\t']).strip_prefix('"')?;
        rest.find(['"', '\n']).map(|end| &rest[..end])
    })
}

/// What one directory of `.tf` (and `.tf.json`) files says about the units
/// that read it.
#[derive(Default)]
struct DirScan {
    /// Local module directories it calls.
    calls: Vec<PathBuf>,
    /// A local source onus cannot place without evaluating it (`${...}`).
    uncertain: bool,
    marked: bool,
    bytes: u64,
}

/// The directories a Terraform unit reads, and what they say.
struct Reach {
    key: String,
    marked: bool,
    bytes: u64,
}

/// Directory scans, shared by the units that read the same modules.
struct DirScans<'m> {
    done: Mutex<HashMap<PathBuf, Arc<DirScan>>>,
    matcher: Option<&'m aho_corasick::AhoCorasick>,
}

/// Directories followed from one root at most (a runaway or cyclic tree).
const MAX_REACH: usize = 1000;

impl DirScans<'_> {
    fn scan(&self, dir: &Path) -> Arc<DirScan> {
        if let Some(done) = self.done.lock().unwrap_or_else(|e| e.into_inner()).get(dir) {
            return done.clone();
        }
        let mut scan = DirScan::default();
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.retain(|p| {
            p.to_str()
                .is_some_and(|s| s.ends_with(".tf") || s.ends_with(".tf.json"))
                && p.is_file()
        });
        for path in files {
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            scan.bytes += text.len() as u64;
            scan.marked |= self.matcher.is_some_and(|m| m.is_match(&text));
            for source in module_sources(&text) {
                if source.contains("${") {
                    scan.uncertain = true;
                } else if source.starts_with("./") || source.starts_with("../") {
                    scan.calls.push(terraform::normalize(&dir.join(source)));
                }
            }
        }
        let scan = Arc::new(scan);
        self.done
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(dir.to_path_buf(), scan.clone());
        scan
    }

    /// Everything a Terraform root in `root` (or a plan beside it, naming
    /// `extra` sources) may read: its directory, the local modules called
    /// from there on, and the modules of `.terraform/modules/modules.json`.
    fn reach(&self, root: &Path, extra: &[String]) -> Reach {
        let mut todo: Vec<PathBuf> = vec![root.to_path_buf()];
        todo.extend(terraform::modules_json_dirs(root));
        let mut uncertain = false;
        for source in extra {
            if source.contains("${") {
                uncertain = true;
            } else if source.starts_with("./") || source.starts_with("../") {
                todo.push(terraform::normalize(&root.join(source)));
            }
        }
        let mut seen = HashSet::new();
        let mut reach = Reach {
            key: dir_key(root),
            marked: false,
            bytes: 0,
        };
        while let Some(dir) = todo.pop() {
            if seen.len() >= MAX_REACH || !seen.insert(dir.clone()) {
                continue;
            }
            let key = dir_key(&dir);
            if key < reach.key {
                reach.key = key;
            }
            let scan = self.scan(&dir);
            uncertain |= scan.uncertain;
            reach.marked |= scan.marked;
            reach.bytes += scan.bytes;
            todo.extend(scan.calls.iter().cloned());
        }
        if uncertain {
            // Any file may be read: first in line, so nothing is reported
            // before it is done.
            reach.key = String::new();
        }
        reach
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_sources_are_found_in_hcl_and_json() {
        let hcl =
            "module \"a\" {\n  source = \"../mod\"\n}\nmodule \"b\" {\n  source=\"./b\" # x\n}\n";
        assert_eq!(module_sources(hcl).collect::<Vec<_>>(), ["../mod", "./b"]);
        let json = r#"{"module": {"a": {"source": "../../x", "version": "1"}}}"#;
        assert_eq!(module_sources(json).collect::<Vec<_>>(), ["../../x"]);
        assert_eq!(module_sources("datasource = 1").count(), 0);
    }

    #[test]
    fn line_index_lines_are_those_of_str_lines() {
        for text in ["", "a", "a\n", "a\r\nb", "a\n\nb\r\n", "\n", "x\ry\n\r"] {
            let index = crate::LineIndex::new(text.into());
            let lines: Vec<&str> = (0..index.line_count())
                .map(|i| index.line(i).unwrap())
                .collect();
            assert_eq!(lines, text.lines().collect::<Vec<_>>(), "{text:?}");
            assert_eq!(index.line(index.line_count()), None);
        }
    }

    #[test]
    fn directory_keys_prefix_their_files() {
        assert_eq!(dir_key(Path::new(".")), "");
        assert_eq!(dir_key(Path::new("./a/b")), "a/b/");
        let file = crate::display_path(&Path::new("./a/b").join("main.tf"));
        assert!(file.starts_with(&dir_key(Path::new("./a/b"))));
    }
}

/// What `onus scan --parse-only` reports: every unit read, counted and
/// dropped (units in parallel), with files and diagnostics counted once as
/// [`crate::ingest`]'s merged workload holds them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parsed {
    /// Files read.
    pub files: usize,
    /// Resources read.
    pub resources: usize,
    /// Diagnostics about the input files.
    pub diagnostics: usize,
    /// Some file could not be read completely.
    pub incomplete: bool,
}

/// Reads every unit (in parallel), counts what it holds and drops it:
/// `onus scan --parse-only`.
pub fn parse_only(units: &Units) -> Parsed {
    /// One unit's files, resource count, diagnostics and whether one is an
    /// error.
    type Seen = (
        Vec<PathBuf>,
        usize,
        Vec<(PathBuf, Option<crate::Span>, String)>,
        bool,
    );
    let seen = |w: Workload| -> Seen {
        let path = |id: crate::FileId| w.files[id.0 as usize].path.clone();
        let diagnostics = w
            .diagnostics
            .iter()
            .map(|d| (path(d.file), d.span, d.message.clone()))
            .collect();
        let files = w.files.iter().map(|f| f.path.clone()).collect();
        (files, w.resources.len(), diagnostics, w.incomplete())
    };
    let mut parts: Vec<Seen> = (0..units.len())
        .into_par_iter()
        .map(|i| seen(units.read(i)))
        .collect();
    parts.push(seen(units.preamble()));
    let mut parsed = Parsed {
        files: 0,
        resources: 0,
        diagnostics: 0,
        incomplete: false,
    };
    let mut files = HashSet::new();
    let mut diagnostics = HashSet::new();
    for (f, resources, d, incomplete) in parts {
        files.extend(f);
        diagnostics.extend(d);
        parsed.resources += resources;
        parsed.incomplete |= incomplete;
    }
    parsed.files = files.len();
    parsed.diagnostics = diagnostics.len();
    parsed
}
