//! # ec2.no-public-ip: instances get no public IPv4 address
//!
//! ## Why this is your duty
//! EC2 is an infrastructure service and the network path to an instance is
//! yours to design. An instance with a public IPv4 address is reachable from
//! the internet as soon as a security group or NACL allows it; instances
//! behind a load balancer, NAT gateway or Session Manager need none.
//!
//! ## What AWS already does
//! Assigns a public IPv4 address at launch only when the launch asks for one
//! or the subnet's `MapPublicIpOnLaunch` is on; the default subnets of the
//! default VPC have it on.
//!
//! ## Verdicts
//! Reads `AssociatePublicIpAddress` of the primary network interface:
//! `AWS::EC2::Instance` `NetworkInterfaces[]`, `AWS::EC2::LaunchTemplate`
//! `LaunchTemplateData.NetworkInterfaces[]`,
//! `AWS::AutoScaling::LaunchConfiguration` `AssociatePublicIpAddress`, and
//! Terraform `associate_public_ip_address` on `aws_instance` and
//! `aws_launch_configuration`, `network_interfaces { associate_public_ip_address }`
//! on `aws_launch_template`.
//! - not met: `true`;
//! - met: `false`, or an instance whose primary interface is an existing
//!   network interface (`NetworkInterfaceId` / `network_interface` block:
//!   AWS only auto-assigns public addresses to new interfaces);
//! - absent on an instance: its launch template's setting, when the
//!   template is in the scanned code, then its subnet decides. A subnet in the scanned code
//!   (`SubnetId` / `subnet_id` reference) with `MapPublicIpOnLaunch` /
//!   `map_public_ip_on_launch` true (default false; `aws_default_subnet`
//!   defaults to true) → not met, false → met; a subnet outside the code →
//!   unknown naming it; no subnet at all → not met (the instance launches
//!   into a default subnet, which assigns public addresses);
//! - absent on a launch template or launch configuration: not applicable,
//!   the subnet it is launched into decides (checked by
//!   `vpc.subnet-no-auto-public-ip`).
//!
//! Elastic IP associations are not read by this rule.
//!
//! ## Examples
//! ```yaml Web=met
//! Resources:
//!   Private:
//!     Type: AWS::EC2::Subnet
//!     Properties:
//!       VpcId: vpc-123
//!       CidrBlock: 10.0.1.0/24
//!   Web:
//!     Type: AWS::EC2::Instance
//!     Properties:
//!       ImageId: ami-0123456789abcdef0
//!       SubnetId: !Ref Private
//! ```
//! ```yaml fail
//! Resources:
//!   Web:
//!     Type: AWS::EC2::Instance
//!     Properties:
//!       ImageId: ami-0123456789abcdef0
//!       NetworkInterfaces:
//!         - DeviceIndex: "0"
//!           SubnetId: subnet-123
//!           AssociatePublicIpAddress: true
//! ```
//! ```yaml fail
//! Resources:
//!   Public:
//!     Type: AWS::EC2::Subnet
//!     Properties:
//!       VpcId: vpc-123
//!       CidrBlock: 10.0.0.0/24
//!       MapPublicIpOnLaunch: true
//!   Web:
//!     Type: AWS::EC2::Instance
//!     Properties:
//!       ImageId: ami-0123456789abcdef0
//!       SubnetId: !Ref Public
//! ```
//! ```yaml unknown
//! Resources:
//!   Web:
//!     Type: AWS::EC2::Instance
//!     Properties:
//!       ImageId: ami-0123456789abcdef0
//!       SubnetId: subnet-0123456789abcdef0
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Template:
//!     Type: AWS::EC2::LaunchTemplate
//!     Properties:
//!       LaunchTemplateData:
//!         ImageId: ami-0123456789abcdef0
//! ```
//! ```hcl aws_instance.web=met
//! resource "aws_subnet" "private" {
//!   vpc_id     = "vpc-123"
//!   cidr_block = "10.0.1.0/24"
//! }
//! resource "aws_instance" "web" {
//!   ami       = "ami-0123456789abcdef0"
//!   subnet_id = aws_subnet.private.id
//! }
//! ```
//! ```hcl fail
//! resource "aws_instance" "web" {
//!   ami                         = "ami-0123456789abcdef0"
//!   subnet_id                   = "subnet-123"
//!   associate_public_ip_address = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_instance" "web" {
//!   ami = "ami-0123456789abcdef0"
//! }
//! ```
//! ```hcl pass
//! resource "aws_launch_template" "web" {
//!   image_id = "ami-0123456789abcdef0"
//!   network_interfaces {
//!     associate_public_ip_address = "false"
//!   }
//! }
//! ```
//! ```yaml Web=not-met
//! Resources:
//!   Template:
//!     Type: AWS::EC2::LaunchTemplate
//!     Properties:
//!       LaunchTemplateData:
//!         ImageId: ami-0123456789abcdef0
//!         NetworkInterfaces:
//!           - DeviceIndex: 0
//!             SubnetId: subnet-123
//!             AssociatePublicIpAddress: true
//!   Web:
//!     Type: AWS::EC2::Instance
//!     Properties:
//!       LaunchTemplate:
//!         LaunchTemplateId: !Ref Template
//!         Version: !GetAtt Template.LatestVersionNumber
//! ```
//! ```hcl aws_instance.web=not-met
//! resource "aws_subnet" "public" {
//!   vpc_id                  = "vpc-123"
//!   cidr_block              = "10.0.0.0/24"
//!   map_public_ip_on_launch = true
//! }
//! resource "aws_instance" "web" {
//!   ami       = "ami-0123456789abcdef0"
//!   subnet_id = aws_subnet.public.id
//! }
//! ```

