//! # opensearch.in-vpc: OpenSearch domains are deployed inside a VPC
//!
//! ## Why this is your duty
//! OpenSearch Service is a container service: AWS runs the cluster, but
//! whether *your* domain has a public endpoint is the network-exposure duty
//! the model leaves to you. A domain outside a VPC answers on the internet,
//! guarded only by its access policy.
//!
//! ## What AWS already does
//! Creates a public endpoint unless `VPCOptions` / `vpc_options` names
//! subnets (VPC domains since October 2017); the choice cannot be changed
//! after creation.
//!
//! ## Verdicts
//! - met: subnets are named;
//! - not met: no VPC options, or no subnets;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Search:
//!     Type: AWS::OpenSearchService::Domain
//!     Properties:
//!       EngineVersion: OpenSearch_2.13
//!       VPCOptions:
//!         SubnetIds: [subnet-1]
//!         SecurityGroupIds: [sg-1]
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
//!   vpc_options {
//!     subnet_ids         = ["subnet-1"]
//!     security_group_ids = ["sg-1"]
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_elasticsearch_domain" "search" {
//!   domain_name           = "search"
//!   elasticsearch_version = "7.10"
//! }
//! ```

use crate::check::require_set;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "opensearch.in-vpc",
    title: "OpenSearch domains are deployed inside a VPC",
    duty: Duty::NetworkExposure,
    severity: Severity::Critical,
    cfn_types: &[
        "AWS::OpenSearchService::Domain",
        "AWS::Elasticsearch::Domain",
    ],
    tf_types: &["aws_opensearch_domain", "aws_elasticsearch_domain"],
    reads: &[],
    controls: Controls {
        fsbp: &["ES.2", "Opensearch.2"],
        config: &["ELASTICSEARCH_IN_VPC_ONLY", "OPENSEARCH_IN_VPC_ONLY"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_137", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_set(
        resource,
        "VPCOptions.SubnetIds",
        "vpc_options.subnet_ids",
        "the domain has a public endpoint",
    )
}
