//! # cloudtrail.management-events: CloudTrail trails record all read and write management events
//!
//! ## Why this is your duty
//! CloudTrail is an abstracted service: AWS records the API calls of your
//! account, but which of them a trail keeps is decided by its event
//! selectors. A trail that drops management events, or keeps only the read
//! or only the write ones, loses the record of who changed (or looked at)
//! your IAM policies, security groups and keys.
//!
//! ## What AWS already does
//! A trail without event selectors records every management event, read and
//! write. Declared selectors replace that default.
//!
//! ## Verdicts
//! Security Hub CloudTrail.1 asks for a multi-Region trail recording read and
//! write management events; the Regions are `cloudtrail.multi-region`.
//! - met: no event selectors; or an `EventSelectors` / `event_selector` entry
//!   with `IncludeManagementEvents` true (default) and `ReadWriteType` `All`
//!   (default); or an advanced selector whose field selectors match
//!   `eventCategory` `Management` without a `readOnly` filter;
//! - not met: selectors that exclude management events or keep only
//!   `ReadOnly` / `WriteOnly` ones;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Trail:
//!     Type: AWS::CloudTrail::Trail
//!     Properties:
//!       IsLogging: true
//!       S3BucketName: audit-logs
//!       EventSelectors:
//!         - ReadWriteType: All
//!           IncludeManagementEvents: true
//! ```
//! ```yaml fail
//! Resources:
//!   Trail:
//!     Type: AWS::CloudTrail::Trail
//!     Properties:
//!       IsLogging: true
//!       S3BucketName: audit-logs
//!       EventSelectors:
//!         - ReadWriteType: WriteOnly
//! ```
//! ```hcl pass
//! resource "aws_cloudtrail" "trail" {
//!   name           = "audit"
//!   s3_bucket_name = "audit-logs"
//!   advanced_event_selector {
//!     name = "management"
//!     field_selector {
//!       field  = "eventCategory"
//!       equals = ["Management"]
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_cloudtrail" "trail" {
//!   name           = "audit"
//!   s3_bucket_name = "audit-logs"
//!   event_selector {
//!     include_management_events = false
//!     data_resource {
//!       type   = "AWS::S3::Object"
//!       values = ["arn:aws:s3"]
//!     }
//!   }
//! }
//! ```

use crate::check::{Judgement, is_text, items, judge, judge_items, prop};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, guard};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "cloudtrail.management-events",
    title: "CloudTrail trails record all read and write management events",
    duty: Duty::Logging,
    severity: Severity::High,
    cfn_types: &["AWS::CloudTrail::Trail"],
    tf_types: &["aws_cloudtrail"],
    reads: &[],
    controls: Controls {
        fsbp: &["CloudTrail.1"],
        config: &["MULTI_REGION_CLOUD_TRAIL_ENABLED"],
        cis: &["3.1"],
    },
    peers: &[guard("MULTI_REGION_CLOUD_TRAIL_ENABLED", Related)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let tf = resource.format.is_terraform();
    let met = "all read and write management events are recorded";
    let (advanced, adv_path) = prop(
        resource,
        "AdvancedEventSelectors",
        "advanced_event_selector",
    );
    if advanced.is_some() {
        let mut pick = |sel: &Node| Some(advanced_management(sel, tf));
        return judge_items(
            resource,
            "AdvancedEventSelectors",
            "advanced_event_selector",
            &mut pick,
            met,
        )
        .unwrap_or_else(|| Verdict::missing(resource, adv_path, "no advanced event selector"));
    }
    let (classic, path) = prop(resource, "EventSelectors", "event_selector");
    if classic.is_none() {
        return Verdict::met_by_default(
            resource,
            path,
            "no event selectors: every read and write management event is recorded",
        );
    }
    let mut pick = |sel: &Node| Some(classic_management(sel, tf));
    judge_items(resource, "EventSelectors", "event_selector", &mut pick, met)
        .unwrap_or_else(|| Verdict::met_by_default(resource, path, "no event selectors"))
}

/// A classic selector keeping every management event.
fn classic_management(sel: &Node, tf: bool) -> Judgement {
    let (include, rw) = if tf {
        ("include_management_events", "read_write_type")
    } else {
        ("IncludeManagementEvents", "ReadWriteType")
    };
    if let Some(flag) = sel.get(include) {
        let j = judge(flag, &mut |n| match n.as_bool() {
            Some(b) => Judgement::from_bool(b, n, || format!("{include} is false")),
            None => Judgement::no(n, format!("{include} is not a boolean")),
        });
        if j != Judgement::Yes {
            return j;
        }
    }
    match sel.get(rw) {
        Some(t) => is_text(t, "All", rw),
        None => Judgement::Yes,
    }
}

/// An advanced selector matching management events, read and write alike.
fn advanced_management(sel: &Node, tf: bool) -> Judgement {
    let (list, field, equals) = if tf {
        ("field_selector", "field", "equals")
    } else {
        ("FieldSelectors", "Field", "Equals")
    };
    let fields = items(sel.get(list));
    let name_of = |f: &Node| f.get(field).and_then(Node::as_str).map(str::to_owned);
    if let Some(ro) = fields
        .iter()
        .find(|f| name_of(f).as_deref() == Some("readOnly"))
    {
        return Judgement::no(
            ro,
            "a readOnly field selector keeps only read or only write events",
        );
    }
    let category = fields
        .iter()
        .find(|f| name_of(f).as_deref() == Some("eventCategory"));
    match category.and_then(|c| c.get(equals)) {
        Some(values) => {
            let any = items(Some(values))
                .iter()
                .any(|v| v.as_str() == Some("Management"));
            Judgement::from_bool(any, values, || "the selector is not for management events")
        }
        None => Judgement::no(sel, "the selector does not select eventCategory Management"),
    }
}
