//! # athena.result-encryption: Athena workgroups encrypt and enforce query results
//!
//! ## Why this is your duty
//! Athena is an abstracted service: AWS runs the query engine and writes
//! results to the S3 location you choose. Which encryption protects those
//! results, and whether clients may override it, is the workgroup
//! configuration you own.
//!
//! ## What AWS already does
//! Writes results with whatever encryption the client asks for; the results
//! bucket's default encryption (SSE-S3 at least, on every new S3 object
//! since January 2023) applies when it asks for none. Whether a workgroup's
//! settings override the client's is `EnforceWorkGroupConfiguration`, for
//! which neither the API nor CloudFormation states a default; the Terraform
//! provider defaults `enforce_workgroup_configuration` to true inside a
//! `configuration` block.
//!
//! ## Verdicts
//! Reads `WorkGroupConfiguration` (`configuration { ... }`):
//! - met: `ResultConfiguration.EncryptionConfiguration.EncryptionOption`
//!   (`result_configuration { encryption_configuration { encryption_option }}`)
//!   is `SSE_S3`, `SSE_KMS` or `CSE_KMS`, or absent (the results bucket's
//!   default encryption applies: SSE-S3 at least since January 2023), and
//!   `EnforceWorkGroupConfiguration` (`enforce_workgroup_configuration`) is
//!   true (or absent from a Terraform `configuration` block);
//! - not met: an encryption option Athena does not accept, or enforcement
//!   turned off (clients choose their own settings);
//! - unknown: enforcement absent in CloudFormation or without a Terraform
//!   `configuration` block (undocumented default), or a value onus cannot
//!   resolve.
//!
//! Athena managed query results (`ManagedQueryResultsConfiguration`) are
//! not read yet.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Analysts:
//!     Type: AWS::Athena::WorkGroup
//!     Properties:
//!       Name: analysts
//!       WorkGroupConfiguration:
//!         EnforceWorkGroupConfiguration: true
//!         ResultConfiguration:
//!           OutputLocation: s3://athena-results/
//!           EncryptionConfiguration:
//!             EncryptionOption: SSE_KMS
//!             KmsKey: arn:aws:kms:eu-west-1:111122223333:key/abc
//! ```
//! ```yaml fail
//! Resources:
//!   Analysts:
//!     Type: AWS::Athena::WorkGroup
//!     Properties:
//!       Name: analysts
//!       WorkGroupConfiguration:
//!         EnforceWorkGroupConfiguration: false
//!         ResultConfiguration:
//!           OutputLocation: s3://athena-results/
//!           EncryptionConfiguration:
//!             EncryptionOption: SSE_S3
//! ```
//! ```yaml unknown
//! Resources:
//!   Queries:
//!     Type: AWS::Athena::WorkGroup
//!     Properties:
//!       Name: analysts
//! ```
//! ```hcl pass
//! resource "aws_athena_workgroup" "analysts" {
//!   name = "analysts"
//!   configuration {
//!     result_configuration {
//!       output_location = "s3://athena-results/"
//!       encryption_configuration {
//!         encryption_option = "SSE_S3"
//!       }
//!     }
//!   }
//! }
//! ```
//! ```hcl pass
//! resource "aws_athena_workgroup" "analysts" {
//!   name = "analysts"
//!   configuration {
//!     result_configuration {
//!       output_location = "s3://athena-results/"
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_athena_workgroup" "analysts" {
//!   name = "analysts"
//!   configuration {
//!     enforce_workgroup_configuration = false
//!     result_configuration {
//!       output_location = "s3://athena-results/"
//!     }
//!   }
//! }
//! ```

use crate::check::{all_of, get, require_bool_where_documented, require_one_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "athena.result-encryption",
    title: "Athena workgroup encrypts query results and enforces its configuration",
    duty: Duty::EncryptionAtRest,
    severity: Severity::Low,
    cfn_types: &["AWS::Athena::WorkGroup"],
    tf_types: &["aws_athena_workgroup"],
    reads: &[],
    controls: Controls {
        fsbp: &[],
        config: &["ATHENA_WORKGROUP_ENFORCE_WORKGROUP_CONFIGURATION"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_82", Related),
        checkov("CKV_AWS_159", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let option = require_one_of(
        resource,
        "WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration.EncryptionOption",
        "configuration.result_configuration.encryption_configuration.encryption_option",
        &["SSE_S3", "SSE_KMS", "CSE_KMS"],
        // Absent, the results bucket's default encryption applies.
        Some("SSE_S3"),
        "query results encrypted at rest (the results bucket's default encryption when absent)",
    );
    // Terraform's default (true) applies only inside a configuration block;
    // the API and CloudFormation state none.
    let documented = resource.format.is_terraform() && get(resource, "configuration").is_some();
    let enforce = require_bool_where_documented(
        resource,
        (
            "WorkGroupConfiguration.EnforceWorkGroupConfiguration",
            "configuration.enforce_workgroup_configuration",
        ),
        true,
        true,
        documented,
        "workgroup settings override client settings",
    );
    all_of(vec![option, enforce]).unwrap_or_else(|| Verdict::not_applicable(resource, "no checks"))
}
