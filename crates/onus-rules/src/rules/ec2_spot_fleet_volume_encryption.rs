//! # ec2.spot-fleet-volume-encryption: spot fleet launch specifications encrypt their EBS volumes
//!
//! ## Why this is your duty
//! EC2 is an infrastructure service: the data on the volumes of the
//! instances a spot fleet launches is yours to protect, and EBS encrypts a
//! volume only when asked. A fleet's launch specifications are launch
//! settings like a launch template's, and just as easy to leave unencrypted.
//!
//! ## What AWS already does
//! Encrypts a launched volume when the mapping asks for it, when it comes
//! from an encrypted snapshot or AMI, or when the Region's EBS encryption by
//! default is on (off until you enable it).
//!
//! ## Verdicts
//! Reads every launch specification of `AWS::EC2::SpotFleet`
//! (`SpotFleetRequestConfigData.LaunchSpecifications[].BlockDeviceMappings[].Ebs`)
//! and Terraform `aws_spot_fleet_request` (`launch_specification {
//! root_block_device, ebs_block_device }`), each judged like an instance by
//! `ec2.volume-encryption`:
//! - met: an `aws_ebs_encryption_by_default` for the same Region is enabled,
//!   or every EBS device of every specification has `encrypted` true, the
//!   root volume included;
//! - not met: a device with `encrypted` false, or a new non-root volume
//!   without the flag;
//! - unknown: a device from a snapshot without the flag, or a root volume
//!   whose flag is not set (it follows the AMI), or an unresolved value;
//! - not applicable: a fleet launched from launch templates only (the
//!   templates are judged by `ec2.volume-encryption`).
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Fleet:
//!     Type: AWS::EC2::SpotFleet
//!     Properties:
//!       SpotFleetRequestConfigData:
//!         IamFleetRole: arn:aws:iam::111122223333:role/fleet
//!         TargetCapacity: 2
//!         LaunchSpecifications:
//!           - ImageId: ami-0123456789abcdef0
//!             InstanceType: m5.large
//!             BlockDeviceMappings:
//!               - DeviceName: /dev/xvda
//!                 Ebs:
//!                   Encrypted: true
//! ```
//! ```yaml fail
//! Resources:
//!   Fleet:
//!     Type: AWS::EC2::SpotFleet
//!     Properties:
//!       SpotFleetRequestConfigData:
//!         IamFleetRole: arn:aws:iam::111122223333:role/fleet
//!         TargetCapacity: 2
//!         LaunchSpecifications:
//!           - ImageId: ami-0123456789abcdef0
//!             InstanceType: m5.large
//!             BlockDeviceMappings:
//!               - DeviceName: /dev/xvda
//!                 Ebs:
//!                   Encrypted: true
//!               - DeviceName: /dev/sdf
//!                 Ebs:
//!                   VolumeSize: 100
//! ```
//! ```hcl pass
//! resource "aws_spot_fleet_request" "fleet" {
//!   iam_fleet_role  = "arn:aws:iam::111122223333:role/fleet"
//!   target_capacity = 2
//!   launch_specification {
//!     ami           = "ami-0123456789abcdef0"
//!     instance_type = "m5.large"
//!     root_block_device {
//!       encrypted = true
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_spot_fleet_request" "fleet" {
//!   iam_fleet_role  = "arn:aws:iam::111122223333:role/fleet"
//!   target_capacity = 2
//!   launch_specification {
//!     ami           = "ami-0123456789abcdef0"
//!     instance_type = "m5.large"
//!     root_block_device {
//!       encrypted = false
//!     }
//!   }
//! }
//! ```

use crate::check::{all_of, get, items};
use crate::context::Context;
use crate::instance::{DeviceStyle, devices_in, encrypted_by_default, judge_devices};
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ec2.spot-fleet-volume-encryption",
    title: "Spot fleet launch specifications encrypt their EBS volumes",
    duty: Duty::EncryptionAtRest,
    severity: Severity::Medium,
    cfn_types: &["AWS::EC2::SpotFleet"],
    tf_types: &["aws_spot_fleet_request"],
    reads: &["aws_ebs_encryption_by_default"],
    controls: Controls {
        fsbp: &["EC2.173"],
        config: &["EC2_SPOT_FLEET_REQUEST_CT_ENCRYPTION_AT_REST"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    if let Some(met) = encrypted_by_default(resource, cx) {
        return met;
    }
    let (path, style) = if resource.format.is_terraform() {
        ("launch_specification", DeviceStyle::TfInstance)
    } else {
        (
            "SpotFleetRequestConfigData.LaunchSpecifications",
            DeviceStyle::Cfn,
        )
    };
    let specs = items(get(resource, path));
    if specs.is_empty() {
        return Verdict::not_applicable(
            resource,
            "the fleet launches from launch templates, judged by ec2.volume-encryption",
        );
    }
    let verdicts = specs
        .iter()
        .enumerate()
        .map(|(i, spec)| {
            let devices: Vec<_> = devices_in(spec, &format!("{path}[{i}]."), style)
                .into_iter()
                .map(|d| (d, None))
                .collect();
            judge_devices(resource, &devices)
        })
        .collect();
    all_of(verdicts).unwrap_or_else(|| Verdict::not_applicable(resource, "no launch specification"))
}
