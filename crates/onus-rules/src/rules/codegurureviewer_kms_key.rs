//! # codegurureviewer.kms-key: CodeGuru Reviewer associations encrypt your code with your KMS key
//!
//! ## Why this is your duty
//! CodeGuru Reviewer is abstracted: AWS copies the source code of the
//! repositories you associate to review it, and keeps it encrypted at rest.
//! Which key protects that copy, who may use it and when it rotates is the
//! key-management duty, yours whenever your policy asks for keys you
//! control.
//!
//! ## What AWS already does
//! Encrypts with an AWS owned key (`AWS_OWNED_CMK`, the default) unless the
//! association's `kms_key_details` choose `CUSTOMER_MANAGED_CMK` with a key.
//!
//! ## Verdicts
//! - met: `kms_key_details { encryption_option }` is `CUSTOMER_MANAGED_CMK`
//!   and `kms_key_id` names a key;
//! - not met: `AWS_OWNED_CMK` or absent;
//! - unknown: a value that is not static.
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_kms_key" "review" {}
//! resource "aws_codegurureviewer_repository_association" "app" {
//!   repository {
//!     codecommit {
//!       name = "app"
//!     }
//!   }
//!   kms_key_details {
//!     encryption_option = "CUSTOMER_MANAGED_CMK"
//!     kms_key_id        = aws_kms_key.review.key_id
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_codegurureviewer_repository_association" "app" {
//!   repository {
//!     codecommit {
//!       name = "app"
//!     }
//!   }
//! }
//! ```

use crate::check::{require_chosen_key, require_one_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "codegurureviewer.kms-key",
    title: "CodeGuru Reviewer repository associations are encrypted with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &[],
    tf_types: &["aws_codegurureviewer_repository_association"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_381", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let option = require_one_of(
        resource,
        "",
        "kms_key_details.encryption_option",
        &["CUSTOMER_MANAGED_CMK"],
        Some("AWS_OWNED_CMK"),
        "a key you manage",
    );
    require_chosen_key(
        resource,
        option,
        "",
        "kms_key_details.kms_key_id",
        "an AWS owned key",
    )
}
