//! # account.cloudtrail-multi-region: a logging multi-Region trail covers the Region
//!
//! ## Why this is your duty
//! CloudTrail is an abstracted service: AWS records API calls, but keeping a
//! trail that delivers them (beyond the 90 days of Event history) for every
//! Region is yours. A Region no trail covers is where an attacker works
//! unrecorded.
//!
//! ## What AWS already does
//! Event history keeps 90 days of management events per Region, searchable
//! but not delivered anywhere; no trail exists until you create one.
//!
//! ## Verdicts
//! Follows the AWS Config rule `multi-region-cloudtrail-enabled` (Security Hub
//! CloudTrail.1, CIS 3.1). Judged only by a live scan (`onus scan --aws`), on
//! each Region's `AWS::Account` resource: the multi-Region trails CloudTrail
//! lists there (`DescribeTrails` with shadow trails), whether each is logging
//! (`GetTrailStatus`) and which management events its selectors record.
//! - met: a multi-Region trail is logging and records read and write
//!   management events;
//! - not met: no multi-Region trail, or none that is logging all management
//!   events;
//! - unknown: the trails or their status could not be read;
//! - not applicable: the account-wide resource.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Account:
//!     Type: AWS::Account
//!     Properties:
//!       MultiRegionTrails:
//!         - TrailName: org-trail
//!           IsLogging: true
//!           ManagementEvents: All
//! ```
//! ```yaml fail
//! Resources:
//!   Account:
//!     Type: AWS::Account
//!     Properties:
//!       MultiRegionTrails:
//!         - TrailName: org-trail
//!           IsLogging: false
//!           ManagementEvents: All
//! ```
//! ```yaml fail
//! Resources:
//!   Account:
//!     Type: AWS::Account
//!     Properties:
//!       MultiRegionTrails: []
//! ```

use crate::account::{judge_fact, text};
use crate::check::Judgement;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "account.cloudtrail-multi-region",
    title: "A logging multi-Region trail records management events",
    duty: Duty::Logging,
    severity: Severity::High,
    cfn_types: &["AWS::Account"],
    tf_types: &[],
    reads: &[],
    controls: Controls {
        fsbp: &["CloudTrail.1"],
        config: &["MULTI_REGION_CLOUD_TRAIL_ENABLED"],
        cis: &["3.1"],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    judge_fact(
        resource,
        "MultiRegionTrails",
        |n| {
            let trails = n.as_list().unwrap_or(&[]);
            let mut unknown = None;
            for t in trails {
                let logging = t.get("IsLogging");
                let events = t.get("ManagementEvents");
                for v in [logging, events].into_iter().flatten() {
                    if let Value::Unknown(why) = &v.value {
                        unknown.get_or_insert_with(|| Judgement::Unknown(v.span, why.clone()));
                    }
                }
                if logging.and_then(|l| l.as_bool()) == Some(true)
                    && events.and_then(|e| e.as_str()) == Some("All")
                {
                    return Judgement::Yes;
                }
            }
            unknown.unwrap_or_else(|| {
                let names: Vec<&str> = trails.iter().filter_map(|t| text(t, "TrailName")).collect();
                Judgement::no(
                    n,
                    if names.is_empty() {
                        "no multi-Region trail covers this Region".to_owned()
                    } else {
                        format!(
                            "no multi-Region trail here is logging all management events ({})",
                            names.join(", ")
                        )
                    },
                )
            })
        },
        "a multi-Region trail is logging read and write management events",
    )
}
