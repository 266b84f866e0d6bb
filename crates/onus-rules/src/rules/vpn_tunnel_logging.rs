//! # vpn.tunnel-logging: Site-to-Site VPN tunnels send their logs to CloudWatch
//!
//! ## Why this is your duty
//! Site-to-Site VPN is an infrastructure-category connection: AWS runs the
//! tunnel endpoints, and recording what happens on the tunnels that carry
//! your traffic is logging on your side of the model. Tunnel logs show IKE
//! and IPsec negotiation, dead-peer detection and tunnel state changes —
//! the evidence of a misconfigured or impersonated peer.
//!
//! ## What AWS already does
//! Publishes tunnel logs to CloudWatch Logs once you enable them per
//! tunnel; `LogEnabled` defaults to false, so a connection logs nothing
//! unless asked.
//!
//! ## Verdicts
//! Reads both tunnels of `AWS::EC2::VPNConnection`
//! (`VpnTunnelOptionsSpecifications[0..1].LogOptions.CloudwatchLogOptions.LogEnabled`)
//! and Terraform `aws_vpn_connection` (`tunnel1_log_options` and
//! `tunnel2_log_options { cloudwatch_log_options { log_enabled } }`):
//! - met: logging is enabled on both tunnels;
//! - not met: a tunnel with logging false or absent;
//! - unknown: a value onus cannot resolve.
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
//!         - LogOptions:
//!             CloudwatchLogOptions:
//!               LogEnabled: true
//!               LogGroupArn: arn:aws:logs:eu-west-1:111122223333:log-group:vpn
//!         - LogOptions:
//!             CloudwatchLogOptions:
//!               LogEnabled: true
//!               LogGroupArn: arn:aws:logs:eu-west-1:111122223333:log-group:vpn
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
//!   type                = "ipsec.1"
//!   customer_gateway_id = "cgw-0123456789abcdef0"
//!   vpn_gateway_id      = "vgw-0123456789abcdef0"
//!   tunnel1_log_options {
//!     cloudwatch_log_options {
//!       log_enabled       = true
//!       log_group_arn     = "arn:aws:logs:eu-west-1:111122223333:log-group:vpn"
//!     }
//!   }
//!   tunnel2_log_options {
//!     cloudwatch_log_options {
//!       log_enabled       = true
//!       log_group_arn     = "arn:aws:logs:eu-west-1:111122223333:log-group:vpn"
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_vpn_connection" "vpn" {
//!   type                = "ipsec.1"
//!   customer_gateway_id = "cgw-0123456789abcdef0"
//!   vpn_gateway_id      = "vgw-0123456789abcdef0"
//!   tunnel1_log_options {
//!     cloudwatch_log_options {
//!       log_enabled = true
//!     }
//!   }
//! }
//! ```

use crate::check::{all_of, get, get_in, items, require_true};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "vpn.tunnel-logging",
    title: "Site-to-Site VPN tunnels send their logs to CloudWatch",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::EC2::VPNConnection"],
    tf_types: &["aws_vpn_connection"],
    reads: &[],
    controls: Controls {
        fsbp: &["EC2.171"],
        config: &["EC2_VPN_CONNECTION_LOGGING_ENABLED"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let what = "tunnel logging";
    let verdicts = if resource.format.is_terraform() {
        ["tunnel1_log_options", "tunnel2_log_options"]
            .iter()
            .map(|t| {
                let path = format!("{t}.cloudwatch_log_options.log_enabled");
                require_true(resource, get(resource, &path), &path, what)
            })
            .collect()
    } else {
        let specs = items(get(resource, "VpnTunnelOptionsSpecifications"));
        (0..2)
            .map(|i| {
                let path = format!(
                    "VpnTunnelOptionsSpecifications[{i}].LogOptions.CloudwatchLogOptions.LogEnabled"
                );
                let node = specs
                    .get(i)
                    .and_then(|s| get_in(s, "LogOptions.CloudwatchLogOptions.LogEnabled"));
                require_true(resource, node, &path, what)
            })
            .collect()
    };
    all_of(verdicts).unwrap_or_else(|| Verdict::not_applicable(resource, "no tunnel"))
}
