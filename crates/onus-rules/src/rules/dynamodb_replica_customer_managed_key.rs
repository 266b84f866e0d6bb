//! # dynamodb.replica-customer-managed-key: DynamoDB table replicas use your KMS key
//!
//! ## Why this is your duty
//! DynamoDB is an abstracted service: AWS always encrypts a replica, but
//! which key does it is your choice, and a replica in another Region needs
//! its own key there. Key management is the customer's side of the model.
//!
//! ## What AWS already does
//! Encrypts a replica declared with `aws_dynamodb_table_replica` with the
//! AWS managed key `aws/dynamodb` of its Region when `kms_key_arn` is absent.
//!
//! ## Verdicts
//! - met: `kms_key_arn` names a key that is not an AWS managed alias (a
//!   reference counts);
//! - not met: absent, or `alias/aws/dynamodb`;
//! - unknown: a value onus cannot resolve.
//!
//! CloudFormation declares replicas inside `AWS::DynamoDB::GlobalTable`.
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_dynamodb_table_replica" "eu" {
//!   global_table_arn = "arn:aws:dynamodb:us-east-1:123456789012:table/orders"
//!   kms_key_arn      = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
//! }
//! ```
//! ```hcl fail
//! resource "aws_dynamodb_table_replica" "eu" {
//!   global_table_arn = "arn:aws:dynamodb:us-east-1:123456789012:table/orders"
//! }
//! ```

use crate::check::require_customer_managed_key;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "dynamodb.replica-customer-managed-key",
    title: "DynamoDB table replicas are encrypted with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &[],
    tf_types: &["aws_dynamodb_table_replica"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_271", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_customer_managed_key(
        resource,
        "",
        "kms_key_arn",
        "the AWS managed key aws/dynamodb",
    )
}
