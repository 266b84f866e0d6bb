//! # efs.access-point-root-directory: EFS access points enforce a root directory
//!
//! ## Why this is your duty
//! EFS is an abstracted service: AWS enforces what an access point says, but
//! which part of the file system a client may reach is access control, the
//! customer's side of the model. An access point rooted at `/` exposes every
//! file to each client that mounts through it.
//!
//! ## What AWS already does
//! Roots an access point at the file system's `/` unless `RootDirectory.Path`
//! / `root_directory { path }` names a directory (since access points
//! launched in January 2020).
//!
//! ## Verdicts
//! - met: a path other than `/`;
//! - not met: absent or `/`;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Access:
//!     Type: AWS::EFS::AccessPoint
//!     Properties:
//!       FileSystemId: fs-12345678
//!       RootDirectory:
//!         Path: /app
//! ```
//! ```yaml fail
//! Resources:
//!   Access:
//!     Type: AWS::EFS::AccessPoint
//!     Properties:
//!       FileSystemId: fs-12345678
//! ```
//! ```hcl pass
//! resource "aws_efs_access_point" "access" {
//!   file_system_id = "fs-12345678"
//!   root_directory {
//!     path = "/app"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_efs_access_point" "access" {
//!   file_system_id = "fs-12345678"
//!   root_directory {
//!     path = "/"
//!   }
//! }
//! ```

use crate::check::require_not_in;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "efs.access-point-root-directory",
    title: "EFS access points enforce a root directory",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &["AWS::EFS::AccessPoint"],
    tf_types: &["aws_efs_access_point"],
    reads: &[],
    controls: Controls {
        fsbp: &["EFS.3"],
        config: &["EFS_ACCESS_POINT_ENFORCE_ROOT_DIRECTORY"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_329", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_not_in(
        resource,
        "RootDirectory.Path",
        "root_directory.path",
        &["/"],
        "the file system root",
        |path| {
            Verdict::missing(
                resource,
                path,
                format!("{path} is not set: clients see the whole file system"),
            )
        },
    )
}
