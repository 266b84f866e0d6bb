//! # dlm.cross-region-copy-encryption: Data Lifecycle Manager encrypts the snapshots it copies to other Regions
//!
//! ## Why this is your duty
//! Data Lifecycle Manager is an abstracted service: AWS runs the schedules
//! and copies your EBS snapshots and AMIs, but the copies are your data in
//! another Region, and whether a copy of an unencrypted snapshot is
//! encrypted is a policy setting: encrypting stored data is the customer's.
//!
//! ## What AWS already does
//! Copies of encrypted snapshots are always encrypted. A copy of an
//! unencrypted snapshot is encrypted only when the copy rule sets
//! `Encrypted` (`encrypted`; required by the API, CloudFormation and
//! Terraform) to true, or when the target Region has EBS encryption by
//! default turned on, which is an account setting outside this code.
//!
//! ## Verdicts
//! Every cross-Region copy of the policy: the schedules' copy rules
//! (`PolicyDetails.Schedules[].CrossRegionCopyRules[]`, Terraform
//! `policy_details { schedule { cross_region_copy_rule } }`) and the
//! event-based actions' copies (`PolicyDetails.Actions[].CrossRegionCopy[].EncryptionConfiguration`,
//! Terraform `action { cross_region_copy { encryption_configuration } }`):
//! - met: every copy sets `Encrypted: true`;
//! - not met: a copy with `Encrypted` false or absent (copies of
//!   unencrypted snapshots stay unencrypted);
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
//!                 Encrypted: false
//! ```
//! ```hcl pass
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
//! ```hcl fail
//! resource "aws_dlm_lifecycle_policy" "daily" {
//!   description        = "daily"
//!   execution_role_arn = "arn:aws:iam::111122223333:role/dlm"
//!   state              = "ENABLED"
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
//!         encrypted = false
//!       }
//!     }
//!   }
//! }
//! ```
//! ```hcl not-applicable
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
//!     }
//!   }
//! }
//! ```

use crate::check::{Judgement, judge};
use crate::context::Context;
use crate::dlm::every_copy;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "dlm.cross-region-copy-encryption",
    title: "Data Lifecycle Manager encrypts cross-Region copies",
    duty: Duty::EncryptionAtRest,
    severity: Severity::Medium,
    cfn_types: &["AWS::DLM::LifecyclePolicy"],
    tf_types: &["aws_dlm_lifecycle_policy"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_253", Same), checkov("CKV_AWS_255", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    every_copy(
        resource,
        &mut |copy, encrypted, path| match encrypted {
            None => Judgement::no(
                copy.at,
                format!("{path} is not set: copies of unencrypted snapshots stay unencrypted"),
            ),
            Some(node) => judge(node, &mut |n| match n.as_bool() {
                Some(b) => Judgement::from_bool(b, n, || {
                    format!("{path} is false: copies of unencrypted snapshots stay unencrypted")
                }),
                None => Judgement::no(n, format!("{path} is not a boolean")),
            }),
        },
        ("Encrypted", "encrypted"),
        "every cross-Region copy is encrypted",
    )
}
