//! # dms.kms-encryption: DMS replication instances encrypt storage with your KMS key
//!
//! ## Why this is your duty
//! DMS is a container service: AWS always encrypts the replication
//! instance's storage (where change data and task logs are cached), but with
//! the AWS managed key `aws/dms` unless you name your own. Key management is
//! the customer's side of the model.
//!
//! ## What AWS already does
//! Encrypts replication storage and connection information with `aws/dms`
//! when no key is given.
//!
//! ## Verdicts
//! - met: `KmsKeyId` (`kms_key_arn`) names a key that is not an AWS managed
//!   alias, literally or by reference;
//! - not met: absent, or `alias/aws/dms`;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Key:
//!     Type: AWS::KMS::Key
//!   Replication:
//!     Type: AWS::DMS::ReplicationInstance
//!     Properties:
//!       ReplicationInstanceClass: dms.t3.medium
//!       PubliclyAccessible: false
//!       KmsKeyId: !Ref Key
//! ```
//! ```yaml fail
//! Resources:
//!   Replication:
//!     Type: AWS::DMS::ReplicationInstance
//!     Properties:
//!       ReplicationInstanceClass: dms.t3.medium
//!       PubliclyAccessible: false
//! ```
//! ```yaml fail
//! Resources:
//!   Replication:
//!     Type: AWS::DMS::ReplicationInstance
//!     Properties:
//!       ReplicationInstanceClass: dms.t3.medium
//!       PubliclyAccessible: false
//!       KmsKeyId: alias/aws/dms
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "dms" {}
//! resource "aws_dms_replication_instance" "replication" {
//!   replication_instance_id    = "replication"
//!   replication_instance_class = "dms.t3.medium"
//!   kms_key_arn                = aws_kms_key.dms.arn
//! }
//! ```
//! ```hcl fail
//! resource "aws_dms_replication_instance" "replication" {
//!   replication_instance_id    = "replication"
//!   replication_instance_class = "dms.t3.medium"
//! }
//! ```

use crate::check::require_customer_managed_key;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "dms.kms-encryption",
    title: "DMS replication instance uses a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::DMS::ReplicationInstance"],
    tf_types: &["aws_dms_replication_instance"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_212", Same)],
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