use crate::check::{Judgement, get_in, items_cond, judge, spelling, verdict_of};
use crate::context::Context;
use crate::instance::{
    LAUNCH_CFN, LAUNCH_TF, TemplateRef, data_prefix, launch_data, launch_template,
};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ec2.no-public-ip",
    title: "Instances are launched without a public IPv4 address",
    duty: Duty::NetworkExposure,
    severity: Severity::High,
    cfn_types: LAUNCH_CFN,
    tf_types: LAUNCH_TF,
    reads: &["AWS::EC2::Subnet", "aws_subnet", "aws_default_subnet"],
    controls: Controls {
        fsbp: &["EC2.9", "EC2.25", "Autoscaling.5"],
        config: &[
            "EC2_INSTANCE_NO_PUBLIC_IP",
            "AUTOSCALING_LAUNCH_CONFIG_PUBLIC_IP_DISABLED",
        ],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_88", Same),
        checkov("CKV_AWS_389", Same),
        trivy("AVD-AWS-0009", Related),
        guard("EC2_INSTANCE_NO_PUBLIC_IP", Same),
        guard("AUTOSCALING_LAUNCH_CONFIG_PUBLIC_IP_DISABLED", Same),
    ],
    check,
    file: file!(),
};

/// The primary network interface (`DeviceIndex` 0, or the only one).
/// The network interfaces with their index and whether each exists only
/// under a condition, and the position of the primary one (`DeviceIndex` 0,
/// or the only one).
fn interfaces<'a>(list: &'a Node, index_key: &str) -> (Vec<(&'a Node, bool)>, Option<usize>) {
    let all = items_cond(Some(list));
    let primary = all
        .iter()
        .position(|(n, _)| {
            get_in(n, index_key)
                .and_then(Node::as_i64)
                .is_some_and(|i| i == 0)
        })
        .or(if all.len() == 1 { Some(0) } else { None });
    (all, primary)
}

fn judge_flag(resource: &Resource, flag: &Node, path: &str) -> Verdict {
    let j = judge(flag, &mut |n| match n.as_bool() {
        Some(b) => Judgement::from_bool(!b, n, || {
            format!("{path} is true: a public IPv4 address is assigned")
        }),
        None => Judgement::no(n, format!("{path} is not a boolean")),
    });
    verdict_of(resource, flag, path, j, format!("{path} is false"))
}

/// What a launch's settings say about the primary interface's public address.
enum Says<'a> {
    Flag(&'a Node, String),
    Eni(&'a Node, String),
    Nothing,
}

/// Reads the flag (top-level or on the primary interface) and the subnet.
fn read<'a>(resource: &'a Resource) -> (Says<'a>, Option<(&'a Node, String)>) {
    let tf = resource.format.is_terraform();
    let Some(data) = launch_data(resource) else {
        return (Says::Nothing, None);
    };
    let prefix = data_prefix(resource);
    let (nis_key, flag_key, index_key, eni_key, subnet_key) = if tf {
        (
            "network_interfaces",
            "associate_public_ip_address",
            "device_index",
            "network_interface_id",
            "subnet_id",
        )
    } else {
        (
            "NetworkInterfaces",
            "AssociatePublicIpAddress",
            "DeviceIndex",
            "NetworkInterfaceId",
            "SubnetId",
        )
    };
    let mut subnet = get_in(data, subnet_key).map(|n| (n, format!("{prefix}{subnet_key}")));
    if let Some(flag) = get_in(data, flag_key) {
        return (Says::Flag(flag, format!("{prefix}{flag_key}")), subnet);
    }
    if let Some(list) = get_in(data, nis_key) {
        let (all, primary) = interfaces(list, index_key);
        // Any interface that may ask for a public address decides (a
        // conditional one too: every branch must pass).
        for (i, (ni, _)) in all.iter().enumerate() {
            if let Some(flag) = get_in(ni, flag_key)
                && flag.as_bool() != Some(false)
            {
                let at = format!("{prefix}{nis_key}[{i}]");
                return (Says::Flag(flag, format!("{at}.{flag_key}")), subnet);
            }
        }
        // Otherwise only an unconditional primary interface can settle it.
        if let Some(i) = primary
            && let Some((ni, false)) = all.get(i).copied()
        {
            let at = format!("{prefix}{nis_key}[{i}]");
            if let Some(s) = get_in(ni, subnet_key) {
                subnet = Some((s, format!("{at}.{subnet_key}")));
            }
            if let Some(flag) = get_in(ni, flag_key) {
                return (Says::Flag(flag, format!("{at}.{flag_key}")), subnet);
            }
            if let Some(eni) = get_in(ni, eni_key) {
                return (Says::Eni(eni, format!("{at}.{eni_key}")), subnet);
            }
        }
    }
    // Terraform instances attaching an existing interface.
    if tf
        && resource.resource_type == "aws_instance"
        && let Some(eni) = get_in(data, "network_interface")
    {
        return (Says::Eni(eni, "network_interface".into()), subnet);
    }
    (Says::Nothing, subnet)
}

