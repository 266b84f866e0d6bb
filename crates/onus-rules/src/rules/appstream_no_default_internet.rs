//! # appstream.no-default-internet: AppStream fleets and image builders get no default internet access
//!
//! ## Why this is your duty
//! AppStream 2.0 is a container-category service: AWS runs the streaming
//! instances, and their network placement is yours. Default internet access
//! gives every streaming instance a public address in an AWS-managed network,
//! outside your VPC's security groups, NAT and egress filtering: users'
//! sessions can then reach (and be reached from) the internet directly.
//!
//! ## What AWS already does
//! Places instances in your VPC subnets without internet access unless
//! `EnableDefaultInternetAccess` / `enable_default_internet_access` is true
//! (false by default); internet access then goes through your NAT gateway.
//!
//! ## Verdicts
//! - met: false or absent;
//! - not met: true;
//! - unknown: the value is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Fleet:
//!     Type: AWS::AppStream::Fleet
//!     Properties:
//!       Name: desktops
//!       InstanceType: stream.standard.medium
//!       ComputeCapacity:
//!         DesiredInstances: 2
//!       VpcConfig:
//!         SubnetIds:
//!           - subnet-12345678
//! ```
//! ```yaml fail
//! Resources:
//!   Builder:
//!     Type: AWS::AppStream::ImageBuilder
//!     Properties:
//!       Name: golden
//!       InstanceType: stream.standard.medium
//!       EnableDefaultInternetAccess: true
//! ```
//! ```hcl pass
//! resource "aws_appstream_fleet" "desktops" {
//!   name          = "desktops"
//!   instance_type = "stream.standard.medium"
//!   compute_capacity {
//!     desired_instances = 2
//!   }
//!   enable_default_internet_access = false
//! }
//! ```
//! ```hcl fail
//! resource "aws_appstream_fleet" "desktops" {
//!   name          = "desktops"
//!   instance_type = "stream.standard.medium"
//!   compute_capacity {
//!     desired_instances = 2
//!   }
//!   enable_default_internet_access = true
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "appstream.no-default-internet",
    title: "AppStream fleets and image builders have no default internet access",
    duty: Duty::NetworkExposure,
    severity: Severity::Medium,
    cfn_types: &["AWS::AppStream::Fleet", "AWS::AppStream::ImageBuilder"],
    tf_types: &["aws_appstream_fleet", "aws_appstream_image_builder"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "EnableDefaultInternetAccess",
        "enable_default_internet_access",
        false,
        false,
        "keeping instances behind your VPC's controls",
    )
}
