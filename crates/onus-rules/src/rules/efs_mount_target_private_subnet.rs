//! # efs.mount-target-private-subnet: EFS mount targets are not in subnets that assign public IP addresses
//!
//! ## Why this is your duty
//! EFS is an abstracted service: AWS serves NFS through the mount targets
//! you place, and where they sit is the customer's network-exposure duty. A
//! subnet that assigns public addresses on launch is a public subnet, and
//! everything placed in it is one security group away from the internet.
//!
//! ## What AWS already does
//! Creates the mount target in the subnet you name; the subnet's
//! `MapPublicIpOnLaunch` is false by default, except in default subnets.
//!
//! ## Verdicts
//! The subnet is the one `SubnetId` / `subnet_id` names (by reference or
//! literal id), judged by `vpc.subnet-no-auto-public-ip`:
//! - met: it does not assign public addresses;
//! - not met: it does (`MapPublicIpOnLaunch: true`, or a default subnet);
//! - unknown: the subnet is not in the code or cannot be resolved.
//!
//! ## Examples
//! ```yaml Mount=met
//! Resources:
//!   Public:
//!     Type: AWS::EC2::Subnet
//!     Properties:
//!       VpcId: vpc-12345678
//!       CidrBlock: 10.0.0.0/24
//!   Mount:
//!     Type: AWS::EFS::MountTarget
//!     Properties:
//!       FileSystemId: fs-12345678
//!       SubnetId: !Ref Public
//!       SecurityGroups: [sg-12345678]
//! ```
//! ```yaml Mount=not-met
//! Resources:
//!   Public:
//!     Type: AWS::EC2::Subnet
//!     Properties:
//!       VpcId: vpc-12345678
//!       CidrBlock: 10.0.0.0/24
//!       MapPublicIpOnLaunch: true
//!   Mount:
//!     Type: AWS::EFS::MountTarget
//!     Properties:
//!       FileSystemId: fs-12345678
//!       SubnetId: !Ref Public
//!       SecurityGroups: [sg-12345678]
//! ```
//! ```hcl aws_efs_mount_target.files=met
//! resource "aws_subnet" "private" {
//!   vpc_id     = "vpc-12345678"
//!   cidr_block = "10.0.1.0/24"
//! }
//! resource "aws_efs_mount_target" "files" {
//!   file_system_id = "fs-12345678"
//!   subnet_id      = aws_subnet.private.id
//! }
//! ```
//! ```hcl aws_efs_mount_target.files=not-met
//! resource "aws_default_subnet" "a" {
//!   availability_zone = "eu-west-1a"
//! }
//! resource "aws_efs_mount_target" "files" {
//!   file_system_id = "fs-12345678"
//!   subnet_id      = aws_default_subnet.a.id
//! }
//! ```

use crate::context::Context;
use crate::lists::subnet_assigns_no_public_ip;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "efs.mount-target-private-subnet",
    title: "EFS mount targets are not in subnets that assign public IP addresses",
    duty: Duty::NetworkExposure,
    severity: Severity::Medium,
    cfn_types: &["AWS::EFS::MountTarget"],
    tf_types: &["aws_efs_mount_target"],
    reads: &["AWS::EC2::Subnet", "aws_subnet", "aws_default_subnet"],
    controls: Controls {
        fsbp: &["EFS.6"],
        config: &["EFS_MOUNT_TARGET_PUBLIC_ACCESSIBLE"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    subnet_assigns_no_public_ip(resource, cx, ("SubnetId", "subnet_id"))
}
