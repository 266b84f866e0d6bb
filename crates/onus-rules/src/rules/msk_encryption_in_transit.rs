//! # msk.encryption-in-transit: MSK clusters use TLS between clients and brokers and inside the cluster
//!
//! ## Why this is your duty
//! MSK is a container service: AWS runs the Kafka brokers and ZooKeeper or
//! KRaft controllers, but which listeners the brokers open is your choice at
//! cluster creation. Protecting your data on the network is the customer's
//! side of the model for container services.
//!
//! ## What AWS already does
//! Defaults to TLS only between clients and brokers (`ClientBroker: TLS`) and
//! to TLS between brokers (`InCluster: true`) when you say nothing.
//!
//! ## Verdicts
//! Reads `EncryptionInfo.EncryptionInTransit` (`encryption_info {
//! encryption_in_transit { ... } }`):
//! - met: `ClientBroker` (`client_broker`) is `TLS` (or absent: the default is
//!   `TLS`) and `InCluster` (`in_cluster`) is true or absent (default true);
//! - not met: `ClientBroker` is `TLS_PLAINTEXT` or `PLAINTEXT` (plaintext
//!   clients accepted), or `InCluster` is false;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Kafka:
//!     Type: AWS::MSK::Cluster
//!     Properties:
//!       ClusterName: events
//!       KafkaVersion: 3.6.0
//!       NumberOfBrokerNodes: 3
//!       BrokerNodeGroupInfo:
//!         InstanceType: kafka.m5.large
//!         ClientSubnets: [subnet-1, subnet-2, subnet-3]
//!       EncryptionInfo:
//!         EncryptionInTransit:
//!           ClientBroker: TLS
//!           InCluster: true
//! ```
//! ```yaml fail
//! Resources:
//!   Kafka:
//!     Type: AWS::MSK::Cluster
//!     Properties:
//!       ClusterName: events
//!       KafkaVersion: 3.6.0
//!       NumberOfBrokerNodes: 3
//!       BrokerNodeGroupInfo:
//!         InstanceType: kafka.m5.large
//!         ClientSubnets: [subnet-1, subnet-2, subnet-3]
//!       EncryptionInfo:
//!         EncryptionInTransit:
//!           ClientBroker: TLS_PLAINTEXT
//! ```
//! ```hcl pass
//! resource "aws_msk_cluster" "events" {
//!   cluster_name           = "events"
//!   kafka_version          = "3.6.0"
//!   number_of_broker_nodes = 3
//!   broker_node_group_info {
//!     instance_type  = "kafka.m5.large"
//!     client_subnets = ["subnet-1", "subnet-2", "subnet-3"]
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_msk_cluster" "events" {
//!   cluster_name           = "events"
//!   kafka_version          = "3.6.0"
//!   number_of_broker_nodes = 3
//!   broker_node_group_info {
//!     instance_type  = "kafka.m5.large"
//!     client_subnets = ["subnet-1", "subnet-2", "subnet-3"]
//!   }
//!   encryption_info {
//!     encryption_in_transit {
//!       client_broker = "TLS"
//!       in_cluster    = false
//!     }
//!   }
//! }
//! ```
//! ```hcl unknown
//! variable "client_broker" {
//!   type = string
//! }
//! resource "aws_msk_cluster" "events" {
//!   cluster_name = "events"
//!   encryption_info {
//!     encryption_in_transit {
//!       client_broker = var.client_broker
//!     }
//!   }
//! }
//! ```

use crate::check::{all_of, require_bool, require_one_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "msk.encryption-in-transit",
    title: "MSK cluster encrypts client and inter-broker traffic with TLS",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: &["AWS::MSK::Cluster"],
    tf_types: &["aws_msk_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &["MSK.1"],
        config: &["MSK_IN_CLUSTER_NODE_REQUIRE_TLS"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_81", Related)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let client = require_one_of(
        resource,
        "EncryptionInfo.EncryptionInTransit.ClientBroker",
        "encryption_info.encryption_in_transit.client_broker",
        &["TLS"],
        Some("TLS"),
        "client-broker encryption",
    );
    let cluster = require_bool(
        resource,
        "EncryptionInfo.EncryptionInTransit.InCluster",
        "encryption_info.encryption_in_transit.in_cluster",
        true,
        true,
        "inter-broker encryption",
    );
    all_of(vec![client, cluster]).unwrap_or_else(|| Verdict::not_applicable(resource, "no checks"))
}
