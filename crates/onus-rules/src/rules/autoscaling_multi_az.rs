//! # autoscaling.multi-az: Auto Scaling groups span several Availability Zones
//!
//! ## Why this is your duty
//! EC2 is an infrastructure service: AWS keeps each Availability Zone isolated
//! from the others, but where your instances run is your choice. An Auto
//! Scaling group confined to one zone stops with that zone; one spread over
//! two or more keeps serving and replaces the lost capacity elsewhere.
//!
//! ## What AWS already does
//! Balances instances evenly over the zones (or subnets) you give the group,
//! and launches replacements in the healthy ones. It never adds a zone you
//! did not list.
//!
//! ## Verdicts
//! Follows the AWS Config rule `autoscaling-multiple-az`.
//! - met: `AvailabilityZones` / `availability_zones` names two or more
//!   zones, or the subnets in `VPCZoneIdentifier` / `vpc_zone_identifier`
//!   are declared in the same code in two or more zones;
//! - not met: one zone, one subnet, or subnets that are all in one zone;
//! - unknown: the subnet list, or the zone of its subnets, is not static
//!   (a parameter, a variable, a subnet declared elsewhere), or neither
//!   property is set (the zones then come from the launch template).
//!
//! Fix: list subnets (or zones) in at least two Availability Zones.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   SubnetA:
//!     Type: AWS::EC2::Subnet
//!     Properties:
//!       VpcId: vpc-0123
//!       CidrBlock: 10.0.0.0/24
//!       AvailabilityZone: eu-west-1a
//!   SubnetB:
//!     Type: AWS::EC2::Subnet
//!     Properties:
//!       VpcId: vpc-0123
//!       CidrBlock: 10.0.1.0/24
//!       AvailabilityZone: eu-west-1b
//!   Group:
//!     Type: AWS::AutoScaling::AutoScalingGroup
//!     Properties:
//!       MinSize: "2"
//!       MaxSize: "4"
//!       VPCZoneIdentifier: [!Ref SubnetA, !Ref SubnetB]
//! ```
//! ```yaml fail
//! Resources:
//!   Group:
//!     Type: AWS::AutoScaling::AutoScalingGroup
//!     Properties:
//!       MinSize: "2"
//!       MaxSize: "4"
//!       VPCZoneIdentifier: [subnet-0abc]
//! ```
//! ```yaml unknown
//! Parameters:
//!   Subnets:
//!     Type: List<AWS::EC2::Subnet::Id>
//! Resources:
//!   Group:
//!     Type: AWS::AutoScaling::AutoScalingGroup
//!     Properties:
//!       MinSize: "2"
//!       MaxSize: "4"
//!       VPCZoneIdentifier: !Ref Subnets
//! ```
//! ```hcl pass
//! resource "aws_autoscaling_group" "web" {
//!   min_size           = 2
//!   max_size           = 4
//!   availability_zones = ["eu-west-1a", "eu-west-1b"]
//! }
//! ```
//! ```hcl fail
//! resource "aws_subnet" "a" {
//!   vpc_id            = "vpc-0123"
//!   cidr_block        = "10.0.0.0/24"
//!   availability_zone = "eu-west-1a"
//! }
//! resource "aws_subnet" "b" {
//!   vpc_id            = "vpc-0123"
//!   cidr_block        = "10.0.1.0/24"
//!   availability_zone = "eu-west-1a"
//! }
//! resource "aws_autoscaling_group" "web" {
//!   min_size            = 2
//!   max_size            = 4
//!   vpc_zone_identifier = [aws_subnet.a.id, aws_subnet.b.id]
//! }
//! ```

use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use crate::zones::group_spread;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "autoscaling.multi-az",
    title: "Auto Scaling groups span at least two Availability Zones",
    duty: Duty::Resilience,
    severity: Severity::Medium,
    cfn_types: &["AWS::AutoScaling::AutoScalingGroup"],
    tf_types: &["aws_autoscaling_group"],
    reads: &["AWS::EC2::Subnet", "aws_subnet"],
    controls: Controls {
        fsbp: &["AutoScaling.2"],
        config: &["AUTOSCALING_MULTIPLE_AZ"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    group_spread(resource, cx)
}
