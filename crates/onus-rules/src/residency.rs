//! Data residency of copies: where replicas, replication destinations and
//! backup copies of a resource go, judged against `--allowed-regions`.

use crate::context::Context;
use crate::verdict::Verdict;
use onus_ingest::{FileId, Node, Region, Resource, Span, Value};

/// Where one copy goes.
#[derive(Debug, Clone)]
pub enum Dest {
    /// Region known, from the value at this span of this file.
    Known(String, Span, FileId),
    /// Region not known statically: why, and where.
    Unknown(String, Span, FileId),
}

/// The Region of an ARN (`arn:aws:backup:eu-west-1:123:backup-vault:v`):
/// `Some("")` for ARNs without one (S3 buckets), `None` when not an ARN.
pub fn arn_region(arn: &str) -> Option<&str> {
    let mut parts = arn.splitn(6, ':');
    if parts.next()? != "arn" {
        return None;
    }
    let _partition = parts.next()?;
    let _service = parts.next()?;
    let region = parts.next()?;
    parts.next()?;
    Some(region)
}

/// The Region of the resource a reference points at.
pub fn region_of_ref(from: &Resource, node: &Node, cx: &Context) -> Dest {
    match cx.resolve(from, node) {
        Some(target) => match &target.region {
            Region::Known(r) => Dest::Known(r.clone(), node.span, from.file),
            Region::Unknown(why) => Dest::Unknown(
                format!("the Region of {}: {why}", target.id),
                node.span,
                from.file,
            ),
        },
        None => Dest::Unknown(
            "a reference onus cannot follow".into(),
            node.span,
            from.file,
        ),
    }
}

/// Judges every destination: each must be in an allowed Region. With no
/// allowed Regions set, or no destinations, not applicable.
pub fn judge(resource: &Resource, cx: &Context, path: &str, what: &str, dests: &[Dest]) -> Verdict {
    let Some(allowed) = &cx.settings.allowed_regions else {
        return Verdict::not_applicable(
            resource,
            format!("no allowed Regions given (--allowed-regions): check where {what} go yourself"),
        );
    };
    if dests.is_empty() {
        return Verdict::not_applicable(resource, format!("no {what}"));
    }
    let mut unknown = None;
    for d in dests {
        match d {
            Dest::Known(r, span, file) if !allowed.iter().any(|a| a == r) => {
                let mut v = Verdict::not_met(
                    resource,
                    *span,
                    path,
                    format!(
                        "{what} go to {r}, outside the allowed Regions ({})",
                        allowed.join(", ")
                    ),
                );
                v.file = *file;
                return v;
            }
            Dest::Known(..) => {}
            Dest::Unknown(why, span, file) => {
                unknown.get_or_insert_with(|| {
                    let mut v = Verdict::unknown(resource, *span, path, why.clone());
                    v.file = *file;
                    v
                });
            }
        }
    }
    if let Some(u) = unknown {
        return u;
    }
    let regions: Vec<&str> = dests
        .iter()
        .filter_map(|d| match d {
            Dest::Known(r, _, _) => Some(r.as_str()),
            Dest::Unknown(..) => None,
        })
        .collect();
    let (span, file) = match &dests[0] {
        Dest::Known(_, s, f) | Dest::Unknown(_, s, f) => (*s, *f),
    };
    let mut v = Verdict::met(
        resource,
        span,
        path,
        format!("{what} stay in allowed Regions ({})", regions.join(", ")),
    );
    v.file = file;
    v
}

/// A destination given as a node: a literal ARN with a Region, a literal
/// Region name (`region_arn = false`), a reference to a resource in the
/// workload, or an unresolved value. `Either` yields every branch.
pub fn dests_of(
    from: &Resource,
    node: &Node,
    cx: &Context,
    literal_is_arn: bool,
    out: &mut Vec<Dest>,
) {
    match &node.value {
        Value::String(s) if !literal_is_arn => {
            out.push(Dest::Known(s.clone(), node.span, from.file))
        }
        Value::String(s) => match arn_region(s) {
            Some(r) if !r.is_empty() => out.push(Dest::Known(r.to_owned(), node.span, from.file)),
            _ => out.push(Dest::Unknown(
                format!("the Region of {s:?}"),
                node.span,
                from.file,
            )),
        },
        Value::Ref(_) => out.push(region_of_ref(from, node, cx)),
        Value::Either(branches) => branches
            .iter()
            .for_each(|b| dests_of(from, b, cx, literal_is_arn, out)),
        Value::Unknown(w) => out.push(Dest::Unknown(w.clone(), node.span, from.file)),
        _ => out.push(Dest::Unknown(
            "not a plain value".into(),
            node.span,
            from.file,
        )),
    }
}
