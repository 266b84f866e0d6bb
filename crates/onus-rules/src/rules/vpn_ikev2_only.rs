//! # vpn.ikev2-only: Site-to-Site VPN tunnels accept only IKEv2
//!
//! ## Why this is your duty
//! Site-to-Site VPN is an infrastructure-category connection: AWS runs its
//! tunnel endpoints, but the cryptographic options of the tunnels that carry
//! your traffic between sites are your configuration. Both tunnels accept
//! IKEv1 unless you restrict them; IKEv1 has weaker negotiation (aggressive
//! mode, no built-in anti-DoS, legacy proposals).
//!
//! ## What AWS already does
//! Encrypts tunnel traffic with IPsec; by default each tunnel accepts IKEv1
//! and IKEv2 and a broad proposal list so that most devices can connect.
//!
//! ## Verdicts
//! - met: both tunnels restrict IKE versions to `ikev2`
//!   (CloudFormation `VpnTunnelOptionsSpecifications[].IKEVersions[].Value`,
//!   one entry per tunnel; Terraform `tunnel1_ike_versions` and `tunnel2_ike_versions`);
//! - not met: a tunnel allows `ikev1`, or leaves IKE versions unset (both allowed);
//! - unknown: a value is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Vpn:
//!     Type: AWS::EC2::VPNConnection
//!     Properties:
//!       Type: ipsec.1
//!       CustomerGatewayId: cgw-0123456789abcdef0
//!       VpnGatewayId: vgw-0123456789abcdef0
//!       VpnTunnelOptionsSpecifications:
//!         - IKEVersions: [{Value: ikev2}]
//!         - IKEVersions: [{Value: ikev2}]
//! ```
//! ```yaml fail
//! Resources:
//!   Vpn:
//!     Type: AWS::EC2::VPNConnection
//!     Properties:
//!       Type: ipsec.1
//!       CustomerGatewayId: cgw-0123456789abcdef0
//!       VpnGatewayId: vgw-0123456789abcdef0
//! ```
//! ```hcl pass
//! resource "aws_vpn_connection" "vpn" {
//!   type                 = "ipsec.1"
//!   customer_gateway_id  = "cgw-0123456789abcdef0"
//!   vpn_gateway_id       = "vgw-0123456789abcdef0"
//!   tunnel1_ike_versions = ["ikev2"]
//!   tunnel2_ike_versions = ["ikev2"]
//! }
//! ```
//! ```hcl fail
//! resource "aws_vpn_connection" "vpn" {
//!   type                 = "ipsec.1"
//!   customer_gateway_id  = "cgw-0123456789abcdef0"
//!   vpn_gateway_id       = "vgw-0123456789abcdef0"
//!   tunnel1_ike_versions = ["ikev2"]
//!   tunnel2_ike_versions = ["ikev1", "ikev2"]
//! }
//! ```

use crate::check::{get, get_in, items};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "vpn.ikev2-only",
    title: "Site-to-Site VPN tunnels accept only IKEv2",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Low,
    cfn_types: &["AWS::EC2::VPNConnection"],
    tf_types: &["aws_vpn_connection"],
    reads: &[],
    controls: Controls {
        fsbp: &["EC2.183"],
        config: &["EC2_VPN_CONNECTION_IKE_VERSION_CHECK"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

/// Judges one tunnel's IKE versions (a list of strings or of `{Value}` maps).
fn tunnel(
    resource: &Resource,
    node: Option<&Node>,
    path: &str,
    value_key: Option<&str>,
) -> Option<Verdict> {
    let Some(node) = node else {
        return Some(Verdict::missing(
            resource,
            path,
            format!("{path} is not set: the tunnel accepts IKEv1 and IKEv2"),
        ));
    };
    if let Value::Unknown(w) = &node.value {
        return Some(Verdict::unknown(resource, node.span, path, w.clone()));
    }
    let versions = items(Some(node));
    if versions.is_empty() {
        return Some(Verdict::not_met(
            resource,
            node.span,
            path,
            format!("{path} is empty: the tunnel accepts IKEv1 and IKEv2"),
        ));
    }
    for v in versions {
        let v = match value_key {
            Some(k) => match get_in(v, k) {
                Some(n) => n,
                None => continue,
            },
            None => v,
        };
        match &v.value {
            Value::String(s) if s.eq_ignore_ascii_case("ikev2") => {}
            Value::String(s) => {
                return Some(Verdict::not_met(
                    resource,
                    v.span,
                    path,
                    format!("{path} allows {s}"),
                ));
            }
            Value::Unknown(w) => return Some(Verdict::unknown(resource, v.span, path, w.clone())),
            _ => {}
        }
    }
    None
}

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    if resource.format.is_terraform() {
        for t in ["tunnel1_ike_versions", "tunnel2_ike_versions"] {
            if let Some(v) = tunnel(resource, get(resource, t), t, None) {
                return v;
            }
        }
        return Verdict::met_by_default(resource, "", "both tunnels accept only IKEv2");
    }
    let path = "VpnTunnelOptionsSpecifications";
    let specs = items(get(resource, path));
    for i in 0..2 {
        let p = format!("{path}[{i}].IKEVersions");
        let node = specs.get(i).and_then(|s| get_in(s, "IKEVersions"));
        if let Some(v) = tunnel(resource, node, &p, Some("Value")) {
            return v;
        }
    }
    Verdict::met_by_default(resource, path, "both tunnels accept only IKEv2")
}
