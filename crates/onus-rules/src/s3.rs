//! Shapes shared by the S3 rules: the four Block Public Access settings (on
//! buckets, access points, Multi-Region Access Points and the account) and
//! lifecycle configurations (general purpose and directory buckets).

use crate::check::{Judgement, all_of, get, is_text, judge, judge_items, require_bool, spelling};
use crate::context::Context;
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource};

/// The four settings, CloudFormation and Terraform spellings.
pub const BLOCK_FLAGS: [(&str, &str); 4] = [
    ("BlockPublicAcls", "block_public_acls"),
    ("BlockPublicPolicy", "block_public_policy"),
    ("IgnorePublicAcls", "ignore_public_acls"),
    ("RestrictPublicBuckets", "restrict_public_buckets"),
];

/// All four Block Public Access settings must be true. `cfn` / `tf` is the
/// path of the configuration block (empty: the settings are the resource's
/// own properties); `when_absent` is what AWS applies when the block is not
/// declared, `when_omitted` what a setting left out of a declared block is.
pub fn require_block_public_access(
    resource: &Resource,
    cfn: &str,
    tf: &str,
    when_absent: bool,
    when_omitted: bool,
) -> Verdict {
    let block = spelling(resource, cfn, tf);
    if !block.is_empty() && get(resource, block).is_none() {
        return if when_absent {
            Verdict::met_by_default(
                resource,
                block,
                format!("{block} is not set: all four settings default to true"),
            )
        } else {
            Verdict::missing(
                resource,
                block,
                format!("{block} is not set: public access is not blocked"),
            )
        };
    }
    let path = |flag: &str| {
        if block.is_empty() {
            flag.to_owned()
        } else {
            format!("{block}.{flag}")
        }
    };
    let verdicts = BLOCK_FLAGS
        .iter()
        .map(|(cfn_flag, tf_flag)| {
            let flag = spelling(resource, cfn_flag, tf_flag);
            let p = path(flag);
            require_bool(
                resource,
                &p,
                &p,
                true,
                when_omitted,
                &format!("blocking public access ({flag})"),
            )
        })
        .collect();
    all_of(verdicts).unwrap_or_else(|| Verdict::missing(resource, block, "no settings"))
}

/// An enabled lifecycle rule: CloudFormation `LifecycleConfiguration.Rules`
/// of the resource, or in Terraform an `aws_s3_bucket_lifecycle_configuration`
/// naming the bucket (`bucket` by reference or literal `name_attr`), or the
/// legacy inline `lifecycle_rule` blocks.
pub fn require_lifecycle(resource: &Resource, cx: &Context, name_attr: &str) -> Verdict {
    let met = "an enabled lifecycle rule";
    if resource.format.is_terraform() {
        let configs = cx.linked(
            resource,
            &["aws_s3_bucket_lifecycle_configuration"],
            "bucket",
            Some(name_attr),
        );
        if let Some(config) = configs.first() {
            return lifecycle_rules(config);
        }
        let inline = judge_items(resource, "", "lifecycle_rule", &mut inline_enabled, met);
        return inline.unwrap_or_else(|| {
            let types = ["aws_s3_bucket_lifecycle_configuration"];
            if let Some(v) = cx.unresolved_link(resource, &types, "bucket", Some(name_attr)) {
                return v;
            }
            Verdict::missing(
                resource,
                "aws_s3_bucket_lifecycle_configuration",
                "no aws_s3_bucket_lifecycle_configuration for this bucket: objects and old versions are kept until someone deletes them",
            )
        });
    }
    judge_items(
        resource,
        "LifecycleConfiguration.Rules",
        "",
        &mut status_is_enabled,
        met,
    )
    .unwrap_or_else(|| {
        Verdict::missing(
            resource,
            "LifecycleConfiguration",
            "LifecycleConfiguration has no rule: objects and old versions are kept until someone deletes them",
        )
    })
}

/// An `aws_s3_bucket_lifecycle_configuration`: one of its rules is enabled.
pub fn lifecycle_rules(config: &Resource) -> Verdict {
    judge_items(
        config,
        "",
        "rule",
        &mut status_is_enabled,
        "an enabled lifecycle rule",
    )
    .unwrap_or_else(|| Verdict::missing(config, "rule", "the lifecycle configuration has no rule"))
}

/// A lifecycle or replication rule whose `Status` / `status` is `Enabled`.
pub fn status_is_enabled(rule: &Node) -> Option<Judgement> {
    let key = if rule.get("Status").is_some() {
        "Status"
    } else {
        "status"
    };
    Some(match rule.get(key) {
        Some(status) => is_text(status, "Enabled", key),
        None => Judgement::no(rule, format!("a rule without {key}")),
    })
}

fn inline_enabled(rule: &Node) -> Option<Judgement> {
    Some(match rule.get("enabled") {
        Some(flag) => judge(flag, &mut |n| match n.as_bool() {
            Some(b) => Judgement::from_bool(b, n, || "lifecycle_rule.enabled is false"),
            None => Judgement::no(n, "lifecycle_rule.enabled is not a boolean"),
        }),
        None => Judgement::no(rule, "lifecycle_rule.enabled is not set"),
    })
}
