//! # ebs.snapshot-block-public-access: the Region blocks public sharing of EBS snapshots
//!
//! ## Why this is your duty
//! EBS is an infrastructure service: who may read your volumes' data,
//! including their snapshots, is yours to control. A snapshot shared with
//! `all` can be copied into any AWS account and mounted; block public access
//! for snapshots is the Region-wide guard against one mistaken
//! `ModifySnapshotAttribute` call.
//!
//! ## What AWS already does
//! Keeps snapshots private until someone shares them. Block public access
//! for snapshots (introduced in November 2023) is `unblocked` in every
//! account and Region until you enable it.
//!
//! ## Verdicts
//! Reads `AWS::EC2::SnapshotBlockPublicAccess` `State` and Terraform
//! `aws_ebs_snapshot_block_public_access` `state`:
//! - met: `block-all-sharing` (snapshots already shared are treated as
//!   private too) or `block-new-sharing` (no new public sharing);
//! - not met: `unblocked`, or absent;
//! - unknown: a value onus cannot resolve.
//!
//! The setting applies to the account and Region the resource is deployed
//! in; a Region without it declared is not judged here.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Block:
//!     Type: AWS::EC2::SnapshotBlockPublicAccess
//!     Properties:
//!       State: block-all-sharing
//! ```
//! ```yaml fail
//! Resources:
//!   Block:
//!     Type: AWS::EC2::SnapshotBlockPublicAccess
//!     Properties:
//!       State: unblocked
//! ```
//! ```hcl pass
//! resource "aws_ebs_snapshot_block_public_access" "this" {
//!   state = "block-new-sharing"
//! }
//! ```
//! ```hcl fail
//! resource "aws_ebs_snapshot_block_public_access" "this" {
//!   state = "unblocked"
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ebs.snapshot-block-public-access",
    title: "Block public access for EBS snapshots is enabled",
    duty: Duty::AccessControl,
    severity: Severity::High,
    cfn_types: &["AWS::EC2::SnapshotBlockPublicAccess"],
    tf_types: &["aws_ebs_snapshot_block_public_access"],
    reads: &[],
    controls: Controls {
        fsbp: &["EC2.182"],
        config: &[],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "State",
        "state",
        &["block-all-sharing", "block-new-sharing"],
        Some("unblocked"),
        "blocking public snapshot sharing",
    )
}
