//! # lightsail.instance-auto-snapshot: Lightsail instances take automatic snapshots
//!
//! ## Why this is your duty
//! A Lightsail instance is infrastructure: the server's disk and everything
//! on it are yours to back up. Lightsail takes daily snapshots only when you
//! enable the automatic snapshot add-on.
//!
//! ## What AWS already does
//! Stores the instance's disk redundantly; keeps the last seven daily
//! snapshots once automatic snapshots are on. They are off by default.
//!
//! ## Verdicts
//! - met: an `AddOns` / `add_on` entry of type `AutoSnapshot` whose status is
//!   `Enabled` (CloudFormation's default status for an add-on);
//! - not met: no such add-on, or its status is `Disabled`;
//! - unknown: the add-on type or status is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Web:
//!     Type: AWS::Lightsail::Instance
//!     Properties:
//!       InstanceName: web
//!       BlueprintId: amazon_linux_2023
//!       BundleId: nano_3_0
//!       AddOns:
//!         - AddOnType: AutoSnapshot
//!           Status: Enabled
//!           AutoSnapshotAddOnRequest:
//!             SnapshotTimeOfDay: "06:00"
//! ```
//! ```yaml fail
//! Resources:
//!   Web:
//!     Type: AWS::Lightsail::Instance
//!     Properties:
//!       InstanceName: web
//!       BlueprintId: amazon_linux_2023
//!       BundleId: nano_3_0
//! ```
//! ```hcl pass
//! resource "aws_lightsail_instance" "web" {
//!   name              = "web"
//!   availability_zone = "eu-west-1a"
//!   blueprint_id      = "amazon_linux_2023"
//!   bundle_id         = "nano_3_0"
//!   add_on {
//!     type          = "AutoSnapshot"
//!     snapshot_time = "06:00"
//!     status        = "Enabled"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_lightsail_instance" "web" {
//!   name              = "web"
//!   availability_zone = "eu-west-1a"
//!   blueprint_id      = "amazon_linux_2023"
//!   bundle_id         = "nano_3_0"
//!   add_on {
//!     type          = "AutoSnapshot"
//!     snapshot_time = "06:00"
//!     status        = "Disabled"
//!   }
//! }
//! ```

use crate::check::{get, get_in, items_cond, spelling};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "lightsail.instance-auto-snapshot",
    title: "Lightsail instances take automatic snapshots",
    duty: Duty::Backups,
    severity: Severity::Medium,
    cfn_types: &["AWS::Lightsail::Instance"],
    tf_types: &["aws_lightsail_instance"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let path = spelling(resource, "AddOns", "add_on");
    let (type_key, status_key) = if resource.format.is_terraform() {
        ("type", "status")
    } else {
        ("AddOnType", "Status")
    };
    let mut unknown = None;
    for (addon, conditional) in items_cond(get(resource, path)) {
        match get_in(addon, type_key).map(|n| (n, &n.value)) {
            Some((_, Value::String(t))) if t.eq_ignore_ascii_case("AutoSnapshot") => {}
            Some((n, Value::Unknown(w))) => {
                unknown.get_or_insert(Verdict::unknown(resource, n.span, path, w.clone()));
                continue;
            }
            _ => continue,
        }
        match get_in(addon, status_key).map(|n| (n, &n.value)) {
            None => {
                if !conditional {
                    return Verdict::met(resource, addon.span, path, "automatic snapshots are on");
                }
            }
            Some((n, Value::String(s))) if s.eq_ignore_ascii_case("Enabled") => {
                if !conditional {
                    return Verdict::met(resource, n.span, path, "automatic snapshots are on");
                }
            }
            Some((n, Value::Unknown(w))) => {
                unknown.get_or_insert(Verdict::unknown(resource, n.span, path, w.clone()));
            }
            Some((n, _)) => {
                return Verdict::not_met(
                    resource,
                    n.span,
                    path,
                    "the AutoSnapshot add-on is disabled",
                );
            }
        }
    }
    unknown.unwrap_or_else(|| {
        Verdict::missing(
            resource,
            path,
            "no AutoSnapshot add-on: automatic snapshots are off by default",
        )
    })
}
