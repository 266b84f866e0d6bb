//! # config.records-all-resources: the AWS Config recorder records every resource type, global ones included
//!
//! ## Why this is your duty
//! AWS Config is an abstracted service: AWS records configuration history,
//! but only of the resource types you tell the recorder to record. A recorder
//! limited to some types, or without the global IAM types (users, roles,
//! policies), leaves changes to the rest unrecorded: a gap in your audit trail.
//!
//! ## What AWS already does
//! With no recording group, records all supported Regional resource types,
//! but **not** the global IAM types (`IncludeGlobalResourceTypes` defaults to false).
//!
//! ## Verdicts
//! - met: all supported types (`AllSupported` / `all_supported` true or
//!   absent, and any `RecordingStrategy.UseOnly` is `ALL_SUPPORTED_RESOURCE_TYPES`)
//!   and `IncludeGlobalResourceTypes` / `include_global_resource_types` true;
//! - not met: a type list or exclusion strategy, or global types left out
//!   (if another Region's recorder records them, suppress here);
//! - unknown: a value is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Recorder:
//!     Type: AWS::Config::ConfigurationRecorder
//!     Properties:
//!       RoleARN: arn:aws:iam::111122223333:role/config
//!       RecordingGroup:
//!         AllSupported: true
//!         IncludeGlobalResourceTypes: true
//! ```
//! ```yaml fail
//! Resources:
//!   Recorder:
//!     Type: AWS::Config::ConfigurationRecorder
//!     Properties:
//!       RoleARN: arn:aws:iam::111122223333:role/config
//! ```
//! ```hcl pass
//! resource "aws_config_configuration_recorder" "main" {
//!   role_arn = "arn:aws:iam::111122223333:role/config"
//!   recording_group {
//!     all_supported                 = true
//!     include_global_resource_types = true
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_config_configuration_recorder" "main" {
//!   role_arn = "arn:aws:iam::111122223333:role/config"
//!   recording_group {
//!     all_supported  = false
//!     resource_types = ["AWS::S3::Bucket"]
//!   }
//! }
//! ```

use crate::check::{all_of, require_bool, require_one_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "config.records-all-resources",
    title: "The AWS Config recorder records all resource types, including global ones",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::Config::ConfigurationRecorder"],
    tf_types: &["aws_config_configuration_recorder"],
    reads: &[],
    controls: Controls {
        fsbp: &["Config.1"],
        config: &[],
        cis: &[],
    },
    peers: &[checkov("CKV2_AWS_48", Related)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let all = require_bool(
        resource,
        "RecordingGroup.AllSupported",
        "recording_group.all_supported",
        true,
        true,
        "all supported resource types recorded",
    );
    let strategy = require_one_of(
        resource,
        "RecordingGroup.RecordingStrategy.UseOnly",
        "recording_group.recording_strategy.use_only",
        &["ALL_SUPPORTED_RESOURCE_TYPES"],
        Some("ALL_SUPPORTED_RESOURCE_TYPES"),
        "all supported resource types recorded",
    );
    let global = require_bool(
        resource,
        "RecordingGroup.IncludeGlobalResourceTypes",
        "recording_group.include_global_resource_types",
        true,
        false,
        "global IAM resource types recorded",
    );
    all_of(vec![all, strategy, global])
        .unwrap_or_else(|| Verdict::not_applicable(resource, "nothing to judge"))
}
