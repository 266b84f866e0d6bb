//! The service catalog: every AWS service onus knows, its category and the
//! CloudFormation and Terraform types that belong to it.
//!
//! The data lives in `data/services.tsv`, embedded in the binary and parsed once,
//! on first use.

use crate::category::{Category, Layer, Owner};
use crate::decide::{self, CategoryDecision, Properties};
use crate::duty::Duty;
use serde::Serialize;
use std::sync::LazyLock;

const SERVICES_TSV: &str = include_str!("../data/services.tsv");

/// A duty whose owner for this service differs from its category's default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DutyOverride {
    /// The duty whose owner changes.
    pub duty: Duty,
    /// Who carries it for this service.
    pub owner: Owner,
    /// Why this service departs from its category's default.
    pub reason: String,
}

/// An AWS service: one row of `data/services.tsv`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Service {
    /// Official name, e.g. `Amazon S3`.
    pub name: String,
    /// Short and long names users type: `s3`, `Simple Storage Service`.
    pub aliases: Vec<String>,
    /// The category when nothing in a resource says otherwise.
    pub category: Category,
    /// CloudFormation type prefixes, e.g. `AWS::S3::`.
    pub cfn_prefixes: Vec<String>,
    /// Terraform resource type prefixes, e.g. `aws_s3_`.
    pub tf_prefixes: Vec<String>,
    /// Duties whose owner differs from the category's default for this service.
    pub overrides: Vec<DutyOverride>,
    /// Why the service is in its category.
    pub rationale: String,
    /// Source keys (see `docs/SOURCES.md`).
    pub sources: Vec<String>,
}

impl Service {
    /// A short id for use in rule ids and on the command line, e.g. `s3`.
    pub fn key(&self) -> &str {
        self.aliases
            .first()
            .map(String::as_str)
            .unwrap_or(&self.name)
    }

    /// True when the category depends on a resource's type or properties.
    pub fn category_varies(&self) -> bool {
        decide::has_rule(self.key())
    }

    /// The effective category of one resource of this service.
    pub fn category_for(&self, resource_type: &str, props: &dyn Properties) -> CategoryDecision {
        decide::decide(self, resource_type, props)
    }

    /// How the category is decided, for services where it varies.
    pub fn category_rule_doc(&self) -> Option<&'static str> {
        decide::rule_doc(self.key())
    }

    /// True when the row's rationale says the category depends on the resource
    /// (`VARIES[...]`): such a service must have a category rule.
    pub fn rationale_varies(&self) -> bool {
        self.rationale.contains("VARIES[")
    }

    /// The owner of `layer` for this service in `category`: the category's
    /// assignment, or the override of the layer's primary duty (with its reason).
    pub fn layer_owner(&self, layer: Layer, category: Category) -> (Owner, Option<&str>) {
        let primary = Duty::primary(layer);
        match self.overrides.iter().find(|o| o.duty == primary) {
            Some(o) => (o.owner, Some(o.reason.as_str())),
            None => (crate::matrix::assignment(category, layer).owner, None),
        }
    }

    /// The owner of `duty` for a resource of this service in `category`, with the
    /// service-specific reason when it differs from the category default.
    pub fn duty_owner(&self, duty: Duty, category: Category) -> (Owner, Option<&str>) {
        match self.overrides.iter().find(|o| o.duty == duty) {
            Some(o) => (o.owner, Some(o.reason.as_str())),
            None => (duty.owner(category), None),
        }
    }
}

/// The AWS services onus knows, with a longest-prefix index from resource types
/// to services. [`Catalog::get`] returns the embedded one.
#[derive(Debug)]
pub struct Catalog {
    services: Vec<Service>,
    /// (prefix, service index), longest prefix first.
    prefixes: Vec<(String, usize)>,
}

/// A problem in the catalog data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogError {
    /// The 1-based line of `services.tsv` at fault.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| match Catalog::parse(SERVICES_TSV) {
    Ok(catalog) => catalog,
    // The file is compiled in and validated by tests; a broken build is a bug.
    Err(e) => panic!("embedded services.tsv line {}: {}", e.line, e.message),
});

fn split_list(field: &str) -> Vec<String> {
    field
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty() && *s != "-")
        .map(str::to_owned)
        .collect()
}

/// Splits `duty=owner: reason; duty2=owner: reason` at the semicolons that
/// start a new `duty=owner:`, so reasons may contain semicolons themselves.
fn split_overrides(field: &str) -> Vec<String> {
    let starts_override = |segment: &str| {
        segment.split_once(':').is_some_and(|(head, _)| {
            head.split_once('=').is_some_and(|(duty, owner)| {
                let duty = duty.trim();
                !duty.is_empty()
                    && duty.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                    && !owner.trim().is_empty()
                    && !owner.trim().contains(' ')
            })
        })
    };
    let mut parts: Vec<String> = Vec::new();
    for segment in field.split(';') {
        match parts.last_mut() {
            Some(last) if !starts_override(segment) => {
                last.push(';');
                last.push_str(segment);
            }
            _ => parts.push(segment.to_owned()),
        }
    }
    parts
        .into_iter()
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty() && p != "-")
        .collect()
}

