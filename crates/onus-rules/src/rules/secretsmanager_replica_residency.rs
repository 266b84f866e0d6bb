//! # secretsmanager.replica-residency: secret replicas stay in allowed Regions
//!
//! ## Why this is your duty
//! Secrets Manager is an abstracted service: AWS copies a secret to every
//! Region you list as a replica and keeps the copies in sync. Where your
//! credentials are stored is a data-residency choice only you make.
//!
//! ## What AWS already does
//! Keeps a secret in its own Region; it is replicated only to the Regions in
//! `ReplicaRegions` / `replica`.
//!
//! ## Verdicts
//! Only with `--allowed-regions`:
//! - met: every `ReplicaRegions[].Region` (`replica { region }`) is allowed;
//! - not met: a replica in another Region;
//! - unknown: a replica Region onus cannot resolve;
//! - not applicable: no allowed Regions given, or a secret without replicas.
//!
//! The secret's own Region is checked by `region.data-residency`.
//!
//! ## Examples
//! ```yaml pass allowed-regions=eu-west-1,eu-central-1
//! Resources:
//!   DbSecret:
//!     Type: AWS::SecretsManager::Secret
//!     Properties:
//!       ReplicaRegions:
//!         - Region: eu-central-1
//! ```
//! ```yaml fail allowed-regions=eu-west-1,eu-central-1
//! Resources:
//!   DbSecret:
//!     Type: AWS::SecretsManager::Secret
//!     Properties:
//!       ReplicaRegions:
//!         - Region: us-east-1
//! ```
//! ```hcl pass allowed-regions=eu-west-1,eu-central-1
//! resource "aws_secretsmanager_secret" "db" {
//!   name = "db"
//!   replica {
//!     region = "eu-central-1"
//!   }
//! }
//! ```
//! ```hcl fail allowed-regions=eu-west-1,eu-central-1
//! resource "aws_secretsmanager_secret" "db" {
//!   name = "db"
//!   replica {
//!     region = "us-east-1"
//!   }
//! }
//! ```

use crate::check::{items, prop};
use crate::context::Context;
use crate::residency::{Dest, dests_of, judge};
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "secretsmanager.replica-residency",
    title: "Secrets Manager replicas are in allowed Regions",
    duty: Duty::DataResidency,
    severity: Severity::High,
    cfn_types: &["AWS::SecretsManager::Secret"],
    tf_types: &["aws_secretsmanager_secret"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let (replicas, path) = prop(resource, "ReplicaRegions", "replica");
    let key = if resource.format.is_terraform() {
        "region"
    } else {
        "Region"
    };
    let mut dests: Vec<Dest> = Vec::new();
    for r in items(replicas) {
        match r.get(key) {
            Some(region) => dests_of(resource, region, cx, false, &mut dests),
            None => dests.push(Dest::Unknown(
                format!("a replica without {key}"),
                r.span,
                resource.file,
            )),
        }
    }
    judge(resource, cx, path, "secret replicas", &dests)
}
