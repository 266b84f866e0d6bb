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
//! S3 buckets apply their default encryption (SSE-S3 at least) and CloudWatch
//! Logs encrypts log data with service keys even when a mode is `DISABLED`;
//! job bookmarks are encrypted client-side with KMS only with `CSE-KMS`.
//!
//! ## Verdicts
//! Reads `EncryptionConfiguration` (`encryption_configuration { ... }`):
//! - met: `S3Encryptions.S3EncryptionMode` is `SSE-KMS` or `SSE-S3`,
//!   `CloudWatchEncryption.CloudWatchEncryptionMode` is `SSE-KMS` and
//!   `JobBookmarksEncryption.JobBookmarksEncryptionMode` is `CSE-KMS`
//!   (Terraform `s3_encryption.s3_encryption_mode`,
//!   `cloudwatch_encryption.cloudwatch_encryption_mode`,
//!   `job_bookmarks_encryption.job_bookmarks_encryption_mode`);
//! - not met: any of the three is `DISABLED` or absent (absent means
//!   `DISABLED`);
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
    peers: &[checkov("CKV_AWS_99", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let verdicts = vec![
        require_one_of(
            resource,
            "EncryptionConfiguration.S3Encryptions.S3EncryptionMode",
            "encryption_configuration.s3_encryption.s3_encryption_mode",
            &["SSE-KMS", "SSE-S3"],
            Some("DISABLED"),
            "S3 encryption",
        ),
        require_one_of(
            resource,
            "EncryptionConfiguration.CloudWatchEncryption.CloudWatchEncryptionMode",
            "encryption_configuration.cloudwatch_encryption.cloudwatch_encryption_mode",
            &["SSE-KMS"],
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
