//! # opensearch.security-groups: OpenSearch domains in a VPC name their own security groups
//!
//! ## Why this is your duty
//! OpenSearch Service is a container service: AWS places the domain's
//! network interfaces in your subnets, and which traffic reaches them is the
//! firewall duty the model leaves to you. A VPC domain that names no security
//! group gets the VPC's default group, shared with everything else that
//! forgot to name one.
//!
//! ## What AWS already does
//! Attaches the VPC's default security group when `VPCOptions.SecurityGroupIds`
//! / `vpc_options { security_group_ids }` is absent (since VPC domains
//! launched in 2017).
//!
//! ## Verdicts
//! - met: security groups are named;
//! - not met: a VPC domain without them;
//! - not applicable: a domain outside a VPC (`opensearch.in-vpc` fails it);
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
//!     Type: AWS::OpenSearchService::Domain
//!     Properties:
//!       EngineVersion: OpenSearch_2.13
//!       VPCOptions:
//!         SubnetIds: [subnet-1]
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Search:
//!     Type: AWS::OpenSearchService::Domain
//!     Properties:
//!       EngineVersion: OpenSearch_2.13
//! ```
//! ```hcl pass
//! resource "aws_elasticsearch_domain" "search" {
//!   domain_name           = "search"
//!   elasticsearch_version = "7.10"
//!   vpc_options {
//!     subnet_ids         = ["subnet-1"]
//!     security_group_ids = ["sg-1"]
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_opensearch_domain" "search" {
//!   domain_name    = "search"
//!   engine_version = "OpenSearch_2.13"
//!   vpc_options {
//!     subnet_ids = ["subnet-1"]
//!   }
//! }
//! ```

use crate::check::{get, require_set, spelling};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "opensearch.security-groups",
    title: "OpenSearch domains in a VPC name their own security groups",
    duty: Duty::NetworkExposure,
    severity: Severity::Medium,
    cfn_types: &[
        "AWS::OpenSearchService::Domain",
        "AWS::Elasticsearch::Domain",
    ],
    tf_types: &["aws_opensearch_domain", "aws_elasticsearch_domain"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_248", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    if get(resource, spelling(resource, "VPCOptions", "vpc_options")).is_none() {
        return Verdict::not_applicable(resource, "not in a VPC: opensearch.in-vpc judges that");
    }
    require_set(
        resource,
        "VPCOptions.SecurityGroupIds",
        "vpc_options.security_group_ids",
        "the VPC's default security group is used",
    )
}
