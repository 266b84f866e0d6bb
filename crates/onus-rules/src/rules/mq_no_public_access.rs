//! # mq.no-public-access: Amazon MQ brokers are not publicly accessible
//!
//! ## Why this is your duty
//! Amazon MQ is a container service: AWS runs ActiveMQ or RabbitMQ on broker
//! instances sized and placed by you. Whether the broker gets a public
//! endpoint is your choice at creation, and network exposure of container
//! services is the customer's side of the model.
//!
//! ## What AWS already does
//! Patches the broker engine and hosts; places a non-public broker in your
//! subnets behind your security groups.
//!
//! ## Verdicts
//! - met: `PubliclyAccessible` (`publicly_accessible`) is false, or absent in
//!   Terraform (the provider's default is false);
//! - not met: true, or absent in CloudFormation (the property is required
//!   there; onus does not assume a value);
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Broker:
//!     Type: AWS::AmazonMQ::Broker
//!     Properties:
//!       BrokerName: orders
//!       EngineType: ACTIVEMQ
//!       HostInstanceType: mq.m5.large
//!       DeploymentMode: ACTIVE_STANDBY_MULTI_AZ
//!       PubliclyAccessible: false
//! ```
//! ```yaml fail
//! Resources:
//!   Broker:
//!     Type: AWS::AmazonMQ::Broker
//!     Properties:
//!       BrokerName: orders
//!       EngineType: ACTIVEMQ
//!       HostInstanceType: mq.m5.large
//!       DeploymentMode: ACTIVE_STANDBY_MULTI_AZ
//!       PubliclyAccessible: true
//! ```
//! ```hcl pass
//! resource "aws_mq_broker" "orders" {
//!   broker_name        = "orders"
//!   engine_type        = "ActiveMQ"
//!   engine_version     = "5.18"
//!   host_instance_type = "mq.m5.large"
//! }
//! ```
//! ```hcl fail
//! resource "aws_mq_broker" "orders" {
//!   broker_name         = "orders"
//!   engine_type         = "ActiveMQ"
//!   engine_version      = "5.18"
//!   host_instance_type  = "mq.m5.large"
//!   publicly_accessible = true
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "mq.no-public-access",
    title: "Amazon MQ broker is not publicly accessible",
    duty: Duty::NetworkExposure,
    severity: Severity::High,
    cfn_types: &["AWS::AmazonMQ::Broker"],
    tf_types: &["aws_mq_broker"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_69", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    // CloudFormation requires the property: absent is treated as not met.
    let default = !resource.format.is_terraform();
    require_bool(
        resource,
        "PubliclyAccessible",
        "publicly_accessible",
        false,
        default,
        "a private broker",
    )
}
