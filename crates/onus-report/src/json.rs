//! The JSON report, version 2 (`--format json`, `schemas/report.schema.json`).
//!
//! Version 1 repeated, in every duty of every resource, the duty's title and
//! layer, the owner's reason, and in every verdict the rule's title and
//! severity: twelve times the size of the scanned code. Version 2 describes
//! layers, duties and rules once, in dictionaries before the resources, and
//! owner reasons once, in a dictionary after them; resources refer to them by
//! id. Each resource is one line (a compact JSON object), so a diff or `grep`
//! of two reports shows one line per changed resource. Nothing of version 1
//! is lost: [`v1_from_v2`] rebuilds a version 1 document from a version 2 one
//! (and a test holds it to `--json-v1`'s output).

use crate::report::{DutyView, ExcerptLine, Location, Report, ResourceView, VerdictView};
use onus_model::{Duty, Layer};
use onus_rules::{DutyStatus, OwnerSource, Rule};
use serde::Serialize;
use serde::ser::{SerializeMap, SerializeStruct};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::fmt;

/// Version of this layout.
pub const SCHEMA_VERSION: u32 = 2;

/// The id of an owner's reason: `DUTY/CATEGORY` for the model's default for
/// a category, `DUTY/service/KEY` for a service's own split, with
/// `/undetermined` after it when the resource's category could not be
/// decided (the reason then says the strictest owner applies).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ReasonId {
    /// The duty.
    pub duty: Duty,
    /// Whether the owner comes from the category's default or the service's split.
    pub source: OwnerSource,
    /// The resource's category could not be decided.
    pub undetermined: bool,
}

impl fmt::Display for ReasonId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.source {
            OwnerSource::Category(c) => write!(f, "{}/{}", self.duty.slug(), c.as_str())?,
            OwnerSource::Service(key) => write!(f, "{}/service/{key}", self.duty.slug())?,
        }
        if self.undetermined {
            f.write_str("/undetermined")?;
        }
        Ok(())
    }
}

impl Serialize for ReasonId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A duty row's reason id.
fn reason_id(resource: &ResourceView, duty: &DutyView) -> ReasonId {
    ReasonId {
        duty: duty.duty,
        source: duty.owner_source,
        undetermined: resource.category.is_none(),
    }
}

/// The owner reasons met so far, by id, and the category reasons of the
/// services whose resources left theirs out, by service.
#[derive(Debug, Default)]
pub(crate) struct Reasons(
    HashMap<ReasonId, Cow<'static, str>>,
    HashMap<String, &'static str>,
);

/// The reason a resource's category has unless it says otherwise: its
/// service's, from the catalog (`category_reasons` in the report).
fn service_category_reason(r: &ResourceView) -> Option<&'static str> {
    thread_local! {
        // The catalog's lookup tries every type prefix: once per type.
        static BY_TYPE: std::cell::RefCell<HashMap<String, Option<&'static str>>> =
            std::cell::RefCell::default();
    }
    BY_TYPE.with_borrow_mut(|by_type| {
        if let Some(reason) = by_type.get(r.resource_type) {
            return *reason;
        }
        let reason = onus_model::Catalog::get()
            .service_for_type(r.resource_type)
            .map(|s| s.rationale.as_str());
        by_type.insert(r.resource_type.to_owned(), reason);
        reason
    })
}

/// A resource whose category reason is its service's: left out of its line.
fn is_default_category_reason(r: &ResourceView) -> bool {
    r.category_reason.is_some() && r.category_reason == service_category_reason(r)
}

impl Reasons {
    /// The reasons of some resources.
    pub(crate) fn of(views: &[ResourceView]) -> Reasons {
        let mut reasons = Reasons::default();
        for r in views {
            for d in r.duties.iter().filter(|d| !is_default_reason(r, d)) {
                reasons
                    .0
                    .entry(reason_id(r, d))
                    .or_insert_with(|| d.owner_reason.clone());
            }
            if let Some(service) = r.service
                && !reasons.1.contains_key(service)
                && is_default_category_reason(r)
                && let Some(reason) = service_category_reason(r)
            {
                reasons.1.insert(service.to_owned(), reason);
            }
        }
        reasons
    }

