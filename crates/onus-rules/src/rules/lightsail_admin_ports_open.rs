//! # lightsail.admin-ports-open: Lightsail instances do not open SSH or RDP to the internet
//!
//! ## Why this is your duty
//! A Lightsail instance is infrastructure: a virtual server whose operating
//! system and firewall are yours. Its firewall is the instance's public
//! ports; SSH (22) or RDP (3389) open to every address invites brute force
//! and exploits of the remote-access service.
//!
//! ## What AWS already does
//! Creates every instance with a default firewall that opens SSH (22) and
//! HTTP (80) to any IPv4 address (RDP 3389 on Windows). Browser-based SSH
//! works through the `lightsail-connect` alias without a world-open port.
//!
//! ## Verdicts
//! Reads `Networking.Ports` of `AWS::Lightsail::Instance`, and the
//! `port_info` blocks of the Terraform `aws_lightsail_instance_public_ports`
//! whose `instance_name` refers to the instance (it replaces the default firewall).
//! - met: no port range covering 22 or 3389 (TCP or all protocols) is open to
//!   `0.0.0.0/0` or `::/0` (a port limited to the `lightsail-connect`
//!   alias, the browser SSH client, is not);
//! - not met: such a port is open to the world (a port without `Cidrs` /
//!   `cidrs` is open to every IPv4 address), or no ports are declared (the
//!   default firewall opens 22 to the world);
//! - unknown: a port, protocol or CIDR is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Web:
//!     Type: AWS::Lightsail::Instance
//!     Properties:
//!       InstanceName: web
//!       BlueprintId: amazon_linux_2023
//!       BundleId: nano_3_0
//!       Networking:
//!         Ports:
//!           - FromPort: 443
//!             ToPort: 443
//!             Protocol: tcp
//!             Cidrs: [0.0.0.0/0]
//!           - FromPort: 22
//!             ToPort: 22
//!             Protocol: tcp
//!             Cidrs: [203.0.113.0/24]
//! ```
//! ```yaml fail
//! Resources:
//!   Web:
//!     Type: AWS::Lightsail::Instance
//!     Properties:
//!       InstanceName: web
//!       BlueprintId: amazon_linux_2023
//!       BundleId: nano_3_0
//! ```
//! ```yaml fail
//! Resources:
//!   Web:
//!     Type: AWS::Lightsail::Instance
//!     Properties:
//!       InstanceName: web
//!       BlueprintId: windows_server_2022
//!       BundleId: small_win_3_0
//!       Networking:
//!         Ports:
//!           - FromPort: 3389
//!             ToPort: 3389
//!             Protocol: tcp
//! ```
//! ```yaml pass
//! Resources:
//!   Web:
//!     Type: AWS::Lightsail::Instance
//!     Properties:
//!       InstanceName: web
//!       BlueprintId: amazon_linux_2023
//!       BundleId: nano_3_0
//!       Networking:
//!         Ports:
//!           - FromPort: 22
//!             ToPort: 22
//!             Protocol: tcp
//!             CidrListAliases: [lightsail-connect]
//! ```
//! ```hcl pass
//! resource "aws_lightsail_instance" "web" {
//!   name              = "web"
//!   availability_zone = "eu-west-1a"
//!   blueprint_id      = "amazon_linux_2023"
//!   bundle_id         = "nano_3_0"
//! }
//! resource "aws_lightsail_instance_public_ports" "web" {
//!   instance_name = aws_lightsail_instance.web.name
//!   port_info {
//!     protocol  = "tcp"
//!     from_port = 443
//!     to_port   = 443
//!   }
//!   port_info {
//!     protocol  = "tcp"
//!     from_port = 22
//!     to_port   = 22
//!     cidrs     = ["203.0.113.0/24"]
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_lightsail_instance" "web" {
//!   name              = "web"
//!   availability_zone = "eu-west-1a"
//!   blueprint_id      = "amazon_linux_2023"
//!   bundle_id         = "nano_3_0"
//! }
//! ```
//! ```hcl fail
//! resource "aws_lightsail_instance" "web" {
//!   name              = "web"
//!   availability_zone = "eu-west-1a"
//!   blueprint_id      = "amazon_linux_2023"
//!   bundle_id         = "nano_3_0"
//! }
//! resource "aws_lightsail_instance_public_ports" "web" {
//!   instance_name = aws_lightsail_instance.web.name
//!   port_info {
//!     protocol  = "tcp"
//!     from_port = 0
//!     to_port   = 65535
//!     cidrs     = ["0.0.0.0/0"]
//!   }
//! }
//! ```

use crate::check::{get, get_in, items};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "lightsail.admin-ports-open",
    title: "Lightsail instances do not open SSH or RDP to the internet",
    duty: Duty::NetworkExposure,
    severity: Severity::High,
    cfn_types: &["AWS::Lightsail::Instance"],
    tf_types: &["aws_lightsail_instance"],
    reads: &["aws_lightsail_instance_public_ports"],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

