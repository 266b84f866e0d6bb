//! # opensearch.error-logging: OpenSearch domains publish error logs
//!
//! ## Why this is your duty
//! OpenSearch Service is a container service: AWS monitors the fleet, but the
//! error log of *your* domain (failed requests, plugin and node errors)
//! leaves the nodes only if you publish it. Logging of customer resources is
//! the customer's duty.
//!
//! ## What AWS already does
//! Publishes no log unless `LogPublishingOptions` / `log_publishing_options`
//! enables it (error logs since 2019).
//!
//! ## Verdicts
//! - met: `ES_APPLICATION_LOGS` is published (CloudFormation `Enabled: true`;
//!   Terraform `enabled` defaults to true);
//! - not met: absent or disabled;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Search:
//!     Type: AWS::OpenSearchService::Domain
//!     Properties:
//!       EngineVersion: OpenSearch_2.13
//!       LogPublishingOptions:
//!         ES_APPLICATION_LOGS:
//!           CloudWatchLogsLogGroupArn: arn:aws:logs:us-east-1:123456789012:log-group:search
//!           Enabled: true
//! ```
//! ```yaml fail
//! Resources:
//!   Search:
//!     Type: AWS::Elasticsearch::Domain
//!     Properties:
//!       ElasticsearchVersion: "7.10"
//! ```
//! ```hcl pass
//! resource "aws_opensearch_domain" "search" {
//!   domain_name    = "search"
//!   engine_version = "OpenSearch_2.13"
//!   log_publishing_options {
//!     log_type                 = "ES_APPLICATION_LOGS"
//!     cloudwatch_log_group_arn = "arn:aws:logs:us-east-1:123456789012:log-group:search"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_elasticsearch_domain" "search" {
//!   domain_name           = "search"
//!   elasticsearch_version = "7.10"
//!   log_publishing_options {
//!     log_type                 = "INDEX_SLOW_LOGS"
//!     cloudwatch_log_group_arn = "arn:aws:logs:us-east-1:123456789012:log-group:search"
//!   }
//! }
//! ```

use crate::context::Context;
use crate::opensearch::publishes;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "opensearch.error-logging",
    title: "OpenSearch domains publish error logs to CloudWatch Logs",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &[
        "AWS::OpenSearchService::Domain",
        "AWS::Elasticsearch::Domain",
    ],
    tf_types: &["aws_opensearch_domain", "aws_elasticsearch_domain"],
    reads: &[],
    controls: Controls {
        fsbp: &["ES.4", "Opensearch.4"],
        config: &[
            "ELASTICSEARCH_LOGS_TO_CLOUDWATCH",
            "OPENSEARCH_LOGS_TO_CLOUDWATCH",
        ],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_84", Related)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    publishes(resource, "ES_APPLICATION_LOGS", "errors stay on the nodes")
}
