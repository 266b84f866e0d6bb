//! # appflow.kms-key: AppFlow flows and connector profiles use your KMS key
//!
//! ## Why this is your duty
//! AppFlow is abstracted: AWS moves your data between SaaS applications and
//! AWS services, and encrypts what it keeps (the data in transit through
//! the flow, and the credentials of connector profiles) at rest. Which key
//! protects them, who may use it and when it rotates is the key-management
//! duty, yours whenever your policy asks for keys you control.
//!
//! ## What AWS already does
//! Uses the AWS managed key `aws/appflow` unless `KMSArn` / `kms_arn` names
//! a customer managed key.
//!
//! ## Verdicts
//! - met: `KMSArn` / `kms_arn` names a customer managed key;
//! - not met: absent, or an AWS managed key alias;
//! - unknown: the key is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Profile:
//!     Type: AWS::AppFlow::ConnectorProfile
//!     Properties:
//!       ConnectorProfileName: crm
//!       ConnectorType: Salesforce
//!       ConnectionMode: Public
//!       KMSArn: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
//! ```
//! ```yaml fail
//! Resources:
//!   Flow:
//!     Type: AWS::AppFlow::Flow
//!     Properties:
//!       FlowName: accounts
//!       TriggerConfig: {TriggerType: OnDemand}
//!       SourceFlowConfig: {ConnectorType: Salesforce, SourceConnectorProperties: {Salesforce: {Object: Account}}}
//!       DestinationFlowConfigList: []
//!       Tasks: []
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "flows" {}
//! resource "aws_appflow_flow" "accounts" {
//!   name    = "accounts"
//!   kms_arn = aws_kms_key.flows.arn
//! }
//! ```
//! ```hcl fail
//! resource "aws_appflow_connector_profile" "crm" {
//!   name            = "crm"
//!   connector_type  = "Salesforce"
//!   connection_mode = "Public"
//! }
//! ```

use crate::check::require_customer_managed_key;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "appflow.kms-key",
    title: "AppFlow flows and connector profiles are encrypted with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::AppFlow::Flow", "AWS::AppFlow::ConnectorProfile"],
    tf_types: &["aws_appflow_flow", "aws_appflow_connector_profile"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_263", Same), checkov("CKV_AWS_264", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_customer_managed_key(
        resource,
        "KMSArn",
        "kms_arn",
        "the AWS managed key aws/appflow",
    )
}
