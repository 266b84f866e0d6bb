//! # efs.access-point-user-identity: EFS access points enforce a user identity
//!
//! ## Why this is your duty
//! EFS is an abstracted service: AWS enforces what an access point says, but
//! which POSIX identity a client acts as is access control, the customer's
//! side of the model. Without an enforced user, each client's own uid and gid
//! (root included) decide what it may read and write.
//!
//! ## What AWS already does
//! Passes the client's identity through unless `PosixUser` / `posix_user` is
//! set (since access points launched in January 2020).
//!
//! ## Verdicts
//! - met: a POSIX user is set;
//! - not met: absent;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Access:
//!     Type: AWS::EFS::AccessPoint
//!     Properties:
//!       FileSystemId: fs-12345678
//!       PosixUser:
//!         Uid: "1001"
//!         Gid: "1001"
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
//!   posix_user {
//!     uid = 1001
//!     gid = 1001
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_efs_access_point" "access" {
//!   file_system_id = "fs-12345678"
//! }
//! ```

use crate::check::require_set;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "efs.access-point-user-identity",
    title: "EFS access points enforce a user identity",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &["AWS::EFS::AccessPoint"],
    tf_types: &["aws_efs_access_point"],
    reads: &[],
    controls: Controls {
        fsbp: &["EFS.4"],
        config: &["EFS_ACCESS_POINT_ENFORCE_USER_IDENTITY"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_330", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_set(
        resource,
        "PosixUser",
        "posix_user",
        "clients act with their own user and group ids",
    )
}
