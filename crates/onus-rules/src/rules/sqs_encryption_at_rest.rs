//! # sqs.encryption-at-rest: SQS queues encrypt messages at rest
//!
//! ## Why this is your duty
//! SQS is abstracted: AWS runs the queue and, since October 2022, encrypts new
//! queues with SQS-owned keys (SSE-SQS) by default. The remaining customer duty
//! is not to switch that off, or to choose a KMS key where your policy asks for one.
//!
//! ## What AWS already does
//! SSE-SQS on every queue created since October 2022 unless
//! `SqsManagedSseEnabled` is set to false; SSE-KMS with the key you name.
//!
//! ## Verdicts
//! - met: `KmsMasterKeyId` / `kms_master_key_id` is set, or SSE-SQS is on
//!   (explicitly, or by default when absent);
//! - not met: no KMS key and `SqsManagedSseEnabled: false` /
//!   `sqs_managed_sse_enabled = false`;
//! - unknown: the key or the flag comes from a value onus cannot resolve.
//!
//! A key set on only one branch of a condition counts only on that branch:
//! the other branch must then be covered by SSE-SQS.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Jobs:
//!     Type: AWS::SQS::Queue
//!     Properties:
//!       KmsMasterKeyId: alias/aws/sqs
//! ```
//! ```yaml pass
//! Resources:
//!   Jobs:
//!     Type: AWS::SQS::Queue
//! ```
//! ```yaml fail
//! Resources:
//!   Jobs:
//!     Type: AWS::SQS::Queue
//!     Properties:
//!       SqsManagedSseEnabled: false
//! ```
//! ```hcl pass
//! resource "aws_sqs_queue" "jobs" {
//!   name                    = "jobs"
//!   sqs_managed_sse_enabled = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_sqs_queue" "jobs" {
//!   name                    = "jobs"
//!   sqs_managed_sse_enabled = false
//! }
//! ```

use crate::check::{prop, require_bool, require_set};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, trivy};
use crate::verdict::{Status, Verdict};
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "sqs.encryption-at-rest",
    title: "SQS queues encrypt messages at rest",
    duty: Duty::EncryptionAtRest,
    severity: Severity::Medium,
    cfn_types: &["AWS::SQS::Queue"],
    tf_types: &["aws_sqs_queue"],
    reads: &[],
    controls: Controls {
        fsbp: &["SQS.1"],
        config: &[],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_27", Related),
        cfn_nag("W48", Related),
        trivy("AVD-AWS-0096", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    if prop(resource, "KmsMasterKeyId", "kms_master_key_id")
        .0
        .is_some()
    {
        let key = require_set(
            resource,
            "KmsMasterKeyId",
            "kms_master_key_id",
            "no KMS key",
        );
        if key.status != Status::NotMet {
            return key;
        }
        // Not set on some branch: that branch relies on SSE-SQS.
    }
    require_bool(
        resource,
        "SqsManagedSseEnabled",
        "sqs_managed_sse_enabled",
        true,
        true,
        "SSE-SQS encryption",
    )
}
