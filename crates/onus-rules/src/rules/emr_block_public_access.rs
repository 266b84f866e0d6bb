//! # emr.block-public-access: EMR block public access is on
//!
//! ## Why this is your duty
//! EMR is a container service: the cluster runs in your VPC behind security
//! groups you (or EMR, on your behalf) configure. Block public access is the
//! account- and Region-wide guard that stops clusters from launching with a
//! security group open to the internet on any port but the exceptions you
//! allow; network exposure is the customer's duty.
//!
//! ## What AWS already does
//! Turns block public access on (with port 22 allowed) for accounts that
//! never changed it; a Terraform `aws_emr_block_public_access_configuration`
//! sets it explicitly. CloudFormation has no resource for it.
//!
//! ## Verdicts
//! - met: `block_public_security_group_rules` is true;
//! - not met: false;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_emr_block_public_access_configuration" "account" {
//!   block_public_security_group_rules = true
//!   permitted_public_security_group_rule_range {
//!     min_range = 22
//!     max_range = 22
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_emr_block_public_access_configuration" "account" {
//!   block_public_security_group_rules = false
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "emr.block-public-access",
    title: "EMR block public access is enabled",
    duty: Duty::NetworkExposure,
    severity: Severity::High,
    cfn_types: &[],
    tf_types: &["aws_emr_block_public_access_configuration"],
    reads: &[],
    controls: Controls {
        fsbp: &["EMR.2"],
        config: &["EMR_BLOCK_PUBLIC_ACCESS"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_390", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "",
        "block_public_security_group_rules",
        true,
        false,
        "block public access",
    )
}
