//! # dms.endpoint-customer-managed-key: DMS endpoints encrypt their connection settings with your KMS key
//!
//! ## Why this is your duty
//! DMS is a container service: AWS stores each endpoint's connection
//! settings, passwords included, encrypted, but with the AWS managed key
//! `aws/dms` unless you name your own. Key management is the customer's side
//! of the model.
//!
//! ## What AWS already does
//! Encrypts endpoint settings with `aws/dms` when `KmsKeyId` / `kms_key_arn`
//! is absent (unchanged since DMS launched in 2016). The Terraform
//! `aws_dms_s3_endpoint` carries the same `kms_key_arn` and is judged too.
//!
//! ## Verdicts
//! - met: a key that is not an AWS managed alias (a reference counts);
//! - not met: absent, or `alias/aws/dms`;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Target:
//!     Type: AWS::DMS::Endpoint
//!     Properties:
//!       EndpointType: target
//!       EngineName: mysql
//!       KmsKeyId: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
//! ```
//! ```yaml fail
//! Resources:
//!   Target:
//!     Type: AWS::DMS::Endpoint
//!     Properties:
//!       EndpointType: target
//!       EngineName: mysql
//! ```
//! ```hcl pass
//! resource "aws_dms_endpoint" "target" {
//!   endpoint_id   = "target"
//!   endpoint_type = "target"
//!   engine_name   = "mysql"
//!   kms_key_arn   = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
//! }
//! ```
//! ```hcl fail
//! resource "aws_dms_endpoint" "target" {
//!   endpoint_id   = "target"
//!   endpoint_type = "target"
//!   engine_name   = "mysql"
//! }
//! ```

use crate::check::require_customer_managed_key;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "dms.endpoint-customer-managed-key",
    title: "DMS endpoints encrypt connection settings with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::DMS::Endpoint"],
    tf_types: &["aws_dms_endpoint", "aws_dms_s3_endpoint"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_296", Same), checkov("CKV_AWS_298", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_customer_managed_key(
        resource,
        "KmsKeyId",
        "kms_key_arn",
        "the AWS managed key aws/dms",
    )
}
