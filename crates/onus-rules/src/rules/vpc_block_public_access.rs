//! # vpc.block-public-access: VPC Block Public Access blocks internet gateway traffic
//!
//! ## Why this is your duty
//! Which of your networks the internet can reach is network configuration,
//! the customer's side of the model. VPC Block Public Access is the
//! account-and-Region guard above every route table and security group:
//! once on, traffic through internet gateways is blocked in every VPC
//! except the subnets and VPCs you exclude on purpose.
//!
//! ## What AWS already does
//! Leaves the setting `off` in every account and Region: the feature,
//! launched in November 2024, is opt-in. Traffic then follows your routes,
//! NACLs and security groups alone.
//!
//! ## Verdicts
//! Reads `AWS::EC2::VPCBlockPublicAccessOptions` `InternetGatewayBlockMode`
//! and Terraform `aws_vpc_block_public_access_options`
//! `internet_gateway_block_mode`:
//! - met: `block-bidirectional` or `block-ingress` (NAT-style egress still
//!   allowed);
//! - not met: `off`;
//! - unknown: a value onus cannot resolve.
//!
//! Accounts that host public workloads keep those subnets reachable with
//! exclusions (`AWS::EC2::VPCBlockPublicAccessExclusion`).
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Block:
//!     Type: AWS::EC2::VPCBlockPublicAccessOptions
//!     Properties:
//!       InternetGatewayBlockMode: block-bidirectional
//! ```
//! ```hcl pass
//! resource "aws_vpc_block_public_access_options" "this" {
//!   internet_gateway_block_mode = "block-ingress"
//! }
//! ```
//! ```hcl fail
//! resource "aws_vpc_block_public_access_options" "this" {
//!   internet_gateway_block_mode = "off"
//! }
//! ```
//! ```yaml fail
//! Parameters:
//!   Mode:
//!     Type: String
//!     Default: "off"
//! Resources:
//!   Block:
//!     Type: AWS::EC2::VPCBlockPublicAccessOptions
//!     Properties:
//!       InternetGatewayBlockMode: !Ref Mode
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "vpc.block-public-access",
    title: "VPC Block Public Access blocks internet gateway traffic",
    duty: Duty::NetworkExposure,
    severity: Severity::Medium,
    cfn_types: &["AWS::EC2::VPCBlockPublicAccessOptions"],
    tf_types: &["aws_vpc_block_public_access_options"],
    reads: &[],
    controls: Controls {
        fsbp: &["EC2.172"],
        config: &[],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "InternetGatewayBlockMode",
        "internet_gateway_block_mode",
        &["block-bidirectional", "block-ingress"],
        Some("off"),
        "blocking internet gateway traffic",
    )
}
