//! # s3.account-public-access-block: the account blocks public access to S3
//!
//! ## Why this is your duty
//! S3 is an abstracted service: AWS stores and serves your objects, and who
//! may read them is your access policy. Account-level Block Public Access is
//! the guard over every bucket and access point of the account, present and
//! future: with it on, no ACL or policy written by mistake can make data
//! public.
//!
//! ## What AWS already does
//! Turns Block Public Access on for each new bucket (since April 2023), but
//! leaves the account-level settings off until you set them.
//!
//! ## Verdicts
//! Judged where code declares the setting: Terraform's
//! `aws_s3_account_public_access_block` (CloudFormation has no resource for
//! it). An account whose code declares none gets no verdict from this rule:
//! attest it, or check it with a live scan of the account.
//! - met: `block_public_acls`, `block_public_policy`, `ignore_public_acls`
//!   and `restrict_public_buckets` all true;
//! - not met: any of them false or left out (the provider's default is
//!   false);
//! - unknown: a setting comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_s3_account_public_access_block" "account" {
//!   block_public_acls       = true
//!   block_public_policy     = true
//!   ignore_public_acls      = true
//!   restrict_public_buckets = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_s3_account_public_access_block" "account" {
//!   block_public_acls   = true
//!   block_public_policy = true
//! }
//! ```

use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, guard};
use crate::s3::require_block_public_access;
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "s3.account-public-access-block",
    title: "The account-level S3 Block Public Access settings are all on",
    duty: Duty::AccessControl,
    severity: Severity::High,
    cfn_types: &[],
    tf_types: &["aws_s3_account_public_access_block"],
    reads: &[],
    controls: Controls {
        fsbp: &["S3.1"],
        config: &["S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC"],
        cis: &[],
    },
    peers: &[
        guard("S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC", Same),
        guard("S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_block_public_access(resource, "", "", false, false)
}
