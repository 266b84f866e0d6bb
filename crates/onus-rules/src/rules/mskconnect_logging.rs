//! # mskconnect.logging: MSK Connect connectors deliver worker logs
//!
//! ## Why this is your duty
//! MSK Connect is a container service: AWS runs the workers, but their logs
//! (errors, what the connector read and wrote) leave the workers only if you
//! name a destination. Logging of customer resources is the customer's
//! duty.
//!
//! ## What AWS already does
//! Delivers no worker logs unless `LogDelivery.WorkerLogDelivery` /
//! `log_delivery { worker_log_delivery }` enables CloudWatch Logs, Firehose
//! or S3 (the default since launch in 2021).
//!
//! ## Verdicts
//! - met: at least one destination is enabled;
//! - not met: none;
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
//!       LogDelivery:
//!         WorkerLogDelivery:
//!           CloudWatchLogs:
//!             Enabled: true
//!             LogGroup: /msk-connect/sink
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
//!         EncryptionType: TLS
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
//!   log_delivery {
//!     worker_log_delivery {
//!       s3 {
//!         enabled = true
//!         bucket  = "connect-logs"
//!       }
//!     }
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
//!   log_delivery {
//!     worker_log_delivery {
//!       cloudwatch_logs {
//!         enabled = false
//!       }
//!     }
//!   }
//! }
//! ```

use crate::check::{any_of, require_bool, spelling};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "mskconnect.logging",
    title: "MSK Connect connectors deliver worker logs",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::KafkaConnect::Connector"],
    tf_types: &["aws_mskconnect_connector"],
    reads: &[],
    controls: Controls {
        fsbp: &["MSK.5"],
        config: &["MSK_CONNECT_CONNECTOR_LOGGING_ENABLED"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let destinations = if resource.format.is_terraform() {
        ["cloudwatch_logs", "firehose", "s3"]
    } else {
        ["CloudWatchLogs", "Firehose", "S3"]
    };
    let base = spelling(
        resource,
        "LogDelivery.WorkerLogDelivery",
        "log_delivery.worker_log_delivery",
    );
    let verdicts: Vec<Verdict> = destinations
        .iter()
        .map(|d| {
            let path = format!("{base}.{d}.{}", spelling(resource, "Enabled", "enabled"));
            require_bool(resource, &path, &path, true, false, "worker log delivery")
        })
        .collect();
    any_of(verdicts).unwrap_or_else(|| Verdict::not_applicable(resource, "no destination"))
}
