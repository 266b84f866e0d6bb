//! # ebs.default-encryption: EBS encryption by default is switched on
//!
//! ## Why this is your duty
//! Encrypting data on EC2's block storage is yours: EC2 is an infrastructure
//! service. The Region-wide EBS encryption-by-default switch makes AWS
//! encrypt every new volume and snapshot copy in the Region, including root
//! volumes created from unencrypted AMIs, so no launch path can forget it.
//!
//! ## What AWS already does
//! Provides the switch, off by default in every Region, and once on, refuses
//! to create unencrypted volumes.
//!
//! ## Verdicts
//! CloudFormation has no resource type for this account setting, so the rule
//! is Terraform only. It reads `aws_ebs_encryption_by_default`:
//! - met: `enabled = true`, or absent (the resource's own default is `true`);
//! - not met: `enabled = false`;
//! - unknown: the value is unresolved.
//!
//! Declare one `aws_ebs_encryption_by_default` per Region (per provider) you
//! deploy to; pair it with `aws_ebs_default_kms_key` to use your own key.
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_ebs_encryption_by_default" "this" {
//!   enabled = true
//! }
//! ```
//! ```hcl pass
//! resource "aws_ebs_encryption_by_default" "this" {}
//! ```
//! ```hcl fail
//! resource "aws_ebs_encryption_by_default" "this" {
//!   enabled = false
//! }
//! ```
//! ```hcl unknown
//! variable "encrypt" {
//!   type = bool
//! }
//! resource "aws_ebs_encryption_by_default" "this" {
//!   enabled = var.encrypt
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ebs.default-encryption",
    title: "EBS encryption by default is enabled",
    duty: Duty::EncryptionAtRest,
    severity: Severity::Medium,
    cfn_types: &[],
    tf_types: &["aws_ebs_encryption_by_default"],
    reads: &[],
    controls: Controls {
        fsbp: &["EC2.7"],
        config: &["EC2_EBS_ENCRYPTION_BY_DEFAULT"],
        cis: &["2.2.1"],
    },
    peers: &[
        checkov("CKV_AWS_106", Same),
        guard("EC2_EBS_ENCRYPTION_BY_DEFAULT", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "Enabled",
        "enabled",
        true,
        true,
        "EBS encryption by default",
    )
}
