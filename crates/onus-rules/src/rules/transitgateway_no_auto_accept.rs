//! # transitgateway.no-auto-accept: transit gateways do not accept shared attachments automatically
//!
//! ## Why this is your duty
//! A transit gateway is the hub that routes between your VPCs, VPNs and
//! Direct Connect; which networks join it is network configuration on your
//! side of the model. When the gateway is shared through AWS RAM, automatic
//! acceptance attaches any VPC of any account it is shared with, without
//! review, and routes it into your network.
//!
//! ## What AWS already does
//! Requires attachment requests from other accounts to be accepted by hand
//! unless you turn automatic acceptance on (`AutoAcceptSharedAttachments`
//! defaults to `disable`).
//!
//! ## Verdicts
//! Reads `AWS::EC2::TransitGateway` `AutoAcceptSharedAttachments` and
//! Terraform `aws_ec2_transit_gateway` `auto_accept_shared_attachments`:
//! - met: `disable`, or absent;
//! - not met: `enable`;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Hub:
//!     Type: AWS::EC2::TransitGateway
//!     Properties:
//!       AmazonSideAsn: 64512
//! ```
//! ```yaml fail
//! Resources:
//!   Hub:
//!     Type: AWS::EC2::TransitGateway
//!     Properties:
//!       AutoAcceptSharedAttachments: enable
//! ```
//! ```hcl pass
//! resource "aws_ec2_transit_gateway" "hub" {
//!   auto_accept_shared_attachments = "disable"
//! }
//! ```
//! ```hcl fail
//! resource "aws_ec2_transit_gateway" "hub" {
//!   auto_accept_shared_attachments = "enable"
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "transitgateway.no-auto-accept",
    title: "Transit gateways do not accept shared VPC attachments automatically",
    duty: Duty::NetworkExposure,
    severity: Severity::High,
    cfn_types: &["AWS::EC2::TransitGateway"],
    tf_types: &["aws_ec2_transit_gateway"],
    reads: &[],
    controls: Controls {
        fsbp: &["EC2.23"],
        config: &["EC2_TRANSIT_GATEWAY_AUTO_VPC_ATTACH_DISABLED"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_331", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "AutoAcceptSharedAttachments",
        "auto_accept_shared_attachments",
        &["disable"],
        Some("disable"),
        "reviewing shared attachments",
    )
}