    pub(crate) fn merge(&mut self, other: Reasons) {
        for (id, text) in other.0 {
            self.0.entry(id).or_insert(text);
        }
        for (service, text) in other.1 {
            self.1.entry(service).or_insert(text);
        }
    }

    fn sorted(&self) -> BTreeMap<String, &str> {
        self.0
            .iter()
            .map(|(id, text)| (id.to_string(), text.as_ref()))
            .collect()
    }
}

/// The note a duty row has unless it says otherwise: its first verdict's
/// message when every rule said not applicable (why, e.g. no allowed
/// Regions given); "no onus rule checks ..." for a duty no rule reads for
/// the type; the duty's attest reason for one no code can show.
fn is_default_note(resource_type: &str, d: &DutyView) -> bool {
    let note = d.note.as_deref();
    if let Some(first) = d.verdicts.first()
        && d.verdicts
            .iter()
            .all(|v| v.status == onus_rules::Status::NotApplicable)
    {
        return note == Some(first.message.as_ref());
    }
    if d.uncovered {
        return note.is_some_and(|n| {
            n.strip_prefix("no onus rule checks ")
                .and_then(|n| n.strip_prefix(d.duty.slug()))
                .and_then(|n| n.strip_prefix(" for "))
                .and_then(|n| n.strip_prefix(resource_type))
                == Some(": sign it off")
        });
    }
    if d.status == DutyStatus::Attest {
        return note == d.duty.attest_reason();
    }
    note.is_none()
}

/// A resource as one compact line of the report.
struct ResourceLine<'a, 'w>(&'a ResourceView<'w>);

/// The source excerpts of a resource's findings, each once (several findings
/// often point at the same lines), and which one each verdict shows: by
/// duty, then verdict.
struct Excerpts<'a> {
    table: Vec<&'a [ExcerptLine]>,
    of: Vec<Vec<Option<usize>>>,
}

impl<'a> Excerpts<'a> {
    fn new(r: &'a ResourceView) -> Excerpts<'a> {
        let mut table: Vec<&'a [ExcerptLine]> = Vec::new();
        let of = r
            .duties
            .iter()
            .map(|d| {
                d.verdicts
                    .iter()
                    .map(|v| {
                        if v.excerpt.is_empty() {
                            return None;
                        }
                        Some(match table.iter().position(|e| *e == &v.excerpt[..]) {
                            Some(i) => i,
                            None => {
                                table.push(&v.excerpt);
                                table.len() - 1
                            }
                        })
                    })
                    .collect()
            })
            .collect();
        Excerpts { table, of }
    }
}

/// An excerpt: its first line's number and the lines.
struct Excerpt<'a>(&'a [ExcerptLine]);

impl Serialize for Excerpt<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Excerpt", 2)?;
        s.serialize_field("from", &self.0.first().map_or(0, |l| l.line))?;
        let lines: Vec<&str> = self.0.iter().map(|l| l.text.as_str()).collect();
        s.serialize_field("lines", &lines)?;
        s.end()
    }
}

impl Serialize for ResourceLine<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        let excerpts = Excerpts::new(r);
        let mut s = serializer.serialize_struct("Resource", 12)?;
        s.serialize_field("id", r.id)?;
        s.serialize_field("type", r.resource_type)?;
        match r.source_type {
            Some(t) => s.serialize_field("source_type", t)?,
            None => s.skip_field("source_type")?,
        }
        s.serialize_field("format", &r.format)?;
        s.serialize_field("location", &r.location)?;
        s.serialize_field("service", &r.service)?;
        s.serialize_field("category", &r.category)?;
        if is_default_category_reason(r) {
            s.skip_field("category_reason")?;
        } else {
            s.serialize_field("category_reason", &r.category_reason)?;
        }
        s.serialize_field("region", &r.region)?;
        match &r.stack {
            Some(stack) => s.serialize_field("stack", stack)?,
            None => s.skip_field("stack")?,
        }
        match &r.arn {
            Some(arn) => s.serialize_field("arn", arn)?,
            None => s.skip_field("arn")?,
        }
        s.serialize_field("duties", &Duties(r, &excerpts))?;
        if excerpts.table.is_empty() {
            s.skip_field("excerpts")?;
        } else {
            let table: Vec<Excerpt> = excerpts.table.iter().map(|e| Excerpt(e)).collect();
            s.serialize_field("excerpts", &table)?;
        }
        s.end()
    }
}