impl Catalog {
    /// The embedded catalog.
    pub fn get() -> &'static Catalog {
        &CATALOG
    }

    /// Parses the tab-separated catalog format (header line first).
    pub fn parse(text: &str) -> Result<Catalog, CatalogError> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b'\t')
            .quoting(false)
            .has_headers(true)
            .comment(Some(b'#'))
            .from_reader(text.as_bytes());
        let mut services = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| CatalogError {
                line: e.position().map(|p| p.line() as usize).unwrap_or(0),
                message: e.to_string(),
            })?;
            let line = record.position().map(|p| p.line() as usize).unwrap_or(0);
            let err = |message: String| CatalogError { line, message };
            if record.len() != 8 {
                return Err(err(format!("expected 8 columns, found {}", record.len())));
            }
            let field = |i: usize| record.get(i).unwrap_or("").trim();
            let category = Category::parse(field(2))
                .ok_or_else(|| err(format!("unknown category {:?}", field(2))))?;
            let mut overrides = Vec::new();
            for part in split_overrides(field(5)) {
                let part = part.as_str();
                // duty=owner: reason
                let (head, reason) = part
                    .split_once(':')
                    .ok_or_else(|| err(format!("override {part:?} needs `duty=owner: reason`")))?;
                let (duty, owner) = head
                    .split_once('=')
                    .ok_or_else(|| err(format!("override {part:?} needs `duty=owner: reason`")))?;
                overrides.push(DutyOverride {
                    duty: Duty::from_slug(duty.trim())
                        .ok_or_else(|| err(format!("unknown duty {duty:?}")))?,
                    owner: Owner::parse(owner)
                        .ok_or_else(|| err(format!("unknown owner {owner:?}")))?,
                    reason: reason.trim().to_owned(),
                });
            }
            services.push(Service {
                name: field(0).to_owned(),
                aliases: split_list(field(1)),
                category,
                cfn_prefixes: split_list(field(3)),
                tf_prefixes: split_list(field(4)),
                overrides,
                rationale: field(6).to_owned(),
                sources: field(7).split_whitespace().map(str::to_owned).collect(),
            });
        }
        let mut prefixes: Vec<(String, usize)> = services
            .iter()
            .enumerate()
            .flat_map(|(i, s)| {
                s.cfn_prefixes
                    .iter()
                    .chain(&s.tf_prefixes)
                    .map(move |p| (p.clone(), i))
            })
            .collect();
        prefixes.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        Ok(Catalog { services, prefixes })
    }

    /// Every service, in file order.
    pub fn services(&self) -> &[Service] {
        &self.services
    }

    /// The service a CloudFormation or Terraform resource type belongs to, by the
    /// longest matching prefix (`AWS::EC2::Volume` is EBS, `AWS::EC2::Instance` EC2).
    pub fn service_for_type(&self, resource_type: &str) -> Option<&Service> {
        self.prefixes
            .iter()
            .find(|(prefix, _)| resource_type.starts_with(prefix.as_str()))
            .map(|(_, i)| &self.services[*i])
    }

    /// A service by its name or one of its aliases, ignoring case.
    pub fn find_service(&self, query: &str) -> Option<&Service> {
        let query = query.trim();
        self.services.iter().find(|s| {
            s.name.eq_ignore_ascii_case(query)
                || s.aliases.iter().any(|a| a.eq_ignore_ascii_case(query))
        })
    }

    /// Service keys (for names and aliases close to `query`) and type prefixes
    /// close to `query`, by edit distance, best first. A type-like query is compared with each prefix over the prefix's
    /// length, so `AWS::S4::Bucket` finds `AWS::S3::`.
    pub fn suggest(&self, query: &str, limit: usize) -> Vec<String> {
        let query = query.trim().to_ascii_lowercase();
        let max_distance = |len: usize| match len {
            0..=3 => 1,
            4..=7 => 2,
            n => n / 3,
        };
        let mut scored: Vec<(usize, &str)> = Vec::new();
        for s in &self.services {
            for candidate in std::iter::once(&s.name).chain(&s.aliases) {
                let d = strsim::levenshtein(&query, &candidate.to_ascii_lowercase());
                if d <= max_distance(query.chars().count().max(candidate.len())) {
                    // Suggest what to type: the service's key.
                    scored.push((d, s.key()));
                }
            }
            for prefix in s.cfn_prefixes.iter().chain(&s.tf_prefixes) {
                let head: String = query.chars().take(prefix.chars().count()).collect();
                let d = strsim::levenshtein(&head, &prefix.to_ascii_lowercase());
                if d <= max_distance(prefix.len()).min(2) {
                    scored.push((d, prefix));
                }
            }
        }
        scored.sort();
        let mut out: Vec<String> = Vec::new();
        for (_, candidate) in scored {
            if !out.iter().any(|o| o == candidate) {
                out.push(candidate.to_owned());
            }
            if out.len() == limit {
                break;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::split_overrides;

    #[test]
    fn overrides_split_only_where_a_new_override_starts() {
        assert_eq!(
            split_overrides("os-patching=aws: no OS; AWS runs it; backups=shared: yours; too"),
            vec![
                "os-patching=aws: no OS; AWS runs it",
                "backups=shared: yours; too"
            ]
        );
        assert!(split_overrides("-").is_empty());
        assert!(split_overrides("").is_empty());
    }
}
