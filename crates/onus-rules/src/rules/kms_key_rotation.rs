//! # kms.key-rotation: KMS keys rotate their key material
//!
//! ## Why this is your duty
//! AWS KMS is an abstracted service: AWS runs the HSMs and protects key
//! material, but the lifecycle of a customer managed key, including automatic
//! rotation, is a setting you own. Rotation limits how much data one key
//! version protects and is required by most compliance frameworks.
//!
//! ## What AWS already does
//! Rotates AWS managed keys (`aws/s3`, `aws/ebs`...) every year. Customer
//! managed keys do not rotate unless you enable it: `EnableKeyRotation` /
//! `enable_key_rotation` default to false.
//!
//! ## Verdicts
//! - met: `EnableKeyRotation: true` (`enable_key_rotation = true`);
//! - not met: rotation absent (default false) or false, on a symmetric
//!   encryption key;
//! - unknown: the flag or the key spec comes from a value onus cannot resolve;
//! - not applicable: asymmetric or HMAC keys (`KeySpec` /
//!   `customer_master_key_spec` other than `SYMMETRIC_DEFAULT`) and keys with
//!   imported material (`Origin: EXTERNAL`), which KMS cannot rotate
//!   automatically.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Key:
//!     Type: AWS::KMS::Key
//!     Properties:
//!       EnableKeyRotation: true
//! ```
//! ```yaml fail
//! Resources:
//!   Key:
//!     Type: AWS::KMS::Key
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Signing:
//!     Type: AWS::KMS::Key
//!     Properties:
//!       KeySpec: ECC_NIST_P256
//!       KeyUsage: SIGN_VERIFY
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "key" {
//!   enable_key_rotation = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_kms_key" "key" {
//!   description = "data"
//! }
//! ```
//! ```hcl not-applicable
//! resource "aws_kms_key" "signing" {
//!   customer_master_key_spec = "RSA_2048"
//!   key_usage                = "SIGN_VERIFY"
//! }
//! ```
//! ```yaml unknown
//! Parameters:
//!   Rotate:
//!     Type: String
//!     AllowedValues: ["true", "false"]
//! Resources:
//!   Key:
//!     Type: AWS::KMS::Key
//!     Properties:
//!       EnableKeyRotation: !Ref Rotate
//! ```

use crate::check::{prop, require_bool};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "kms.key-rotation",
    title: "KMS key has automatic rotation enabled",
    duty: Duty::KeyManagement,
    severity: Severity::Medium,
    cfn_types: &["AWS::KMS::Key"],
    tf_types: &["aws_kms_key"],
    reads: &[],
    controls: Controls {
        fsbp: &[],
        config: &["CMK_BACKING_KEY_ROTATION_ENABLED"],
        cis: &["3.8"],
    },
    peers: &[
        checkov("CKV_AWS_7", Same),
        cfn_nag("F19", Same),
        trivy("AVD-AWS-0065", Same),
        guard("CMK_BACKING_KEY_ROTATION_ENABLED", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let (spec, path) = prop(resource, "KeySpec", "customer_master_key_spec");
    if let Some(spec) = spec {
        match &spec.value {
            Value::String(s) if !s.eq_ignore_ascii_case("SYMMETRIC_DEFAULT") => {
                return Verdict::not_applicable(
                    resource,
                    format!("{path} is {s}: KMS rotates only symmetric encryption keys"),
                );
            }
            Value::String(_) => {}
            _ => return Verdict::unknown(resource, spec.span, path, format!("{path} value")),
        }
    }
    if !resource.format.is_terraform()
        && crate::check::get(resource, "Origin")
            .and_then(|o| o.as_str())
            .is_some_and(|o| o.eq_ignore_ascii_case("EXTERNAL"))
    {
        return Verdict::not_applicable(
            resource,
            "Origin is EXTERNAL: imported key material cannot be rotated automatically",
        );
    }
    require_bool(
        resource,
        "EnableKeyRotation",
        "enable_key_rotation",
        true,
        false,
        "automatic key rotation",
    )
}