/// A resource's duties, by duty id, in the model's order.
struct Duties<'a, 'w>(&'a ResourceView<'w>, &'a Excerpts<'a>);

impl Serialize for Duties<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        let mut map = serializer.serialize_map(None)?;
        for (d, excerpts) in r.duties.iter().zip(&self.1.of) {
            if !says_nothing(r, d) {
                map.serialize_entry(d.duty.slug(), &DutyLine(r, d, excerpts))?;
            }
        }
        map.end()
    }
}

struct DutyLine<'a, 'w>(&'a ResourceView<'w>, &'a DutyView, &'a [Option<usize>]);

/// A row whose every field has its default (an inherited duty with the
/// model's owner and reason): left out of the resource's `duties`.
fn says_nothing(r: &ResourceView, d: &DutyView) -> bool {
    is_default_owner(r, d)
        && d.status == DutyStatus::Inherited
        && is_default_reason(r, d)
        && is_default_note(r.resource_type, d)
        && !d.uncovered
        && d.verdicts.is_empty()
}

/// The owner a row names when it gives none: the model's for the
/// resource's category.
fn is_default_owner(r: &ResourceView, d: &DutyView) -> bool {
    r.category.is_some_and(|c| d.owner == d.duty.owner(c))
}

/// The reason a row names when it gives none: the model's default for the
/// resource's category.
fn is_default_reason(r: &ResourceView, d: &DutyView) -> bool {
    r.category
        .is_some_and(|c| d.owner_source == OwnerSource::Category(c))
}

impl Serialize for DutyLine<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (r, d) = (self.0, self.1);
        let mut s = serializer.serialize_struct("Duty", 6)?;
        if is_default_owner(r, d) {
            s.skip_field("owner")?;
        } else {
            s.serialize_field("owner", &d.owner)?;
        }
        if d.status == DutyStatus::Inherited {
            s.skip_field("status")?;
        } else {
            s.serialize_field("status", &d.status)?;
        }
        if is_default_reason(r, d) {
            s.skip_field("owner_reason")?;
        } else {
            s.serialize_field("owner_reason", &reason_id(r, d))?;
        }
        if is_default_note(r.resource_type, d) {
            s.skip_field("note")?;
        } else {
            s.serialize_field("note", &d.note)?;
        }
        if d.uncovered {
            s.serialize_field("uncovered", &true)?;
        } else {
            s.skip_field("uncovered")?;
        }
        if d.verdicts.is_empty() {
            s.skip_field("verdicts")?;
        } else {
            let verdicts: Vec<VerdictLine> = d
                .verdicts
                .iter()
                .zip(self.2)
                .map(|(v, excerpt)| VerdictLine(&r.location, v, *excerpt, d.status))
                .collect();
            s.serialize_field("verdicts", &verdicts)?;
        }
        s.end()
    }
}

/// Not met or unknown: a verdict that carries its fingerprint (the others'
/// is [`fingerprint`] of their rule, resource file and id).
fn is_finding(status: onus_rules::Status) -> bool {
    matches!(
        status,
        onus_rules::Status::NotMet | onus_rules::Status::Unknown
    )
}

/// A verdict's fingerprint: FNV-1a (64 bits) of its rule id, its resource's
/// file and its resource's id, each followed by a zero byte, in 16 hex digits.
pub fn fingerprint(rule: &str, file: &str, id: &str) -> String {
    crate::report::fingerprint_of(&[rule, file, id]).to_string()
}

/// The status a verdict that is not a finding has unless it says otherwise:
/// met in a met row, else not applicable. Findings always say theirs.
fn usual_status(row: DutyStatus) -> onus_rules::Status {
    if row == DutyStatus::Met {
        onus_rules::Status::Met
    } else {
        onus_rules::Status::NotApplicable
    }
}

/// A verdict, in a row of the given status; its excerpt is one of its
/// resource's `excerpts`.
struct VerdictLine<'a>(&'a Location, &'a VerdictView, Option<usize>, DutyStatus);

