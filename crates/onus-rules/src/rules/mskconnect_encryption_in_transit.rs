//! # mskconnect.encryption-in-transit: MSK Connect connectors reach Kafka over TLS
//!
//! ## Why this is your duty
//! MSK Connect is a container service: AWS runs the workers in your VPC,
//! but how they talk to *your* Kafka cluster is a setting of the connector.
//! Protecting data in transit is the customer's side of the model.
//!
//! ## What AWS already does
//! Connects in plaintext unless `KafkaClusterEncryptionInTransit.EncryptionType`
//! / `kafka_cluster_encryption_in_transit { encryption_type }` is `TLS`;
//! Terraform's default is `PLAINTEXT` (since MSK Connect launched in 2021).
//!
//! ## Verdicts
//! - met: `TLS`;
//! - not met: `PLAINTEXT` or absent;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Connector:
//!     Type: AWS::KafkaConnect::Connector
//!     Properties:
//!       ConnectorName: sink
//!       KafkaConnectVersion: 2.7.1
//!       ServiceExecutionRoleArn: arn:aws:iam::123456789012:role/connect
//!       ConnectorConfiguration:
//!         connector.class: io.example.Sink
//!       Capacity:
//!         ProvisionedCapacity:
//!           WorkerCount: 1
//!       KafkaCluster:
//!         ApacheKafkaCluster:
//!           BootstrapServers: b-1.events:9098
//!           Vpc:
//!             SecurityGroups: [sg-1]
//!             Subnets: [subnet-1]
//!       KafkaClusterClientAuthentication:
//!         AuthenticationType: IAM
//!       Plugins:
//!         - CustomPlugin:
//!             CustomPluginArn: arn:aws:kafkaconnect:us-east-1:123456789012:custom-plugin/sink
//!             Revision: 1
//!       KafkaClusterEncryptionInTransit:
//!         EncryptionType: TLS
//! ```
//! ```yaml fail
//! Resources:
//!   Connector:
//!     Type: AWS::KafkaConnect::Connector
//!     Properties:
//!       ConnectorName: sink
//!       KafkaConnectVersion: 2.7.1
//!       ServiceExecutionRoleArn: arn:aws:iam::123456789012:role/connect
//!       ConnectorConfiguration:
//!         connector.class: io.example.Sink
//!       Capacity:
//!         ProvisionedCapacity:
//!           WorkerCount: 1
//!       KafkaCluster:
//!         ApacheKafkaCluster:
//!           BootstrapServers: b-1.events:9098
//!           Vpc:
//!             SecurityGroups: [sg-1]
//!             Subnets: [subnet-1]
//!       KafkaClusterClientAuthentication:
//!         AuthenticationType: IAM
//!       Plugins:
//!         - CustomPlugin:
//!             CustomPluginArn: arn:aws:kafkaconnect:us-east-1:123456789012:custom-plugin/sink
//!             Revision: 1
//!       KafkaClusterEncryptionInTransit:
//!         EncryptionType: PLAINTEXT
//! ```
//! ```hcl pass
//! resource "aws_mskconnect_connector" "sink" {
//!   name                       = "sink"
//!   kafkaconnect_version       = "2.7.1"
//!   service_execution_role_arn = "arn:aws:iam::123456789012:role/connect"
//!   connector_configuration = {
//!     "connector.class" = "io.example.Sink"
//!   }
//!   capacity {
//!     provisioned_capacity {
//!       worker_count = 1
//!     }
//!   }
//!   kafka_cluster {
//!     apache_kafka_cluster {
//!       bootstrap_servers = "b-1.events:9098"
//!       vpc {
//!         security_groups = ["sg-1"]
//!         subnets         = ["subnet-1"]
//!       }
//!     }
//!   }
//!   plugin {
//!     custom_plugin {
//!       arn      = "arn:aws:kafkaconnect:us-east-1:123456789012:custom-plugin/sink"
//!       revision = 1
//!     }
//!   }
//!   kafka_cluster_encryption_in_transit {
//!     encryption_type = "TLS"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_mskconnect_connector" "sink" {
//!   name                       = "sink"
//!   kafkaconnect_version       = "2.7.1"
//!   service_execution_role_arn = "arn:aws:iam::123456789012:role/connect"
//!   connector_configuration = {
//!     "connector.class" = "io.example.Sink"
//!   }
//!   capacity {
//!     provisioned_capacity {
//!       worker_count = 1
//!     }
//!   }
//!   kafka_cluster {
//!     apache_kafka_cluster {
//!       bootstrap_servers = "b-1.events:9098"
//!       vpc {
//!         security_groups = ["sg-1"]
//!         subnets         = ["subnet-1"]
//!       }
//!     }
//!   }
//!   plugin {
//!     custom_plugin {
//!       arn      = "arn:aws:kafkaconnect:us-east-1:123456789012:custom-plugin/sink"
//!       revision = 1
//!     }
//!   }
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "mskconnect.encryption-in-transit",
    title: "MSK Connect connectors reach Kafka over TLS",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: &["AWS::KafkaConnect::Connector"],
    tf_types: &["aws_mskconnect_connector"],
    reads: &[],
    controls: Controls {
        fsbp: &["MSK.3"],
        config: &[],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "KafkaClusterEncryptionInTransit.EncryptionType",
        "kafka_cluster_encryption_in_transit.encryption_type",
        &["TLS"],
        Some("PLAINTEXT"),
        "encryption in transit",
    )
}
