//! # dms.multi-az: DMS replication instances run with a Multi-AZ standby
//!
//! ## Why this is your duty
//! DMS is a container service: AWS replaces a failed instance, but an
//! ongoing replication stops while it does unless a standby in another zone
//! takes over. Choosing that deployment is the customer's resilience
//! decision.
//!
//! ## What AWS already does
//! Creates a Single-AZ instance unless `MultiAZ` / `multi_az` is true (the
//! default has been false since DMS launched in 2016).
//!
//! ## Verdicts
//! - met: true;
//! - not met: false or absent;
//! - unknown: the value comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Replication:
//!     Type: AWS::DMS::ReplicationInstance
//!     Properties:
//!       ReplicationInstanceClass: dms.t3.medium
//!       PubliclyAccessible: false
//!       MultiAZ: true
//! ```
//! ```yaml fail
//! Resources:
//!   Replication:
//!     Type: AWS::DMS::ReplicationInstance
//!     Properties:
//!       ReplicationInstanceClass: dms.t3.medium
//!       PubliclyAccessible: false
//! ```
//! ```hcl pass
//! resource "aws_dms_replication_instance" "replication" {
//!   replication_instance_id    = "replication"
//!   replication_instance_class = "dms.t3.medium"
//!   multi_az = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_dms_replication_instance" "replication" {
//!   replication_instance_id    = "replication"
//!   replication_instance_class = "dms.t3.medium"
//!   multi_az = false
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "dms.multi-az",
    title: "DMS replication instances are deployed in multiple Availability Zones",
    duty: Duty::Resilience,
    severity: Severity::Medium,
    cfn_types: &["AWS::DMS::ReplicationInstance"],
    tf_types: &["aws_dms_replication_instance"],
    reads: &[],
    controls: Controls {
        fsbp: &["DMS.13"],
        config: &["DMS_REPLICATION_INSTANCE_MULTI_AZ_ENABLED"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "MultiAZ",
        "multi_az",
        true,
        false,
        "Multi-AZ deployment",
    )
}
