//! # storagegateway.nfs-clients: NFS file shares admit named clients only
//!
//! ## Why this is your duty
//! Storage Gateway is a container-category service: AWS runs the gateway
//! software and stores the files in your S3 bucket, but which hosts may mount
//! a share is your network setting. NFS trusts the client's claimed user ids;
//! a share open to every address is readable and writable by any host that
//! can reach the gateway.
//!
//! ## What AWS already does
//! Admits the addresses in `client_list`, which the API requires; the console
//! suggests `0.0.0.0/0`.
//!
//! ## Verdicts
//! Terraform only: CloudFormation has no Storage Gateway resources.
//! - met: every entry of `client_list` is a single address or a network
//!   narrower than the whole address space;
//! - not met: an entry with prefix length 0 (`0.0.0.0/0`, `::/0`, ...), i.e.
//!   every address;
//! - unknown: the list comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_storagegateway_nfs_file_share" "share" {
//!   client_list  = ["10.0.1.0/24"]
//!   gateway_arn  = "arn:aws:storagegateway:eu-west-1:123456789012:gateway/sgw-12345678"
//!   location_arn = "arn:aws:s3:::share-bucket"
//!   role_arn     = "arn:aws:iam::123456789012:role/gateway"
//! }
//! ```
//! ```hcl fail
//! resource "aws_storagegateway_nfs_file_share" "share" {
//!   client_list  = ["0.0.0.0/0"]
//!   gateway_arn  = "arn:aws:storagegateway:eu-west-1:123456789012:gateway/sgw-12345678"
//!   location_arn = "arn:aws:s3:::share-bucket"
//!   role_arn     = "arn:aws:iam::123456789012:role/gateway"
//! }
//! ```

use crate::check::{Judgement, judge_items};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::{Status, Verdict};
use onus_ingest::{Node, Resource};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "storagegateway.nfs-clients",
    title: "Storage Gateway NFS file shares are not open to every address",
    duty: Duty::NetworkExposure,
    severity: Severity::High,
    cfn_types: &[],
    tf_types: &["aws_storagegateway_nfs_file_share"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

/// `No` for an entry covering every address (prefix length 0).
fn everyone(entry: &Node) -> Option<Judgement> {
    let text = entry.as_str()?;
    let all = text
        .rsplit_once('/')
        .is_some_and(|(_, len)| len.trim().parse::<u8>() == Ok(0));
    Some(Judgement::from_bool(!all, entry, || {
        format!("client_list admits {text}: every address may mount the share")
    }))
}

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    // Any entry open to everyone fails; judge_items stops at the first that
    // passes, so look for a failing one first.
    let mut open = |e: &Node| everyone(e).filter(|j| *j != Judgement::Yes);
    if let Some(v) = judge_items(resource, "", "client_list", &mut open, "")
        && v.status != Status::Met
    {
        return v;
    }
    let mut any = |e: &Node| everyone(e);
    judge_items(
        resource,
        "",
        "client_list",
        &mut any,
        "client_list names specific clients",
    )
    .unwrap_or_else(|| Verdict::missing(resource, "client_list", "client_list is not set"))
}
