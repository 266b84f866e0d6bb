//! EC2 launch settings read the same way from instances, launch templates and
//! launch configurations, in CloudFormation and Terraform: the launch template
//! an instance uses, its block devices, and the Region's EBS
//! encryption-by-default switch.

use crate::check::{get_in, items_cond, spelling};
use crate::context::Context;
use onus_ingest::{Node, Region, Resource};

/// The types that launch instances.
pub const LAUNCH_CFN: &[&str] = &[
    "AWS::EC2::Instance",
    "AWS::EC2::LaunchTemplate",
    "AWS::AutoScaling::LaunchConfiguration",
];
pub const LAUNCH_TF: &[&str] = &[
    "aws_instance",
    "aws_launch_template",
    "aws_launch_configuration",
];

/// Where the launch settings of a resource live: the properties for
/// instances and launch configurations, `LaunchTemplateData` for a
/// CloudFormation launch template.
pub fn launch_data(resource: &Resource) -> Option<&Node> {
    if resource.resource_type == "AWS::EC2::LaunchTemplate" {
        get_in(&resource.properties, "LaunchTemplateData")
    } else {
        Some(&resource.properties)
    }
}

/// The prefix of paths inside [`launch_data`].
pub fn data_prefix(resource: &Resource) -> &'static str {
    if resource.resource_type == "AWS::EC2::LaunchTemplate" {
        "LaunchTemplateData."
    } else {
        ""
    }
}

/// What an instance's `LaunchTemplate` / `launch_template` points at.
pub enum TemplateRef<'w> {
    None,
    Found(&'w Resource),
    /// Set, but not to a template in the scanned code (the node says what).
    Unresolved(&'w Node),
}

/// The launch template an instance is launched from.
pub fn launch_template<'a, 'w: 'a>(resource: &'a Resource, cx: &Context<'w>) -> TemplateRef<'a> {
    let (block, keys): (&str, &[&str]) = if resource.format.is_terraform() {
        ("launch_template", &["id", "name"])
    } else {
        (
            "LaunchTemplate",
            &["LaunchTemplateId", "LaunchTemplateName"],
        )
    };
    let Some(spec) = get_in(&resource.properties, block) else {
        return TemplateRef::None;
    };
    for key in keys {
        if let Some(node) = get_in(spec, key) {
            return match cx.resolve(resource, node) {
                Some(t)
                    if t.resource_type.ends_with("LaunchTemplate")
                        || t.resource_type == "aws_launch_template" =>
                {
                    TemplateRef::Found(t)
                }
                _ => TemplateRef::Unresolved(node),
            };
        }
    }
    TemplateRef::Unresolved(spec)
}

/// An `aws_ebs_encryption_by_default` that switches encryption on for the
/// Region of `resource` (same Region, or the same unresolved Region, i.e. the
/// same provider), if one is in the workload.
pub fn ebs_default_encryption<'w>(resource: &Resource, cx: &Context<'w>) -> Option<&'w Resource> {
    cx.of_type(&["aws_ebs_encryption_by_default"]).find(|r| {
        !r.is_data
            && same_region(r, resource)
            && match get_in(&r.properties, "enabled") {
                None => true,
                Some(n) => n.as_bool() == Some(true),
            }
    })
}

/// True when two resources are in the same Region: the same known Region, or
/// the same unresolved Region of the same Terraform provider scope.
pub fn same_region(a: &Resource, b: &Resource) -> bool {
    match (&a.region, &b.region) {
        (Region::Known(x), Region::Known(y)) => x == y,
        (Region::Unknown(x), Region::Unknown(y)) => {
            x == y && a.format.is_terraform() && b.format.is_terraform() && a.same_scope(b)
        }
        _ => false,
    }
}

