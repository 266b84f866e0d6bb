//! # clientvpn.connection-logging: Client VPN endpoints log client connections
//!
//! ## Why this is your duty
//! Client VPN is an infrastructure-category service: AWS runs the endpoint,
//! and knowing who connected to your network, from where and when is
//! logging on your side of the model. Connection logs are the record of
//! every connection attempt, success and failure, needed to investigate a
//! stolen certificate or password.
//!
//! ## What AWS already does
//! Writes connection logs to the CloudWatch Logs group you name once you
//! enable them; they are off unless `Enabled` is true.
//!
//! ## Verdicts
//! Reads `AWS::EC2::ClientVpnEndpoint` `ConnectionLogOptions.Enabled` and
//! Terraform `aws_ec2_client_vpn_endpoint` `connection_log_options { enabled }`:
//! - met: `true`;
//! - not met: `false`, or absent;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Vpn:
//!     Type: AWS::EC2::ClientVpnEndpoint
//!     Properties:
//!       ClientCidrBlock: 10.100.0.0/22
//!       ServerCertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/abc
//!       AuthenticationOptions:
//!         - Type: certificate-authentication
//!           MutualAuthentication:
//!             ClientRootCertificateChainArn: arn:aws:acm:eu-west-1:111122223333:certificate/root
//!       ConnectionLogOptions:
//!         Enabled: true
//!         CloudwatchLogGroup: client-vpn
//! ```
//! ```yaml fail
//! Resources:
//!   Vpn:
//!     Type: AWS::EC2::ClientVpnEndpoint
//!     Properties:
//!       ClientCidrBlock: 10.100.0.0/22
//!       ServerCertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/abc
//!       AuthenticationOptions:
//!         - Type: certificate-authentication
//!           MutualAuthentication:
//!             ClientRootCertificateChainArn: arn:aws:acm:eu-west-1:111122223333:certificate/root
//!       ConnectionLogOptions:
//!         Enabled: false
//! ```
//! ```hcl pass
//! resource "aws_ec2_client_vpn_endpoint" "vpn" {
//!   client_cidr_block      = "10.100.0.0/22"
//!   server_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
//!   authentication_options {
//!     type                       = "certificate-authentication"
//!     root_certificate_chain_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/root"
//!   }
//!   connection_log_options {
//!     enabled              = true
//!     cloudwatch_log_group = "client-vpn"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_ec2_client_vpn_endpoint" "vpn" {
//!   client_cidr_block      = "10.100.0.0/22"
//!   server_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
//!   authentication_options {
//!     type                       = "certificate-authentication"
//!     root_certificate_chain_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/root"
//!   }
//!   connection_log_options {
//!     enabled = false
//!   }
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "clientvpn.connection-logging",
    title: "Client VPN endpoints log client connections",
    duty: Duty::Logging,
    severity: Severity::Low,
    cfn_types: &["AWS::EC2::ClientVpnEndpoint"],
    tf_types: &["aws_ec2_client_vpn_endpoint"],
    reads: &[],
    controls: Controls {
        fsbp: &["EC2.51"],
        config: &["EC2_CLIENT_VPN_CONNECTION_LOG_ENABLED"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "ConnectionLogOptions.Enabled",
        "connection_log_options.enabled",
        true,
        false,
        "client connection logging",
    )
}
