//! # mq.auto-minor-version-upgrade: Amazon MQ brokers take minor engine upgrades automatically
//!
//! ## Why this is your duty
//! Amazon MQ is a container service: AWS builds and ships patched engine
//! versions, but a broker moves to a new minor version only when you allow
//! it. The model's shared patch-management control puts that switch — and
//! the maintenance window — on the customer.
//!
//! ## What AWS already does
//! Publishes new minor versions and applies them in your maintenance window
//! when automatic minor version upgrades are on. The `CreateBroker` API sets
//! the flag to true "by default, if no value is specified", which is what
//! CloudFormation leaves when the property is absent; the Terraform provider
//! defaults `auto_minor_version_upgrade` to false and sends it.
//!
//! ## Verdicts
//! - met: `AutoMinorVersionUpgrade` (`auto_minor_version_upgrade`) is true,
//!   or absent in CloudFormation;
//! - not met: false, or absent in Terraform;
//! - unknown: a value onus cannot resolve.
//!
//! (ActiveMQ 5.18+ and RabbitMQ 3.13+ require the flag to be true: such
//! brokers pass once created.)
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
//!       AutoMinorVersionUpgrade: true
//! ```
//! ```yaml pass
//! Resources:
//!   Broker:
//!     Type: AWS::AmazonMQ::Broker
//!     Properties:
//!       BrokerName: orders
//!       EngineType: ACTIVEMQ
//!       PubliclyAccessible: false
//! ```
//! ```yaml fail
//! Resources:
//!   Broker:
//!     Type: AWS::AmazonMQ::Broker
//!     Properties:
//!       BrokerName: orders
//!       EngineType: ACTIVEMQ
//!       PubliclyAccessible: false
//!       AutoMinorVersionUpgrade: false
//! ```
//! ```hcl pass
//! resource "aws_mq_broker" "orders" {
//!   broker_name                = "orders"
//!   engine_type                = "ActiveMQ"
//!   engine_version             = "5.18"
//!   host_instance_type         = "mq.m5.large"
//!   auto_minor_version_upgrade = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_mq_broker" "orders" {
//!   broker_name                = "orders"
//!   engine_type                = "ActiveMQ"
//!   engine_version             = "5.17.6"
//!   host_instance_type         = "mq.m5.large"
//!   auto_minor_version_upgrade = false
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "mq.auto-minor-version-upgrade",
    title: "Amazon MQ broker has automatic minor version upgrades",
    duty: Duty::PlatformPatching,
    severity: Severity::Medium,
    cfn_types: &["AWS::AmazonMQ::Broker"],
    tf_types: &["aws_mq_broker"],
    reads: &[],
    controls: Controls {
        fsbp: &[],
        config: &["MQ_AUTO_MINOR_VERSION_UPGRADE_ENABLED"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_207", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    // CreateBroker defaults to true; the provider sends its own false.
    let default = !resource.format.is_terraform();
    require_bool(
        resource,
        "AutoMinorVersionUpgrade",
        "auto_minor_version_upgrade",
        true,
        default,
        "automatic minor version upgrades",
    )
}
