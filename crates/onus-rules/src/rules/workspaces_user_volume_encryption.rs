//! # workspaces.user-volume-encryption: WorkSpaces encrypt their user volume
//!
//! ## Why this is your duty
//! WorkSpaces is an infrastructure service: AWS runs the virtual desktops'
//! hosts, but the desktops' disks hold your users' data, and encrypting them
//! is a setting of each WorkSpace. The user volume is the user drive (D:, or /home), with the users' profiles and files.
//! Encrypting data at rest is yours in the infrastructure category.
//!
//! ## What AWS already does
//! Leaves the volume unencrypted unless `UserVolumeEncryptionEnabled` /
//! `user_volume_encryption_enabled` is true (with `VolumeEncryptionKey`);
//! encryption can only be chosen when the WorkSpace is created.
//!
//! ## Verdicts
//! Follows the AWS Config rule `workspaces-user-volume-encryption-enabled`
//! (Security Hub WorkSpaces.1).
//! - met: true;
//! - not met: false or absent;
//! - unknown: the value is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Desktop:
//!     Type: AWS::WorkSpaces::Workspace
//!     Properties:
//!       BundleId: wsb-12345678
//!       DirectoryId: d-1234567890
//!       UserName: alice
//!       UserVolumeEncryptionEnabled: true
//!       VolumeEncryptionKey: alias/aws/workspaces
//! ```
//! ```yaml fail
//! Resources:
//!   Desktop:
//!     Type: AWS::WorkSpaces::Workspace
//!     Properties:
//!       BundleId: wsb-12345678
//!       DirectoryId: d-1234567890
//!       UserName: alice
//!       RootVolumeEncryptionEnabled: true
//!       VolumeEncryptionKey: alias/aws/workspaces
//! ```
//! ```hcl pass
//! resource "aws_workspaces_workspace" "desktop" {
//!   bundle_id                      = "wsb-12345678"
//!   directory_id                   = "d-1234567890"
//!   user_name                      = "alice"
//!   user_volume_encryption_enabled = true
//!   volume_encryption_key          = "alias/aws/workspaces"
//! }
//! ```
//! ```hcl fail
//! resource "aws_workspaces_workspace" "desktop" {
//!   bundle_id    = "wsb-12345678"
//!   directory_id = "d-1234567890"
//!   user_name    = "alice"
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "workspaces.user-volume-encryption",
    title: "WorkSpaces encrypt their user volume",
    duty: Duty::EncryptionAtRest,
    severity: Severity::Medium,
    cfn_types: &["AWS::WorkSpaces::Workspace"],
    tf_types: &["aws_workspaces_workspace"],
    reads: &[],
    controls: Controls {
        fsbp: &["WorkSpaces.1"],
        config: &["WORKSPACES_USER_VOLUME_ENCRYPTION_ENABLED"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_155", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "UserVolumeEncryptionEnabled",
        "user_volume_encryption_enabled",
        true,
        false,
        "user volume encryption",
    )
}
