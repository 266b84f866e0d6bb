//! # ssm.session-logging: Session Manager sessions are logged
//!
//! ## Why this is your duty
//! Systems Manager is an abstracted service: AWS brokers each shell session
//! and records in CloudTrail that it started, but what was typed and printed
//! in it is recorded only where you send it. Session output is the audit
//! trail of interactive access to your instances.
//!
//! ## What AWS already does
//! Logs session starts and ends in CloudTrail; session content is kept only
//! when the Session Manager preferences (the `SSM-SessionManagerRunShell`
//! document, type `Session`) name an S3 bucket or a CloudWatch Logs group.
//!
//! ## Verdicts
//! Judged on Session Manager preference documents (`DocumentType` /
//! `document_type` `Session`).
//! - met: `inputs.s3BucketName` or `inputs.cloudWatchLogGroupName` is set;
//! - not met: neither is set;
//! - unknown: the content is not static or not JSON (YAML text is not read);
//! - not applicable: documents of other types.
//!
//! Checkov's CKV_AWS_113 also asks for `s3EncryptionEnabled` /
//! `cloudWatchEncryptionEnabled`; the destinations' own encryption is judged
//! by `s3.encryption-at-rest` and `logs.kms-encryption`.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Preferences:
//!     Type: AWS::SSM::Document
//!     Properties:
//!       Name: SSM-SessionManagerRunShell
//!       DocumentType: Session
//!       Content:
//!         schemaVersion: "1.0"
//!         sessionType: Standard_Stream
//!         inputs:
//!           cloudWatchLogGroupName: /ssm/sessions
//!           cloudWatchEncryptionEnabled: true
//! ```
//! ```yaml fail
//! Resources:
//!   Preferences:
//!     Type: AWS::SSM::Document
//!     Properties:
//!       Name: SSM-SessionManagerRunShell
//!       DocumentType: Session
//!       Content:
//!         schemaVersion: "1.0"
//!         sessionType: Standard_Stream
//!         inputs:
//!           idleSessionTimeout: "20"
//! ```
//! ```hcl pass
//! resource "aws_ssm_document" "preferences" {
//!   name          = "SSM-SessionManagerRunShell"
//!   document_type = "Session"
//!   content = jsonencode({
//!     schemaVersion = "1.0"
//!     sessionType   = "Standard_Stream"
//!     inputs        = { s3BucketName = "session-logs", s3EncryptionEnabled = true }
//!   })
//! }
//! ```
//! ```hcl fail
//! resource "aws_ssm_document" "preferences" {
//!   name          = "SSM-SessionManagerRunShell"
//!   document_type = "Session"
//!   content = jsonencode({
//!     schemaVersion = "1.0"
//!     sessionType   = "Standard_Stream"
//!     inputs        = { kmsKeyId = "alias/session-manager" }
//!   })
//! }
//! ```

use crate::check::{get_in, is_empty};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::ssm::session_inputs;
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ssm.session-logging",
    title: "Session Manager sessions are logged to S3 or CloudWatch Logs",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::SSM::Document"],
    tf_types: &["aws_ssm_document"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_113", Related)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let inputs = match session_inputs(resource) {
        Ok(inputs) => inputs,
        Err(v) => return v,
    };
    for key in ["cloudWatchLogGroupName", "s3BucketName"] {
        if let Some(dest) = get_in(&inputs, key).filter(|d| !is_empty(d)) {
            return Verdict::met(
                resource,
                dest.span,
                key,
                format!("sessions are logged ({key})"),
            );
        }
    }
    Verdict::not_met(
        resource,
        inputs.span,
        "inputs",
        "neither inputs.s3BucketName nor inputs.cloudWatchLogGroupName is set: session content is not recorded",
    )
}
