//! # ecs.efs-transit-encryption: ECS tasks mount EFS volumes over TLS
//!
//! ## Why this is your duty
//! ECS is a container service and EFS an abstracted one: AWS runs both, but
//! the NFS traffic between a task and its file system crosses your VPC, and
//! whether it is encrypted is decided per volume in your task definition.
//! Protecting data in transit is always the customer's duty.
//!
//! ## What AWS already does
//! Mounts the file system with the EFS mount helper. `TransitEncryption`
//! defaults to `DISABLED`: the NFS traffic is then sent in the clear unless
//! you enable it (EFS volumes in task definitions since 2020). EFS can refuse
//! unencrypted clients only through a file system policy you write.
//!
//! ## Verdicts
//! Reads every volume's `EFSVolumeConfiguration` (`volume { efs_volume_configuration }`).
//! - met: every EFS volume sets `TransitEncryption` / `transit_encryption`
//!   to `ENABLED`;
//! - not met: an EFS volume leaves it absent (`DISABLED`) or `DISABLED`;
//! - unknown: the value, or the list of volumes, is not static;
//! - not applicable: the task definition mounts no EFS volume.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Task:
//!     Type: AWS::ECS::TaskDefinition
//!     Properties:
//!       Volumes:
//!         - Name: data
//!           EFSVolumeConfiguration:
//!             FilesystemId: fs-0123456789abcdef0
//!             TransitEncryption: ENABLED
//! ```
//! ```yaml fail
//! Resources:
//!   Task:
//!     Type: AWS::ECS::TaskDefinition
//!     Properties:
//!       Volumes:
//!         - Name: data
//!           EFSVolumeConfiguration:
//!             FilesystemId: fs-0123456789abcdef0
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Task:
//!     Type: AWS::ECS::TaskDefinition
//!     Properties:
//!       Volumes:
//!         - Name: scratch
//! ```
//! ```hcl pass
//! resource "aws_ecs_task_definition" "task" {
//!   family                = "app"
//!   container_definitions = "[]"
//!   volume {
//!     name = "data"
//!     efs_volume_configuration {
//!       file_system_id     = "fs-0123456789abcdef0"
//!       transit_encryption = "ENABLED"
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_ecs_task_definition" "task" {
//!   family                = "app"
//!   container_definitions = "[]"
//!   volume {
//!     name = "data"
//!     efs_volume_configuration {
//!       file_system_id     = "fs-0123456789abcdef0"
//!       transit_encryption = "DISABLED"
//!     }
//!   }
//! }
//! ```

use crate::check::{Judgement, every_item, get_in, judge_one_of, spelling};
use crate::context::Context;
use crate::ecs::{TASK_CFN, TASK_TF};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ecs.efs-transit-encryption",
    title: "ECS task definitions encrypt EFS volume traffic in transit",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: TASK_CFN,
    tf_types: TASK_TF,
    reads: &[],
    controls: Controls {
        fsbp: &["ECS.18"],
        config: &["ECS_TASK_DEFINITION_EFS_ENCRYPTION_ENABLED"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_97", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let efs_key = spelling(
        resource,
        "EFSVolumeConfiguration",
        "efs_volume_configuration",
    );
    let transit_key = spelling(resource, "TransitEncryption", "transit_encryption");
    let label = format!("{efs_key}.{transit_key}");
    every_item(
        resource,
        "Volumes",
        "volume",
        &mut |volume| {
            let efs = get_in(volume, efs_key)?;
            Some(match get_in(efs, transit_key) {
                None => Judgement::no(
                    efs,
                    format!(
                        "{label} is not set and defaults to DISABLED: NFS traffic is not encrypted"
                    ),
                ),
                Some(t) => judge_one_of(t, &["ENABLED"], &label),
            })
        },
        "every EFS volume is mounted with transit encryption",
        "the task definition mounts no EFS volume",
    )
}