const EXISTING_ENI: &str =
    "the primary interface is an existing network interface: no public address is auto-assigned";

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let (says, mut subnet) = read(resource);
    match says {
        Says::Flag(flag, path) => return judge_flag(resource, flag, &path),
        Says::Eni(eni, path) => return Verdict::met(resource, eni.span, &path, EXISTING_ENI),
        Says::Nothing => {}
    }
    let is_instance = matches!(
        resource.resource_type.as_str(),
        "AWS::EC2::Instance" | "aws_instance"
    );
    let flag_key = spelling(
        resource,
        "AssociatePublicIpAddress",
        "associate_public_ip_address",
    );
    if !is_instance {
        return Verdict::not_applicable(
            resource,
            format!(
                "{flag_key} is not set: the subnet it launches into decides (see vpc.subnet-no-auto-public-ip)"
            ),
        );
    }
    // An instance's launch template fills in what the instance leaves out.
    let template = launch_template(resource, cx);
    if let TemplateRef::Found(t) = template {
        let template_span = get_in(
            &resource.properties,
            spelling(resource, "LaunchTemplate", "launch_template"),
        )
        .map(|n| n.span)
        .unwrap_or(resource.name_span);
        let (t_says, t_subnet) = read(t);
        match t_says {
            Says::Flag(flag, path) => {
                let path = format!("{}: {path}", t.id);
                let mut v = judge_flag(t, flag, &path);
                v.file = resource.file;
                v.span = template_span;
                return v;
            }
            Says::Eni(_, path) => {
                return Verdict::met(
                    resource,
                    template_span,
                    &format!("{}: {path}", t.id),
                    EXISTING_ENI,
                );
            }
            Says::Nothing => {}
        }
        if subnet.is_none()
            && let Some((node, path)) = t_subnet
        {
            // The template's subnet is judged from the template's scope.
            let mut v = judge_subnet(t, cx, node, &format!("{}: {path}", t.id));
            v.file = resource.file;
            v.span = template_span;
            return v;
        }
    }
    let subnet_key = spelling(resource, "SubnetId", "subnet_id");
    let Some((subnet, subnet_path)) = subnet.take() else {
        if let TemplateRef::Unresolved(node) = template {
            return Verdict::unknown(
                resource,
                node.span,
                spelling(resource, "LaunchTemplate", "launch_template"),
                "the network settings of a launch template outside the scanned code",
            );
        }
        return Verdict::missing(
            resource,
            subnet_key,
            format!(
                "no {subnet_key} and no {flag_key}: the instance launches into a default subnet, which assigns a public IPv4 address"
            ),
        );
    };
    judge_subnet(resource, cx, subnet, &subnet_path)
}

fn judge_subnet(resource: &Resource, cx: &Context, subnet: &Node, path: &str) -> Verdict {
    let j = judge(subnet, &mut |n| {
        let Some(s) = cx.resolve(resource, n) else {
            let name = n.scalar_text().unwrap_or_else(|| "the subnet".into());
            return Judgement::Unknown(
                n.span,
                format!("MapPublicIpOnLaunch of {name}, which is not in the scanned code"),
            );
        };
        let (key, default) = match s.resource_type.as_str() {
            "aws_subnet" => ("map_public_ip_on_launch", false),
            "aws_default_subnet" => ("map_public_ip_on_launch", true),
            "AWS::EC2::Subnet" => ("MapPublicIpOnLaunch", false),
            other => {
                return Judgement::Unknown(
                    n.span,
                    format!("the subnet setting of {other} {}", s.id),
                );
            }
        };
        match get_in(&s.properties, key) {
            None if default => Judgement::no(
                n,
                format!(
                    "subnet {} assigns public IPv4 addresses ({key} defaults to true)",
                    s.id
                ),
            ),
            None => Judgement::Yes,
            Some(flag) => match judge(flag, &mut |f| match f.as_bool() {
                Some(b) => Judgement::from_bool(!b, f, || ""),
                None => Judgement::no(f, ""),
            }) {
                Judgement::Yes => Judgement::Yes,
                Judgement::No(..) => Judgement::no(
                    n,
                    format!(
                        "subnet {} assigns public IPv4 addresses ({key} is true)",
                        s.id
                    ),
                ),
                Judgement::Unknown(_, what) => {
                    Judgement::Unknown(n.span, format!("{key} of subnet {}: {what}", s.id))
                }
            },
        }
    });
    verdict_of(
        resource,
        subnet,
        path,
        j,
        "the instance's subnet does not assign public IPv4 addresses",
    )
}
