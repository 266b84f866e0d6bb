//! # transfer.security-policy: Transfer Family servers use a security policy from 2020 or later
//!
//! ## Why this is your duty
//! Transfer Family is an abstracted service: AWS runs the protocol stack, but
//! which SSH and TLS algorithms your server accepts is the security policy
//! you choose. Protecting data in transit is always on the customer's side.
//!
//! ## What AWS already does
//! Uses `TransferSecurityPolicy-2018-11` when `SecurityPolicyName` /
//! `security_policy_name` is absent. That policy still accepts SHA-1 key
//! exchange and MACs and CBC ciphers; the policies published since June 2020
//! (`TransferSecurityPolicy-2020-06` and later, their FIPS and post-quantum
//! variants) drop them.
//!
//! ## Verdicts
//! - met: a policy whose name carries a date of 2020-06 or later;
//! - not met: an older policy, or none (the 2018-11 default);
//! - unknown: the value is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Sftp:
//!     Type: AWS::Transfer::Server
//!     Properties:
//!       SecurityPolicyName: TransferSecurityPolicy-2024-01
//! ```
//! ```yaml fail
//! Resources:
//!   Sftp:
//!     Type: AWS::Transfer::Server
//!     Properties:
//!       Protocols:
//!         - SFTP
//! ```
//! ```hcl pass
//! resource "aws_transfer_server" "sftp" {
//!   security_policy_name = "TransferSecurityPolicy-FIPS-2023-05"
//! }
//! ```
//! ```hcl fail
//! resource "aws_transfer_server" "sftp" {
//!   security_policy_name = "TransferSecurityPolicy-2018-11"
//! }
//! ```

use crate::check::{Judgement, judge, prop, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "transfer.security-policy",
    title: "Transfer Family servers use a security policy without SHA-1 and CBC",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: &["AWS::Transfer::Server"],
    tf_types: &["aws_transfer_server"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_380", Related)],
    check,
    file: file!(),
};

/// The (year, month) a policy name carries, e.g. 2020-06 in
/// `TransferSecurityPolicy-FIPS-2020-06`.
fn policy_date(name: &str) -> Option<(u32, u32)> {
    let parts: Vec<&str> = name.split('-').collect();
    parts.windows(2).find_map(|w| {
        let year: u32 = w[0].parse().ok().filter(|y| *y >= 2000)?;
        let month: u32 = w[1].parse().ok().filter(|m| (1..=12).contains(m))?;
        Some((year, month))
    })
}

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let (node, path) = prop(resource, "SecurityPolicyName", "security_policy_name");
    let Some(node) = node else {
        return Verdict::missing(
            resource,
            path,
            format!("{path} is not set: the 2018-11 default accepts SHA-1 and CBC"),
        );
    };
    let j = judge(node, &mut |n| match n.as_str() {
        Some(name) => match policy_date(name) {
            Some(date) => Judgement::from_bool(date >= (2020, 6), n, || {
                format!("{path} is {name}: it accepts SHA-1 and CBC")
            }),
            None => Judgement::no(
                n,
                format!("{path} is {name:?}, not a Transfer Family security policy (invalid)"),
            ),
        },
        None => Judgement::no(n, format!("{path} is not a policy name")),
    });
    verdict_of(resource, node, path, j, "a policy from 2020-06 or later")
}
