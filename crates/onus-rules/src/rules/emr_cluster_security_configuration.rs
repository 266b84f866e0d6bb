//! # emr.cluster-security-configuration: EMR clusters use a security configuration
//!
//! ## Why this is your duty
//! EMR is a container service: AWS runs the cluster, but encryption at rest
//! and in transit (and Kerberos, Lake Formation, IAM roles for EMRFS) apply
//! only to clusters launched with a security configuration. Naming one is
//! how the customer's encryption duty reaches the cluster.
//!
//! ## What AWS already does
//! Launches clusters without a security configuration unless one is named.
//!
//! ## Verdicts
//! - met: `SecurityConfiguration` (`security_configuration`) is set,
//!   literally or by reference (check the configuration itself with
//!   `emr.at-rest-encryption` and `emr.in-transit-encryption`);
//! - not met: absent;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Security:
//!     Type: AWS::EMR::SecurityConfiguration
//!     Properties:
//!       SecurityConfiguration:
//!         EncryptionConfiguration:
//!           EnableAtRestEncryption: true
//!           EnableInTransitEncryption: false
//!   Cluster:
//!     Type: AWS::EMR::Cluster
//!     Properties:
//!       Name: analytics
//!       ReleaseLabel: emr-7.1.0
//!       JobFlowRole: EMR_EC2_DefaultRole
//!       ServiceRole: EMR_DefaultRole
//!       SecurityConfiguration: !Ref Security
//!       Instances:
//!         MasterInstanceGroup:
//!           InstanceCount: 1
//!           InstanceType: m5.xlarge
//! ```
//! ```yaml fail
//! Resources:
//!   Cluster:
//!     Type: AWS::EMR::Cluster
//!     Properties:
//!       Name: analytics
//!       ReleaseLabel: emr-7.1.0
//!       JobFlowRole: EMR_EC2_DefaultRole
//!       ServiceRole: EMR_DefaultRole
//!       Instances:
//!         MasterInstanceGroup:
//!           InstanceCount: 1
//!           InstanceType: m5.xlarge
//! ```
//! ```hcl pass
//! resource "aws_emr_cluster" "analytics" {
//!   name                   = "analytics"
//!   release_label          = "emr-7.1.0"
//!   service_role           = "EMR_DefaultRole"
//!   security_configuration = "security"
//!   master_instance_group {
//!     instance_type = "m5.xlarge"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_emr_cluster" "analytics" {
//!   name          = "analytics"
//!   release_label = "emr-7.1.0"
//!   service_role  = "EMR_DefaultRole"
//!   master_instance_group {
//!     instance_type = "m5.xlarge"
//!   }
//! }
//! ```

use crate::check::require_set;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "emr.cluster-security-configuration",
    title: "EMR cluster is launched with a security configuration",
    duty: Duty::EncryptionAtRest,
    severity: Severity::Medium,
    cfn_types: &["AWS::EMR::Cluster"],
    tf_types: &["aws_emr_cluster"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV2_AWS_55", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_set(
        resource,
        "SecurityConfiguration",
        "security_configuration",
        "the cluster has no security configuration: no encryption is set up",
    )
}
