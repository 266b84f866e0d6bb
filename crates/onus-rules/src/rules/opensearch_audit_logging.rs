//! # opensearch.audit-logging: OpenSearch domains publish audit logs
//!
//! ## Why this is your duty
//! OpenSearch Service is a container service: AWS records API calls in
//! CloudTrail, but who searched or changed *your* indexes is in the audit
//! log, published only if you ask. Logging of customer resources is the
//! customer's duty.
//!
//! ## What AWS already does
//! Publishes no audit log unless `LogPublishingOptions` /
//! `log_publishing_options` enables `AUDIT_LOGS` (since 2020; audit logs
//! need fine-grained access control).
//!
//! ## Verdicts
//! - met: `AUDIT_LOGS` is published (CloudFormation `Enabled: true`;
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
//!       AdvancedSecurityOptions:
//!         Enabled: true
//!         InternalUserDatabaseEnabled: false
//!       LogPublishingOptions:
//!         AUDIT_LOGS:
//!           CloudWatchLogsLogGroupArn: arn:aws:logs:us-east-1:123456789012:log-group:audit
//!           Enabled: true
//! ```
//! ```yaml fail
//! Resources:
//!   Search:
//!     Type: AWS::OpenSearchService::Domain
//!     Properties:
//!       EngineVersion: OpenSearch_2.13
//! ```
//! ```hcl pass
//! resource "aws_opensearch_domain" "search" {
//!   domain_name    = "search"
//!   engine_version = "OpenSearch_2.13"
//!   log_publishing_options {
//!     log_type                 = "AUDIT_LOGS"
//!     cloudwatch_log_group_arn = "arn:aws:logs:us-east-1:123456789012:log-group:audit"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_elasticsearch_domain" "search" {
//!   domain_name           = "search"
//!   elasticsearch_version = "7.10"
//! }
//! ```

use crate::context::Context;
use crate::opensearch::publishes;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "opensearch.audit-logging",
    title: "OpenSearch domains publish audit logs",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &[
        "AWS::OpenSearchService::Domain",
        "AWS::Elasticsearch::Domain",
    ],
    tf_types: &["aws_opensearch_domain", "aws_elasticsearch_domain"],
    reads: &[],
    controls: Controls {
        fsbp: &["ES.5", "Opensearch.5"],
        config: &["OPENSEARCH_AUDIT_LOGGING_ENABLED"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_317", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    publishes(
        resource,
        "AUDIT_LOGS",
        "no record of who read or changed the data",
    )
}