impl Serialize for VerdictLine<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (at, v) = (self.0, self.1);
        let mut s = serializer.serialize_struct("Verdict", 9)?;
        s.serialize_field("rule", v.rule)?;
        if !is_finding(v.status) && v.status == usual_status(self.3) {
            s.skip_field("status")?;
        } else {
            s.serialize_field("status", &v.status)?;
        }
        s.serialize_field("message", &v.message)?;
        if v.path.is_empty() {
            s.skip_field("path")?;
        } else {
            s.serialize_field("path", &v.path)?;
        }
        if v.location == *at {
            s.skip_field("location")?;
        } else {
            s.serialize_field("location", &Place(at, &v.location))?;
        }
        match &v.unknown {
            Some(u) => s.serialize_field("unknown", u)?,
            None => s.skip_field("unknown")?,
        }
        if is_finding(v.status) {
            s.serialize_field("fingerprint", &v.fingerprint)?;
        } else {
            s.skip_field("fingerprint")?;
        }
        match &v.suppression {
            Some(x) => s.serialize_field("suppression", x)?,
            None => s.skip_field("suppression")?,
        }
        match self.2 {
            Some(i) => s.serialize_field("excerpt", &i)?,
            None => s.skip_field("excerpt")?,
        }
        s.end()
    }
}

/// A verdict's location: its file only when not the resource's.
struct Place<'a>(&'a Location, &'a Location);

impl Serialize for Place<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (resource, at) = (self.0, self.1);
        let mut s = serializer.serialize_struct("Location", 3)?;
        if at.file == resource.file {
            s.skip_field("file")?;
        } else {
            s.serialize_field("file", &at.file)?;
        }
        s.serialize_field("line", &at.line)?;
        s.serialize_field("column", &at.column)?;
        s.end()
    }
}

