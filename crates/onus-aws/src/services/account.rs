//! The account resources (`AWS::Account`): one account-wide (the root user)
//! and one per Region (trails covering it, GuardDuty, Config, IAM Access
//! Analyzer, Security Hub), built from the facts the readers recorded.

use crate::model::{GLOBAL, LiveResource, unknown};
use crate::scan::Cx;
use serde_json::{Map, Value as Json, json};
use std::collections::BTreeMap;

/// Facts every account resource of a Region has, so a reader that never ran
/// (or failed before recording) shows as unknown rather than as "none".
const REGIONAL: &[&str] = &[
    "MultiRegionTrails",
    "GuardDuty",
    "ConfigRecorder",
    "AccessAnalyzers",
    "SecurityHub",
];
const ACCOUNT_WIDE: &[&str] = &["RootAccessKeysPresent", "RootMfaEnabled"];

pub fn account_resources(
    cx: &Cx,
    regions: &[String],
    mut facts: BTreeMap<String, Map<String, Json>>,
) -> Vec<LiveResource> {
    let account = cx.account();
    let mut out = Vec::new();
    let mut build = |region: &str, keys: &[&str], arn: String| {
        let mut p = facts.remove(region).unwrap_or_default();
        for key in keys {
            p.entry(key.to_string())
                .or_insert_with(|| unknown(format!("{key} was not read")));
        }
        p.insert("AccountId".into(), json!(account));
        out.push(LiveResource {
            arn,
            id: if region == GLOBAL {
                format!("account {account}")
            } else {
                format!("account {account} {region}")
            },
            resource_type: "AWS::Account",
            region: region.to_owned(),
            properties: Json::Object(p),
            tags: Vec::new(),
        });
    };
    let partition = cx.partition;
    build(
        GLOBAL,
        ACCOUNT_WIDE,
        format!("arn:{partition}:iam::{account}:root"),
    );
    for region in regions {
        let partition = crate::scan::partition(region);
        build(
            region,
            REGIONAL,
            format!("arn:{partition}::{region}:{account}:account"),
        );
    }
    out
}