const ADMIN: [(f64, &str); 2] = [(22.0, "SSH"), (3389.0, "RDP")];

/// Judges one port entry: `Ok(Some(why))` when it opens an admin port to
/// the world, `Err` when a value is unresolved.
fn open_admin(port: &Node, tf: bool) -> Result<Option<String>, (onus_ingest::Span, String)> {
    let key = |cfn: &'static str, tf_key: &'static str| if tf { tf_key } else { cfn };
    let num = |k: &str| -> Result<Option<f64>, (onus_ingest::Span, String)> {
        match get_in(port, k) {
            None => Ok(None),
            Some(n) => match (&n.value, n.as_f64()) {
                (_, Some(v)) => Ok(Some(v)),
                (Value::Unknown(w), _) => Err((n.span, w.clone())),
                _ => Err((n.span, format!("{k} is not a number"))),
            },
        }
    };
    let from = num(key("FromPort", "from_port"))?.unwrap_or(0.0);
    let to = num(key("ToPort", "to_port"))?.unwrap_or(65535.0);
    let protocol = match get_in(port, key("Protocol", "protocol")) {
        None => "tcp".to_owned(),
        Some(n) => match (&n.value, n.as_str()) {
            (_, Some(p)) => p.to_ascii_lowercase(),
            (Value::Unknown(w), _) => return Err((n.span, w.clone())),
            _ => return Err((n.span, "protocol is not a string".into())),
        },
    };
    if !matches!(protocol.as_str(), "tcp" | "all" | "-1") {
        return Ok(None);
    }
    let world = |k: &str, default_open: bool| -> Result<bool, (onus_ingest::Span, String)> {
        match get_in(port, k) {
            None => Ok(default_open),
            Some(n) => {
                let list = items(Some(n));
                if list.is_empty() {
                    return Ok(default_open);
                }
                for c in list {
                    match &c.value {
                        Value::String(s) if crate::net::is_world(s) => return Ok(true),
                        Value::Unknown(w) => return Err((c.span, w.clone())),
                        _ => {}
                    }
                }
                Ok(false)
            }
        }
    };
    // Without CIDRs a port is open to every IPv4 address, unless it names a
    // CIDR list alias (`lightsail-connect`: the browser SSH client only).
    let aliases = get_in(port, key("CidrListAliases", "cidr_list_aliases"))
        .is_some_and(|n| !items(Some(n)).is_empty());
    let v4 = world(key("Cidrs", "cidrs"), !aliases)?;
    let v6 = world(key("Ipv6Cidrs", "ipv6_cidrs"), false)?;
    if !(v4 || v6) {
        return Ok(None);
    }
    Ok(ADMIN
        .iter()
        .find(|(p, _)| from <= *p && *p <= to)
        .map(|(p, name)| format!("{name} (port {p}) is open to the internet")))
}

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let tf = resource.format.is_terraform();
    let (ports, path): (Vec<&Node>, String) = if tf {
        let linked = cx.linked(
            resource,
            &["aws_lightsail_instance_public_ports"],
            "instance_name",
            Some("name"),
        );
        match linked.first() {
            Some(pp) => (items(get(pp, "port_info")), format!("{}.port_info", pp.id)),
            None => {
                return Verdict::missing(
                    resource,
                    "aws_lightsail_instance_public_ports",
                    "no aws_lightsail_instance_public_ports for this instance: the default firewall opens SSH (22) to any IPv4 address",
                );
            }
        }
    } else {
        match get(resource, "Networking.Ports") {
            Some(n) => {
                if let Value::Unknown(w) = &n.value {
                    return Verdict::unknown(resource, n.span, "Networking.Ports", w.clone());
                }
                (items(Some(n)), "Networking.Ports".to_owned())
            }
            None => {
                return Verdict::missing(
                    resource,
                    "Networking.Ports",
                    "Networking.Ports is not set: the default firewall opens SSH (22) to any IPv4 address",
                );
            }
        }
    };
    let mut unknown = None;
    for port in &ports {
        match open_admin(port, tf) {
            Ok(Some(why)) => {
                let mut v = Verdict::not_met(resource, port.span, &path, why);
                if tf {
                    // The port lives in the public-ports resource's file.
                    if let Some(pp) = cx
                        .linked(
                            resource,
                            &["aws_lightsail_instance_public_ports"],
                            "instance_name",
                            Some("name"),
                        )
                        .first()
                    {
                        v.file = pp.file;
                    }
                }
                return v;
            }
            Ok(None) => {}
            Err((span, w)) => {
                unknown.get_or_insert((span, w));
            }
        }
    }
    match unknown {
        Some((span, w)) => Verdict::unknown(resource, span, &path, w),
        None => Verdict::met_by_default(
            resource,
            &path,
            "no SSH or RDP port is open to the internet",
        ),
    }
}
