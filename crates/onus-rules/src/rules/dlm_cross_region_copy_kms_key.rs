//! # dlm.cross-region-copy-kms-key: Data Lifecycle Manager encrypts cross-Region copies with a key you manage
//!
//! ## Why this is your duty
//! Data Lifecycle Manager is an abstracted service: AWS copies your
//! snapshots and AMIs to other Regions, but which KMS key protects a copy,
//! who may use it and whether it can be disabled is the key-management part
//! of protecting your data, left to you.
//!
//! ## What AWS already does
//! Encrypts an encrypted copy with the target Region's default EBS key
//! (`aws/ebs`, an AWS managed key) unless the copy names `CmkArn`
//! (`cmk_arn`).
//!
//! ## Verdicts
//! Every cross-Region copy of the policy (schedules' copy rules and
//! event-based actions' copies, as in `dlm.cross-region-copy-encryption`):
//! - met: every copy names a KMS key in `CmkArn` (`cmk_arn`) that is not an
//!   AWS managed alias;
//! - not met: a copy without one (the `aws/ebs` key is used) or with an
//!   AWS managed key;
//! - not applicable: the policy copies nothing to another Region;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Snapshots:
//!     Type: AWS::DLM::LifecyclePolicy
//!     Properties:
//!       Description: daily
//!       State: ENABLED
//!       ExecutionRoleArn: arn:aws:iam::111122223333:role/dlm
//!       PolicyDetails:
//!         ResourceTypes: [VOLUME]
//!         TargetTags: [{Key: backup, Value: daily}]
//!         Schedules:
//!           - Name: daily
//!             CreateRule: {Interval: 24, IntervalUnit: HOURS}
//!             RetainRule: {Count: 7}
//!             CrossRegionCopyRules:
//!               - TargetRegion: eu-central-1
//!                 Encrypted: true
//!                 CmkArn: arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
//! ```
//! ```yaml fail
//! Resources:
//!   Snapshots:
//!     Type: AWS::DLM::LifecyclePolicy
//!     Properties:
//!       Description: daily
//!       State: ENABLED
//!       ExecutionRoleArn: arn:aws:iam::111122223333:role/dlm
//!       PolicyDetails:
//!         ResourceTypes: [VOLUME]
//!         TargetTags: [{Key: backup, Value: daily}]
//!         Schedules:
//!           - Name: daily
//!             CreateRule: {Interval: 24, IntervalUnit: HOURS}
//!             RetainRule: {Count: 7}
//!             CrossRegionCopyRules:
//!               - TargetRegion: eu-central-1
//!                 Encrypted: true
//! ```
//! ```hcl pass
//! resource "aws_dlm_lifecycle_policy" "daily" {
//!   description        = "daily"
//!   execution_role_arn = "arn:aws:iam::111122223333:role/dlm"
//!   policy_details {
//!     resource_types = ["VOLUME"]
//!     target_tags    = { backup = "daily" }
//!     schedule {
//!       name = "daily"
//!       create_rule {
//!         interval = 24
//!       }
//!       retain_rule {
//!         count = 7
//!       }
//!       cross_region_copy_rule {
//!         target    = "eu-central-1"
//!         encrypted = true
//!         cmk_arn   = aws_kms_key.copies.arn
//!       }
//!     }
//!   }
//! }
//! resource "aws_kms_key" "copies" {}
//! ```
//! ```hcl fail
//! resource "aws_dlm_lifecycle_policy" "copy" {
//!   description        = "copy shared snapshots"
//!   execution_role_arn = "arn:aws:iam::111122223333:role/dlm"
//!   policy_details {
//!     policy_type = "EVENT_BASED_POLICY"
//!     action {
//!       name = "copy"
//!       cross_region_copy {
//!         target = "eu-central-1"
//!         encryption_configuration {
//!           encrypted = true
//!         }
//!         retain_rule {
//!           interval      = 7
//!           interval_unit = "DAYS"
//!         }
//!       }
//!     }
//!     event_source {
//!       type = "MANAGED_CWE"
//!       parameters {
//!         description_regex = "^.*Created for policy: policy-1234567890abcdef0.*$"
//!         event_type        = "shareSnapshot"
//!         snapshot_owner    = ["111122223333"]
//!       }
//!     }
//!   }
//! }
//! ```

use crate::check::{Judgement, judge_customer_managed_key};
use crate::context::Context;
use crate::dlm::every_copy;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "dlm.cross-region-copy-kms-key",
    title: "Data Lifecycle Manager encrypts cross-Region copies with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::DLM::LifecyclePolicy"],
    tf_types: &["aws_dlm_lifecycle_policy"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_254", Same), checkov("CKV_AWS_256", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    const ABSENT: &str = "the target Region's AWS managed key aws/ebs";
    every_copy(
        resource,
        &mut |copy, key, path| match key {
            None => Judgement::no(
                copy.at,
                format!("{path} is not set: {ABSENT} is used, not a key you manage"),
            ),
            Some(node) => judge_customer_managed_key(node, path, ABSENT),
        },
        ("CmkArn", "cmk_arn"),
        "every cross-Region copy names a customer managed KMS key",
    )
}
