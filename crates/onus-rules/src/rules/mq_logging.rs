//! # mq.logging: Amazon MQ brokers send their logs to CloudWatch Logs
//!
//! ## Why this is your duty
//! Amazon MQ is a container service: AWS operates the broker engine, but the
//! broker's own logs — for ActiveMQ the audit log of management actions,
//! for RabbitMQ the general log with connections and authentication — are
//! published only when you enable them. Logging of customer resources is the
//! customer's duty.
//!
//! ## What AWS already does
//! Publishes broker metrics; no broker logs unless `Logs` enables them.
//!
//! ## Verdicts
//! Reads `EngineType` (`engine_type`) and `Logs` (`logs { ... }`):
//! - ActiveMQ: met when `Logs.Audit` (`logs.audit`) is true; not met when
//!   false or absent (default false);
//! - RabbitMQ (audit logs do not exist): met when `Logs.General`
//!   (`logs.general`) is true; not met otherwise;
//! - unknown: the engine or a flag onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Broker:
//!     Type: AWS::AmazonMQ::Broker
//!     Properties:
//!       BrokerName: orders
//!       EngineType: ACTIVEMQ
//!       PubliclyAccessible: false
//!       Logs:
//!         Audit: true
//!         General: true
//! ```
//! ```yaml fail
//! Resources:
//!   Broker:
//!     Type: AWS::AmazonMQ::Broker
//!     Properties:
//!       BrokerName: orders
//!       EngineType: ACTIVEMQ
//!       PubliclyAccessible: false
//!       Logs:
//!         General: true
//! ```
//! ```yaml pass
//! Resources:
//!   Rabbit:
//!     Type: AWS::AmazonMQ::Broker
//!     Properties:
//!       BrokerName: jobs
//!       EngineType: RABBITMQ
//!       PubliclyAccessible: false
//!       Logs:
//!         General: true
//! ```
//! ```hcl pass
//! resource "aws_mq_broker" "orders" {
//!   broker_name        = "orders"
//!   engine_type        = "ActiveMQ"
//!   engine_version     = "5.18"
//!   host_instance_type = "mq.m5.large"
//!   logs {
//!     audit   = true
//!     general = true
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_mq_broker" "jobs" {
//!   broker_name        = "jobs"
//!   engine_type        = "RabbitMQ"
//!   engine_version     = "3.13"
//!   host_instance_type = "mq.m5.large"
//! }
//! ```
//! ```yaml unknown
//! Parameters:
//!   Engine:
//!     Type: String
//! Resources:
//!   Broker:
//!     Type: AWS::AmazonMQ::Broker
//!     Properties:
//!       BrokerName: orders
//!       EngineType: !Ref Engine
//!       PubliclyAccessible: false
//!       Logs:
//!         General: true
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::mq::is_rabbitmq;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "mq.logging",
    title: "Amazon MQ broker publishes its logs",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::AmazonMQ::Broker"],
    tf_types: &["aws_mq_broker"],
    reads: &[],
    controls: Controls {
        fsbp: &["MQ.2"],
        config: &[
            "MQ_CLOUDWATCH_AUDIT_LOGGING_ENABLED",
            "MQ_CLOUDWATCH_AUDIT_LOG_ENABLED",
        ],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_197", Related),
        trivy("AVD-AWS-0070", Related),
        checkov("CKV_AWS_48", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let rabbit = match is_rabbitmq(resource) {
        Ok(r) => r,
        Err(v) => return v,
    };
    if rabbit {
        require_bool(
            resource,
            "Logs.General",
            "logs.general",
            true,
            false,
            "RabbitMQ general logs",
        )
    } else {
        require_bool(
            resource,
            "Logs.Audit",
            "logs.audit",
            true,
            false,
            "ActiveMQ audit logs",
        )
    }
}
