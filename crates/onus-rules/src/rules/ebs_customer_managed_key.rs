//! # ebs.customer-managed-key: EBS volumes and snapshot copies are encrypted with a customer-managed KMS key
//!
//! ## Why this is your duty
//! EBS is an infrastructure service: encrypting a volume and choosing its key
//! are yours. The AWS-managed key `aws/ebs` cannot be shared with other
//! accounts, have its policy narrowed, or be disabled by you; a
//! customer-managed key gives you that control (key management).
//!
//! ## What AWS already does
//! Encrypts with `aws/ebs` when a volume is encrypted without a key, or with
//! the Region's default key (`aws_ebs_default_kms_key` in Terraform).
//!
//! ## Verdicts
//! Reads `AWS::EC2::Volume`, Terraform `aws_ebs_volume` and
//! `aws_ebs_snapshot_copy` (a copy is encrypted with the key it names):
//! - met: `KmsKeyId` / `kms_key_id` names a key, or (Terraform) an
//!   `aws_ebs_default_kms_key` sets the Region's default key;
//! - not met: no key (the AWS-managed `aws/ebs` key, or no encryption);
//! - unknown: the value is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Key:
//!     Type: AWS::KMS::Key
//!     Properties:
//!       EnableKeyRotation: true
//!   Data:
//!     Type: AWS::EC2::Volume
//!     Properties:
//!       AvailabilityZone: eu-west-1a
//!       Size: 100
//!       Encrypted: true
//!       KmsKeyId: !Ref Key
//! ```
//! ```yaml fail
//! Resources:
//!   Data:
//!     Type: AWS::EC2::Volume
//!     Properties:
//!       AvailabilityZone: eu-west-1a
//!       Size: 100
//!       Encrypted: true
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "ebs" {
//!   enable_key_rotation = true
//! }
//! resource "aws_ebs_volume" "data" {
//!   availability_zone = "eu-west-1a"
//!   size              = 100
//!   encrypted         = true
//!   kms_key_id        = aws_kms_key.ebs.arn
//! }
//! ```
//! ```hcl fail
//! resource "aws_ebs_volume" "data" {
//!   availability_zone = "eu-west-1a"
//!   size              = 100
//!   encrypted         = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_ebs_snapshot_copy" "backup" {
//!   source_snapshot_id = "snap-0123456789abcdef0"
//!   source_region      = "eu-west-1"
//!   encrypted          = true
//! }
//! ```

use crate::check::require_set;
use crate::context::Context;
use crate::instance::same_region;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::{Status, Verdict};
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ebs.customer-managed-key",
    title: "EBS volumes and snapshot copies are encrypted with a customer-managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::EC2::Volume"],
    tf_types: &["aws_ebs_volume", "aws_ebs_snapshot_copy"],
    reads: &["aws_ebs_default_kms_key"],
    controls: Controls::NONE,
    peers: &[
        checkov("CKV_AWS_189", Same),
        checkov("CKV_AWS_183", Same),
        guard("EBS_VOLUME_ENCRYPTION_KEY_RULE", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let v = require_set(
        resource,
        "KmsKeyId",
        "kms_key_id",
        "the volume uses the AWS-managed aws/ebs key, or none",
    );
    if v.status == Status::NotMet
        && let Some(d) = cx
            .of_type(&["aws_ebs_default_kms_key"])
            .find(|r| same_region(r, resource))
    {
        return Verdict::met_by_default(
            resource,
            "kms_key_id",
            format!("{} sets the Region's default EBS key", d.id),
        );
    }
    v
}
