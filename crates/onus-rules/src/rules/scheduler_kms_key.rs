//! # scheduler.kms-key: EventBridge Scheduler schedules encrypt their payload with your KMS key
//!
//! ## Why this is your duty
//! EventBridge Scheduler is abstracted: AWS stores each schedule, including
//! the input it sends to the target (which may carry your data), encrypted
//! at rest. Which key protects it, who may use it and when it rotates is
//! the key-management duty, yours whenever your policy asks for keys you
//! control.
//!
//! ## What AWS already does
//! Encrypts schedules with an AWS owned key unless `KmsKeyArn` names a
//! customer managed key (Scheduler exists since November 2022).
//!
//! ## Verdicts
//! - met: `KmsKeyArn` / `kms_key_arn` names a customer managed key;
//! - not met: absent (AWS owned key), or an AWS managed key alias;
//! - unknown: the key is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Nightly:
//!     Type: AWS::Scheduler::Schedule
//!     Properties:
//!       ScheduleExpression: cron(0 2 * * ? *)
//!       FlexibleTimeWindow: {Mode: "OFF"}
//!       KmsKeyArn: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
//!       Target:
//!         Arn: arn:aws:lambda:eu-west-1:111122223333:function:report
//!         RoleArn: arn:aws:iam::111122223333:role/scheduler
//! ```
//! ```yaml fail
//! Resources:
//!   Nightly:
//!     Type: AWS::Scheduler::Schedule
//!     Properties:
//!       ScheduleExpression: cron(0 2 * * ? *)
//!       FlexibleTimeWindow: {Mode: "OFF"}
//!       Target:
//!         Arn: arn:aws:lambda:eu-west-1:111122223333:function:report
//!         RoleArn: arn:aws:iam::111122223333:role/scheduler
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "schedules" {}
//! resource "aws_scheduler_schedule" "nightly" {
//!   name                = "nightly"
//!   schedule_expression = "cron(0 2 * * ? *)"
//!   kms_key_arn         = aws_kms_key.schedules.arn
//!   flexible_time_window { mode = "OFF" }
//!   target {
//!     arn      = "arn:aws:lambda:eu-west-1:111122223333:function:report"
//!     role_arn = "arn:aws:iam::111122223333:role/scheduler"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_scheduler_schedule" "nightly" {
//!   name                = "nightly"
//!   schedule_expression = "cron(0 2 * * ? *)"
//!   flexible_time_window { mode = "OFF" }
//!   target {
//!     arn      = "arn:aws:lambda:eu-west-1:111122223333:function:report"
//!     role_arn = "arn:aws:iam::111122223333:role/scheduler"
//!   }
//! }
//! ```

use crate::check::require_customer_managed_key;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "scheduler.kms-key",
    title: "EventBridge Scheduler schedules are encrypted with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::Scheduler::Schedule"],
    tf_types: &["aws_scheduler_schedule"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_297", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_customer_managed_key(resource, "KmsKeyArn", "kms_key_arn", "an AWS owned key")
}
