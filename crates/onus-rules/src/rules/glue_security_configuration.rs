//! # glue.security-configuration: Glue jobs, crawlers and development endpoints use a security configuration
//!
//! ## Why this is your duty
//! Glue is an abstracted service: AWS runs the job, but what it writes (S3
//! output, CloudWatch logs, job bookmarks) is encrypted with KMS only through
//! a security configuration you attach. Encrypting customer data at rest is
//! the customer's side of the model.
//!
//! ## What AWS already does
//! Attaches no security configuration by default (they exist since 2018);
//! without one, job logs and bookmarks are not encrypted with your key.
//!
//! ## Verdicts
//! - met: `SecurityConfiguration` (`CrawlerSecurityConfiguration` on
//!   crawlers) / `security_configuration` names one (a reference counts);
//! - not met: absent;
//! - unknown: a value onus cannot resolve.
//!
//! `glue.security-configuration-encryption` judges what the configuration
//! itself encrypts.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Etl:
//!     Type: AWS::Glue::Job
//!     Properties:
//!       Role: arn:aws:iam::123456789012:role/glue
//!       Command:
//!         Name: glueetl
//!         ScriptLocation: s3://scripts/etl.py
//!       SecurityConfiguration: encrypted
//! ```
//! ```yaml fail
//! Resources:
//!   Crawler:
//!     Type: AWS::Glue::Crawler
//!     Properties:
//!       Role: arn:aws:iam::123456789012:role/glue
//!       DatabaseName: lake
//!       Targets:
//!         S3Targets:
//!           - Path: s3://lake/raw
//! ```
//! ```hcl pass
//! resource "aws_glue_job" "etl" {
//!   name     = "etl"
//!   role_arn = "arn:aws:iam::123456789012:role/glue"
//!   command {
//!     script_location = "s3://scripts/etl.py"
//!   }
//!   security_configuration = "encrypted"
//! }
//! ```
//! ```hcl fail
//! resource "aws_glue_crawler" "crawler" {
//!   name          = "crawler"
//!   role          = "arn:aws:iam::123456789012:role/glue"
//!   database_name = "lake"
//!   s3_target {
//!     path = "s3://lake/raw"
//!   }
//! }
//! ```

use crate::check::require_set;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "glue.security-configuration",
    title: "Glue jobs, crawlers and development endpoints use a security configuration",
    duty: Duty::EncryptionAtRest,
    severity: Severity::Medium,
    cfn_types: &[
        "AWS::Glue::Job",
        "AWS::Glue::Crawler",
        "AWS::Glue::DevEndpoint",
    ],
    tf_types: &["aws_glue_job", "aws_glue_crawler", "aws_glue_dev_endpoint"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_195", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let cfn = if resource.resource_type == "AWS::Glue::Crawler" {
        "CrawlerSecurityConfiguration"
    } else {
        "SecurityConfiguration"
    };
    require_set(
        resource,
        cfn,
        "security_configuration",
        "no security configuration encrypts its logs, bookmarks and output",
    )
}
