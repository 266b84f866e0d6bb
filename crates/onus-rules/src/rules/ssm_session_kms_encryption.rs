//! # ssm.session-kms-encryption: Session Manager sessions are encrypted with your KMS key
//!
//! ## Why this is your duty
//! Systems Manager is an abstracted service: AWS carries Session Manager
//! traffic over TLS 1.2. Encrypting the session data a second time with a KMS
//! key you control, so that opening a session needs your key policy's
//! permission and every use is logged, is a key-management choice that stays
//! yours.
//!
//! ## What AWS already does
//! Encrypts every session in transit with TLS 1.2. Session data is encrypted
//! with your key only when the account's Session Manager preferences
//! (the `SSM-SessionManagerRunShell` document, type `Session`) name one in
//! `inputs.kmsKeyId`.
//!
//! ## Verdicts
//! Judged on Session Manager preference documents (`DocumentType` /
//! `document_type` `Session`).
//! - met: `inputs.kmsKeyId` is set in the document's content;
//! - not met: it is not;
//! - unknown: the content is not static or not JSON (YAML text is not read);
//! - not applicable: documents of other types.
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
//!           kmsKeyId: alias/session-manager
//!           cloudWatchLogGroupName: /ssm/sessions
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
//!           cloudWatchLogGroupName: /ssm/sessions
//! ```
//! ```hcl pass
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
//! ```hcl fail
//! resource "aws_ssm_document" "preferences" {
//!   name          = "SSM-SessionManagerRunShell"
//!   document_type = "Session"
//!   content = jsonencode({
//!     schemaVersion = "1.0"
//!     sessionType   = "Standard_Stream"
//!     inputs        = { s3BucketName = "session-logs" }
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
    id: "ssm.session-kms-encryption",
    title: "Session Manager sessions are encrypted with a KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Medium,
    cfn_types: &["AWS::SSM::Document"],
    tf_types: &["aws_ssm_document"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_112", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let inputs = match session_inputs(resource) {
        Ok(inputs) => inputs,
        Err(v) => return v,
    };
    match get_in(&inputs, "kmsKeyId").filter(|k| !is_empty(k)) {
        Some(key) => Verdict::met(
            resource,
            key.span,
            "inputs.kmsKeyId",
            "sessions are encrypted with kmsKeyId",
        ),
        None => Verdict::not_met(
            resource,
            inputs.span,
            "inputs.kmsKeyId",
            "inputs.kmsKeyId is not set: session data is protected by TLS only, not by your key",
        ),
    }
}
