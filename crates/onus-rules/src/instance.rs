//! EC2 launch settings read the same way from instances, launch templates and
//! launch configurations, in CloudFormation and Terraform: the launch template
//! an instance uses, its block devices, and the Region's EBS
//! encryption-by-default switch.

use crate::check::{Judgement, get_in, items_cond, judge, spelling};
use crate::context::Context;
use crate::verdict::Verdict;
use onus_ingest::{Node, Region, Resource, Span};

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

/// For an instance that sets nothing itself: `own`'s verdict on the launch
/// template it names (pointed at the instance), an unknown naming `what`
/// when the template is outside the scanned code, `None` when it names no
/// template (or the template sets nothing either). Other types: `None`.
pub fn from_template(
    resource: &Resource,
    cx: &Context,
    own: fn(&Resource) -> Option<Verdict>,
    what: &str,
) -> Option<Verdict> {
    if !matches!(
        resource.resource_type.as_str(),
        "AWS::EC2::Instance" | "aws_instance"
    ) {
        return None;
    }
    match launch_template(resource, cx) {
        TemplateRef::Found(t) => own(t).map(|mut v| {
            v.file = resource.file;
            v.span = resource.name_span;
            v.message = format!("launch template {}: {}", t.id, v.message).into();
            v
        }),
        TemplateRef::Unresolved(node) => Some(Verdict::unknown(
            resource,
            node.span,
            spelling(resource, "LaunchTemplate", "launch_template"),
            format!("{what} of a launch template outside the scanned code"),
        )),
        TemplateRef::None => None,
    }
}

/// The met verdict of a launch whose Region turns on EBS encryption by
/// default (`aws_ebs_encryption_by_default`), if it does.
pub fn encrypted_by_default(resource: &Resource, cx: &Context) -> Option<Verdict> {
    ebs_default_encryption(resource, cx).map(|default| {
        Verdict::met_by_default(
            resource,
            "",
            format!(
                "{} turns on EBS encryption by default in this Region: every launched volume is encrypted",
                default.id
            ),
        )
    })
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
    let Some(data) = launch_data(resource) else {
        return Vec::new();
    };
    let style = match resource.resource_type.as_str() {
        "aws_launch_template" => DeviceStyle::TfTemplate,
        _ if resource.format.is_terraform() => DeviceStyle::TfInstance,
        _ => DeviceStyle::Cfn,
    };
    devices_in(data, data_prefix(resource), style)
}

/// How a launch spells its block devices.
#[derive(Clone, Copy)]
pub enum DeviceStyle {
    /// `BlockDeviceMappings[].Ebs` (every CloudFormation launch).
    Cfn,
    /// Terraform `root_block_device` and `ebs_block_device` blocks
    /// (instances, launch configurations, spot fleet launch specifications).
    TfInstance,
    /// Terraform `block_device_mappings { ebs {} }` (launch templates).
    TfTemplate,
}

