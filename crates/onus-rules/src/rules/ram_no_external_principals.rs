//! # ram.no-external-principals: Resource shares stay inside your organization
//!
//! ## Why this is your duty
//! AWS Resource Access Manager is an abstracted service: AWS runs the
//! sharing; which resources you share (subnets, transit gateways, resolver
//! rules, IPAM pools, license configurations...) and with whom is yours to
//! decide. A share that allows external principals can be associated with
//! any AWS account, not only the accounts of your AWS Organization, and the
//! shared resource becomes usable from there.
//!
//! ## What AWS already does
//! `CreateResourceShare` allows external principals when the flag is absent
//! (the RAM API's default is `true`, so is CloudFormation's
//! `AllowExternalPrincipals`). The Terraform AWS provider sends `false` when
//! `allow_external_principals` is absent. A share still reaches only the
//! principals you associate with it.
//!
//! ## Verdicts
//! - met: `AllowExternalPrincipals` (Terraform `allow_external_principals`)
//!   is `false`, or absent in Terraform;
//! - not met: it is `true`, or absent in CloudFormation;
//! - unknown: the value is one onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   SubnetShare:
//!     Type: AWS::RAM::ResourceShare
//!     Properties:
//!       Name: shared-subnets
//!       AllowExternalPrincipals: false
//!       Principals: [arn:aws:organizations::111122223333:organization/o-a1b2c3d4e5]
//! ```
//! ```yaml fail
//! Resources:
//!   SubnetShare:
//!     Type: AWS::RAM::ResourceShare
//!     Properties:
//!       Name: shared-subnets
//!       Principals: ["444455556666"]
//! ```
//! ```hcl pass
//! resource "aws_ram_resource_share" "tgw" {
//!   name = "transit-gateway"
//! }
//! ```
//! ```hcl fail
//! resource "aws_ram_resource_share" "tgw" {
//!   name                      = "transit-gateway"
//!   allow_external_principals = true
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ram.no-external-principals",
    title: "RAM resource shares do not allow principals outside the organization",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &["AWS::RAM::ResourceShare"],
    tf_types: &["aws_ram_resource_share"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _: &Context) -> Verdict {
    // The API allows external principals when the flag is absent; the
    // Terraform provider sends false.
    let default = !resource.format.is_terraform();
    require_bool(
        resource,
        "AllowExternalPrincipals",
        "allow_external_principals",
        false,
        default,
        "sharing limited to your organization",
    )
}
