//! # glue.security-configuration-encryption: Glue security configurations encrypt S3 output, logs and job bookmarks
//!
//! ## Why this is your duty
//! Glue is an abstracted service: AWS runs the Spark environment your jobs,
//! crawlers and development endpoints use, but what they write — data to S3,
//! logs to CloudWatch Logs, job bookmarks — is encrypted under your keys
//! only as the security configuration you attach says. Choosing encryption
//! for data your code produces is the customer's duty.
//!
//! ## What AWS already does
//! S3 buckets encrypt every new object with at least SSE-S3 since January
//! 2023, and CloudWatch Logs has always encrypted log data with service
//! keys, so both are encrypted at rest even when a mode is `DISABLED` (the
//! default when absent); `SSE-KMS` adds your own key, which is key
//! management. Job bookmarks are encrypted client-side with KMS only with
//! `CSE-KMS`.
//!
//! ## Verdicts
//! Reads `EncryptionConfiguration` (`encryption_configuration { ... }`):
//! - met: `JobBookmarksEncryption.JobBookmarksEncryptionMode` is `CSE-KMS`
//!   (Terraform `job_bookmarks_encryption.job_bookmarks_encryption_mode`),
//!   and the S3 and CloudWatch modes are valid (`SSE-KMS`, `SSE-S3` or
//!   `DISABLED` for S3; `SSE-KMS` or `DISABLED` for CloudWatch Logs) or
//!   absent;
//! - not met: job bookmarks `DISABLED` or absent (absent means `DISABLED`),
//!   or a mode Glue does not accept;
//! - unknown: a mode onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Key:
//!     Type: AWS::KMS::Key
//!   Security:
//!     Type: AWS::Glue::SecurityConfiguration
//!     Properties:
//!       Name: etl
//!       EncryptionConfiguration:
//!         S3Encryptions:
//!           - S3EncryptionMode: SSE-KMS
//!             KmsKeyArn: !GetAtt Key.Arn
//!         CloudWatchEncryption:
//!           CloudWatchEncryptionMode: SSE-KMS
//!           KmsKeyArn: !GetAtt Key.Arn
//!         JobBookmarksEncryption:
//!           JobBookmarksEncryptionMode: CSE-KMS
//!           KmsKeyArn: !GetAtt Key.Arn
//! ```
//! ```yaml fail
//! Resources:
//!   Security:
//!     Type: AWS::Glue::SecurityConfiguration
//!     Properties:
//!       Name: etl
//!       EncryptionConfiguration:
//!         S3Encryptions:
//!           - S3EncryptionMode: SSE-S3
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "etl" {}
//! resource "aws_glue_security_configuration" "etl" {
//!   name = "etl"
//!   encryption_configuration {
//!     cloudwatch_encryption {
//!       cloudwatch_encryption_mode = "SSE-KMS"
//!       kms_key_arn                = aws_kms_key.etl.arn
//!     }
//!     job_bookmarks_encryption {
//!       job_bookmarks_encryption_mode = "CSE-KMS"
//!       kms_key_arn                   = aws_kms_key.etl.arn
//!     }
//!     s3_encryption {
//!       s3_encryption_mode = "SSE-KMS"
//!       kms_key_arn        = aws_kms_key.etl.arn
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_glue_security_configuration" "etl" {
//!   name = "etl"
//!   encryption_configuration {
//!     cloudwatch_encryption {
//!       cloudwatch_encryption_mode = "DISABLED"
//!     }
//!     job_bookmarks_encryption {
//!       job_bookmarks_encryption_mode = "DISABLED"
//!     }
//!     s3_encryption {
//!       s3_encryption_mode = "SSE-S3"
//!     }
//!   }
//! }
//! ```
//! ```yaml pass
//! Resources:
//!   Security:
//!     Type: AWS::Glue::SecurityConfiguration
//!     Properties:
//!       Name: etl
//!       EncryptionConfiguration:
//!         S3Encryptions:
//!           - S3EncryptionMode: DISABLED
//!         JobBookmarksEncryption:
//!           JobBookmarksEncryptionMode: CSE-KMS
//!           KmsKeyArn: arn:aws:kms:eu-west-1:111122223333:key/abc
//! ```

use crate::check::{all_of, require_one_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "glue.security-configuration-encryption",
    title: "Glue security configuration encrypts S3 data, logs and job bookmarks",
    duty: Duty::EncryptionAtRest,
    severity: Severity::Medium,
    cfn_types: &["AWS::Glue::SecurityConfiguration"],
    tf_types: &["aws_glue_security_configuration"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_99", Related)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let verdicts = vec![
        require_one_of(
            resource,
            "EncryptionConfiguration.S3Encryptions.S3EncryptionMode",
            "encryption_configuration.s3_encryption.s3_encryption_mode",
            // DISABLED leaves objects to the bucket's default encryption.
            &["SSE-KMS", "SSE-S3", "DISABLED"],
            Some("DISABLED"),
            "S3 encryption",
        ),
        require_one_of(
            resource,
            "EncryptionConfiguration.CloudWatchEncryption.CloudWatchEncryptionMode",
            "encryption_configuration.cloudwatch_encryption.cloudwatch_encryption_mode",
            // CloudWatch Logs encrypts with service keys either way.
            &["SSE-KMS", "DISABLED"],
            Some("DISABLED"),
            "CloudWatch Logs encryption",
        ),
        require_one_of(
            resource,
            "EncryptionConfiguration.JobBookmarksEncryption.JobBookmarksEncryptionMode",
            "encryption_configuration.job_bookmarks_encryption.job_bookmarks_encryption_mode",
            &["CSE-KMS"],
            Some("DISABLED"),
            "job bookmark encryption",
        ),
    ];
    all_of(verdicts).unwrap_or_else(|| Verdict::not_applicable(resource, "no checks"))
}
