//! # ebs.encryption-at-rest: EBS volumes are encrypted
//!
//! ## Why this is your duty
//! EBS volumes are block storage attached to instances whose operating system
//! you run: EC2 is an infrastructure service, and encrypting the data it
//! stores is yours under the Shared Responsibility Model. An unencrypted
//! volume leaves its data, and every snapshot taken from it, in plaintext.
//!
//! ## What AWS already does
//! Offers AES-256 encryption with KMS keys at no extra cost, covering data at
//! rest, data moving between the volume and the instance, and snapshots.
//! Encryption is off unless you ask for it, per volume or with the Region's
//! EBS encryption-by-default switch.
//!
//! ## Verdicts
//! Reads `AWS::EC2::Volume` and `aws_ebs_volume`:
//! - met: `Encrypted: true` / `encrypted = true`, or an
//!   `aws_ebs_encryption_by_default` with `enabled = true` (the default) for
//!   the same Region is in the scanned code (AWS then encrypts every new
//!   volume whatever the flag says);
//! - unknown: the flag is unresolved, or it is false/absent and the volume is
//!   created from a snapshot (`SnapshotId` / `snapshot_id`): a volume from an
//!   encrypted snapshot is always encrypted;
//! - not met: false or absent otherwise (the API default is unencrypted).
//!
//! Set the flag on the volume, and enable encryption by default in every
//! Region you use (`ebs.default-encryption`). Block devices of instances and
//! launch templates are checked by `ec2.volume-encryption`.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Data:
//!     Type: AWS::EC2::Volume
//!     Properties:
//!       AvailabilityZone: eu-west-1a
//!       Size: 100
//!       Encrypted: true
//! ```
//! ```yaml fail
//! Resources:
//!   Data:
//!     Type: AWS::EC2::Volume
//!     Properties:
//!       AvailabilityZone: eu-west-1a
//!       Size: 100
//! ```
//! ```yaml unknown
//! Resources:
//!   Data:
//!     Type: AWS::EC2::Volume
//!     Properties:
//!       AvailabilityZone: eu-west-1a
//!       SnapshotId: snap-0123456789abcdef0
//! ```
//! ```yaml fail
//! Conditions:
//!   IsProd: !Equals [!Ref "AWS::StackName", prod]
//! Resources:
//!   Data:
//!     Type: AWS::EC2::Volume
//!     Properties:
//!       AvailabilityZone: eu-west-1a
//!       Size: 100
//!       Encrypted: !If [IsProd, true, false]
//! ```
//! ```json pass
//! {
//!   "Resources": {
//!     "Data": {
//!       "Type": "AWS::EC2::Volume",
//!       "Properties": {
//!         "AvailabilityZone": "eu-west-1a",
//!         "Size": 100,
//!         "Encrypted": "true"
//!       }
//!     }
//!   }
//! }
//! ```
//! ```hcl pass
//! resource "aws_ebs_volume" "data" {
//!   availability_zone = "eu-west-1a"
//!   size              = 100
//!   encrypted         = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_ebs_volume" "data" {
//!   availability_zone = "eu-west-1a"
//!   size              = 100
//! }
//! ```
//! ```hcl pass
//! resource "aws_ebs_encryption_by_default" "on" {
//!   enabled = true
//! }
//! resource "aws_ebs_volume" "data" {
//!   availability_zone = "eu-west-1a"
//!   size              = 100
//! }
//! ```

use crate::check::{Judgement, judge, prop, verdict_of};
use crate::context::Context;
use crate::instance::ebs_default_encryption;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ebs.encryption-at-rest",
    title: "EBS volumes are encrypted",
    duty: Duty::EncryptionAtRest,
    severity: Severity::High,
    cfn_types: &["AWS::EC2::Volume"],
    tf_types: &["aws_ebs_volume"],
    reads: &["aws_ebs_encryption_by_default"],
    controls: Controls {
        fsbp: &["EC2.3"],
        config: &["ENCRYPTED_VOLUMES"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_3", Same),
        cfn_nag("F1", Same),
        trivy("AVD-AWS-0026", Same),
        guard("ENCRYPTED_VOLUMES", Same),
        checkov("CKV2_AWS_2", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let (flag, path) = prop(resource, "Encrypted", "encrypted");
    if let Some(node) = flag {
        let j = judge(node, &mut |n| match n.as_bool() {
            Some(b) => Judgement::from_bool(b, n, || format!("{path} is false")),
            None => Judgement::no(n, format!("{path} is not a boolean")),
        });
        if j == Judgement::Yes {
            return verdict_of(resource, node, path, j, format!("{path} is true"));
        }
        if let Judgement::Unknown(..) = j {
            return verdict_of(resource, node, path, j, "");
        }
    }
    if let Some(default) = ebs_default_encryption(resource, cx) {
        return Verdict::met_by_default(
            resource,
            path,
            format!(
                "{} turns on EBS encryption by default in this Region: every new volume is encrypted",
                default.id
            ),
        );
    }
    let (snapshot, snapshot_path) = prop(resource, "SnapshotId", "snapshot_id");
    if let Some(snapshot) = snapshot {
        let what = snapshot
            .scalar_text()
            .unwrap_or_else(|| "the snapshot".into());
        return Verdict::unknown(
            resource,
            snapshot.span,
            snapshot_path,
            format!(
                "whether {what} is encrypted: a volume created from an encrypted snapshot is encrypted"
            ),
        );
    }
    match flag {
        Some(node) => Verdict::not_met(
            resource,
            node.span,
            path,
            format!("{path} is false: the volume is not encrypted"),
        ),
        None => Verdict::missing(
            resource,
            path,
            format!("{path} is not set and defaults to false: the volume is not encrypted"),
        ),
    }
}
