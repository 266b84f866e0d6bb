//! # msk.public-access-disabled: MSK brokers are not reachable from the internet
//!
//! ## Why this is your duty
//! MSK is a container service: the brokers live in your VPC subnets and AWS
//! runs them, but whether they get public endpoints is a setting you
//! control. Network exposure of a container service is the customer's duty
//! under the model (with the security groups in front of it).
//!
//! ## What AWS already does
//! Creates brokers with private endpoints only: public access is `DISABLED`
//! unless you turn it on (`SERVICE_PROVIDED_EIPS`).
//!
//! ## Verdicts
//! - met: `BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type`
//!   (`broker_node_group_info { connectivity_info { public_access { type }}}`)
//!   is `DISABLED`, or absent (the default);
//! - not met: `SERVICE_PROVIDED_EIPS`;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Kafka:
//!     Type: AWS::MSK::Cluster
//!     Properties:
//!       ClusterName: events
//!       BrokerNodeGroupInfo:
//!         InstanceType: kafka.m5.large
//!         ClientSubnets: [subnet-1, subnet-2]
//! ```
//! ```yaml fail
//! Resources:
//!   Kafka:
//!     Type: AWS::MSK::Cluster
//!     Properties:
//!       ClusterName: events
//!       BrokerNodeGroupInfo:
//!         InstanceType: kafka.m5.large
//!         ClientSubnets: [subnet-1, subnet-2]
//!         ConnectivityInfo:
//!           PublicAccess:
//!             Type: SERVICE_PROVIDED_EIPS
//! ```
//! ```hcl pass
//! resource "aws_msk_cluster" "events" {
//!   cluster_name = "events"
//!   broker_node_group_info {
//!     instance_type  = "kafka.m5.large"
//!     client_subnets = ["subnet-1", "subnet-2"]
//!     connectivity_info {
//!       public_access {
//!         type = "DISABLED"
//!       }
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_msk_cluster" "events" {
//!   cluster_name = "events"
//!   broker_node_group_info {
//!     instance_type  = "kafka.m5.large"
//!     client_subnets = ["subnet-1", "subnet-2"]
//!     connectivity_info {
//!       public_access {
//!         type = "SERVICE_PROVIDED_EIPS"
//!       }
//!     }
//!   }
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "msk.public-access-disabled",
    title: "MSK cluster has public access disabled",
    duty: Duty::NetworkExposure,
    severity: Severity::High,
    cfn_types: &["AWS::MSK::Cluster"],
    tf_types: &["aws_msk_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &["MSK.4"],
        config: &["MSK_CLUSTER_PUBLIC_ACCESS_DISABLED"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_291", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type",
        "broker_node_group_info.connectivity_info.public_access.type",
        &["DISABLED"],
        Some("DISABLED"),
        "brokers without public endpoints",
    )
}
