//! # datasync.efs-in-transit: DataSync encrypts its traffic to EFS
//!
//! ## Why this is your duty
//! DataSync is an abstracted service: AWS runs the transfer, but whether the
//! NFS traffic between DataSync and your EFS file system is wrapped in TLS is
//! a setting of your EFS location. Protecting data in transit is always the
//! customer's side of the model.
//!
//! ## What AWS already does
//! Mounts the file system without TLS (`InTransitEncryption: NONE`) unless
//! the location asks for `TLS1_2`.
//!
//! ## Verdicts
//! - met: `InTransitEncryption` / `in_transit_encryption` is `TLS1_2`;
//! - not met: `NONE` or absent;
//! - unknown: the value is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Share:
//!     Type: AWS::DataSync::LocationEFS
//!     Properties:
//!       EfsFilesystemArn: arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/fs-12345678
//!       Ec2Config:
//!         SecurityGroupArns:
//!           - arn:aws:ec2:eu-west-1:123456789012:security-group/sg-12345678
//!         SubnetArn: arn:aws:ec2:eu-west-1:123456789012:subnet/subnet-12345678
//!       InTransitEncryption: TLS1_2
//! ```
//! ```yaml fail
//! Resources:
//!   Share:
//!     Type: AWS::DataSync::LocationEFS
//!     Properties:
//!       EfsFilesystemArn: arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/fs-12345678
//!       Ec2Config:
//!         SecurityGroupArns:
//!           - arn:aws:ec2:eu-west-1:123456789012:security-group/sg-12345678
//!         SubnetArn: arn:aws:ec2:eu-west-1:123456789012:subnet/subnet-12345678
//! ```
//! ```hcl pass
//! resource "aws_datasync_location_efs" "share" {
//!   efs_file_system_arn   = "arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/fs-12345678"
//!   in_transit_encryption = "TLS1_2"
//!   ec2_config {
//!     security_group_arns = ["arn:aws:ec2:eu-west-1:123456789012:security-group/sg-12345678"]
//!     subnet_arn          = "arn:aws:ec2:eu-west-1:123456789012:subnet/subnet-12345678"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_datasync_location_efs" "share" {
//!   efs_file_system_arn   = "arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/fs-12345678"
//!   in_transit_encryption = "NONE"
//!   ec2_config {
//!     security_group_arns = ["arn:aws:ec2:eu-west-1:123456789012:security-group/sg-12345678"]
//!     subnet_arn          = "arn:aws:ec2:eu-west-1:123456789012:subnet/subnet-12345678"
//!   }
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "datasync.efs-in-transit",
    title: "DataSync EFS locations encrypt traffic with TLS",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: &["AWS::DataSync::LocationEFS"],
    tf_types: &["aws_datasync_location_efs"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "InTransitEncryption",
        "in_transit_encryption",
        &["TLS1_2"],
        Some("NONE"),
        "TLS to the file system",
    )
}
