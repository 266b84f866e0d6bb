//! # dms.no-public-access: DMS replication instances are not publicly accessible
//!
//! ## Why this is your duty
//! DMS is a container service: AWS runs the replication instance and its
//! engine in your VPC, but whether the instance gets a public IP address is
//! your choice at creation. A replication instance holds credentials for,
//! and streams data from, your databases; its network exposure is the
//! customer's duty.
//!
//! ## What AWS already does
//! Patches the replication engine. The DMS API makes an instance public by
//! default (`PubliclyAccessible` defaults to true); the Terraform provider
//! always sends the flag, so an absent `publicly_accessible` means false.
//!
//! ## Verdicts
//! - met: `PubliclyAccessible` (`publicly_accessible`) is false, or absent in
//!   Terraform;
//! - not met: true, or absent in CloudFormation (the API default, true);
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Replication:
//!     Type: AWS::DMS::ReplicationInstance
//!     Properties:
//!       ReplicationInstanceClass: dms.t3.medium
//!       PubliclyAccessible: false
//! ```
//! ```yaml fail
//! Resources:
//!   Replication:
//!     Type: AWS::DMS::ReplicationInstance
//!     Properties:
//!       ReplicationInstanceClass: dms.t3.medium
//! ```
//! ```hcl pass
//! resource "aws_dms_replication_instance" "replication" {
//!   replication_instance_id    = "replication"
//!   replication_instance_class = "dms.t3.medium"
//! }
//! ```
//! ```hcl fail
//! resource "aws_dms_replication_instance" "replication" {
//!   replication_instance_id    = "replication"
//!   replication_instance_class = "dms.t3.medium"
//!   publicly_accessible        = true
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "dms.no-public-access",
    title: "DMS replication instance is not publicly accessible",
    duty: Duty::NetworkExposure,
    severity: Severity::High,
    cfn_types: &["AWS::DMS::ReplicationInstance"],
    tf_types: &["aws_dms_replication_instance"],
    reads: &[],
    controls: Controls {
        fsbp: &["DMS.1"],
        config: &["DMS_REPLICATION_NOT_PUBLIC"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_89", Same),
        guard("DMS_REPLICATION_NOT_PUBLIC", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let default = !resource.format.is_terraform();
    require_bool(
        resource,
        "PubliclyAccessible",
        "publicly_accessible",
        false,
        default,
        "a private replication instance",
    )
}
