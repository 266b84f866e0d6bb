//! # vpc.subnet-no-auto-public-ip: subnets do not auto-assign public IPv4 addresses
//!
//! ## Why this is your duty
//! The VPC is a network you architect: the Shared Responsibility Model files
//! it under infrastructure, where network configuration is yours. A subnet
//! with `MapPublicIpOnLaunch` gives every instance and interface launched into
//! it a public IPv4 address, whether or not the launch asked for one.
//!
//! ## What AWS already does
//! New subnets you create do not assign public addresses. The default
//! subnets of the default VPC do.
//!
//! ## Verdicts
//! Reads `AWS::EC2::Subnet` `MapPublicIpOnLaunch`, Terraform `aws_subnet` and
//! `aws_default_subnet` `map_public_ip_on_launch`:
//! - met: false, or absent on `AWS::EC2::Subnet` / `aws_subnet` (default
//!   false);
//! - not met: true, or absent on `aws_default_subnet` (it adopts a default
//!   subnet, where the setting is true);
//! - unknown: the value is unresolved.
//!
//! Load balancers and NAT gateways in public subnets do not need it; give
//! instances that must be public an explicit address (and see
//! `ec2.no-public-ip`).
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Private:
//!     Type: AWS::EC2::Subnet
//!     Properties:
//!       VpcId: vpc-123
//!       CidrBlock: 10.0.1.0/24
//! ```
//! ```yaml fail
//! Resources:
//!   Public:
//!     Type: AWS::EC2::Subnet
//!     Properties:
//!       VpcId: vpc-123
//!       CidrBlock: 10.0.0.0/24
//!       MapPublicIpOnLaunch: true
//! ```
//! ```hcl pass
//! resource "aws_subnet" "private" {
//!   vpc_id     = "vpc-123"
//!   cidr_block = "10.0.1.0/24"
//! }
//! ```
//! ```hcl fail
//! resource "aws_subnet" "public" {
//!   vpc_id                  = "vpc-123"
//!   cidr_block              = "10.0.0.0/24"
//!   map_public_ip_on_launch = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_default_subnet" "a" {
//!   availability_zone = "eu-west-1a"
//! }
//! ```

use crate::check::{Judgement, judge, prop, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "vpc.subnet-no-auto-public-ip",
    title: "Subnets do not auto-assign public IPv4 addresses",
    duty: Duty::NetworkExposure,
    severity: Severity::Medium,
    cfn_types: &["AWS::EC2::Subnet"],
    tf_types: &["aws_subnet", "aws_default_subnet"],
    reads: &[],
    controls: Controls {
        fsbp: &["EC2.15"],
        config: &["SUBNET_AUTO_ASSIGN_PUBLIC_IP_DISABLED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_130", Same),
        cfn_nag("W33", Same),
        trivy("AVD-AWS-0164", Same),
        guard("SUBNET_AUTO_ASSIGN_PUBLIC_IP_DISABLED", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let default = resource.resource_type == "aws_default_subnet";
    let (node, path) = prop(resource, "MapPublicIpOnLaunch", "map_public_ip_on_launch");
    let Some(node) = node else {
        return if default {
            Verdict::missing(
                resource,
                path,
                format!(
                    "{path} is not set and defaults to true on a default subnet: instances launched here get public IPv4 addresses"
                ),
            )
        } else {
            Verdict::met_by_default(
                resource,
                path,
                format!(
                    "{path} defaults to false: no public IPv4 addresses are assigned automatically"
                ),
            )
        };
    };
    let j = judge(node, &mut |n| match n.as_bool() {
        Some(b) => Judgement::from_bool(!b, n, || {
            format!("{path} is true: every instance launched here gets a public IPv4 address")
        }),
        None => Judgement::no(n, format!("{path} is not a boolean")),
    });
    verdict_of(
        resource,
        node,
        path,
        j,
        format!("{path} is false: no public IPv4 addresses are assigned automatically"),
    )
}
