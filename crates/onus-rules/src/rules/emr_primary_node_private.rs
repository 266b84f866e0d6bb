//! # emr.primary-node-private: EMR cluster nodes are launched in subnets that do not assign public IP addresses
//!
//! ## Why this is your duty
//! EMR is a container service: AWS provisions the cluster's EC2 instances,
//! but in the subnet you choose, and network exposure is the customer's
//! duty. In a subnet that maps public IPv4 addresses on launch, the primary
//! node gets a public address and is one security group away from the
//! internet.
//!
//! ## What AWS already does
//! Launches the nodes in `Instances.Ec2SubnetId` / `ec2_attributes {
//! subnet_id }`; without a subnet, in a default subnet of the default VPC,
//! which assigns public addresses.
//!
//! ## Verdicts
//! The subnet is judged by `vpc.subnet-no-auto-public-ip`:
//! - met: it does not assign public addresses;
//! - not met: it does, or no subnet is named (a default subnet);
//! - unknown: the subnet is not in the code or cannot be resolved.
//!
//! ## Examples
//! ```yaml Cluster=met
//! Resources:
//!   Private:
//!     Type: AWS::EC2::Subnet
//!     Properties:
//!       VpcId: vpc-12345678
//!       CidrBlock: 10.0.1.0/24
//!   Cluster:
//!     Type: AWS::EMR::Cluster
//!     Properties:
//!       Name: analytics
//!       ReleaseLabel: emr-7.1.0
//!       JobFlowRole: EMR_EC2_DefaultRole
//!       ServiceRole: EMR_DefaultRole
//!       Instances:
//!         Ec2SubnetId: !Ref Private
//!         MasterInstanceGroup:
//!           InstanceCount: 1
//!           InstanceType: m7g.xlarge
//! ```
//! ```yaml fail
//! Resources:
//!   Cluster:
//!     Type: AWS::EMR::Cluster
//!     Properties:
//!       Name: analytics
//!       ReleaseLabel: emr-7.1.0
//!       JobFlowRole: EMR_EC2_DefaultRole
//!       ServiceRole: EMR_DefaultRole
//!       Instances:
//!         MasterInstanceGroup:
//!           InstanceCount: 1
//!           InstanceType: m7g.xlarge
//! ```
//! ```hcl aws_emr_cluster.analytics=met
//! resource "aws_subnet" "private" {
//!   vpc_id     = "vpc-12345678"
//!   cidr_block = "10.0.1.0/24"
//! }
//! resource "aws_emr_cluster" "analytics" {
//!   name          = "analytics"
//!   release_label = "emr-7.1.0"
//!   service_role  = "EMR_DefaultRole"
//!   ec2_attributes {
//!     subnet_id        = aws_subnet.private.id
//!     instance_profile = "EMR_EC2_DefaultRole"
//!   }
//! }
//! ```
//! ```hcl aws_emr_cluster.analytics=not-met
//! resource "aws_subnet" "public" {
//!   vpc_id                  = "vpc-12345678"
//!   cidr_block              = "10.0.0.0/24"
//!   map_public_ip_on_launch = true
//! }
//! resource "aws_emr_cluster" "analytics" {
//!   name          = "analytics"
//!   release_label = "emr-7.1.0"
//!   service_role  = "EMR_DefaultRole"
//!   ec2_attributes {
//!     subnet_id        = aws_subnet.public.id
//!     instance_profile = "EMR_EC2_DefaultRole"
//!   }
//! }
//! ```

use crate::check::prop;
use crate::context::Context;
use crate::lists::subnet_assigns_no_public_ip;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "emr.primary-node-private",
    title: "EMR cluster nodes are launched in subnets that do not assign public IP addresses",
    duty: Duty::NetworkExposure,
    severity: Severity::High,
    cfn_types: &["AWS::EMR::Cluster"],
    tf_types: &["aws_emr_cluster"],
    reads: &["AWS::EC2::Subnet", "aws_subnet", "aws_default_subnet"],
    controls: Controls {
        fsbp: &["EMR.1"],
        config: &["EMR_MASTER_NO_PUBLIC_IP"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let attr = ("Instances.Ec2SubnetId", "ec2_attributes.subnet_id");
    let (node, path) = prop(resource, attr.0, attr.1);
    if node.is_none() {
        return Verdict::missing(
            resource,
            path,
            format!(
                "{path} is not set: the nodes launch in a default subnet, which assigns public addresses"
            ),
        );
    }
    subnet_assigns_no_public_ip(resource, cx, attr)
}
