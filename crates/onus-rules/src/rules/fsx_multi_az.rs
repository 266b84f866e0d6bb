//! # fsx.multi-az: FSx file systems are deployed in multiple Availability Zones
//!
//! ## Why this is your duty
//! FSx is a container service: AWS replaces failed hardware, but a
//! Single-AZ file system is unavailable while its zone is. A Multi-AZ
//! deployment keeps a standby file server in a second zone and fails over to
//! it; choosing the deployment type is the customer's resilience decision.
//!
//! ## What AWS already does
//! Deploys what `DeploymentType` / `deployment_type` names: Windows File
//! Server defaults to `SINGLE_AZ_1` (Multi-AZ since November 2019); ONTAP
//! (since 2021) and OpenZFS (Multi-AZ since August 2023) require a type.
//! Lustre offers no Multi-AZ deployment.
//!
//! ## Verdicts
//! - met: `MULTI_AZ_1` or `MULTI_AZ_2`;
//! - not met: a Single-AZ type, or absent on Windows File Server;
//! - not applicable: Lustre;
//! - unknown: the type or the kind of file system onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Files:
//!     Type: AWS::FSx::FileSystem
//!     Properties:
//!       FileSystemType: WINDOWS
//!       StorageCapacity: 32
//!       SubnetIds: [subnet-1, subnet-2]
//!       WindowsConfiguration:
//!         ThroughputCapacity: 32
//!         DeploymentType: MULTI_AZ_1
//!         PreferredSubnetId: subnet-1
//! ```
//! ```yaml fail
//! Resources:
//!   Files:
//!     Type: AWS::FSx::FileSystem
//!     Properties:
//!       FileSystemType: OPENZFS
//!       StorageCapacity: 64
//!       SubnetIds: [subnet-1]
//!       OpenZFSConfiguration:
//!         DeploymentType: SINGLE_AZ_2
//!         ThroughputCapacity: 160
//! ```
//! ```hcl pass
//! resource "aws_fsx_ontap_file_system" "files" {
//!   storage_capacity    = 1024
//!   subnet_ids          = ["subnet-1", "subnet-2"]
//!   deployment_type     = "MULTI_AZ_1"
//!   preferred_subnet_id = "subnet-1"
//!   throughput_capacity = 512
//! }
//! ```
//! ```hcl fail
//! resource "aws_fsx_windows_file_system" "files" {
//!   storage_capacity    = 32
//!   subnet_ids          = ["subnet-1"]
//!   throughput_capacity = 32
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::fsx::{Kind, kind};
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "fsx.multi-az",
    title: "FSx file systems are deployed in multiple Availability Zones",
    duty: Duty::Resilience,
    severity: Severity::Medium,
    cfn_types: &["AWS::FSx::FileSystem"],
    tf_types: &[
        "aws_fsx_windows_file_system",
        "aws_fsx_ontap_file_system",
        "aws_fsx_openzfs_file_system",
        "aws_fsx_lustre_file_system",
    ],
    reads: &[],
    controls: Controls {
        fsbp: &["FSx.3", "FSx.4", "FSx.5"],
        config: &[
            "FSX_OPENZFS_DEPLOYMENT_TYPE_CHECK",
            "FSX_ONTAP_DEPLOYMENT_TYPE_CHECK",
            "FSX_WINDOWS_DEPLOYMENT_TYPE_CHECK",
        ],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let kind = match kind(resource) {
        Ok(k) => k,
        Err(v) => return v,
    };
    if kind == Kind::Lustre {
        return Verdict::not_applicable(resource, "FSx for Lustre has no Multi-AZ deployment");
    }
    let cfn = format!("{}.DeploymentType", kind.cfn_config());
    let default = (kind == Kind::Windows).then_some("SINGLE_AZ_1");
    require_one_of(
        resource,
        &cfn,
        "deployment_type",
        &["MULTI_AZ_1", "MULTI_AZ_2"],
        default,
        "a Multi-AZ deployment",
    )
}
