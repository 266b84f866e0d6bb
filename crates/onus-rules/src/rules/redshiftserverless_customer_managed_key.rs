//! # redshiftserverless.customer-managed-key: Redshift Serverless namespaces use your KMS key
//!
//! ## Why this is your duty
//! Redshift Serverless is a container service: AWS always encrypts the
//! namespace, but with an AWS owned key unless you name your own. Choosing a
//! key whose policy you control and whose use you can audit is the
//! customer's key-management duty.
//!
//! ## What AWS already does
//! Encrypts every namespace, with an AWS owned key when `KmsKeyId` /
//! `kms_key_id` is absent (since general availability in July 2022).
//!
//! ## Verdicts
//! - met: a key that is not an AWS managed alias (a reference counts);
//! - not met: absent, or an AWS managed alias;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Namespace:
//!     Type: AWS::RedshiftServerless::Namespace
//!     Properties:
//!       NamespaceName: analytics
//!       KmsKeyId: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
//! ```
//! ```yaml fail
//! Resources:
//!   Namespace:
//!     Type: AWS::RedshiftServerless::Namespace
//!     Properties:
//!       NamespaceName: analytics
//! ```
//! ```hcl pass
//! resource "aws_redshiftserverless_namespace" "analytics" {
//!   namespace_name = "analytics"
//!   kms_key_id = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
//! }
//! ```
//! ```hcl fail
//! resource "aws_redshiftserverless_namespace" "analytics" {
//!   namespace_name = "analytics"
//! }
//! ```

use crate::check::require_customer_managed_key;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "redshiftserverless.customer-managed-key",
    title: "Redshift Serverless namespaces use a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::RedshiftServerless::Namespace"],
    tf_types: &["aws_redshiftserverless_namespace"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_282", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_customer_managed_key(resource, "KmsKeyId", "kms_key_id", "an AWS owned key")
}
