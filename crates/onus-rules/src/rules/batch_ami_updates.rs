//! # batch.ami-updates: Batch EC2 compute environments move to the latest AMI on updates
//!
//! ## Why this is your duty
//! A managed Batch compute environment on EC2 or Spot is infrastructure (see
//! the catalog's category rule for Batch): Batch launches the instances from
//! an ECS-optimized AMI, but it does not move an existing environment to a
//! newer, patched AMI unless you tell it to. Keeping the instances' operating
//! system patched is yours.
//!
//! ## What AWS already does
//! Publishes patched ECS-optimized AMIs. With
//! `ComputeResources.UpdateToLatestImageVersion: true`, every infrastructure
//! update of the environment replaces the instances with the latest supported
//! AMI; the default is false.
//!
//! ## Verdicts
//! CloudFormation only: the Terraform provider's
//! `aws_batch_compute_environment` has no `update_to_latest_image_version`.
//! - met: `UpdateToLatestImageVersion` is true;
//! - not met: absent (false) or false, on a managed EC2/SPOT environment
//!   using Batch's default AMI;
//! - unknown: the environment type or the flag is not static;
//! - not applicable: Fargate and unmanaged environments, and environments
//!   on a custom AMI (`ImageId`, `Ec2Configuration[].ImageIdOverride` or a
//!   launch template), whose image you rebuild and patch yourself.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Compute:
//!     Type: AWS::Batch::ComputeEnvironment
//!     Properties:
//!       Type: MANAGED
//!       ComputeResources:
//!         Type: EC2
//!         MaxvCpus: 16
//!         Subnets: [subnet-0123456789abcdef0]
//!         InstanceTypes: [optimal]
//!         UpdateToLatestImageVersion: true
//! ```
//! ```yaml fail
//! Resources:
//!   Compute:
//!     Type: AWS::Batch::ComputeEnvironment
//!     Properties:
//!       Type: MANAGED
//!       ComputeResources:
//!         Type: SPOT
//!         MaxvCpus: 16
//!         Subnets: [subnet-0123456789abcdef0]
//!         InstanceTypes: [optimal]
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Compute:
//!     Type: AWS::Batch::ComputeEnvironment
//!     Properties:
//!       Type: MANAGED
//!       ComputeResources:
//!         Type: FARGATE
//!         MaxvCpus: 16
//!         Subnets: [subnet-0123456789abcdef0]
//! ```

use crate::check::{get, require_bool};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "batch.ami-updates",
    title: "Batch EC2 compute environments update to the latest AMI",
    duty: Duty::OsPatching,
    severity: Severity::Medium,
    cfn_types: &["AWS::Batch::ComputeEnvironment"],
    tf_types: &[],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    match get(resource, "Type").map(|n| (n, &n.value)) {
        Some((_, Value::String(t))) if t.eq_ignore_ascii_case("MANAGED") => {}
        Some((n, Value::Unknown(w))) => {
            return Verdict::unknown(resource, n.span, "Type", w.clone());
        }
        Some((_, Value::String(t))) => {
            return Verdict::not_applicable(
                resource,
                format!("a {t} compute environment: you run its instances"),
            );
        }
        _ => return Verdict::not_applicable(resource, "the compute environment type is not set"),
    }
    match get(resource, "ComputeResources.Type").map(|n| (n, &n.value)) {
        Some((_, Value::String(t)))
            if t.eq_ignore_ascii_case("EC2") || t.eq_ignore_ascii_case("SPOT") => {}
        Some((n, Value::Unknown(w))) => {
            return Verdict::unknown(resource, n.span, "ComputeResources.Type", w.clone());
        }
        Some((_, Value::String(t))) => {
            return Verdict::not_applicable(
                resource,
                format!("{t} compute: AWS patches the hosts"),
            );
        }
        _ => return Verdict::not_applicable(resource, "no EC2 compute resources"),
    }
    for custom in [
        "ComputeResources.ImageId",
        "ComputeResources.Ec2Configuration.ImageIdOverride",
        "ComputeResources.LaunchTemplate",
    ] {
        if get(resource, custom).is_some() {
            return Verdict::not_applicable(
                resource,
                format!("{custom} is set: a custom image you rebuild and patch yourself"),
            );
        }
    }
    require_bool(
        resource,
        "ComputeResources.UpdateToLatestImageVersion",
        "",
        true,
        false,
        "moving instances to the latest patched AMI on updates",
    )
}
