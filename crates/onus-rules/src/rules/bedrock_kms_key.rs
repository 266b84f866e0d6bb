//! # bedrock.kms-key: Bedrock agents and knowledge-base data sources use your KMS key
//!
//! ## Why this is your duty
//! Bedrock is abstracted: AWS stores an agent's configuration and session
//! data, and the transient data of knowledge-base ingestion, encrypted at
//! rest. Which key protects your prompts, instructions and documents, who
//! may use it and when it rotates is the key-management duty, yours
//! whenever your policy asks for keys you control.
//!
//! ## What AWS already does
//! Encrypts agents and data sources with AWS owned keys unless
//! `CustomerEncryptionKeyArn` (agents, `customer_encryption_key_arn`) or
//! `ServerSideEncryptionConfiguration.KmsKeyArn` (data sources,
//! `server_side_encryption_configuration { kms_key_arn }`) names a key.
//!
//! ## Verdicts
//! - met: the key names a customer managed key;
//! - not met: absent (AWS owned key), or an AWS managed key alias;
//! - unknown: the key is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Agent:
//!     Type: AWS::Bedrock::Agent
//!     Properties:
//!       AgentName: support
//!       FoundationModel: anthropic.claude-3-haiku-20240307-v1:0
//!       CustomerEncryptionKeyArn: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
//! ```
//! ```yaml fail
//! Resources:
//!   Docs:
//!     Type: AWS::Bedrock::DataSource
//!     Properties:
//!       Name: manuals
//!       KnowledgeBaseId: KB12345678
//!       DataSourceConfiguration:
//!         Type: S3
//!         S3Configuration: {BucketArn: "arn:aws:s3:::manuals"}
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "agent" {}
//! resource "aws_bedrockagent_agent" "support" {
//!   agent_name                  = "support"
//!   agent_resource_role_arn     = "arn:aws:iam::111122223333:role/agent"
//!   foundation_model            = "anthropic.claude-3-haiku-20240307-v1:0"
//!   customer_encryption_key_arn = aws_kms_key.agent.arn
//! }
//! ```
//! ```hcl fail
//! resource "aws_bedrockagent_agent" "support" {
//!   agent_name              = "support"
//!   agent_resource_role_arn = "arn:aws:iam::111122223333:role/agent"
//!   foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
//! }
//! ```

use crate::check::require_customer_managed_key;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "bedrock.kms-key",
    title: "Bedrock agents and data sources are encrypted with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::Bedrock::Agent", "AWS::Bedrock::DataSource"],
    tf_types: &["aws_bedrockagent_agent", "aws_bedrockagent_data_source"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_373", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let (cfn, tf) = match resource.resource_type.as_str() {
        "AWS::Bedrock::DataSource" | "aws_bedrockagent_data_source" => (
            "ServerSideEncryptionConfiguration.KmsKeyArn",
            "server_side_encryption_configuration.kms_key_arn",
        ),
        _ => ("CustomerEncryptionKeyArn", "customer_encryption_key_arn"),
    };
    require_customer_managed_key(resource, cfn, tf, "an AWS owned key")
}
