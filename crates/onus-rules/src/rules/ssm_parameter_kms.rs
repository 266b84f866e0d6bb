//! # ssm.parameter-kms: SecureString parameters use your KMS key
//!
//! ## Why this is your duty
//! Parameter Store is an abstracted service: AWS encrypts every
//! `SecureString` with KMS, by default with the AWS managed key `aws/ssm`,
//! whose key policy lets every principal of the account that may read the
//! parameter decrypt it. A key you manage adds a second gate (its key
//! policy), separate auditing and the power to revoke; that choice is yours.
//!
//! ## What AWS already does
//! Encrypts `SecureString` values with `alias/aws/ssm` when no `key_id` is
//! given.
//!
//! ## Verdicts
//! Terraform only: CloudFormation cannot create `SecureString` parameters.
//! - met: `key_id` names a key other than `alias/aws/ssm`;
//! - not met: `key_id` absent or `alias/aws/ssm`;
//! - unknown: a value onus cannot resolve;
//! - not applicable: `String` and `StringList` parameters (see
//!   `ssm.parameter-secure-string`).
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_kms_key" "params" {
//!   enable_key_rotation = true
//! }
//! resource "aws_ssm_parameter" "db_password" {
//!   name   = "/app/db/password"
//!   type   = "SecureString"
//!   value  = var.db_password
//!   key_id = aws_kms_key.params.arn
//! }
//! ```
//! ```hcl fail
//! resource "aws_ssm_parameter" "db_password" {
//!   name  = "/app/db/password"
//!   type  = "SecureString"
//!   value = var.db_password
//! }
//! ```

use crate::check::{Judgement, get, is_text, judge, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ssm.parameter-kms",
    title: "SecureString parameters are encrypted with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &[],
    tf_types: &["aws_ssm_parameter"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_337", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let Some(kind) = get(resource, "type") else {
        return Verdict::not_applicable(resource, "no type");
    };
    match is_text(kind, "SecureString", "type") {
        Judgement::Yes => {}
        Judgement::No(..) => return Verdict::not_applicable(resource, "not a SecureString"),
        u @ Judgement::Unknown(..) => return verdict_of(resource, kind, "type", u, ""),
    }
    let Some(key) = get(resource, "key_id") else {
        return Verdict::missing(
            resource,
            "key_id",
            "key_id is not set: the AWS managed key aws/ssm encrypts it",
        );
    };
    let j = judge(key, &mut |n| match n.as_str() {
        Some(k) => Judgement::from_bool(
            !k.eq_ignore_ascii_case("alias/aws/ssm"),
            n,
            || "key_id is the AWS managed key aws/ssm",
        ),
        None => Judgement::Yes,
    });
    verdict_of(resource, key, "key_id", j, "key_id names your key")
}