/// The EBS block devices in `data`, with paths starting with `prefix`.
pub fn devices_in<'a>(data: &'a Node, prefix: &str, style: DeviceStyle) -> Vec<BlockDevice<'a>> {
    let mut out = Vec::new();
    let mut mappings = |list: &str, ebs_key: Option<&str>, keys: [&str; 3], is_root: bool| {
        for (i, (m, conditional)) in items_cond(get_in(data, list)).into_iter().enumerate() {
            let (ebs, path) = match ebs_key {
                Some(k) => match get_in(m, k) {
                    Some(ebs) => (ebs, format!("{prefix}{list}[{i}].{k}")),
                    None => continue,
                },
                None => (m, format!("{prefix}{list}[{i}]")),
            };
            out.push(BlockDevice {
                node: m,
                path,
                device: (!is_root).then(|| get_in(m, keys[0])).flatten(),
                encrypted: get_in(ebs, keys[1]),
                snapshot: (!is_root).then(|| get_in(ebs, keys[2])).flatten(),
                is_root,
                conditional,
            });
        }
    };
    match style {
        DeviceStyle::Cfn => mappings(
            "BlockDeviceMappings",
            Some("Ebs"),
            ["DeviceName", "Encrypted", "SnapshotId"],
            false,
        ),
        DeviceStyle::TfTemplate => mappings(
            "block_device_mappings",
            Some("ebs"),
            ["device_name", "encrypted", "snapshot_id"],
            false,
        ),
        DeviceStyle::TfInstance => {
            let keys = ["device_name", "encrypted", "snapshot_id"];
            mappings("root_block_device", None, keys, true);
            mappings("ebs_block_device", None, keys, false);
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

/// Where a block device comes from: the resource itself (`None`), or the
/// launch template it names (the reference's span and the template's id).
pub type DeviceSource = Option<(Span, String)>;

/// The verdict of "every EBS device of this launch is encrypted, the root
/// volume included": a device explicitly unencrypted, or a new non-root
/// volume without the flag, is not met; a device from a snapshot without
/// the flag, or a root volume whose flag is not set (it follows the AMI), is
/// unknown.
pub fn judge_devices(resource: &Resource, devices: &[(BlockDevice, DeviceSource)]) -> Verdict {
    let mut unknown: Option<Verdict> = None;
    let mut root_encrypted = false;
    for (device, via) in devices {
        let name = device
            .device
            .and_then(|d| d.scalar_text())
            .unwrap_or_else(|| {
                if device.is_root {
                    "root".into()
                } else {
                    "?".into()
                }
            });
        let mut path = if resource.format.is_terraform() {
            format!("{}.encrypted", device.path)
        } else {
            format!("{}.Encrypted", device.path)
        };
        if let Some((_, template)) = via {
            path = format!("{template}: {path}");
        }
        let span_of = |own: Span| via.as_ref().map(|(s, _)| *s).unwrap_or(own);
        match device.encrypted {
            Some(flag) => {
                let j = judge(flag, &mut |n| match n.as_bool() {
                    Some(b) => Judgement::from_bool(b, n, || "false"),
                    None => Judgement::no(n, "not a boolean"),
                });
                match j {
                    Judgement::Yes => {
                        root_encrypted |= is_root(device) && !device.conditional;
                        continue;
                    }
                    Judgement::Unknown(span, what) => {
                        unknown.get_or_insert_with(|| {
                            Verdict::unknown(resource, span_of(span), &path, what)
                        });
                        continue;
                    }
                    Judgement::No(span, _) => {
                        return Verdict::not_met(
                            resource,
                            span_of(span),
                            &path,
                            format!("block device {name} is explicitly not encrypted"),
                        );
                    }
                }
            }
            // The root volume takes its encryption from the AMI: decided below.
            None if is_root(device) => {}
            None => match device.snapshot {
                Some(snapshot) => {
                    unknown.get_or_insert_with(|| {
                        Verdict::unknown(
                            resource,
                            span_of(snapshot.span),
                            &path,
                            format!(
                                "whether snapshot {} is encrypted (device {name})",
                                snapshot.scalar_text().unwrap_or_default()
                            ),
                        )
                    });
                }
                None => {
                    return Verdict::not_met(
                        resource,
                        span_of(device.node.span),
                        &path,
                        format!(
                            "block device {name} is not encrypted (a new volume's encryption defaults to off)"
                        ),
                    );
                }
            },
        }
    }
    if let Some(u) = unknown {
        return u;
    }
    if !root_encrypted {
        return Verdict::unknown(
            resource,
            resource.name_span,
            "",
            format!(
                "the root volume's encryption, which follows {}'s snapshot: no root block device mapping sets it",
                image_of(resource)
            ),
        );
    }
    Verdict::met(
        resource,
        resource.name_span,
        "",
        "every block device, including the root volume, is encrypted",
    )
}