/// A dictionary at the top level: one entry a line, each value compact.
fn dictionary<V: Serialize>(
    out: &mut String,
    name: &str,
    entries: impl Iterator<Item = (&'static str, V)>,
) -> std::io::Result<()> {
    out.push_str(&format!("  {}: {{", serde_json::to_string(name)?));
    for (i, (key, value)) in entries.enumerate() {
        out.push_str(if i == 0 { "\n    " } else { ",\n    " });
        out.push_str(&serde_json::to_string(key)?);
        out.push_str(": ");
        out.push_str(&serde_json::to_string(&value)?);
    }
    out.push_str("\n  },\n");
    Ok(())
}

/// What comes before the resources (it does not depend on them), up to the
/// array's opening bracket: the version, and the layers, duties and rules of
/// the scan described once.
pub(crate) fn head(rules: &[&'static Rule]) -> std::io::Result<String> {
    #[derive(Serialize)]
    struct LayerAbout {
        title: &'static str,
    }
    #[derive(Serialize)]
    struct Owns {
        owner: onus_model::Owner,
        reason: &'static str,
    }
    #[derive(Serialize)]
    struct DutyAbout {
        title: &'static str,
        layer: Layer,
        #[serde(skip_serializing_if = "Option::is_none")]
        attest_reason: Option<&'static str>,
        /// The model's owner, and why, per category: what a duty row of a
        /// resource of that category has unless it says otherwise.
        owners: BTreeMap<&'static str, Owns>,
    }
    #[derive(Serialize)]
    struct RuleAbout {
        title: &'static str,
        severity: onus_rules::Severity,
        duty: Duty,
    }
    let mut rules: Vec<&Rule> = rules.to_vec();
    rules.sort_by_key(|r| r.id);
    rules.dedup_by_key(|r| r.id);
    let mut out = format!(
        "{{\n  \"schema_version\": {SCHEMA_VERSION},\n  \"tool\": \"onus\",\n  \"version\": {},\n",
        serde_json::to_string(env!("CARGO_PKG_VERSION"))?
    );
    let layers = Layer::ALL.map(|l| (l.slug(), LayerAbout { title: l.title() }));
    dictionary(&mut out, "layers", layers.into_iter())?;
    let duties = Duty::ALL.map(|d| {
        let owners = onus_model::Category::ALL
            .into_iter()
            .map(|c| {
                let owns = Owns {
                    owner: d.owner(c),
                    reason: d.reason(c),
                };
                (c.as_str(), owns)
            })
            .collect();
        let about = DutyAbout {
            title: d.title(),
            layer: d.layer(),
            attest_reason: d.attest_reason(),
            owners,
        };
        (d.slug(), about)
    });
    dictionary(&mut out, "duties", duties.into_iter())?;
    let rules = rules.into_iter().map(|r| {
        let about = RuleAbout {
            title: r.title,
            severity: r.severity,
            duty: r.duty,
        };
        (r.id, about)
    });
    dictionary(&mut out, "rules", rules)?;
    out.push_str("  \"resources\": [");
    Ok(out)
}

/// One resource's line, after `separator`.
pub(crate) fn line(view: &ResourceView, separator: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut text = Vec::with_capacity(4096);
    text.extend_from_slice(separator);
    text.extend_from_slice(b"    ");
    serde_json::to_writer(&mut text, &ResourceLine(view))?;
    Ok(text)
}

/// What follows the resources: `any` when some were written.
pub(crate) fn tail(
    report: &Report,
    reasons: &Reasons,
    any: bool,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    #[derive(Serialize)]
    struct Tail<'a> {
        category_reasons: BTreeMap<&'a str, &'a str>,
        owner_reasons: BTreeMap<String, &'a str>,
        diagnostics: &'a [crate::report::DiagnosticView],
        summary: &'a crate::report::Summary,
        incomplete: bool,
        notes: &'a [String],
        #[serde(skip_serializing_if = "Option::is_none")]
        live: Option<&'a crate::live::LiveSection>,
    }
    let tail = Tail {
        category_reasons: reasons.1.iter().map(|(k, v)| (k.as_str(), *v)).collect(),
        owner_reasons: reasons.sorted(),
        diagnostics: &report.diagnostics,
        summary: &report.summary,
        incomplete: report.incomplete,
        notes: &report.notes,
        live: report.live.as_ref(),
    };
    // Pretty, as the fields of the document: without the braces.
    let text = serde_json::to_string_pretty(&tail)?;
    let fields = text
        .strip_prefix("{\n")
        .and_then(|t| t.strip_suffix("\n}"))
        .ok_or_else(|| std::io::Error::other("report layout changed"))?;
    if any {
        out.write_all(b"\n  ")?;
    }
    out.write_all(b"],\n")?;
    out.write_all(fields.as_bytes())?;
    out.write_all(b"\n}\n")
}

/// The whole report as JSON version 2, `rules` being the rules of the scan.
pub fn render(
    report: &Report,
    rules: &[&'static Rule],
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    out.write_all(head(rules)?.as_bytes())?;
    for (i, r) in report.resources.iter().enumerate() {
        out.write_all(&line(r, if i == 0 { b"\n" } else { b",\n" })?)?;
    }
    let reasons = Reasons::of(&report.resources);
    tail(report, &reasons, !report.resources.is_empty(), out)
}

/// A version 1 document rebuilt from a version 2 one: every field version 1
/// has, with its value (titles, layers, severities and reasons looked up in
/// the dictionaries, notes and flags that version 2 leaves to their
/// defaults filled in). For consumers moving from version 1.
pub fn v1_from_v2(v2: &serde_json::Value) -> serde_json::Value {
    use serde_json::{Map, Value, json};
    let get = |v: &Value, key: &str| v.get(key).cloned().unwrap_or(Value::Null);
    let duties = &v2["duties"];
    let rules = &v2["rules"];
    let reasons = &v2["owner_reasons"];
    let empty = json!({});
    let resources: Vec<Value> = v2["resources"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            let mut out = Map::new();
            for key in [
                "id",
                "type",
                "source_type",
                "format",
                "location",
                "service",
                "category",
                "category_reason",
                "region",
                "stack",
            ] {
                if let Some(v) = r.get(key) {
                    out.insert(key.to_owned(), v.clone());
                }
            }
            if r.get("category_reason").is_none() {
                let service = r["service"].as_str().unwrap_or("");
                let reason = get(&v2["category_reasons"], service);
                out.insert("category_reason".into(), reason);
            }
            let kind = r["type"].as_str().unwrap_or("");
            // In the model's order (the order of the `duties` dictionary,
            // which a map without insertion order does not keep).
            let rows: Vec<Value> = Duty::ALL
                .iter()
                .map(|d| (d.slug(), r["duties"].get(d.slug()).unwrap_or(&empty)))
                .map(|(duty, d)| {
                    let uncovered = d["uncovered"].as_bool().unwrap_or(false);
                    let status = d.get("status").cloned().unwrap_or(json!("inherited"));
                    let usual = if status == "met" {
                        json!("met")
                    } else {
                        json!("not-applicable")
                    };
                    let status_of = |v: &Value| v.get("status").unwrap_or(&usual).clone();
                    let verdicts_v2 = d["verdicts"].as_array().map_or(&[][..], |v| &v[..]);
                    let not_applicable = !verdicts_v2.is_empty()
                        && verdicts_v2.iter().all(|v| status_of(v) == "not-applicable");
                    let note = match d.get("note") {
                        Some(note) => note.clone(),
                        None if not_applicable => get(&verdicts_v2[0], "message"),
                        None if uncovered => {
                            json!(format!(
                                "no onus rule checks {duty} for {kind}: sign it off"
                            ))
                        }
                        None if status == "attest" => get(&duties[duty], "attest_reason"),
                        None => Value::Null,
                    };
                    let verdicts: Vec<Value> = d["verdicts"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|v| {
                            let rule = &rules[v["rule"].as_str().unwrap_or("")];
                            let location = match v.get("location") {
                                None => r["location"].clone(),
                                Some(at) if at.get("file").is_none() => json!({
                                    "file": r["location"]["file"],
                                    "line": at["line"],
                                    "column": at["column"],
                                }),
                                Some(at) => at.clone(),
                            };
                            let mut out = Map::new();
                            out.insert("rule".into(), get(v, "rule"));
                            out.insert("title".into(), get(rule, "title"));
                            out.insert("severity".into(), get(rule, "severity"));
                            out.insert("status".into(), status_of(v));
                            out.insert("message".into(), get(v, "message"));
                            let path = v.get("path").cloned().unwrap_or(json!(""));
                            out.insert("path".into(), path);
                            let fingerprint = v.get("fingerprint").cloned().unwrap_or_else(|| {
                                let text = |v: &Value| v.as_str().unwrap_or("").to_owned();
                                json!(fingerprint(
                                    &text(&v["rule"]),
                                    &text(&r["location"]["file"]),
                                    &text(&r["id"]),
                                ))
                            });
                            out.insert("location".into(), location);
                            if let Some(x) = v.get("unknown") {
                                out.insert("unknown".into(), x.clone());
                            }
                            out.insert("fingerprint".into(), fingerprint);
                            if let Some(x) = v.get("suppression") {
                                out.insert("suppression".into(), x.clone());
                            }
                            if let Some(i) = v["excerpt"].as_u64() {
                                let excerpt = &r["excerpts"][i as usize];
                                let from = excerpt["from"].as_u64().unwrap_or(0);
                                let lines: Vec<Value> = excerpt["lines"]
                                    .as_array()
                                    .into_iter()
                                    .flatten()
                                    .zip(from..)
                                    .map(|(text, line)| json!({"line": line, "text": text}))
                                    .collect();
                                out.insert("excerpt".into(), json!(lines));
                            }
                            Value::Object(out)
                        })
                        .collect();
                    let mut row = Map::new();
                    row.insert("duty".into(), json!(duty));
                    row.insert("title".into(), get(&duties[duty], "title"));
                    row.insert("layer".into(), get(&duties[duty], "layer"));
                    let default = &duties[duty]["owners"][r["category"].as_str().unwrap_or("")];
                    let owner = d.get("owner").unwrap_or(&default["owner"]);
                    row.insert("owner".into(), owner.clone());
                    let reason = match d["owner_reason"].as_str() {
                        Some(id) => get(reasons, id),
                        None => get(default, "reason"),
                    };
                    row.insert("owner_reason".into(), reason);
                    row.insert("status".into(), status);
                    if !note.is_null() {
                        row.insert("note".into(), note);
                    }
                    row.insert("uncovered".into(), json!(uncovered));
                    row.insert("verdicts".into(), json!(verdicts));
                    Value::Object(row)
                })
                .collect();
            out.insert("duties".into(), json!(rows));
            Value::Object(out)
        })
        .collect();
    json!({
        "schema_version": 1,
        "tool": v2["tool"],
        "version": v2["version"],
        "resources": resources,
        "diagnostics": v2["diagnostics"],
        "summary": v2["summary"],
        "incomplete": v2["incomplete"],
        "notes": v2["notes"],
    })
}
