//! # ec2.volume-encryption: instance and launch template block devices are encrypted
//!
//! ## Why this is your duty
//! EC2 is an infrastructure service: the data on an instance's volumes is
//! yours to protect, and EBS encrypts a volume only when asked. Volumes
//! created at launch (root and additional block devices) are a common gap,
//! because the root volume silently takes its encryption from the AMI.
//!
//! ## What AWS already does
//! Encrypts a launched volume when the block device mapping asks for it, when
//! it comes from an encrypted snapshot or AMI, or when the Region's EBS
//! encryption by default is on.
//!
//! ## Verdicts
//! Reads the block devices of `AWS::EC2::Instance` (`BlockDeviceMappings[].Ebs`),
//! `AWS::EC2::LaunchTemplate` (`LaunchTemplateData.BlockDeviceMappings[].Ebs`),
//! `AWS::AutoScaling::LaunchConfiguration` (`BlockDeviceMappings[].Ebs`), and
//! Terraform `aws_instance` / `aws_launch_configuration` (`root_block_device`,
//! `ebs_block_device`) and `aws_launch_template`
//! (`block_device_mappings { ebs { encrypted } }`). An instance's launch
//! template, when it is in the scanned code, contributes its devices too.
//! - met: an `aws_ebs_encryption_by_default` for the same Region is enabled,
//!   or every EBS device has `encrypted` true and the root volume is among
//!   them (Terraform `root_block_device`, or a mapping named `/dev/xvda`,
//!   `/dev/sda1`, `/dev/sda` or `/dev/nvme0n1`);
//! - not met: a device with `encrypted` false, or a non-root device without
//!   the flag and without a snapshot (a new volume defaults to unencrypted);
//! - unknown: a device from a snapshot without the flag, an unresolved flag,
//!   or a root volume whose flag is not set (no root mapping, or one without
//!   `encrypted`): it then takes its encryption from the AMI's snapshot,
//!   which is not in the code.
//!
//! Set `encrypted` on every device including the root, or turn on EBS
//! encryption by default (`ebs.default-encryption`).
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Web:
//!     Type: AWS::EC2::Instance
//!     Properties:
//!       ImageId: ami-0123456789abcdef0
//!       InstanceType: t3.micro
//!       BlockDeviceMappings:
//!         - DeviceName: /dev/xvda
//!           Ebs:
//!             VolumeSize: 20
//!             Encrypted: true
//! ```
//! ```yaml fail
//! Resources:
//!   Web:
//!     Type: AWS::EC2::Instance
//!     Properties:
//!       ImageId: ami-0123456789abcdef0
//!       InstanceType: t3.micro
//!       BlockDeviceMappings:
//!         - DeviceName: /dev/xvda
//!           Ebs:
//!             Encrypted: true
//!         - DeviceName: /dev/xvdf
//!           Ebs:
//!             VolumeSize: 100
//! ```
//! ```yaml unknown
//! Resources:
//!   Web:
//!     Type: AWS::EC2::Instance
//!     Properties:
//!       ImageId: ami-0123456789abcdef0
//!       InstanceType: t3.micro
//! ```
//! ```yaml fail
//! Resources:
//!   Template:
//!     Type: AWS::EC2::LaunchTemplate
//!     Properties:
//!       LaunchTemplateData:
//!         ImageId: ami-0123456789abcdef0
//!         BlockDeviceMappings:
//!           - DeviceName: /dev/xvda
//!             Ebs:
//!               Encrypted: true
//!           - DeviceName: /dev/xvdb
//!             Ebs:
//!               Encrypted: false
//! ```
//! ```hcl pass
//! resource "aws_instance" "web" {
//!   ami           = "ami-0123456789abcdef0"
//!   instance_type = "t3.micro"
//!   root_block_device {
//!     volume_size = 20
//!     encrypted   = true
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_instance" "web" {
//!   ami           = "ami-0123456789abcdef0"
//!   instance_type = "t3.micro"
//!   root_block_device {
//!     encrypted = true
//!   }
//!   ebs_block_device {
//!     device_name = "/dev/xvdf"
//!     volume_size = 100
//!   }
//! }
//! ```
//! ```hcl unknown
//! resource "aws_instance" "web" {
//!   ami           = "ami-0123456789abcdef0"
//!   instance_type = "t3.micro"
//! }
//! ```
//! ```hcl fail
//! resource "aws_launch_template" "web" {
//!   image_id = "ami-0123456789abcdef0"
//!   block_device_mappings {
//!     device_name = "/dev/xvda"
//!     ebs {
//!       encrypted = "false"
//!     }
//!   }
//! }
//! resource "aws_instance" "web" {
//!   launch_template {
//!     id = aws_launch_template.web.id
//!   }
//! }
//! ```
//! ```hcl pass
//! resource "aws_launch_template" "web" {
//!   image_id = "ami-0123456789abcdef0"
//!   block_device_mappings {
//!     device_name = "/dev/xvda"
//!     ebs {
//!       encrypted = "true"
//!     }
//!   }
//! }
//! ```
//! ```hcl pass
//! resource "aws_ebs_encryption_by_default" "on" {}
//! resource "aws_instance" "web" {
//!   ami           = "ami-0123456789abcdef0"
//!   instance_type = "t3.micro"
//! }
//! ```

use crate::check::{get_in, spelling};
use crate::context::Context;
use crate::instance::{
    LAUNCH_CFN, LAUNCH_TF, TemplateRef, block_devices, encrypted_by_default, is_root,
    judge_devices, launch_template,
};
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ec2.volume-encryption",
    title: "Instance and launch template block devices are encrypted",
    duty: Duty::EncryptionAtRest,
    severity: Severity::High,
    cfn_types: LAUNCH_CFN,
    tf_types: LAUNCH_TF,
    reads: &["aws_ebs_encryption_by_default"],
    controls: Controls {
        fsbp: &["EC2.3", "EC2.181"],
        config: &["ENCRYPTED_VOLUMES"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_8", Same),
        cfn_nag("W37", Related),
        trivy("AVD-AWS-0131", Same),
        trivy("AVD-AWS-0008", Same),
        guard("ENCRYPTED_VOLUMES", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    if let Some(met) = encrypted_by_default(resource, cx) {
        return met;
    }
    // (device, where to point: None = the device itself, Some = the instance's
    // launch template reference, for devices that come from the template)
    let mut devices: Vec<_> = block_devices(resource)
        .into_iter()
        .map(|d| (d, None))
        .collect();
    if let TemplateRef::Found(t) = launch_template(resource, cx) {
        let at = get_in(
            &resource.properties,
            spelling(resource, "LaunchTemplate", "launch_template"),
        )
        .map(|n| (n.span, t.id.clone()));
        // The instance's own mapping for a device name overrides the template's.
        let own: Vec<String> = devices
            .iter()
            .filter_map(|(d, _)| d.device.and_then(|n| n.scalar_text()))
            .collect();
        let own_root = devices.iter().any(|(d, _)| d.is_root);
        devices.extend(
            block_devices(t)
                .into_iter()
                .filter(|d| {
                    let named = d.device.and_then(|n| n.scalar_text());
                    let overridden = named.is_some_and(|n| own.contains(&n));
                    !(overridden || (own_root && is_root(d)))
                })
                .map(|d| (d, at.clone())),
        );
    }
    judge_devices(resource, &devices)
}
