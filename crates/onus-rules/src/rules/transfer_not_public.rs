//! # transfer.not-public: Transfer Family servers are not on a public endpoint
//!
//! ## Why this is your duty
//! Transfer Family is an abstracted service: AWS runs the SFTP/FTPS servers,
//! and who can reach them over the network is your choice of endpoint. A
//! `PUBLIC` endpoint answers the whole internet and cannot be restricted by
//! security groups; a `VPC` endpoint sits in your subnets, reachable only
//! through your security groups (and from the internet only through Elastic
//! IPs you attach).
//!
//! ## What AWS already does
//! Creates a `PUBLIC` endpoint when `EndpointType` / `endpoint_type` is
//! absent.
//!
//! ## Verdicts
//! - met: `VPC` (or the older `VPC_ENDPOINT`): exposure is then decided by
//!   the endpoint's security groups, which the security-group rules judge;
//! - not met: `PUBLIC` or absent;
//! - unknown: the value is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Sftp:
//!     Type: AWS::Transfer::Server
//!     Properties:
//!       EndpointType: VPC
//!       EndpointDetails:
//!         VpcId: vpc-12345678
//!         SubnetIds:
//!           - subnet-12345678
//! ```
//! ```yaml fail
//! Resources:
//!   Sftp:
//!     Type: AWS::Transfer::Server
//!     Properties:
//!       Protocols:
//!         - SFTP
//! ```
//! ```hcl pass
//! resource "aws_transfer_server" "sftp" {
//!   endpoint_type = "VPC"
//!   endpoint_details {
//!     vpc_id     = "vpc-12345678"
//!     subnet_ids = ["subnet-12345678"]
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_transfer_server" "sftp" {
//!   endpoint_type = "PUBLIC"
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "transfer.not-public",
    title: "Transfer Family servers use a VPC endpoint, not a public one",
    duty: Duty::NetworkExposure,
    severity: Severity::Medium,
    cfn_types: &["AWS::Transfer::Server"],
    tf_types: &["aws_transfer_server"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_164", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "EndpointType",
        "endpoint_type",
        &["VPC", "VPC_ENDPOINT"],
        Some("PUBLIC"),
        "an endpoint security groups can restrict",
    )
}
