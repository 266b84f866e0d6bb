//! # config.recorder-enabled: the AWS Config recorder has a delivery channel and is running
//!
//! ## Why this is your duty
//! AWS Config is an abstracted service: AWS stores what the recorder sees,
//! but a recorder records nothing until it has a delivery channel (the S3
//! bucket that receives history and snapshots) and is started. Both are
//! your configuration.
//!
//! ## What AWS already does
//! Records and delivers configuration items once the recorder runs.
//! CloudFormation starts a recorder when a delivery channel exists; Terraform
//! starts it only with an `aws_config_configuration_recorder_status` whose
//! `is_enabled` is true.
//!
//! ## Verdicts
//! Judged on each recorder, against the delivery channels (and, in
//! Terraform, recorder statuses) of the same template or module.
//! - met: a delivery channel exists, and in Terraform a recorder status names
//!   this recorder with `is_enabled = true`;
//! - not met: no delivery channel, or (Terraform) no enabled recorder status;
//! - unknown: the status's `is_enabled` is not static.
//!
//! A recorder read from the account (`onus scan --aws`) is met when a delivery
//! channel exists and the recorder is recording.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Recorder:
//!     Type: AWS::Config::ConfigurationRecorder
//!     Properties:
//!       RoleARN: arn:aws:iam::111122223333:role/config
//!   Channel:
//!     Type: AWS::Config::DeliveryChannel
//!     Properties:
//!       S3BucketName: config-history
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
//!   name     = "main"
//!   role_arn = "arn:aws:iam::111122223333:role/config"
//! }
//! resource "aws_config_delivery_channel" "main" {
//!   name           = "main"
//!   s3_bucket_name = "config-history"
//!   depends_on     = [aws_config_configuration_recorder.main]
//! }
//! resource "aws_config_configuration_recorder_status" "main" {
//!   name       = aws_config_configuration_recorder.main.name
//!   is_enabled = true
//!   depends_on = [aws_config_delivery_channel.main]
//! }
//! ```
//! ```hcl fail
//! resource "aws_config_configuration_recorder" "main" {
//!   name     = "main"
//!   role_arn = "arn:aws:iam::111122223333:role/config"
//! }
//! resource "aws_config_delivery_channel" "main" {
//!   name           = "main"
//!   s3_bucket_name = "config-history"
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "config.recorder-enabled",
    title: "The AWS Config recorder has a delivery channel and is started",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::Config::ConfigurationRecorder"],
    tf_types: &["aws_config_configuration_recorder"],
    reads: &[
        "AWS::Config::DeliveryChannel",
        "aws_config_delivery_channel",
        "aws_config_configuration_recorder_status",
    ],
    controls: Controls {
        fsbp: &["Config.1"],
        config: &[],
        cis: &[],
    },
    peers: &[checkov("CKV2_AWS_45", Related)],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let tf = resource.format.is_terraform();
    let channel_type = if tf {
        "aws_config_delivery_channel"
    } else {
        "AWS::Config::DeliveryChannel"
    };
    let has_channel = cx.in_scope(resource, &[channel_type]).next().is_some();
    if !has_channel {
        return Verdict::missing(
            resource,
            channel_type,
            format!(
                "no {channel_type} in this {}: the recorder records nothing without one",
                if tf { "module" } else { "template" }
            ),
        );
    }
    if resource.format.is_live() {
        // A deployed recorder says whether it runs.
        return require_bool(
            resource,
            "Recording",
            "",
            true,
            false,
            "the recorder is started",
        );
    }
    if !tf {
        return Verdict::met_by_default(
            resource,
            "",
            "a delivery channel exists: CloudFormation starts the recorder",
        );
    }
    let statuses = cx.linked(
        resource,
        &["aws_config_configuration_recorder_status"],
        "name",
        Some("name"),
    );
    match statuses.first() {
        Some(status) => {
            let mut v = require_bool(
                status,
                "",
                "is_enabled",
                true,
                false,
                "the recorder is started",
            );
            if v.span == status.name_span {
                v.file = resource.file;
                v.span = resource.name_span;
            }
            v.message = format!("{}: {}", status.id, v.message).into();
            v
        }
        None => Verdict::missing(
            resource,
            "aws_config_configuration_recorder_status",
            "no aws_config_configuration_recorder_status starts this recorder: Terraform creates it stopped",
        ),
    }
}
