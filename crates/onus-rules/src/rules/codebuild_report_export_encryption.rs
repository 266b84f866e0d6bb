//! # codebuild.report-export-encryption: CodeBuild report groups export results encrypted
//!
//! ## Why this is your duty
//! CodeBuild is abstracted: AWS keeps test and coverage reports and, when a
//! report group exports them, writes the raw results to your S3 bucket,
//! encrypted by default. The customer's duty is not to switch that off: the
//! results name your code, tests and sometimes data.
//!
//! ## What AWS already does
//! Encrypts exported report files with the report group's KMS key, or the
//! AWS managed key for S3, unless `EncryptionDisabled` is true.
//!
//! ## Verdicts
//! - met: `ExportConfig.S3Destination.EncryptionDisabled`
//!   (`export_config { s3_destination { encryption_disabled } }`) is absent
//!   or false;
//! - not met: true;
//! - unknown: the flag is not static;
//! - not applicable: the report group does not export (`NO_EXPORT`).
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Reports:
//!     Type: AWS::CodeBuild::ReportGroup
//!     Properties:
//!       Type: TEST
//!       ExportConfig:
//!         ExportConfigType: S3
//!         S3Destination:
//!           Bucket: reports-bucket
//! ```
//! ```yaml fail
//! Resources:
//!   Reports:
//!     Type: AWS::CodeBuild::ReportGroup
//!     Properties:
//!       Type: TEST
//!       ExportConfig:
//!         ExportConfigType: S3
//!         S3Destination:
//!           Bucket: reports-bucket
//!           EncryptionDisabled: true
//! ```
//! ```hcl pass
//! resource "aws_codebuild_report_group" "reports" {
//!   name = "reports"
//!   type = "TEST"
//!   export_config {
//!     type = "S3"
//!     s3_destination {
//!       bucket              = "reports-bucket"
//!       encryption_disabled = false
//!       encryption_key      = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_codebuild_report_group" "reports" {
//!   name = "reports"
//!   type = "TEST"
//!   export_config {
//!     type = "S3"
//!     s3_destination {
//!       bucket              = "reports-bucket"
//!       encryption_disabled = true
//!     }
//!   }
//! }
//! ```

use crate::check::{prop, require_bool};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "codebuild.report-export-encryption",
    title: "CodeBuild report groups export results encrypted",
    duty: Duty::EncryptionAtRest,
    severity: Severity::Medium,
    cfn_types: &["AWS::CodeBuild::ReportGroup"],
    tf_types: &["aws_codebuild_report_group"],
    reads: &[],
    controls: Controls {
        fsbp: &["CodeBuild.7"],
        config: &["CODEBUILD_REPORT_GROUP_ENCRYPTED_AT_REST"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let (kind, _) = prop(
        resource,
        "ExportConfig.ExportConfigType",
        "export_config.type",
    );
    if kind
        .and_then(|k| k.scalar_text())
        .is_some_and(|k| k.eq_ignore_ascii_case("NO_EXPORT"))
    {
        return Verdict::not_applicable(resource, "the report group exports nothing (NO_EXPORT)");
    }
    require_bool(
        resource,
        "ExportConfig.S3Destination.EncryptionDisabled",
        "export_config.s3_destination.encryption_disabled",
        false,
        false,
        "encrypted report exports",
    )
}