/// One EBS block device of a launch: its node, path, device name,
/// encryption flag and snapshot.
pub struct BlockDevice<'a> {
    pub node: &'a Node,
    pub path: String,
    pub device: Option<&'a Node>,
    pub encrypted: Option<&'a Node>,
    pub snapshot: Option<&'a Node>,
    /// Terraform `root_block_device`.
    pub is_root: bool,
    /// The mapping exists only under a condition.
    pub conditional: bool,
}

/// The EBS block devices a resource declares (instance-store and
/// `NoDevice` mappings are left out).
pub fn block_devices(resource: &Resource) -> Vec<BlockDevice<'_>> {
    let mut out = Vec::new();
    let Some(data) = launch_data(resource) else {
        return out;
    };
    let prefix = data_prefix(resource);
    if resource.format.is_terraform() {
        match resource.resource_type.as_str() {
            "aws_launch_template" => {
                for (i, (m, conditional)) in items_cond(get_in(data, "block_device_mappings"))
                    .into_iter()
                    .enumerate()
                {
                    let Some(ebs) = get_in(m, "ebs") else {
                        continue;
                    };
                    out.push(BlockDevice {
                        node: m,
                        path: format!("block_device_mappings[{i}].ebs"),
                        device: get_in(m, "device_name"),
                        encrypted: get_in(ebs, "encrypted"),
                        snapshot: get_in(ebs, "snapshot_id"),
                        is_root: false,
                        conditional,
                    });
                }
            }
            _ => {
                for (i, (m, conditional)) in items_cond(get_in(data, "root_block_device"))
                    .into_iter()
                    .enumerate()
                {
                    out.push(BlockDevice {
                        node: m,
                        path: format!("root_block_device[{i}]"),
                        device: None,
                        encrypted: get_in(m, "encrypted"),
                        snapshot: None,
                        is_root: true,
                        conditional,
                    });
                }
                for (i, (m, conditional)) in items_cond(get_in(data, "ebs_block_device"))
                    .into_iter()
                    .enumerate()
                {
                    out.push(BlockDevice {
                        node: m,
                        path: format!("ebs_block_device[{i}]"),
                        device: get_in(m, "device_name"),
                        encrypted: get_in(m, "encrypted"),
                        snapshot: get_in(m, "snapshot_id"),
                        is_root: false,
                        conditional,
                    });
                }
            }
        }
    } else {
        for (i, (m, conditional)) in items_cond(get_in(data, "BlockDeviceMappings"))
            .into_iter()
            .enumerate()
        {
            let Some(ebs) = get_in(m, "Ebs") else {
                continue;
            };
            out.push(BlockDevice {
                node: m,
                path: format!("{prefix}BlockDeviceMappings[{i}].Ebs"),
                device: get_in(m, "DeviceName"),
                encrypted: get_in(ebs, "Encrypted"),
                snapshot: get_in(ebs, "SnapshotId"),
                is_root: false,
                conditional,
            });
        }
    }
    out
}

/// Device names AMIs use for their root volume.
pub const ROOT_DEVICE_NAMES: &[&str] = &["/dev/xvda", "/dev/sda1", "/dev/sda", "/dev/nvme0n1"];

/// True when the device is (very likely) the root volume.
pub fn is_root(device: &BlockDevice) -> bool {
    device.is_root
        || device
            .device
            .and_then(Node::as_str)
            .is_some_and(|d| ROOT_DEVICE_NAMES.contains(&d.trim()))
}

/// The image the resource launches from, for messages.
pub fn image_of(resource: &Resource) -> String {
    let path = match resource.resource_type.as_str() {
        "AWS::EC2::LaunchTemplate" => "LaunchTemplateData.ImageId",
        _ => spelling(
            resource,
            "ImageId",
            if resource.resource_type == "aws_launch_template" {
                "image_id"
            } else {
                "ami"
            },
        ),
    };
    let path = if resource.resource_type == "aws_launch_configuration" {
        "image_id"
    } else {
        path
    };
    match get_in(&resource.properties, path).and_then(Node::scalar_text) {
        Some(image) => format!("the AMI {image}"),
        None => "the AMI".into(),
    }
}
